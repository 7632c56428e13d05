package io.github.ancmdiag;

import io.github.ancmdiag.model.Confidence;
import io.github.ancmdiag.model.Expectation;
import io.github.ancmdiag.model.Finding;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.github.ancmdiag.input.LogRecord;
import io.github.ancmdiag.model.Channel;
import io.github.ancmdiag.model.HttpStatus;
import io.github.ancmdiag.model.Observation;
import io.github.ancmdiag.model.VersionRange;
import io.github.ancmdiag.rules.Catalog;
import io.github.ancmdiag.rules.CatalogEntry;
import io.github.ancmdiag.rules.Category;
import io.github.ancmdiag.rules.Signature;
import io.github.ancmdiag.rules.Variant;
import java.util.List;
import org.junit.jupiter.api.Test;

/**
 * How shared evidence is split (priors, pinned templates over loose ones), what counts against a
 * cause, and what each confidence level needs; on small catalogs built in code.
 */
class ScoringTest {
  private static final String START_FAILED = "Application '{appId:APP_ID}' failed to start "
      + "process with commandline '{commandLine:TEXT}', ErrorCode = '{hresult:HRESULT=0x80004005}"
      + " : {exitCode:HEX}.";
  private static final String EVENT = "Application 'MACHINE/WEBROOT/APPHOST/SHOP' failed to start"
      + " process with commandline 'dotnet .\\Shop.dll', ErrorCode = '0x80004005 : %s.";

  private static CatalogEntry entry(String id, Signature... signatures) {
    return new CatalogEntry(id, List.of(), Category.RUNTIME, id, "Summary of " + id + ".",
        List.of(Variant.of(VersionRange.parse("(,2.2)"), List.of(signatures))),
        List.of("Fix " + id + "."), List.of("test"));
  }

  private static Signature page() {
    return Signature.status("page", List.of(HttpStatus.of(502, 5)));
  }

  private static Diagnoser diagnoser(CatalogEntry... entries) {
    Catalog.Builder b = Catalog.builder().version("test");
    for (CatalogEntry e : entries) {
      b.add(e);
    }
    return Diagnoser.builder().catalog(b.build()).build();
  }

  private static List<String> ranking(DiagnosisReport report) {
    return report.diagnoses().stream().map(Diagnosis::entryId).toList();
  }

  @Test
  void should_rank_a_shared_page_by_the_priors_of_its_causes() {
    // given: three causes leave the same page; how often each is behind it differs
    Diagnoser diagnoser = diagnoser(
        entry("a-rare", page().withPrior(0.2, "test counts")),
        entry("c-common", page()),
        entry("b-middling", page().withPrior(0.5, "test counts")));

    // when
    DiagnosisReport report = diagnoser.diagnose(Evidence.builder().browser("HTTP Error 502.5")
        .build());

    // then: ranked by prior (not by id), no tie, and a page line alone is never more than LOW
    assertThat(ranking(report)).containsExactly("c-common", "b-middling", "a-rare");
    assertThat(report.diagnoses().get(0).score()).isGreaterThan(report.diagnoses().get(1).score());
    assertThat(report.diagnoses().get(1).score()).isGreaterThan(report.diagnoses().get(2).score());
    assertThat(report.diagnoses()).allMatch(d -> d.confidence() == Confidence.LOW);
  }

  @Test
  void should_split_a_shared_page_evenly_without_priors() {
    // given
    Diagnoser diagnoser = diagnoser(entry("one", page()), entry("two", page()));

    // when
    DiagnosisReport report = diagnoser.diagnose(Evidence.builder().browser("HTTP Error 502.5")
        .build());

    // then
    assertThat(report.diagnoses().get(0).score()).isEqualTo(report.diagnoses().get(1).score());
  }

  @Test
  void should_let_a_template_pinned_to_the_exit_code_outweigh_the_one_that_takes_any_code() {
    // given: the app's crash accepts any exit code; the host's failure names its own
    Diagnoser diagnoser = diagnoser(
        entry("app-crash", Signature.text("crash", Channel.EVENT_LOG, List.of(START_FAILED))),
        entry("dependency-missing", Signature.text("host-code", Channel.EVENT_LOG,
            List.of(START_FAILED.replace("{exitCode:HEX}", "{exitCode:HEX=8000808c}")))));

    // when
    DiagnosisReport pinned = diagnoser.diagnose(Evidence.builder()
        .eventLog(EVENT.formatted("8000808c")).build());
    DiagnosisReport other = diagnoser.diagnose(Evidence.builder()
        .eventLog(EVENT.formatted("e0434352")).build());

    // then
    assertThat(ranking(pinned)).containsExactly("dependency-missing", "app-crash");
    Diagnosis top = pinned.top().orElseThrow();
    Diagnosis loose = pinned.diagnoses().get(1);
    assertThat(top.supporting().get(0).weight())
        .isGreaterThan(4 * loose.supporting().get(0).weight());
    assertThat(ranking(other)).containsExactly("app-crash");
  }

