package io.github.ancmdiag.catalog;

import io.github.ancmdiag.rules.Catalog;
import io.github.ancmdiag.rules.CatalogEntry;
import io.github.ancmdiag.rules.CatalogException;
import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import java.util.stream.Collectors;
import java.util.stream.Stream;
import org.jetbrains.annotations.CheckReturnValue;
import org.jetbrains.annotations.NotNull;
import org.jetbrains.annotations.Nullable;

/**
 * Reads a catalog, or one entry, from JSON files in the format of {@code docs/catalog-format.md}:
 * an {@code index.json} naming the entries and their catalog version, and one {@code
 * entries/<id>.json} per entry.
 *
 * <pre>{@code
 * Catalog mine = CatalogReader.read(Path.of("my-catalog"));   // my-catalog/index.json, entries/
 * Diagnoser diagnoser = Diagnoser.builder().catalog(mine).build();
 * }</pre>
 *
 * <p>Reading is strict: unknown properties, duplicate properties, content after the JSON object,
 * unknown channels, categories and observation keys, malformed version ranges and statuses, and
 * every check of {@link Catalog.Builder#build()} are errors. A broken catalog fails with one
 * {@link CatalogException} listing <em>every</em> problem in every file, each with its file
 * (relative to the catalog root, such as {@code entries/app-pool-stopped.json}), its JSON path
 * (such as {@code $.variants[0].signatures[2].text[0]}), its line when known, and a sentence naming
 * the offending value. I/O errors, a missing file and an entry file the index does not name are
 * problems in that list too; no other exception escapes for bad data.
 *
 * <p>All methods are static, stateless and thread-safe.
 */
public final class CatalogReader {

  private CatalogReader() {}

  /**
   * Reads the catalog in a folder: {@code index.json} and {@code entries/<id>.json} for each id it
   * lists. Every {@code .json} file in {@code entries/} must be listed.
   *
   * @param directory the catalog folder
   * @return the validated catalog
   * @throws CatalogException listing every problem found, including a missing folder or index
   * @throws NullPointerException if {@code directory} is null
   */
  @CheckReturnValue
  public static @NotNull Catalog read(@NotNull Path directory) {
    Objects.requireNonNull(directory, "directory");
    return CatalogLoader.load(new CatalogLoader.Source() {
      @Override
      public @Nullable InputStream open(String name) throws IOException {
        Path file = directory.resolve(name);
        return Files.exists(file) ? Files.newInputStream(file) : null;
      }

      @Override
      public Optional<List<String>> listEntryFiles() throws IOException {
        Path entries = directory.resolve(CatalogLoader.ENTRIES);
        if (!Files.isDirectory(entries)) {
          return Optional.of(List.of());
        }
        try (Stream<Path> files = Files.list(entries)) {
          return Optional.of(files
              .map(f -> f.getFileName().toString())
              .filter(f -> f.endsWith(".json"))
              .sorted()
              .map(f -> CatalogLoader.ENTRIES + f)
              .collect(Collectors.toList()));
        }
      }
    });
  }

  /**
   * Reads a catalog from class-path resources: {@code <basePath>/index.json} and {@code
   * <basePath>/entries/<id>.json} for each id it lists. Resources cannot be listed, so an entry
   * file the index does not name is not noticed.
   *
   * <p>Resources are looked up with {@link ClassLoader#getResourceAsStream(String)}, so resources
   * in a package of a named module are found only when that module opens the package
   * unconditionally; resources on the class path are always found.
   *
   * @param classLoader the class loader that sees the resources
   * @param basePath the resource folder, such as {@code com/example/catalog}; a leading or trailing
   *     {@code /} is ignored, and an empty path means the root
   * @return the validated catalog
   * @throws CatalogException listing every problem found, including a missing index
   * @throws NullPointerException if an argument is null
   */
  @CheckReturnValue
  public static @NotNull Catalog readResources(
      @NotNull ClassLoader classLoader, @NotNull String basePath) {
    Objects.requireNonNull(classLoader, "classLoader");
    String base = folder(Objects.requireNonNull(basePath, "basePath"));
    return CatalogLoader.load(resources(name -> classLoader.getResourceAsStream(base + name)));
  }

  /**
   * Reads and validates one entry file. The entry is checked as a catalog of its own (templates
   * compile, version ranges are disjoint, fix steps use captured names, …); uniqueness among
   * other entries cannot be checked. When {@code sourceName} ends with {@code .json}, its file name
   * must be the entry id followed by {@code .json}. The stream is read to its end and left open.
   *
   * @param json the content of the entry file, JSON in UTF-8 (or UTF-16/32, detected)
   * @param sourceName the name problems give as file, such as {@code entries/app-pool-stopped.json}
   * @return the validated entry
   * @throws CatalogException listing every problem found, including a read error
   * @throws NullPointerException if an argument is null
   */
  @CheckReturnValue
  public static @NotNull CatalogEntry readEntry(
      @NotNull InputStream json, @NotNull String sourceName) {
    Objects.requireNonNull(json, "json");
    Objects.requireNonNull(sourceName, "sourceName");
    return CatalogLoader.loadEntry(json, sourceName);
  }

  /** A source of resources that cannot be listed. */
  static CatalogLoader.Source resources(ResourceOpener opener) {
    return new CatalogLoader.Source() {
      @Override
      public @Nullable InputStream open(String name) throws IOException {
        return opener.open(name);
      }

      @Override
      public Optional<List<String>> listEntryFiles() {
        return Optional.empty();
      }
    };
  }

  /** Normalizes a resource folder to {@code a/b/} (or the empty root). */
  static String folder(String basePath) {
    String base = basePath.strip();
    while (base.startsWith("/")) {
      base = base.substring(1);
    }
    return base.isEmpty() || base.endsWith("/") ? base : base + "/";
  }

  /** Opens a resource by its name relative to the catalog root; {@code null} when absent. */
  @FunctionalInterface
  interface ResourceOpener {
    @Nullable InputStream open(String name) throws IOException;
  }
}
