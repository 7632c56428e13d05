package io.github.ancmdiag.assertj;

import io.github.ancmdiag.Diagnoser;
import io.github.ancmdiag.Diagnosis;
import io.github.ancmdiag.DiagnosisReport;
import io.github.ancmdiag.Evidence;
import io.github.ancmdiag.catalog.BundledCatalog;
import io.github.ancmdiag.model.Observation;
import java.util.Locale;

/**
 * Small incidents diagnosed by the real {@link Diagnoser} with the bundled catalog, shared by the
 * assertion tests, and helpers to spell the expected failure messages. Scores are read from the
 * report rather than written down, so tuning the catalog's weights does not break these tests.
 */
final class Incidents {
  static final Diagnoser DIAGNOSER = Diagnoser.builder().catalog(BundledCatalog.load()).build();

  private Incidents() {}

  /** A 503 page and no event log entry: {@code app-pool-stopped}, MEDIUM, the only diagnosis. */
  static DiagnosisReport appPoolStopped() {
    return DIAGNOSER.diagnose(Evidence.builder()
        .browser("HTTP Error 503. The service is unavailable.")
        .observe(Observation.NO_EVENT_LOG_ENTRY)
        .build());
  }

  /** The README's example: {@code missing-shared-framework}, HIGH, ahead of LOW runners-up. */
  static DiagnosisReport missingFramework() {
    return DIAGNOSER.diagnose(Evidence.builder()
        .browser("HTTP Error 500.0 - ANCM In-Process Handler Load Failure")
        .eventLog("Failed to start application '/LM/W3SVC/2/ROOT', ErrorCode '0x8000ffff'.")
        .stdoutLog("The specified framework 'Microsoft.AspNetCore.App', version '3.1.0' was not"
            + " found.")
        .build());
  }

  /**
   * The framework message but no event log entry: {@code missing-shared-framework} first, with the
   * missing event as contradicting evidence.
   */
  static DiagnosisReport missingFrameworkWithoutEvent() {
    return DIAGNOSER.diagnose(Evidence.builder()
        .stdoutLog("The specified framework 'Microsoft.AspNetCore.App', version '3.1.0' was not"
            + " found.")
        .observe(Observation.NO_EVENT_LOG_ENTRY)
        .build());
  }

  /** A page that matches nothing in the catalog: no diagnosis. */
  static DiagnosisReport nothingMatches() {
    return DIAGNOSER.diagnose(Evidence.builder().browser("Hello World!").build());
  }

  /** Joins lines as AssertJ's {@code %n} does. */
  static String lines(String... lines) {
    return String.join(System.lineSeparator(), lines);
  }

  /** The score of a diagnosis as failure messages print it. */
  static String score(Diagnosis d) {
    return String.format(Locale.ROOT, "%.2f", d.score());
  }

  /** The score of a report's diagnosis as failure messages print it. */
  static String score(DiagnosisReport report, String entryId) {
    return score(report.diagnosis(entryId).orElseThrow());
  }

  /** The heading line of a diagnosis in the "All diagnoses:" list, {@code rank} from 1. */
  static String rankLine(DiagnosisReport report, int rank) {
    Diagnosis d = report.diagnoses().get(rank - 1);
    return "  " + rank + ". " + d.entryId() + " " + d.confidence() + " " + score(d);
  }
}
