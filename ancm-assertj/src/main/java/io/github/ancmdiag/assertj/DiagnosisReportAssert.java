package io.github.ancmdiag.assertj;

import io.github.ancmdiag.DiagnosisReport;
import org.jetbrains.annotations.Nullable;

/**
 * Assertions on a {@link DiagnosisReport}; create one with {@link
 * AncmAssertions#assertThat(DiagnosisReport)}. The assertions are those of {@link
 * AbstractDiagnosisReportAssert}. Not thread-safe.
 */
public final class DiagnosisReportAssert
    extends AbstractDiagnosisReportAssert<DiagnosisReportAssert, DiagnosisReport> {

  /**
   * Creates assertions on a report.
   *
   * @param actual the report to check, or null
   */
  DiagnosisReportAssert(@Nullable DiagnosisReport actual) {
    super(actual, DiagnosisReportAssert.class);
  }
}
