package io.github.ancmdiag.rules;

import io.github.ancmdiag.internal.template.Template;
import io.github.ancmdiag.internal.template.TemplateSyntaxException;
import io.github.ancmdiag.internal.text.KebabCase;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;
import org.jetbrains.annotations.Contract;
import org.jetbrains.annotations.NotNull;
import org.jetbrains.annotations.Unmodifiable;

/**
 * A validated set of causes. Building one checks everything a diagnoser relies on and reports
 * every problem at once in a {@link CatalogException}: ids and aliases unique and kebab-case,
 * version ranges of an entry disjoint, signature ids unique within a variant, every template
 * compiles, every {@code {name}} in a fix step captured by a
 * signature of the entry or given a fallback ({@code {name|fallback}}). Immutable and thread-safe.
 *
 * <pre>{@code
 * Catalog catalog = Catalog.builder().version("2026.11.0").add(entry, "entries/my-cause.json").build();
 * }</pre>
 */
public final class Catalog {
  private static final int MAX_SUMMARY = 90;

  private final String version;
  private final List<CatalogEntry> entries;
  private final Map<String, CatalogEntry> byId;

  private Catalog(String version, List<CatalogEntry> entries, Map<String, CatalogEntry> byId) {
    this.version = version;
    this.entries = List.copyOf(entries);
    this.byId = Map.copyOf(byId);
  }

  /**
   * Starts building a catalog.
   *
   * @return a new builder
   */
  @Contract(pure = true)
  public static @NotNull Builder builder() {
    return new Builder();
  }

  /**
   * Returns the catalog version, such as {@code 2026.11.0}.
   *
   * @return the version
   */
  public @NotNull String version() {
    return version;
  }

  /**
   * Returns the entries in catalog order.
   *
   * @return the entries
   */
  public @NotNull @Unmodifiable List<CatalogEntry> entries() {
    return entries;
  }

  /**
   * Finds an entry by its id or one of its aliases.
   *
   * @param idOrAlias an entry id or alias
   * @return the entry, or empty when no entry has that id or alias
   */
  public @NotNull Optional<CatalogEntry> entry(@NotNull String idOrAlias) {
    return Optional.ofNullable(byId.get(Objects.requireNonNull(idOrAlias, "idOrAlias")));
  }

  @Override
  public String toString() {
    return "Catalog " + version + " (" + entries.size() + " entries)";
  }

  /**
   * Builds a {@link Catalog}. Not thread-safe. {@link #build()} leaves the builder unchanged and
   * may be called again.
   */
  public static final class Builder {
    private String version;
    private final List<CatalogEntry> entries = new ArrayList<>();
    private final List<String> sources = new ArrayList<>();

    private Builder() {}

    /**
     * Sets the catalog version.
     *
     * @param version a non-blank version text
     * @return this builder
     * @throws IllegalArgumentException if {@code version} is blank
     * @throws IllegalStateException if the version was already set
     */
    public @NotNull Builder version(@NotNull String version) {
      if (Objects.requireNonNull(version, "version").isBlank()) {
        throw new IllegalArgumentException("version must not be blank");
      }
      if (this.version != null) {
        throw new IllegalStateException("version was already set to " + this.version);
      }
      this.version = version;
      return this;
    }

    /**
     * Adds an entry read from the named source, which problems will name.
     *
     * @param entry the entry
     * @param source where it was read, such as {@code entries/app-pool-stopped.json}
     * @return this builder
     */
    public @NotNull Builder add(@NotNull CatalogEntry entry, @NotNull String source) {
      entries.add(Objects.requireNonNull(entry, "entry"));
      sources.add(Objects.requireNonNull(source, "source"));
      return this;
    }

    /**
     * Adds an entry built in code.
     *
     * @param entry the entry
     * @return this builder
     */
    public @NotNull Builder add(@NotNull CatalogEntry entry) {
      return add(entry, "entry '" + Objects.requireNonNull(entry, "entry").id() + "'");
    }

