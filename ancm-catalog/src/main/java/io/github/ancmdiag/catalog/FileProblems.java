package io.github.ancmdiag.catalog;

import io.github.ancmdiag.rules.CatalogProblem;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * The problems found in one catalog file, and where each JSON path of that file starts. {@link
 * StrictJson} records the line of every path it reads; {@link EntryMapper} and {@link
 * CatalogLoader} then report problems by path alone and get the line of the path, or of its
 * nearest ancestor that is in the file (a missing property gets the line of its object).
 *
 * <p>Invariant: a path in {@link #dropped} had its value dropped by {@link StrictJson} (wrong JSON
 * type, number too large) and has a problem already, so a check that would only restate it (the
 * value is then "missing") stays silent. Not thread-safe; one instance per file per load.
 */
final class FileProblems {
  private final String file;
  private final Map<String, Integer> lines = new HashMap<>();
  private final Set<String> dropped = new HashSet<>();
  private final List<CatalogProblem> problems = new ArrayList<>();

  FileProblems(String file) {
    this.file = file;
  }

  String file() {
    return file;
  }

  /** Records the 1-based line a path starts on; the first record of a path wins. */
  void line(String path, int line) {
    if (line > 0) {
      lines.putIfAbsent(path, line);
    }
  }

  /** Reports a problem at a path, on the line of the path or of its nearest recorded ancestor. */
  void add(String path, String message) {
    add(path, lineOf(path), message);
  }

  /** Reports a problem at a path on a known line; when 0, on the line of the path. */
  void add(String path, int line, String message) {
    problems.add(new CatalogProblem(file, path, line > 0 ? line : lineOf(path), message));
  }

  /** Reports a problem at a path whose value is dropped from the file. */
  void drop(String path, String message) {
    add(path, message);
    dropped.add(path);
  }

  /** Tells whether the value at this path, or at one of its ancestors, was dropped. */
  boolean isDropped(String path) {
    for (String p = path; p != null; p = parent(p)) {
      if (dropped.contains(p)) {
        return true;
      }
    }
    return false;
  }

  /** Returns the line of a path, or of its nearest recorded ancestor; 0 when none is known. */
  int lineOf(String path) {
    for (String p = path; p != null; p = parent(p)) {
      Integer line = lines.get(p);
      if (line != null) {
        return line;
      }
    }
    return 0;
  }

  /** Gives a problem of this file that has no line the line of its path. */
  CatalogProblem locate(CatalogProblem problem) {
    if (problem.line() > 0 || !problem.file().equals(file)) {
      return problem;
    }
    int line = lineOf(problem.path());
    return line == 0 ? problem
        : new CatalogProblem(problem.file(), problem.path(), line, problem.message());
  }

  boolean isEmpty() {
    return problems.isEmpty();
  }

  int size() {
    return problems.size();
  }

  List<CatalogProblem> problems() {
    return problems;
  }

  /** Returns the path of a property of the object at {@code path}: {@code $.a.b} or {@code $['a b']}. */
  static String property(String path, String name) {
    boolean plain = !name.isEmpty();
    for (int i = 0; i < name.length() && plain; i++) {
      char c = name.charAt(i);
      plain = Character.isLetterOrDigit(c) || c == '_' || c == '-';
    }
    return plain ? path + "." + name : path + "['" + name.replace("'", "\\'") + "']";
  }

  /** Returns the path of an element of the array at {@code path}. */
  static String element(String path, int index) {
    return path + "[" + index + "]";
  }

  /** Returns the parent of a path, or {@code null} for the root {@code $}. */
  static String parent(String path) {
    if (path.endsWith("]")) {
      int open = path.endsWith("']") ? path.lastIndexOf("['") : path.lastIndexOf('[');
      return open > 0 ? path.substring(0, open) : null;
    }
    int dot = path.lastIndexOf('.');
    return dot > 0 ? path.substring(0, dot) : null;
  }
}
