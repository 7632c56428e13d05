package io.github.ancmdiag.rules;

import java.util.List;
import java.util.Objects;
import org.jetbrains.annotations.NotNull;
import org.jetbrains.annotations.Unmodifiable;

/**
 * One cause of failure: its id, how it shows per version range, and how to fix it.
 *
 * @param id the permanent kebab-case id naming the cause; ids are API
 * @param aliases former ids that still resolve to this entry
 * @param category the area the cause belongs to
 * @param title a short heading
 * @param summary one line, at most 90 characters
 * @param variants how the cause shows, per version range
 * @param fix the steps to fix it; {@code {name}} or {@code {name|fallback}} uses a capture
 * @param sources where each quoted message comes from
 */
public record CatalogEntry(
    @NotNull String id,
    @NotNull @Unmodifiable List<String> aliases,
    @NotNull Category category,
    @NotNull String title,
    @NotNull String summary,
    @NotNull @Unmodifiable List<Variant> variants,
    @NotNull @Unmodifiable List<String> fix,
    @NotNull @Unmodifiable List<String> sources) {

  /**
   * Validates and copies the parts.
   *
   * @param id the permanent kebab-case id naming the cause; ids are API
   * @param aliases former ids that still resolve to this entry
   * @param category the area the cause belongs to
   * @param title a short heading
   * @param summary one line, at most 90 characters
   * @param variants how the cause shows, per version range
   * @param fix the steps to fix it; {@code {name}} or {@code {name|fallback}} uses a capture
   * @param sources where each quoted message comes from
   * @throws IllegalArgumentException if the id is not kebab-case or there is no variant
   */
  public CatalogEntry {
    Signature.requireId(id);
    aliases = List.copyOf(aliases);
    Objects.requireNonNull(category, "category");
    Objects.requireNonNull(title, "title");
    Objects.requireNonNull(summary, "summary");
    variants = List.copyOf(variants);
    fix = List.copyOf(fix);
    sources = List.copyOf(sources);
    if (variants.isEmpty()) {
      throw new IllegalArgumentException("entry '" + id + "' needs at least one variant");
    }
  }

  /**
   * Returns the fix steps that apply to a variant: its own, or else the entry's.
   *
   * @param variant one of this entry's variants
   * @return the fix step templates
   */
  public @NotNull @Unmodifiable List<String> fixFor(@NotNull Variant variant) {
    return variant.fix().isEmpty() ? fix : variant.fix();
  }
}
