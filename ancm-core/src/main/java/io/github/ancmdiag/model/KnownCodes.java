package io.github.ancmdiag.model;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.io.Reader;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import org.jetbrains.annotations.NotNull;
import org.jetbrains.annotations.Nullable;
import org.jetbrains.annotations.Unmodifiable;

/**
 * The table of HRESULTs and .NET host status codes whose names and meanings we know, read from
 * the bundled resource {@code known-codes.tsv}. Called by {@link HResult#name()},
 * {@link HResult#description()} and {@link HResult#isHostStatus()}.
 *
 * <p>The resource is read once, on first use, with the initialization-on-demand holder idiom
 * (JLS 12.4.2 makes the holder's initialization lazy and thread-safe without locks). A malformed
 * resource is a build defect, so it fails loudly with an {@link IllegalStateException} naming
 * the line, every time the table is asked for (the failure is kept, so a later call does not see
 * a {@link NoClassDefFoundError} instead).
 *
 * <p>Format: UTF-8, lines starting with {@code #} are comments, then the header line
 * ({@link #HEADER}), then one row per code with exactly five tab-separated
 * columns: {@code hex} ({@code 0x} and eight lowercase hex digits, unique), {@code kind}
 * ({@code HRESULT} or {@code HOST}), {@code name} (may be empty), {@code older_names}
 * ({@code " | "}-separated, since names carry qualifiers with
 * {@code ;} and {@code ,}; may be empty) and {@code meaning} (never empty).
 */
final class KnownCodes {

  /** The resource name, relative to this class's package. */
  static final String RESOURCE = "known-codes.tsv";

  /** The header line, columns separated by tabs. */
  static final String HEADER = "hex\tkind\tname\tolder_names\tmeaning";

  private static final int COLUMNS = 5;

  /** What kind of code a row describes. */
  enum Kind {
    /** An HRESULT or SEH code that appears in ANCM messages. */
    HRESULT,
    /** A status code of the .NET host (hostfxr, hostpolicy, apphost, dotnet). */
    HOST
  }

  /**
   * One row of the table.
   *
   * @param value the code
   * @param kind what kind of code it is
   * @param name the symbolic name, empty when the reference knows none
   * @param olderNames older or alternative names, as the reference gives them
   * @param meaning what the code means, never empty
   */
  record Entry(
      int value,
      @NotNull Kind kind,
      @NotNull String name,
      @NotNull @Unmodifiable List<String> olderNames,
      @NotNull String meaning) {

    Entry {
      Objects.requireNonNull(kind, "kind");
      Objects.requireNonNull(name, "name");
      olderNames = List.copyOf(olderNames);
      Objects.requireNonNull(meaning, "meaning");
    }
  }

  private KnownCodes() {}

  /**
   * Returns the entry for a code.
   *
   * @param value the code
   * @return its entry, or {@code null} when the code is not in the table
   * @throws IllegalStateException if the bundled resource is missing or malformed
   */
  static @Nullable Entry find(int value) {
    return table().get(value);
  }

  /**
   * Returns the whole table.
   *
   * @return every entry by code
   * @throws IllegalStateException if the bundled resource is missing or malformed
   */
  static @NotNull @Unmodifiable Map<Integer, Entry> all() {
    return table();
  }

  private static Map<Integer, Entry> table() {
    RuntimeException failure = Holder.FAILURE;
    if (failure != null) {
      throw new IllegalStateException(failure.getMessage(), failure);
    }
    return Holder.TABLE;
  }

