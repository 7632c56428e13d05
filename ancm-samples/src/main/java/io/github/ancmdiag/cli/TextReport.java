package io.github.ancmdiag.cli;

import io.github.ancmdiag.Diagnosis;
import io.github.ancmdiag.DiagnosisReport;
import io.github.ancmdiag.model.Expectation;
import io.github.ancmdiag.model.Finding;
import java.io.PrintWriter;
import java.util.List;
import java.util.Locale;
import java.util.Optional;

/**
 * Prints a {@link DiagnosisReport} for people, each diagnosis like a compiler finding:
 * {@code [entry-id] summary (see CATALOG.md#entry-id)}, its confidence and score, the evidence
 * for ({@code +}) and against ({@code -}) it, what it expects and was not seen and no other top
 * candidate expects ({@code ?}, see {@link Clues#distinctive}), and for the top one the fix
 * steps; then, when the top is not {@code HIGH}, the one step that tells the candidates apart
 * best ("To decide, collect:") and, on a second line, the other steps that tell something.
 */
final class TextReport {
  /** At most this many "? not seen" lines are printed per diagnosis. */
  static final int MAX_NOT_SEEN = 5;

  private TextReport() {}

  static void print(DiagnosisReport report, Clues clues, PrintWriter out) {
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
      List<Expectation> distinctive = clues.distinctive(d);
      for (Expectation e : distinctive.subList(0, Math.min(MAX_NOT_SEEN, distinctive.size()))) {
        out.println("   ? not seen: " + e);
      }
      if (distinctive.size() > MAX_NOT_SEEN) {
        out.println("   ? and " + (distinctive.size() - MAX_NOT_SEEN)
            + " more that only this cause expects (see --json)");
      }
      if (rank == 1) {
        int step = 1;
        for (String s : d.fix()) {
          out.println("   fix " + step++ + ". " + s);
        }
      }
      rank++;
    }
    Optional<CollectStep> step = clues.step();
    if (step.isPresent()) {
      out.println("To decide, collect:");
      List<String> apart = clues.toldApart();
      out.println("   * " + step.get().action() + (apart.isEmpty() ? "."
          : apart.size() == 1 ? "; it would confirm " + apart.get(0) + "."
          : "; it tells " + apart.get(0) + " from " + and(apart.subList(1, apart.size())) + "."));
      List<String> later = clues.laterSteps().stream().map(CollectStep::label).toList();
      if (!later.isEmpty()) {
        out.println("   * If that does not settle it: " + String.join("; ", later) + ".");
      }
    }
  }

  /** Joins names as "a", "a and b", "a, b and c". */
  static String and(List<String> names) {
    if (names.size() < 2) {
      return String.join("", names);
    }
    return String.join(", ", names.subList(0, names.size() - 1)) + " and "
        + names.get(names.size() - 1);
  }
}
