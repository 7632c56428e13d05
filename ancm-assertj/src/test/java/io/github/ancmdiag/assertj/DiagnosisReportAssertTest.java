package io.github.ancmdiag.assertj;

import static io.github.ancmdiag.assertj.AncmAssertions.assertThat;
import static io.github.ancmdiag.assertj.Incidents.appPoolStopped;
import static io.github.ancmdiag.assertj.Incidents.lines;
import static io.github.ancmdiag.assertj.Incidents.missingFramework;
import static io.github.ancmdiag.assertj.Incidents.nothingMatches;
import static io.github.ancmdiag.assertj.Incidents.rankLine;
import static io.github.ancmdiag.assertj.Incidents.score;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.github.ancmdiag.DiagnosisReport;
import io.github.ancmdiag.model.Channel;
import io.github.ancmdiag.model.Confidence;
import org.junit.jupiter.api.Test;

class DiagnosisReportAssertTest {

  /** The full ranked list of {@link Incidents#missingFramework()}, as far as rank 1 goes. */
  private static String missingFrameworkRankOne(DiagnosisReport report) {
    return lines(
        "All diagnoses:",
        rankLine(report, 1),
        "     + BROWSER \"HTTP 500.0\"",
        "     + BROWSER \"HTTP Error 500.0 - ANCM In-Process Handler Load Failure\"",
        "     + EVENT_LOG \"Failed to start application '/LM/W3SVC/2/ROOT', ErrorCode"
            + " '0x8000ffff'.\"",
        "     + STDOUT_LOG \"The specified framework 'Microsoft.AspNetCore.App', version '3.1.0'"
            + " was not found\"",
        rankLine(report, 2));
  }

  // ---- the example of the Javadoc and STYLE.md -------------------------------------------------

  @Test
  void should_pass_the_documented_example_when_the_framework_is_missing() {
    // given
    DiagnosisReport report = missingFramework();

    // then: the code of AncmAssertions' Javadoc, verbatim (with diagnoser.diagnose(evidence))
    assertThat(report)
        .hasTopDiagnosis("missing-shared-framework")
        .topDiagnosis()
        .hasParameter("frameworkVersion", "3.1.0")
        .isSupportedBy(Channel.EVENT_LOG);
  }

  // ---- null -------------------------------------------------------------------------------------

  @Test
  void should_fail_when_the_report_is_null() {
    // given
    DiagnosisReport report = null;

    // then
    assertThatThrownBy(() -> assertThat(report).hasNoDiagnosis())
        .isInstanceOf(AssertionError.class)
        .hasMessageContaining("Expecting actual not to be null");
  }

  @Test
  void should_throw_npe_when_the_entry_id_is_null() {
    // given
    DiagnosisReport report = appPoolStopped();

    // then
    assertThatThrownBy(() -> assertThat(report).hasTopDiagnosis(null))
        .isInstanceOf(NullPointerException.class)
        .hasMessage("entryId");
  }

  // ---- hasTopDiagnosis(entryId) -----------------------------------------------------------------

  @Test
  void should_pass_hasTopDiagnosis_when_the_entry_comes_first() {
    // given
    DiagnosisReport report = missingFramework();

    // then
    assertThat(report).hasTopDiagnosis("missing-shared-framework");
  }

  @Test
  void should_fail_hasTopDiagnosis_with_the_whole_list_when_another_entry_comes_first() {
    // given
    DiagnosisReport report = appPoolStopped();
    String score = score(report, "app-pool-stopped");

    // then: the whole message, once, to pin its layout
    assertThatThrownBy(() -> assertThat(report).hasTopDiagnosis("missing-shared-framework"))
        .isInstanceOf(AssertionError.class)
        .hasMessage(lines(
            "",
            "Expecting top diagnosis:",
            "  missing-shared-framework",
            "but was:",
            "  app-pool-stopped (MEDIUM, " + score + ")",
            "All diagnoses:",
            "  1. app-pool-stopped MEDIUM " + score,
            "     + BROWSER \"HTTP 503\"",
            "     + BROWSER \"The service is unavailable\"",
            "     + EVENT_LOG observation no-event-log-entry"));
  }

