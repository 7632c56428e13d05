package io.github.ancmdiag.rules;

import java.util.Objects;
import org.jetbrains.annotations.NotNull;

/**
 * One thing wrong with a catalog: where it is and what is wrong.
 *
 * @param file the catalog file (or other source name) the problem is in
 * @param path a JSON path within that file, such as {@code $.variants[0].signatures[2].text[0]}
 * @param line the 1-based line in the file, or 0 when unknown
 * @param message what is wrong, as a sentence naming the offending value
 */
public record CatalogProblem(
    @NotNull String file, @NotNull String path, int line, @NotNull String message) {

  /**
   * Validates the parts.
   *
   * @param file the catalog file (or other source name) the problem is in
   * @param path a JSON path within that file, such as {@code $.variants[0].signatures[2].text[0]}
   * @param line the 1-based line in the file, or 0 when unknown
   * @param message what is wrong, as a sentence naming the offending value
   * @throws NullPointerException if a part is null
   * @throws IllegalArgumentException if {@code line} is negative
   */
  public CatalogProblem {
    Objects.requireNonNull(file, "file");
    Objects.requireNonNull(path, "path");
    Objects.requireNonNull(message, "message");
    if (line < 0) {
      throw new IllegalArgumentException("line must not be negative but was " + line);
    }
  }

  @Override
  public String toString() {
    return file + (line > 0 ? ":" + line : "") + " " + path + ": " + message;
  }
}
