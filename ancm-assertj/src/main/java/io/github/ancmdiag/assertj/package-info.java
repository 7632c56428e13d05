/**
 * AssertJ assertions on diagnoses, for test suites: start with {@link
 * io.github.ancmdiag.assertj.AncmAssertions#assertThat(io.github.ancmdiag.DiagnosisReport)}.
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
 * <p>A failure gives what was expected, what was found, and then the whole ranked list of
 * diagnoses with each one's confidence, score and evidence, so a red test explains itself.
 *
 * <p>AssertJ is an optional dependency of this module: add {@code org.assertj:assertj-core} to your
 * test dependencies to use this package. The classes follow AssertJ's pattern: an abstract {@code
 * Abstract…Assert<SELF, ACTUAL>} to extend with assertions of your own, and a final class that the
 * entry point returns.
 */
package io.github.ancmdiag.assertj;