  @Test
  void should_fail_hasTopDiagnosis_when_the_entry_is_only_a_runner_up() {
    // given
    DiagnosisReport report = missingFramework();
    String runnerUp = report.diagnoses().get(1).entryId();

    // then
    assertThatThrownBy(() -> assertThat(report).hasTopDiagnosis(runnerUp))
        .isInstanceOf(AssertionError.class)
        .hasMessageContaining(lines(
            "Expecting top diagnosis:",
            "  " + runnerUp,
            "but was:",
            "  missing-shared-framework (HIGH, " + score(report, "missing-shared-framework") + ")",
            missingFrameworkRankOne(report)))
        .hasMessageContaining(rankLine(report, report.diagnoses().size()));
  }

  @Test
  void should_fail_hasTopDiagnosis_when_the_report_has_no_diagnosis() {
    // given
    DiagnosisReport report = nothingMatches();

    // then
    assertThatThrownBy(() -> assertThat(report).hasTopDiagnosis("app-pool-stopped"))
        .isInstanceOf(AssertionError.class)
        .hasMessageContaining(lines(
            "Expecting top diagnosis:",
            "  app-pool-stopped",
            "but was:",
            "  no diagnosis",
            "All diagnoses:",
            "  (none; 0 of 1 records matched a catalog signature)"));
  }

  // ---- hasTopDiagnosis(entryId, atLeast) --------------------------------------------------------

  @Test
  void should_pass_hasTopDiagnosis_at_least_when_the_entry_comes_first_confidently_enough() {
    // given
    DiagnosisReport report = appPoolStopped();

    // then
    assertThat(report)
        .hasTopDiagnosis("app-pool-stopped", Confidence.MEDIUM)
        .hasTopDiagnosis("app-pool-stopped", Confidence.LOW);
  }

  @Test
  void should_fail_hasTopDiagnosis_at_least_when_the_top_entry_is_less_confident() {
    // given
    DiagnosisReport report = appPoolStopped();
    String score = score(report, "app-pool-stopped");

    // then
    assertThatThrownBy(() -> assertThat(report)
        .hasTopDiagnosis("app-pool-stopped", Confidence.HIGH))
        .isInstanceOf(AssertionError.class)
        .hasMessageContaining(lines(
            "Expecting top diagnosis:",
            "  app-pool-stopped (at least HIGH)",
            "but was:",
            "  app-pool-stopped (MEDIUM, " + score + ")",
            "All diagnoses:",
            "  1. app-pool-stopped MEDIUM " + score,
            "     + BROWSER \"HTTP 503\""));
  }

  @Test
  void should_fail_hasTopDiagnosis_at_least_when_another_entry_comes_first() {
    // given
    DiagnosisReport report = missingFramework();
    String runnerUp = report.diagnoses().get(1).entryId();

    // then
    assertThatThrownBy(() -> assertThat(report).hasTopDiagnosis(runnerUp, Confidence.LOW))
        .isInstanceOf(AssertionError.class)
        .hasMessageContaining(lines(
            "Expecting top diagnosis:",
            "  " + runnerUp + " (at least LOW)",
            "but was:",
            "  missing-shared-framework (HIGH, " + score(report, "missing-shared-framework") + ")",
            missingFrameworkRankOne(report)));
  }

  // ---- hasNoDiagnosisAbove ----------------------------------------------------------------------

  @Test
  void should_pass_hasNoDiagnosisAbove_when_no_diagnosis_is_more_confident() {
    // given
    DiagnosisReport report = appPoolStopped();

    // then
    assertThat(report)
        .hasNoDiagnosisAbove(Confidence.MEDIUM)
        .hasNoDiagnosisAbove(Confidence.HIGH);
  }