    /**
     * Validates the entries and builds the catalog.
     *
     * @return a new catalog
     * @throws CatalogException listing every problem found
     * @throws IllegalStateException if no version was set
     */
    public @NotNull Catalog build() {
      if (version == null) {
        throw new IllegalStateException("version was not set");
      }
      List<CatalogProblem> problems = new ArrayList<>();
      Map<String, CatalogEntry> byId = new LinkedHashMap<>();
      Map<String, String> where = new HashMap<>();
      for (int e = 0; e < entries.size(); e++) {
        CatalogEntry entry = entries.get(e);
        String src = sources.get(e);
        List<String> names = new ArrayList<>();
        names.add(entry.id());
        names.addAll(entry.aliases());
        for (int a = 0; a < names.size(); a++) {
          String name = names.get(a);
          String path = a == 0 ? "$.id" : "$.aliases[" + (a - 1) + "]";
          if (!KebabCase.matches(name)) {
            problems.add(new CatalogProblem(src, path, 0,
                "'" + name + "' is not lowercase kebab-case"));
          }
          String other = where.putIfAbsent(name, src);
          if (other != null) {
            problems.add(new CatalogProblem(src, path, 0,
                "'" + name + "' is already used by " + other));
          } else {
            byId.put(name, entry);
          }
        }
        if (entry.summary().isBlank() || entry.summary().length() > MAX_SUMMARY) {
          problems.add(new CatalogProblem(src, "$.summary", 0, "the summary must have 1 to "
              + MAX_SUMMARY + " characters but has " + entry.summary().length()));
        }
        if (entry.title().isBlank()) {
          problems.add(new CatalogProblem(src, "$.title", 0, "the title must not be blank"));
        }
        validateVariants(entry, src, problems);
      }
      if (!problems.isEmpty()) {
        throw new CatalogException(problems);
      }
      return new Catalog(version, entries, byId);
    }

    private static void validateVariants(
        CatalogEntry entry, String src, List<CatalogProblem> problems) {
      Set<String> captured = new HashSet<>();
      for (int v = 0; v < entry.variants().size(); v++) {
        Variant variant = entry.variants().get(v);
        String vpath = "$.variants[" + v + "]";
        for (int w = 0; w < v; w++) {
          if (entry.variants().get(w).versions().intersects(variant.versions())) {
            problems.add(new CatalogProblem(src, vpath + ".versions", 0, "the range "
                + variant.versions() + " overlaps " + entry.variants().get(w).versions()
                + " of $.variants[" + w + "]"));
          }
        }
        Set<String> sigIds = new HashSet<>();
        for (int g = 0; g < variant.signatures().size(); g++) {
          Signature sig = variant.signatures().get(g);
          String spath = vpath + ".signatures[" + g + "]";
          if (!sigIds.add(sig.id())) {
            problems.add(new CatalogProblem(src, spath + ".id", 0,
                "the signature id '" + sig.id() + "' is used twice in this variant"));
          }
          for (int x = 0; x < sig.texts().size(); x++) {
            try {
              captured.addAll(Template.parse(sig.texts().get(x)).captureNames());
            } catch (TemplateSyntaxException ex) {
              problems.add(new CatalogProblem(src, spath + ".text[" + x + "]", 0,
                  "the template does not compile: " + ex.getMessage()));
            }
          }
          if (sig.kind() == Signature.Kind.STATUS) {
            captured.add("status");
          }
        }
      }
      checkFix(entry.fix(), "$.fix", captured, src, problems);
      for (int v = 0; v < entry.variants().size(); v++) {
        checkFix(entry.variants().get(v).fix(), "$.variants[" + v + "].fix", captured, src,
            problems);
      }
      if (entry.fix().isEmpty()
          && entry.variants().stream().anyMatch(x -> x.fix().isEmpty())) {
        problems.add(new CatalogProblem(src, "$.fix", 0, "the entry has no fix steps"));
      }
    }

    private static void checkFix(List<String> steps, String path, Set<String> captured,
        String src, List<CatalogProblem> problems) {
      for (int i = 0; i < steps.size(); i++) {
        FixStep step = FixStep.parse(steps.get(i));
        for (String name : step.placeholders()) {
          if (!step.hasFallback(name) && !captured.contains(name)) {
            problems.add(new CatalogProblem(src, path + "[" + i + "]", 0, "the step uses {"
                + name + "}, which no signature of the entry captures; capture it or"
                + " give a fallback as {" + name + "|...}"));
          }
        }
      }
    }
  }
}
