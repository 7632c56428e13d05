package io.github.ancmdiag.assertj;

import io.github.ancmdiag.Diagnosis;
import io.github.ancmdiag.DiagnosisReport;
import org.jetbrains.annotations.Nullable;

/**
 * Assertions on one {@link Diagnosis}; create one with {@link
 * AncmAssertions#assertThat(Diagnosis)}, or navigate to one from a report with {@link
 * AbstractDiagnosisReportAssert#topDiagnosis()}. The assertions are those of {@link
 * AbstractDiagnosisAssert}. Not thread-safe.
 */
public final class DiagnosisAssert extends AbstractDiagnosisAssert<DiagnosisAssert, Diagnosis> {

  /**
   * Creates assertions on a diagnosis.
   *
   * @param actual the diagnosis to check, or null
   * @param report the report {@code actual} was navigated to from, shown in failure messages; null
   *     when checked on its own
   */
  DiagnosisAssert(@Nullable Diagnosis actual, @Nullable DiagnosisReport report) {
    super(actual, DiagnosisAssert.class, report);
  }
}