  @Test
  void should_fail_hasNoDiagnosisAbove_when_a_diagnosis_is_more_confident() {
    // given
    DiagnosisReport report = missingFramework();

    // then
    assertThatThrownBy(() -> assertThat(report).hasNoDiagnosisAbove(Confidence.MEDIUM))
        .isInstanceOf(AssertionError.class)
        .hasMessageContaining(lines(
            "Expecting no diagnosis with a confidence above:",
            "  MEDIUM",
            "but found:",
            "  missing-shared-framework (HIGH, " + score(report, "missing-shared-framework") + ")",
            missingFrameworkRankOne(report)));
  }

  @Test
  void should_fail_hasNoDiagnosisAbove_low_when_the_top_diagnosis_is_medium() {
    // given
    DiagnosisReport report = appPoolStopped();

    // then
    assertThatThrownBy(() -> assertThat(report).hasNoDiagnosisAbove(Confidence.LOW))
        .isInstanceOf(AssertionError.class)
        .hasMessageContaining(lines(
            "but found:",
            "  app-pool-stopped (MEDIUM, " + score(report, "app-pool-stopped") + ")",
            "All diagnoses:",
            rankLine(report, 1)));
  }

  // ---- hasNoDiagnosis ---------------------------------------------------------------------------

  @Test
  void should_pass_hasNoDiagnosis_when_nothing_matches() {
    // given
    DiagnosisReport report = nothingMatches();

    // then
    assertThat(report).hasNoDiagnosis();
  }

  @Test
  void should_fail_hasNoDiagnosis_when_the_report_has_a_diagnosis() {
    // given
    DiagnosisReport report = appPoolStopped();

    // then
    assertThatThrownBy(() -> assertThat(report).hasNoDiagnosis())
        .isInstanceOf(AssertionError.class)
        .hasMessageContaining(lines(
            "Expecting no diagnosis",
            "but found:",
            "  1 diagnosis",
            "All diagnoses:",
            rankLine(report, 1),
            "     + BROWSER \"HTTP 503\""));
  }

  // ---- hasDiagnosis -----------------------------------------------------------------------------

  @Test
  void should_pass_hasDiagnosis_when_the_entry_is_a_runner_up() {
    // given
    DiagnosisReport report = missingFramework();
    String runnerUp = report.diagnoses().get(1).entryId();

    // then
    assertThat(report).hasDiagnosis("missing-shared-framework").hasDiagnosis(runnerUp);
  }

  @Test
  void should_fail_hasDiagnosis_when_the_entry_is_not_reported() {
    // given
    DiagnosisReport report = appPoolStopped();

    // then
    assertThatThrownBy(() -> assertThat(report).hasDiagnosis("missing-shared-framework"))
        .isInstanceOf(AssertionError.class)
        .hasMessageContaining(lines(
            "Expecting a diagnosis:",
            "  missing-shared-framework",
            "but the report has none with that entry id.",
            "All diagnoses:",
            rankLine(report, 1),
            "     + BROWSER \"HTTP 503\""));
  }

  // ---- doesNotHaveDiagnosis ---------------------------------------------------------------------

  @Test
  void should_pass_doesNotHaveDiagnosis_when_the_entry_is_not_reported() {
    // given
    DiagnosisReport report = appPoolStopped();

    // then
    assertThat(report).doesNotHaveDiagnosis("missing-shared-framework");
  }

  @Test
  void should_fail_doesNotHaveDiagnosis_with_the_rank_when_the_entry_is_reported() {
    // given
    DiagnosisReport report = missingFramework();
    var runnerUp = report.diagnoses().get(1);

    // then
    assertThatThrownBy(() -> assertThat(report).doesNotHaveDiagnosis(runnerUp.entryId()))
        .isInstanceOf(AssertionError.class)
        .hasMessageContaining(lines(
            "Expecting no diagnosis:",
            "  " + runnerUp.entryId(),
            "but found it at rank 2:",
            "  " + runnerUp.entryId() + " (LOW, " + score(runnerUp) + ")",
            missingFrameworkRankOne(report)));
  }