  @Test
  void should_count_an_empty_stdout_log_against_a_cause_once_however_many_lines_it_could_print() {
    // given: one cause may print any of three stdout lines, another only one; both have the event
    Diagnoser diagnoser = diagnoser(
        entry("three-lines", Signature.text("event", Channel.EVENT_LOG, List.of(START_FAILED)),
            Signature.text("one", Channel.STDOUT_LOG, List.of("First host message.")),
            Signature.text("two", Channel.STDOUT_LOG, List.of("Second host message.")),
            Signature.text("three", Channel.STDOUT_LOG, List.of("Third host message."))),
        entry("one-line", Signature.text("event", Channel.EVENT_LOG, List.of(START_FAILED)),
            Signature.text("one", Channel.STDOUT_LOG, List.of("First host message."))));

    // when: the user says the stdout log is empty
    DiagnosisReport report = diagnoser.diagnose(Evidence.builder()
        .eventLog(EVENT.formatted("0")).observe(Observation.STDOUT_LOG_EMPTY).build());

    // then: the empty log is one fact against each, weighed the same, and neither drops out
    assertThat(report.diagnosis("three-lines")).hasValueSatisfying(d -> assertThat(
        d.contradicting()).singleElement().satisfies(f -> assertThat(f.channel())
        .isEqualTo(Channel.STDOUT_LOG)));
    assertThat(report.diagnosis("one-line")).hasValueSatisfying(d -> assertThat(
        d.contradicting()).hasSize(1));
    assertThat(report.diagnoses().get(0).score()).isEqualTo(report.diagnoses().get(1).score());
  }

  @Test
  void should_count_a_contrary_signature_against_its_cause_and_never_report_it_missing() {
    // given: a cause that cannot happen under IIS Express
    Signature express = Signature.text("iis-express", Channel.EVENT_LOG, List.of(
        "IIS Express")).asContrary();
    Diagnoser diagnoser = diagnoser(entry("hosted-only", page(), express),
        entry("anywhere", page().withPrior(0.5, "test counts")));

    // when
    DiagnosisReport plain = diagnoser.diagnose(Evidence.builder().browser("HTTP Error 502.5")
        .build());
    DiagnosisReport local = diagnoser.diagnose(Evidence.builder().browser("HTTP Error 502.5")
        .eventLog("Faulting application path: C:\\Program Files\\IIS Express\\iisexpress.exe")
        .build());

    // then
    assertThat(ranking(plain)).containsExactly("hosted-only", "anywhere");
    assertThat(plain.top().orElseThrow().missing()).extracting(Expectation::signatureId)
        .doesNotContain("iis-express");
    assertThat(ranking(local)).startsWith("anywhere");
    assertThat(local.diagnoses()).filteredOn(d -> d.entryId().equals("hosted-only"))
        .allSatisfy(d -> assertThat(d.contradicting()).extracting(Finding::signatureId)
            .containsExactly("iis-express"));
  }

  @Test
  void should_count_a_contrary_cue_in_the_provider_of_an_event() {
    // given: the event's text says nothing of where it ran; its provider does
    Signature express = Signature.text("iis-express", Channel.EVENT_LOG, List.of(
        "IIS Express")).asContrary();
    Diagnoser diagnoser = diagnoser(entry("hosted-only", page(), express),
        entry("anywhere", page().withPrior(0.5, "test counts")));
    LogRecord event = LogRecord.builder(Channel.EVENT_LOG, "Application '/LM/W3SVC/2/ROOT' failed")
        .provider("IIS Express AspNetCore Module V2").build();

    // when
    DiagnosisReport report = diagnoser.diagnose(Evidence.builder().browser("HTTP Error 502.5")
        .record(event).build());

    // then
    assertThat(ranking(report)).startsWith("anywhere");
  }

