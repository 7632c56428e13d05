package io.github.ancmdiag.assertj;

import static io.github.ancmdiag.assertj.AncmAssertions.assertThat;
import static io.github.ancmdiag.assertj.Incidents.appPoolStopped;
import static io.github.ancmdiag.assertj.Incidents.lines;
import static io.github.ancmdiag.assertj.Incidents.missingFramework;
import static io.github.ancmdiag.assertj.Incidents.missingFrameworkWithoutEvent;
import static io.github.ancmdiag.assertj.Incidents.rankLine;
import static io.github.ancmdiag.assertj.Incidents.score;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.github.ancmdiag.Diagnosis;
import io.github.ancmdiag.DiagnosisReport;
import io.github.ancmdiag.model.Channel;
import io.github.ancmdiag.model.Confidence;
import org.junit.jupiter.api.Test;

class DiagnosisAssertTest {

  private static Diagnosis appPoolStoppedTop() {
    return appPoolStopped().top().orElseThrow();
  }

  private static Diagnosis missingFrameworkTop() {
    return missingFramework().top().orElseThrow();
  }

  /** How a failure shows {@link #appPoolStoppedTop()} when it is checked on its own. */
  private static String appPoolStoppedAlone(Diagnosis d) {
    return lines(
        "Diagnosis:",
        "  app-pool-stopped MEDIUM " + score(d),
        "     + BROWSER \"HTTP 503\"",
        "     + BROWSER \"The service is unavailable\"",
        "     + EVENT_LOG observation no-event-log-entry");
  }

  // ---- null -------------------------------------------------------------------------------------

  @Test
  void should_fail_when_the_diagnosis_is_null() {
    // given
    Diagnosis diagnosis = null;

    // then
    assertThatThrownBy(() -> assertThat(diagnosis).hasEntryId("app-pool-stopped"))
        .isInstanceOf(AssertionError.class)
        .hasMessageContaining("Expecting actual not to be null");
  }

  // ---- hasEntryId -------------------------------------------------------------------------------

  @Test
  void should_pass_hasEntryId_when_the_entry_matches() {
    // given
    Diagnosis diagnosis = appPoolStoppedTop();

    // then
    assertThat(diagnosis).hasEntryId("app-pool-stopped");
  }

  @Test
  void should_fail_hasEntryId_with_the_diagnosis_when_checked_on_its_own() {
    // given
    Diagnosis diagnosis = appPoolStoppedTop();

    // then: the whole message, once, to pin its layout
    assertThatThrownBy(() -> assertThat(diagnosis).hasEntryId("missing-shared-framework"))
        .isInstanceOf(AssertionError.class)
        .hasMessage(lines(
            "",
            "Expecting diagnosis to have entry id:",
            "  missing-shared-framework",
            "but was:",
            "  app-pool-stopped",
            appPoolStoppedAlone(diagnosis)));
  }

  @Test
  void should_fail_hasEntryId_with_the_whole_list_when_navigated_from_a_report() {
    // given
    DiagnosisReport report = missingFramework();

    // then
    assertThatThrownBy(() -> assertThat(report).topDiagnosis().hasEntryId("app-pool-stopped"))
        .isInstanceOf(AssertionError.class)
        .hasMessageContaining(lines(
            "Expecting diagnosis to have entry id:",
            "  app-pool-stopped",
            "but was:",
            "  missing-shared-framework",
            "All diagnoses:",
            rankLine(report, 1),
            "     + BROWSER \"HTTP 500.0\""))
        .hasMessageContaining(rankLine(report, 2))
        .hasMessageNotContaining("Diagnosis:");
  }

  // ---- hasConfidence ----------------------------------------------------------------------------

  @Test
  void should_pass_hasConfidence_when_the_confidence_matches() {
    // given
    Diagnosis diagnosis = appPoolStoppedTop();

    // then
    assertThat(diagnosis).hasConfidence(Confidence.MEDIUM);
  }

  @Test
  void should_fail_hasConfidence_when_the_confidence_differs() {
    // given
    Diagnosis diagnosis = appPoolStoppedTop();

    // then
    assertThatThrownBy(() -> assertThat(diagnosis).hasConfidence(Confidence.LOW))
        .isInstanceOf(AssertionError.class)
        .hasMessageContaining(lines(
            "Expecting diagnosis app-pool-stopped to have confidence:",
            "  LOW",
            "but was:",
            "  MEDIUM (score " + score(diagnosis) + ")",
            appPoolStoppedAlone(diagnosis)));
  }

