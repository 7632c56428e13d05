package io.github.ancmdiag.assertj;

import io.github.ancmdiag.Diagnosis;
import io.github.ancmdiag.DiagnosisReport;
import org.assertj.core.annotation.CheckReturnValue;
import org.jetbrains.annotations.NotNull;
import org.jetbrains.annotations.Nullable;

/**
 * Entry point for assertions on diagnosis reports and diagnoses.
 *
 * <pre>{@code
 * import static io.github.ancmdiag.assertj.AncmAssertions.assertThat;
 *
 * assertThat(diagnoser.diagnose(evidence))
 *     .hasTopDiagnosis("missing-shared-framework")
 *     .topDiagnosis()
 *     .hasParameter("frameworkVersion", "3.1.0")
 *     .isSupportedBy(Channel.EVENT_LOG);
 * }</pre>
 *
 * <p>The {@code assertThat} methods here overload AssertJ's own, so both static imports can be used
 * in the same test. Each call returns a new assertion object, which is not thread-safe.
 */
@CheckReturnValue
public final class AncmAssertions {

  private AncmAssertions() {}

  /**
   * Starts assertions on a diagnosis report.
   *
   * @param actual the report to check; may be null, which every assertion then reports as a
   *     failure
   * @return a new assertion object on {@code actual}
   */
  public static @NotNull DiagnosisReportAssert assertThat(@Nullable DiagnosisReport actual) {
    return new DiagnosisReportAssert(actual);
  }

  /**
   * Starts assertions on one diagnosis. A failure shows that diagnosis with its evidence; to see
   * the whole ranked list instead, navigate from the report with {@link
   * AbstractDiagnosisReportAssert#topDiagnosis()} or {@link
   * AbstractDiagnosisReportAssert#diagnosis(String)}.
   *
   * @param actual the diagnosis to check; may be null, which every assertion then reports as a
   *     failure
   * @return a new assertion object on {@code actual}
   */
  public static @NotNull DiagnosisAssert assertThat(@Nullable Diagnosis actual) {
    return new DiagnosisAssert(actual, null);
  }
}
