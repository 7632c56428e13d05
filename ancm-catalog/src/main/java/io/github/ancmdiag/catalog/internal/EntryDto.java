package io.github.ancmdiag.catalog.internal;

import java.util.List;
import org.jetbrains.annotations.Nullable;

/**
 * One {@code entries/<id>.json} file, as written. Bound by Jackson; validated and mapped to a
 * {@code CatalogEntry} by the loader.
 *
 * @param id the entry id, equal to the file name without {@code .json}
 * @param aliases former ids; optional
 * @param category a category key such as {@code runtime}
 * @param title a short heading
 * @param summary one line
 * @param variants the evidence per version range
 * @param fix the fix steps; optional when every variant has its own
 * @param sources where the quoted texts come from; optional
 */
public record EntryDto(
    @Nullable String id,
    @Nullable List<String> aliases,
    @Nullable String category,
    @Nullable String title,
    @Nullable String summary,
    @Nullable List<VariantDto> variants,
    @Nullable List<String> fix,
    @Nullable List<String> sources) {}
