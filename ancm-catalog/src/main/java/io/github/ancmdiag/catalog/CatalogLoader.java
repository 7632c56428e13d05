package io.github.ancmdiag.catalog;

import io.github.ancmdiag.catalog.internal.EntryDto;
import io.github.ancmdiag.catalog.internal.IndexDto;
import io.github.ancmdiag.internal.text.KebabCase;
import io.github.ancmdiag.rules.Catalog;
import io.github.ancmdiag.rules.CatalogEntry;
import io.github.ancmdiag.rules.CatalogException;
import io.github.ancmdiag.rules.CatalogProblem;
import java.io.IOException;
import java.io.InputStream;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.jetbrains.annotations.Nullable;

/**
 * Loads a whole catalog from a {@link Source}: {@code index.json}, then every entry file it names,
 * then {@link Catalog.Builder#build()}. Called by {@link CatalogReader} and {@link BundledCatalog}.
 *
 * <p>Every file is read even when earlier ones are broken, and the problems of all of them are
 * thrown together: first those of {@code index.json}, then those of each entry file in index
 * order, then those the builder finds in the entries that could be built (given the line of their
 * path). File names are relative to the catalog root, such as {@code entries/app-pool-stopped.json}.
 * Stateless; safe to call from several threads.
 */
final class CatalogLoader {
  static final String INDEX = "index.json";
  static final String ENTRIES = "entries/";
  private static final String JSON = ".json";
  /** The version given to the builder when the index has none; the load fails anyway. */
  private static final String NO_VERSION = "unknown";

  /** Where the catalog files are. */
  interface Source {
    /**
     * Opens a file of the catalog.
     *
     * @param name a name relative to the catalog root, such as {@code entries/x.json}
     * @return the content, or {@code null} when there is no such file
     * @throws IOException if the file exists but cannot be opened
     */
    @Nullable InputStream open(String name) throws IOException;

    /**
     * Lists the entry files, when the source can be listed (a folder, not a jar).
     *
     * @return the names relative to the catalog root, or empty when the source cannot be listed
     * @throws IOException if listing fails
     */
    Optional<List<String>> listEntryFiles() throws IOException;
  }

  private CatalogLoader() {}

  /** Loads the catalog, or throws every problem found. */
  static Catalog load(Source source) {
    FileProblems index = new FileProblems(INDEX);
    List<FileProblems> files = new ArrayList<>();
    files.add(index);
    IndexDto dto = readIndex(source, index);
    List<String> ids = dto == null ? List.of() : ids(dto, index);
    Catalog.Builder builder = Catalog.builder();
    builder.version(dto != null && dto.version() != null && !dto.version().isBlank()
        ? dto.version() : NO_VERSION);
    Map<String, FileProblems> byFile = new HashMap<>();
    for (int i = 0; i < ids.size(); i++) {
      String id = ids.get(i);
      if (id == null) {
        continue;
      }
      String name = ENTRIES + id + JSON;
      FileProblems problems = new FileProblems(name);
      files.add(problems);
      byFile.put(name, problems);
      byte[] json = bytes(source, name, problems);
      if (json == null) {
        if (problems.isEmpty()) {
          index.add(FileProblems.element("$.entries", i), "the entry '" + id + "' has no file "
              + name);
        }
        continue;
      }
      CatalogEntry entry = parseEntry(json, id, problems);
      if (entry != null) {
        builder.add(entry, name);
      }
    }
    if (dto != null) {
      reportUnlisted(source, ids, index, files);
    }
    return build(builder, files, byFile);
  }

  /** Reads one entry, validated as a one-entry catalog, or throws every problem found. */
  static CatalogEntry loadEntry(InputStream json, String sourceName) {
    FileProblems problems = new FileProblems(sourceName);
    byte[] bytes;
    try {
      bytes = json.readAllBytes();
    } catch (IOException e) {
      problems.add("$", 0, "the file cannot be read: " + e);
      throw new CatalogException(problems.problems());
    }
    String base = sourceName.substring(Math.max(sourceName.lastIndexOf('/'),
        sourceName.lastIndexOf('\\')) + 1);
    String fileId = base.endsWith(JSON) ? base.substring(0, base.length() - JSON.length()) : null;
    CatalogEntry entry = parseEntry(bytes, fileId, problems);
    Catalog.Builder builder = Catalog.builder().version(NO_VERSION);
    if (entry != null) {
      builder.add(entry, sourceName);
    }
    build(builder, List.of(problems), Map.of(sourceName, problems));
    return entry;
  }

