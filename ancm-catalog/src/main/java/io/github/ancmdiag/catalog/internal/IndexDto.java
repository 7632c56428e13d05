package io.github.ancmdiag.catalog.internal;

import java.util.List;
import org.jetbrains.annotations.Nullable;

/**
 * The catalog's {@code index.json}: the catalog version and the ids of its entries, in order.
 * Bound by Jackson; validated by the loader.
 *
 * @param version the catalog version, such as {@code 2026.11.0}
 * @param entries the entry ids; entry {@code x} is read from {@code entries/x.json}
 */
public record IndexDto(@Nullable String version, @Nullable List<String> entries) {}