  // ---- isConclusive -----------------------------------------------------------------------------

  @Test
  void should_pass_isConclusive_when_the_top_diagnosis_is_high() {
    // given
    DiagnosisReport report = missingFramework();

    // then
    assertThat(report).isConclusive();
  }

  @Test
  void should_fail_isConclusive_when_the_top_diagnosis_is_medium() {
    // given
    DiagnosisReport report = appPoolStopped();
    String score = score(report, "app-pool-stopped");

    // then
    assertThatThrownBy(() -> assertThat(report).isConclusive())
        .isInstanceOf(AssertionError.class)
        .hasMessageContaining(lines(
            "Expecting a conclusive report, with a HIGH top diagnosis,",
            "but the top diagnosis was:",
            "  app-pool-stopped (MEDIUM, " + score + ")",
            "All diagnoses:",
            "  1. app-pool-stopped MEDIUM " + score));
  }

  @Test
  void should_fail_isConclusive_when_the_report_has_no_diagnosis() {
    // given
    DiagnosisReport report = nothingMatches();

    // then
    assertThatThrownBy(() -> assertThat(report).isConclusive())
        .isInstanceOf(AssertionError.class)
        .hasMessageContaining(lines(
            "but the top diagnosis was:",
            "  no diagnosis",
            "All diagnoses:",
            "  (none; 0 of 1 records matched a catalog signature)"));
  }

  // ---- topDiagnosis -----------------------------------------------------------------------------

  @Test
  void should_navigate_to_the_top_diagnosis_when_there_is_one() {
    // given
    DiagnosisReport report = missingFramework();

    // when
    DiagnosisAssert top = assertThat(report).topDiagnosis();

    // then
    top.isSameAs(report.diagnoses().get(0))
        .hasEntryId("missing-shared-framework").hasConfidence(Confidence.HIGH);
  }

  @Test
  void should_fail_topDiagnosis_when_the_report_has_no_diagnosis() {
    // given
    DiagnosisReport report = nothingMatches();

    // then
    assertThatThrownBy(() -> assertThat(report).topDiagnosis())
        .isInstanceOf(AssertionError.class)
        .hasMessageContaining(lines(
            "Expecting a top diagnosis to check",
            "but the report has no diagnosis.",
            "All diagnoses:",
            "  (none; 0 of 1 records matched a catalog signature)"));
  }

  @Test
  void should_keep_the_description_when_navigating_to_the_top_diagnosis() {
    // given
    DiagnosisReport report = appPoolStopped();

    // then
    assertThatThrownBy(() -> assertThat(report).as("incident 7").topDiagnosis()
        .hasConfidence(Confidence.HIGH))
        .isInstanceOf(AssertionError.class)
        .hasMessageStartingWith("[incident 7] ")
        .hasMessageContaining(lines("All diagnoses:", rankLine(report, 1)));
  }

  // ---- diagnosis(entryId) -----------------------------------------------------------------------

  @Test
  void should_navigate_to_a_runner_up_when_it_is_reported() {
    // given
    DiagnosisReport report = missingFramework();
    var runnerUp = report.diagnoses().get(1);

    // when
    DiagnosisAssert diagnosis = assertThat(report).diagnosis(runnerUp.entryId());

    // then
    diagnosis.isSameAs(runnerUp)
        .hasConfidence(Confidence.LOW).hasParameter("appId", "/LM/W3SVC/2/ROOT");
  }

  @Test
  void should_fail_diagnosis_when_the_entry_is_not_reported() {
    // given
    DiagnosisReport report = appPoolStopped();

    // then
    assertThatThrownBy(() -> assertThat(report).diagnosis("missing-shared-framework"))
        .isInstanceOf(AssertionError.class)
        .hasMessageContaining(lines(
            "Expecting a diagnosis:",
            "  missing-shared-framework",
            "but the report has none with that entry id.",
            "All diagnoses:",
            rankLine(report, 1)));
  }
}