  // ---- hasConfidenceAtLeast ---------------------------------------------------------------------

  @Test
  void should_pass_hasConfidenceAtLeast_when_the_confidence_is_equal_or_higher() {
    // given
    Diagnosis diagnosis = appPoolStoppedTop();

    // then
    assertThat(diagnosis)
        .hasConfidenceAtLeast(Confidence.MEDIUM)
        .hasConfidenceAtLeast(Confidence.LOW);
  }

  @Test
  void should_fail_hasConfidenceAtLeast_when_the_confidence_is_lower() {
    // given
    Diagnosis diagnosis = appPoolStoppedTop();

    // then
    assertThatThrownBy(() -> assertThat(diagnosis).hasConfidenceAtLeast(Confidence.HIGH))
        .isInstanceOf(AssertionError.class)
        .hasMessageContaining(lines(
            "Expecting diagnosis app-pool-stopped to have confidence at least:",
            "  HIGH",
            "but was:",
            "  MEDIUM (score " + score(diagnosis) + ")",
            appPoolStoppedAlone(diagnosis)));
  }

  // ---- hasParameter(name, value) ----------------------------------------------------------------

  @Test
  void should_pass_hasParameter_when_the_value_matches() {
    // given
    Diagnosis diagnosis = missingFrameworkTop();

    // then
    assertThat(diagnosis)
        .hasParameter("frameworkVersion", "3.1.0")
        .hasParameter("frameworkName", "Microsoft.AspNetCore.App")
        .hasParameter("hresult", "0x8000ffff");
  }

  @Test
  void should_fail_hasParameter_with_the_parameters_when_the_value_differs() {
    // given
    DiagnosisReport report = missingFramework();

    // then
    assertThatThrownBy(() -> assertThat(report).topDiagnosis()
        .hasParameter("frameworkVersion", "6.0.0"))
        .isInstanceOf(AssertionError.class)
        .hasMessageContaining(lines(
            "Expecting diagnosis missing-shared-framework to have parameter:",
            "  frameworkVersion=6.0.0",
            "but was:",
            "  frameworkVersion=3.1.0",
            "Parameters of missing-shared-framework:"))
        .hasMessageContaining(lines("", "  frameworkName=Microsoft.AspNetCore.App", ""))
        .hasMessageContaining(lines("", "  appId=/LM/W3SVC/2/ROOT", ""))
        .hasMessageContaining(lines("", "All diagnoses:", rankLine(report, 1)));
  }

  @Test
  void should_fail_hasParameter_with_the_parameters_when_the_parameter_is_absent() {
    // given
    Diagnosis diagnosis = appPoolStoppedTop();

    // then
    assertThatThrownBy(() -> assertThat(diagnosis).hasParameter("frameworkVersion", "3.1.0"))
        .isInstanceOf(AssertionError.class)
        .hasMessageContaining(lines(
            "Expecting diagnosis app-pool-stopped to have parameter:",
            "  frameworkVersion=3.1.0",
            "but was:",
            "  no parameter frameworkVersion",
            "Parameters of app-pool-stopped:",
            "  status=503",
            appPoolStoppedAlone(diagnosis)));
  }

  // ---- hasParameter(name) -----------------------------------------------------------------------

  @Test
  void should_pass_hasParameter_named_when_the_parameter_was_captured() {
    // given
    Diagnosis diagnosis = missingFrameworkTop();

    // then
    assertThat(diagnosis).hasParameter("appId").hasParameter("frameworkVersion");
  }

  @Test
  void should_fail_hasParameter_named_with_the_parameters_when_the_parameter_is_absent() {
    // given
    Diagnosis diagnosis = appPoolStoppedTop();

    // then
    assertThatThrownBy(() -> assertThat(diagnosis).hasParameter("appId"))
        .isInstanceOf(AssertionError.class)
        .hasMessageContaining(lines(
            "Expecting diagnosis app-pool-stopped to have parameter:",
            "  appId",
            "but it has none by that name.",
            "Parameters of app-pool-stopped:",
            "  status=503",
            appPoolStoppedAlone(diagnosis)));
  }

