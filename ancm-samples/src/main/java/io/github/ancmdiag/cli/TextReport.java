package io.github.ancmdiag.cli;

import io.github.ancmdiag.Diagnosis;
import io.github.ancmdiag.DiagnosisReport;
import io.github.ancmdiag.Expectation;
import io.github.ancmdiag.Finding;
import java.io.PrintWriter;
import java.util.List;
import java.util.Locale;

/**
 * Prints a {@link DiagnosisReport} for people, each diagnosis like a compiler finding:
 * {@code [entry-id] summary (see CATALOG.md#entry-id)}, its confidence and score, the evidence
 * for ({@code +}) and against ({@code -}) it, what it expects and was not seen ({@code ?}), and
 * for the top one the fix steps; then, when the top is not {@code HIGH}, what to collect next.
 */
final class TextReport {
  private TextReport() {}

  static void print(DiagnosisReport report, PrintWriter out) {
    if (report.diagnoses().isEmpty()) {
      out.println("No known cause matches this evidence.");
      return;
    }
    report.aspNetCoreVersion().ifPresentOrElse(v -> out.println("ASP.NET Core " + v),
        () -> report.inferredVersions().ifPresent(r ->
            out.println("ASP.NET Core version inferred from the wording: " + r)));
    int rank = 1;
    for (Diagnosis d : report.diagnoses()) {
      out.printf(Locale.ROOT, "%d. %s%n   confidence %s, score %.2f, ASP.NET Core %s%n", rank, d,
          d.confidence(), d.score(), d.versions());
      for (Finding f : d.supporting()) {
        out.println("   + " + f);
      }
      for (Finding f : d.contradicting()) {
        out.println("   - " + f);
      }
      for (Expectation e : d.missing()) {
        out.println("   ? not seen: " + e);
      }
      if (rank == 1) {
        int step = 1;
        for (String s : d.fix()) {
          out.println("   fix " + step++ + ". " + s);
        }
      }
      rank++;
    }
    List<Clues.Clue> clues = Clues.of(report);
    if (!clues.isEmpty()) {
      out.println("To decide, collect:");
      for (Clues.Clue c : clues) {
        out.println("   * " + c.description().strip()
            + " (expected by " + String.join(", ", c.expectedBy())
            + (c.notExpectedBy().isEmpty() ? ""
                : "; not by " + String.join(", ", c.notExpectedBy())) + ")");
      }
    }
  }
}