  private static @Nullable IndexDto readIndex(Source source, FileProblems index) {
    byte[] json = bytes(source, INDEX, index);
    if (json == null) {
      if (index.isEmpty()) {
        index.add("$", 0, "the catalog has no " + INDEX);
      }
      return null;
    }
    IndexDto dto = StrictJson.read(json, IndexDto.class, index);
    if (dto != null && dto.version() == null && !index.isDropped("$.version")) {
      index.add("$.version", "the required property 'version' is missing or null");
    } else if (dto != null && dto.version() != null && dto.version().isBlank()) {
      index.add("$.version", "the catalog version is blank");
    }
    return dto;
  }

  /**
   * Checks the ids of the index. Returns one element per index element: the id, or {@code null}
   * for an id that is not to be read (reported).
   */
  private static List<String> ids(IndexDto dto, FileProblems index) {
    List<String> ids = new ArrayList<>();
    if (dto.entries() == null) {
      if (!index.isDropped("$.entries")) {
        index.add("$.entries", "the required property 'entries' is missing or null");
      }
      return ids;
    }
    if (dto.entries().isEmpty()) {
      index.add("$.entries", "the index lists no entries");
    }
    Map<String, Integer> seen = new LinkedHashMap<>();
    for (int i = 0; i < dto.entries().size(); i++) {
      String id = dto.entries().get(i);
      String path = FileProblems.element("$.entries", i);
      if (id == null) {
        if (!index.isDropped(path)) {
          index.add(path, "the element is null; expected an entry id");
        }
        id = null;
      } else if (!KebabCase.matches(id)) {
        index.add(path, "'" + id + "' is not a lowercase kebab-case entry id");
        id = null;
      } else if (seen.containsKey(id)) {
        index.add(path, "the entry '" + id + "' is listed twice, also at "
            + FileProblems.element("$.entries", seen.get(id)));
        id = null;
      } else {
        seen.put(id, i);
      }
      ids.add(id);
    }
    return ids;
  }

  private static @Nullable CatalogEntry parseEntry(
      byte[] json, @Nullable String fileId, FileProblems problems) {
    EntryDto dto = StrictJson.read(json, EntryDto.class, problems);
    return dto == null ? null : EntryMapper.map(dto, fileId, problems);
  }

  /** Reports entry files the index does not name, when the source can be listed. */
  private static void reportUnlisted(
      Source source, List<String> ids, FileProblems index, List<FileProblems> files) {
    try {
      Optional<List<String>> listed = source.listEntryFiles();
      if (listed.isEmpty()) {
        return;
      }
      for (String name : listed.get()) {
        String id = name.substring(ENTRIES.length(), name.length() - JSON.length());
        if (!ids.contains(id)) {
          FileProblems problems = new FileProblems(name);
          problems.add("$", 0, "the file is not listed in " + INDEX + ", so it is never loaded;"
              + " add '" + id + "' to $.entries or delete the file");
          files.add(problems);
        }
      }
    } catch (IOException e) {
      index.add("$.entries", 0, "the folder " + ENTRIES + " cannot be listed: " + e);
    }
  }

  /** Reads a file; {@code null} when it is missing (nothing reported) or unreadable (reported). */
  private static byte @Nullable [] bytes(Source source, String name, FileProblems problems) {
    try (InputStream in = source.open(name)) {
      return in == null ? null : in.readAllBytes();
    } catch (IOException e) {
      problems.add("$", 0, "the file cannot be read: " + e);
      return null;
    }
  }

  private static Catalog build(
      Catalog.Builder builder, List<FileProblems> files, Map<String, FileProblems> byFile) {
    List<CatalogProblem> problems = new ArrayList<>();
    for (FileProblems file : files) {
      problems.addAll(file.problems());
    }
    try {
      Catalog catalog = builder.build();
      if (problems.isEmpty()) {
        return catalog;
      }
    } catch (CatalogException e) {
      for (CatalogProblem problem : e.problems()) {
        FileProblems file = byFile.get(problem.file());
        problems.add(file == null ? problem : file.locate(problem));
      }
    }
    throw new CatalogException(problems);
  }
}