  // ---- isSupportedBy ----------------------------------------------------------------------------

  @Test
  void should_pass_isSupportedBy_when_every_channel_has_supporting_evidence() {
    // given
    Diagnosis diagnosis = missingFrameworkTop();

    // then
    assertThat(diagnosis)
        .isSupportedBy(Channel.EVENT_LOG)
        .isSupportedBy(Channel.BROWSER, Channel.EVENT_LOG, Channel.STDOUT_LOG);
  }

  @Test
  void should_fail_isSupportedBy_naming_the_channels_without_supporting_evidence() {
    // given
    Diagnosis diagnosis = missingFrameworkTop();

    // then
    assertThatThrownBy(() -> assertThat(diagnosis)
        .isSupportedBy(Channel.DEBUG_LOG, Channel.STDOUT_LOG, Channel.OS_MESSAGE))
        .isInstanceOf(AssertionError.class)
        .hasMessageContaining(lines(
            "Expecting diagnosis missing-shared-framework to be supported by:",
            "  [STDOUT_LOG, DEBUG_LOG, OS_MESSAGE]",
            "but it has no supporting evidence from:",
            "  [DEBUG_LOG, OS_MESSAGE]",
            "Diagnosis:",
            "  missing-shared-framework HIGH " + score(diagnosis),
            "     + BROWSER \"HTTP 500.0\""))
        .hasMessageContaining("     + STDOUT_LOG \"The specified framework");
  }

  @Test
  void should_throw_iae_when_isSupportedBy_is_given_no_channel() {
    // given
    Diagnosis diagnosis = missingFrameworkTop();

    // then
    assertThatThrownBy(() -> assertThat(diagnosis).isSupportedBy())
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessage("isSupportedBy needs at least one channel");
  }

  // ---- hasNoContradictions ----------------------------------------------------------------------

  @Test
  void should_pass_hasNoContradictions_when_nothing_speaks_against_the_diagnosis() {
    // given
    Diagnosis diagnosis = missingFrameworkTop();

    // then
    assertThat(diagnosis).hasNoContradictions();
  }

  @Test
  void should_fail_hasNoContradictions_with_the_contradictions_when_evidence_speaks_against() {
    // given
    DiagnosisReport report = missingFrameworkWithoutEvent();

    // then
    assertThatThrownBy(() -> assertThat(report).diagnosis("missing-shared-framework")
        .hasNoContradictions())
        .isInstanceOf(AssertionError.class)
        .hasMessageContaining(lines(
            "Expecting diagnosis missing-shared-framework to have no contradicting evidence",
            "but it had:",
            "  - EVENT_LOG the event log has no entry",
            "All diagnoses:",
            "  1. missing-shared-framework MEDIUM " + score(report, "missing-shared-framework"),
            "     + STDOUT_LOG \"The specified framework 'Microsoft.AspNetCore.App', version"
                + " '3.1.0' was not found\"",
            "     - EVENT_LOG the event log has no entry"));
  }

  // ---- hasFixStepContaining ---------------------------------------------------------------------

  @Test
  void should_pass_hasFixStepContaining_when_a_step_names_the_captured_values() {
    // given
    Diagnosis diagnosis = missingFrameworkTop();

    // then
    assertThat(diagnosis)
        .hasFixStepContaining("Install Microsoft.AspNetCore.App 3.1.0")
        .hasFixStepContaining("net stop was /y");
  }

  @Test
  void should_fail_hasFixStepContaining_with_the_fix_steps_when_no_step_contains_the_text() {
    // given
    Diagnosis diagnosis = appPoolStoppedTop();

    // then
    assertThatThrownBy(() -> assertThat(diagnosis).hasFixStepContaining("Hosting Bundle"))
        .isInstanceOf(AssertionError.class)
        .hasMessageContaining(lines(
            "Expecting a fix step of diagnosis app-pool-stopped to contain:",
            "  \"Hosting Bundle\"",
            "but its fix steps were:",
            "  1. " + diagnosis.fix().get(0)))
        .hasMessageContaining(lines(
            "  " + diagnosis.fix().size() + ". " + diagnosis.fix().get(diagnosis.fix().size() - 1),
            appPoolStoppedAlone(diagnosis)));
  }
}