  @Test
  void should_be_certain_only_with_a_whole_message_that_decides_on_its_own() {
    // given: one cause whose own message is strong, one whose only message is weak
    Diagnoser diagnoser = diagnoser(
        entry("strong", page(), Signature.text("own", Channel.STDOUT_LOG,
            List.of("Could not load host policy library"))),
        entry("weak", page(), Signature.text("exception", Channel.STDOUT_LOG,
            List.of("Unhandled exception.")).withWeight(0.5)));

    // when
    DiagnosisReport strong = diagnoser.diagnose(Evidence.builder().browser("HTTP Error 502.5")
        .stdoutLog("Could not load host policy library").build());
    DiagnosisReport weak = diagnoser.diagnose(Evidence.builder().browser("HTTP Error 502.5")
        .stdoutLog("Unhandled exception. System.InvalidOperationException: boom").build());

    // then: two channels are not enough when the message itself is weak
    assertThat(strong.top().orElseThrow().entryId()).isEqualTo("strong");
    assertThat(strong.top().orElseThrow().confidence()).isEqualTo(Confidence.HIGH);
    assertThat(weak.top().orElseThrow().entryId()).isEqualTo("weak");
    assertThat(weak.top().orElseThrow().confidence()).isEqualTo(Confidence.MEDIUM);
  }

  @Test
  void should_not_count_a_working_app_against_a_cause_whose_app_keeps_serving_requests() {
    // given: a request timeout leaves the app working; a start failure does not
    Diagnoser diagnoser = diagnoser(
        entry("timeout", Signature.status("page", List.of(HttpStatus.of(502, 3))),
            Signature.text("reason", Channel.BROWSER, List.of("Bad Gateway")),
            Signature.observation("works", Channel.BROWSER, Observation.APP_RESPONDS_NORMALLY)),
        entry("start-failure", page(),
            Signature.text("reason", Channel.BROWSER, List.of("Bad Gateway"))));

    // when
    DiagnosisReport report = diagnoser.diagnose(Evidence.builder()
        .browser("long requests end in Bad Gateway").observe(Observation.APP_RESPONDS_NORMALLY)
        .build());

    // then
    Diagnosis top = report.top().orElseThrow();
    assertThat(top.entryId()).isEqualTo("timeout");
    assertThat(top.contradicting()).isEmpty();
    assertThat(report.diagnoses()).extracting(Diagnosis::entryId).doesNotContain("start-failure");
  }

  @Test
  void should_not_count_a_missing_log_against_a_cause_that_may_leave_no_such_log() {
    // given: one cause shows either an event or no event at all; the other always logs one
    Signature event = Signature.text("event", Channel.EVENT_LOG, List.of(
        "Could not load configuration"));
    Diagnoser diagnoser = diagnoser(
        entry("either-way", page(), event,
            Signature.observation("no-event", Channel.EVENT_LOG, Observation.NO_EVENT_LOG_ENTRY)),
        entry("always-logs", page(), event));

    // when
    DiagnosisReport report = diagnoser.diagnose(Evidence.builder().browser("HTTP Error 502.5")
        .observe(Observation.NO_EVENT_LOG_ENTRY).build());

    // then
    Diagnosis top = report.top().orElseThrow();
    assertThat(top.entryId()).isEqualTo("either-way");
    assertThat(top.contradicting()).isEmpty();
    assertThat(top.missing()).extracting(Expectation::signatureId).containsExactly("event");
    assertThat(report.diagnoses()).extracting(Diagnosis::entryId).doesNotContain("always-logs");
  }

  @Test
  void should_type_each_finding_by_what_it_is() {
    // given
    Diagnoser diagnoser = diagnoser(entry("cause", page(),
        Signature.text("own", Channel.STDOUT_LOG, List.of("Could not load host policy library")),
        Signature.observation("no-event", Channel.EVENT_LOG, Observation.NO_EVENT_LOG_ENTRY)));

    // when
    Diagnosis top = diagnoser.diagnose(Evidence.builder().browser("HTTP Error 502.5")
        .stdoutLog("Could not load host policy library").observe(Observation.NO_EVENT_LOG_ENTRY)
        .build()).top().orElseThrow();

    // then
    assertThat(top.supporting()).extracting(Finding::signatureId, Finding::kind)
        .containsExactlyInAnyOrder(
            org.assertj.core.groups.Tuple.tuple("page", Finding.Kind.STATUS),
            org.assertj.core.groups.Tuple.tuple("own", Finding.Kind.MESSAGE),
            org.assertj.core.groups.Tuple.tuple("no-event", Finding.Kind.OBSERVATION));
  }

  @Test
  void should_refuse_a_prior_out_of_range_or_without_its_source() {
    assertThatThrownBy(() -> page().withPrior(0, "counts"))
        .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("prior");
    assertThatThrownBy(() -> page().withPrior(1.5, "counts"))
        .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("prior");
    assertThatThrownBy(() -> page().withPrior(0.5, " "))
        .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("source");
    assertThat(page().withPrior(0.5, "counts").priorSource()).contains("counts");
  }
}
