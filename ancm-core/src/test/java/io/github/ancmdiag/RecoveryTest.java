package io.github.ancmdiag;

import static org.assertj.core.api.Assertions.assertThat;

import io.github.ancmdiag.input.LogRecord;
import io.github.ancmdiag.model.Channel;
import io.github.ancmdiag.model.Parameter;
import io.github.ancmdiag.model.VersionRange;
import io.github.ancmdiag.rules.Catalog;
import io.github.ancmdiag.rules.CatalogEntry;
import io.github.ancmdiag.rules.Category;
import io.github.ancmdiag.rules.Signature;
import io.github.ancmdiag.rules.Variant;
import java.time.Instant;
import java.util.List;
import org.junit.jupiter.api.Test;

/**
 * {@code diagnose} reads an ANCM start event after a failure event of the same application as a
 * recovery, in {@link DiagnosisReport#recoveries()}, and leaves the ranking of the causes as it
 * is.
 */
class RecoveryTest {
  private static final Catalog CATALOG = Catalog.builder().version("recovery")
      .add(new CatalogEntry("missing-exe", List.of(), Category.APP_CONFIGURATION, "t", "s.",
          List.of(Variant.of(VersionRange.ALL, List.of(Signature.text("exe", Channel.EVENT_LOG,
              List.of("Application '{physicalRoot:PATH}' failed to start. Exception message:"
                  + "\r\nExecutable was not found at '{processPath:PATH}'"))))),
          List.of("fix"), List.of("test")))
      .build();
  private static final Diagnoser DIAGNOSER = Diagnoser.builder().catalog(CATALOG).build();

  private static final String FAILED = "Application 'C:\\sites\\crm\\' failed to start. "
      + "Exception message:\r\nExecutable was not found at 'C:\\sites\\crm\\Crm.exe'";
  private static final String STARTED = "Application 'C:\\sites\\crm' started successfully.";

  private static LogRecord event(String text, String time) {
    return LogRecord.builder(Channel.EVENT_LOG, text).time(Instant.parse(time))
        .provider("IIS AspNetCore Module V2").build();
  }

  @Test
  void should_read_a_start_after_a_failure_of_the_same_app_as_a_recovery() {
    // given
    Evidence evidence = Evidence.builder()
        .record(event(FAILED, "2024-06-01T10:00:00Z"))
        .record(event(STARTED, "2024-06-01T10:05:00Z"))
        .build();

    // when
    DiagnosisReport report = DIAGNOSER.diagnose(evidence);

    // then
    assertThat(report.recoveries()).singleElement().satisfies(r -> {
      assertThat(r.application()).isEqualTo("C:\\sites\\crm\\");
      assertThat(r.failure().format()).isEqualTo("inprocess-start-error");
      assertThat(r.started().format()).isEqualTo("inprocess-start-success");
      assertThat(r.startedRecord().time()).hasValue(Instant.parse("2024-06-01T10:05:00Z"));
    });
    assertThat(report.isRecovered()).isTrue();
    assertThat(report.top()).map(Diagnosis::entryId).hasValue("missing-exe");
  }

  @Test
  void should_leave_the_ranking_as_it_is() {
    // given
    Evidence failedOnly = Evidence.builder().record(event(FAILED, "2024-06-01T10:00:00Z"))
        .build();
    Evidence recovered = Evidence.builder().record(event(FAILED, "2024-06-01T10:00:00Z"))
        .record(event(STARTED, "2024-06-01T10:05:00Z")).build();

    // when
    DiagnosisReport before = DIAGNOSER.diagnose(failedOnly);
    DiagnosisReport after = DIAGNOSER.diagnose(recovered);

    // then
    assertThat(after.diagnoses()).extracting(Diagnosis::entryId, Diagnosis::confidence,
        Diagnosis::score).isEqualTo(before.diagnoses().stream()
            .map(d -> org.assertj.core.groups.Tuple.tuple(d.entryId(), d.confidence(),
                d.score())).toList());
    assertThat(before.recoveries()).isEmpty();
    assertThat(before.isRecovered()).isFalse();
  }