  /**
   * Reads a table in the format described on this class.
   *
   * @param reader the text; not closed
   * @param source what to call the text in error messages
   * @return every entry by code
   * @throws IllegalStateException naming the line if the text is malformed
   * @throws UncheckedIOException if reading fails
   */
  static @NotNull @Unmodifiable Map<Integer, Entry> read(
      @NotNull Reader reader, @NotNull String source) {
    BufferedReader lines = new BufferedReader(reader);
    Map<Integer, Entry> table = new HashMap<>();
    boolean headerSeen = false;
    int lineNumber = 0;
    try {
      for (String line = lines.readLine(); line != null; line = lines.readLine()) {
        lineNumber++;
        if (line.startsWith("#")) {
          continue;
        }
        if (!headerSeen) {
          if (!line.equals(HEADER)) {
            throw malformed(source, lineNumber, "the header must be '" + HEADER + "'");
          }
          headerSeen = true;
          continue;
        }
        Entry entry = parseRow(line, source, lineNumber);
        if (table.putIfAbsent(entry.value(), entry) != null) {
          throw malformed(source, lineNumber, "code " + HResult.of(entry.value())
              + " is listed twice");
        }
      }
    } catch (IOException e) {
      throw new UncheckedIOException("could not read " + source, e);
    }
    if (!headerSeen) {
      throw malformed(source, lineNumber, "the header '" + HEADER + "' is missing");
    }
    return Map.copyOf(table);
  }

  private static Entry parseRow(String line, String source, int lineNumber) {
    List<String> cells = split(line, '\t');
    if (cells.size() != COLUMNS) {
      throw malformed(source, lineNumber,
          "expected " + COLUMNS + " tab-separated columns but found " + cells.size());
    }
    String hex = cells.get(0);
    if (!isCanonicalHex(hex)) {
      throw malformed(source, lineNumber,
          "the code '" + hex + "' is not 0x followed by 8 lowercase hex digits");
    }
    int value = Integer.parseUnsignedInt(hex.substring(2), 16);
    Kind kind;
    try {
      kind = Kind.valueOf(cells.get(1));
    } catch (IllegalArgumentException e) {
      throw malformed(source, lineNumber,
          "the kind '" + cells.get(1) + "' is neither HRESULT nor HOST");
    }
    String meaning = cells.get(4);
    if (meaning.isBlank()) {
      throw malformed(source, lineNumber, "the meaning of " + hex + " is empty");
    }
    String older = cells.get(3);
    List<String> olderNames = older.isEmpty() ? List.of() : split(older, '|');
    List<String> trimmed = new ArrayList<>(olderNames.size());
    for (String name : olderNames) {
      trimmed.add(name.strip());
    }
    return new Entry(value, kind, cells.get(2).strip(), trimmed, meaning);
  }

  private static boolean isCanonicalHex(String hex) {
    if (hex.length() != 10 || !hex.startsWith("0x")) {
      return false;
    }
    for (int i = 2; i < hex.length(); i++) {
      char c = hex.charAt(i);
      if (!((c >= '0' && c <= '9') || (c >= 'a' && c <= 'f'))) {
        return false;
      }
    }
    return true;
  }

  private static List<String> split(String line, char separator) {
    List<String> cells = new ArrayList<>(COLUMNS);
    int start = 0;
    for (int i = 0; i < line.length(); i++) {
      if (line.charAt(i) == separator) {
        cells.add(line.substring(start, i));
        start = i + 1;
      }
    }
    cells.add(line.substring(start));
    return cells;
  }

  private static IllegalStateException malformed(String source, int line, String problem) {
    return new IllegalStateException(source + " line " + line + " is malformed: " + problem);
  }

  private static Map<Integer, Entry> readBundled() {
    String source = KnownCodes.class.getPackageName().replace('.', '/') + '/' + RESOURCE;
    InputStream in = KnownCodes.class.getResourceAsStream(RESOURCE);
    if (in == null) {
      throw new IllegalStateException("the resource " + source + " is missing from the jar");
    }
    try (Reader reader = new InputStreamReader(in, StandardCharsets.UTF_8)) {
      return read(reader, source);
    } catch (IOException e) {
      throw new UncheckedIOException("could not read " + source, e);
    }
  }

  /** Holds the table, or why it could not be read; initialized by the JVM on first access. */
  private static final class Holder {
    static final Map<Integer, Entry> TABLE;
    static final RuntimeException FAILURE;

    static {
      Map<Integer, Entry> table = Map.of();
      RuntimeException failure = null;
      try {
        table = readBundled();
      } catch (IllegalStateException | UncheckedIOException e) {
        failure = e;
      }
      TABLE = table;
      FAILURE = failure;
    }

    private Holder() {}
  }
}
