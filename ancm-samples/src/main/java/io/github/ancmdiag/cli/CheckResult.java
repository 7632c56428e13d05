package io.github.ancmdiag.cli;

import io.github.ancmdiag.Diagnosis;
import io.github.ancmdiag.model.Confidence;
import io.github.ancmdiag.model.Finding;
import java.nio.file.Path;
import java.util.Objects;

/**
 * One finding of {@code ancm-diagnose check}: a web.config finding that counts for a catalog
 * entry, where it was found and how sure the web.config alone makes the cause.
 *
 * @param entryId the catalog entry (the SARIF rule)
 * @param summary the entry's one-line summary
 * @param level {@code error} or {@code warning}, from the diagnosis' confidence
 * @param message what the web.config says, as the finding quotes it
 * @param file the web.config the finding is in
 * @param line its 1-based line, or 0 when not known
 */
record CheckResult(String entryId, String summary, String level, String message, Path file,
    long line) {
  CheckResult {
    Objects.requireNonNull(entryId, "entryId");
    Objects.requireNonNull(summary, "summary");
    Objects.requireNonNull(level, "level");
    Objects.requireNonNull(message, "message");
    Objects.requireNonNull(file, "file");
  }

  /** Makes the result for a web.config finding of a diagnosis of {@code file}. */
  static CheckResult of(Diagnosis d, Finding f, Path file) {
    return new CheckResult(d.entryId(), d.summary(), level(d.confidence()), unquote(f.detail()),
        file, lineOf(f.source()));
  }

  /**
   * Maps a confidence to a SARIF level: every finding is a defect of the file, so none is a
   * mere note; {@code warning} says the web.config alone leaves the cause open.
   */
  static String level(Confidence c) {
    return c.isAtLeast(Confidence.MEDIUM) ? "error" : "warning";
  }

  /** Returns {@code file:line} or the file alone when the line is not known. */
  String location() {
    return file + (line > 0 ? ":" + line : "");
  }

  /** Reads the line from a finding's {@code file:line} source; 0 when it has none. */
  static long lineOf(String source) {
    int colon = source.lastIndexOf(':');
    if (colon < 0 || colon == source.length() - 1) {
      return 0;
    }
    String digits = source.substring(colon + 1);
    if (digits.length() > 18 || !digits.chars().allMatch(c -> c >= '0' && c <= '9')) {
      return 0;
    }
    return Long.parseLong(digits);
  }

  private static String unquote(String detail) {
    return detail.length() >= 2 && detail.startsWith("\"") && detail.endsWith("\"")
        ? detail.substring(1, detail.length() - 1) : detail;
  }
}