  @Test
  void should_order_events_by_their_time_when_every_one_has_one() {
    // given: an export that lists the newest event first
    Evidence evidence = Evidence.builder()
        .record(event(STARTED, "2024-06-01T10:05:00Z"))
        .record(event(FAILED, "2024-06-01T10:00:00Z"))
        .build();

    // when
    DiagnosisReport report = DIAGNOSER.diagnose(evidence);

    // then
    assertThat(report.recoveries()).hasSize(1);
  }

  @Test
  void should_see_no_recovery_when_the_start_comes_first_or_the_app_fails_again() {
    // given
    Evidence startThenFail = Evidence.builder()
        .text(Channel.EVENT_LOG, STARTED).text(Channel.EVENT_LOG, FAILED).build();
    Evidence flapping = Evidence.builder()
        .text(Channel.EVENT_LOG, FAILED).text(Channel.EVENT_LOG, STARTED)
        .text(Channel.EVENT_LOG, FAILED).build();

    // when
    DiagnosisReport first = DIAGNOSER.diagnose(startThenFail);
    DiagnosisReport second = DIAGNOSER.diagnose(flapping);

    // then
    assertThat(first.recoveries()).isEmpty();
    assertThat(first.isRecovered()).isFalse();
    assertThat(second.recoveries()).hasSize(1);
    assertThat(second.isRecovered()).isFalse();
  }

  @Test
  void should_not_take_the_start_of_another_app_for_a_recovery() {
    // given: out of process, the failure and the start name the application by its id
    Evidence evidence = Evidence.builder()
        .text(Channel.EVENT_LOG, "Failed to start application '/LM/W3SVC/2/ROOT', ErrorCode "
            + "'0x80004005'.")
        .text(Channel.EVENT_LOG, "Application '/LM/W3SVC/3/ROOT' started process '4100' "
            + "successfully and process '4100' is listening on port '25112'.")
        .text(Channel.EVENT_LOG, "Application '/lm/w3svc/2/ROOT/' started process '4188' "
            + "successfully and process '4188' is listening on port '25130'.")
        .build();

    // when
    DiagnosisReport report = DIAGNOSER.diagnose(evidence);

    // then: the second start is of the failed application (case and trailing slash aside)
    assertThat(report.recoveries()).singleElement().satisfies(r -> {
      assertThat(r.application()).isEqualTo("/LM/W3SVC/2/ROOT");
      assertThat(r.started().parameter("processId")).map(Parameter::value).hasValue("4188");
    });
    assertThat(report.isRecovered()).isTrue();
  }

  @Test
  void should_end_recovered_when_an_in_process_app_starts_after_its_failure_events() {
    // given: 1031 names the folder, 1010 the id, 1032 the folder again: one application
    Evidence evidence = Evidence.builder()
        .record(event(FAILED, "2024-06-01T10:00:00Z"))
        .record(event("Failed to start application '/LM/W3SVC/4/ROOT', ErrorCode '0x8007023e'.",
            "2024-06-01T10:00:01Z"))
        .record(event(STARTED, "2024-06-01T10:01:10Z"))
        .build();

    // when
    DiagnosisReport report = DIAGNOSER.diagnose(evidence);

    // then
    assertThat(report.recoveries()).singleElement().satisfies(r -> {
      assertThat(r.failure().format()).isEqualTo("add-application-error");
      assertThat(r.application()).isEqualTo("/LM/W3SVC/4/ROOT");
    });
    assertThat(report.isRecovered()).isTrue();
  }

  @Test
  void should_take_a_failure_that_names_no_app_for_the_one_app_the_evidence_names() {
    // given: 1034 names no application; the start after it names one
    Evidence evidence = Evidence.builder()
        .text(Channel.EVENT_LOG, "Could not load configuration. Exception message:\r\n"
            + "Attribute 'processPath' is required.")
        .text(Channel.EVENT_LOG, STARTED)
        .build();

    // when
    DiagnosisReport report = DIAGNOSER.diagnose(evidence);

    // then
    assertThat(report.recoveries()).singleElement().satisfies(r -> {
      assertThat(r.failure().format()).startsWith("configuration-load-error"); // either era
      assertThat(r.application()).isEqualTo("C:\\sites\\crm");
    });
    assertThat(report.isRecovered()).isTrue();
  }
}
