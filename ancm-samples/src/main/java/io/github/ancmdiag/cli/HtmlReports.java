package io.github.ancmdiag.cli;

import io.github.ancmdiag.Diagnoser;
import io.github.ancmdiag.rules.CatalogEntry;
import java.io.IOException;
import java.io.PrintWriter;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.HashMap;
import java.util.Map;

/** Writes the {@link HtmlReport} of {@code ancm-diagnose scan --html FILE}. */
final class HtmlReports {
  private HtmlReports() {}

  /** Writes the page; says why on {@code err} and returns false when the file cannot be written. */
  static boolean write(HtmlReport report, Path file, Diagnoser diagnoser, long lines, int files,
      PrintWriter err) {
    Map<String, String> summaries = new HashMap<>();
    for (CatalogEntry e : diagnoser.catalog().entries()) {
      summaries.put(e.id(), e.summary());
    }
    try {
      Files.writeString(file, report.render(summaries, diagnoser.catalog().version(), lines,
          files), StandardCharsets.UTF_8);
      return true;
    } catch (IOException e) {
      err.println("ancm-diagnose scan: cannot write " + file + ": " + TextFiles.reason(e));
      err.flush();
      return false;
    }
  }
}
