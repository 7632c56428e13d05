package io.github.ancmdiag.catalog.internal;

import java.util.List;
import org.jetbrains.annotations.Nullable;

/**
 * One element of an entry's {@code variants}. Bound by Jackson; validated by the loader.
 *
 * @param versions a version range such as {@code [2.2,)}
 * @param signatures the evidence in that range
 * @param fix fix steps in place of the entry's; optional
 */
public record VariantDto(
    @Nullable String versions,
    @Nullable List<SignatureDto> signatures,
    @Nullable List<String> fix) {}
