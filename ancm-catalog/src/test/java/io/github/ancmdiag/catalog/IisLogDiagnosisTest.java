package io.github.ancmdiag.catalog;

import static org.assertj.core.api.Assertions.assertThat;

import io.github.ancmdiag.Diagnoser;
import io.github.ancmdiag.Diagnosis;
import io.github.ancmdiag.DiagnosisReport;
import io.github.ancmdiag.Evidence;
import io.github.ancmdiag.input.Format;
import io.github.ancmdiag.input.LogReader;
import io.github.ancmdiag.input.LogRecord;
import io.github.ancmdiag.model.Channel;
import io.github.ancmdiag.model.Finding;
import io.github.ancmdiag.model.HttpStatus;
import java.io.IOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * IIS W3C log lines and failed request traces as browser evidence for the bundled catalog: a
 * record's typed status ({@code sc-status} and {@code sc-substatus}, or the trace's status) is
 * what counts, never the ports, sizes and times on a log line. Reads ancm-core's fixtures under
 * {@code input/w3c/} and {@code input/freb/}.
 */
class IisLogDiagnosisTest {
  private static final Path INPUT = Path.of("..", "ancm-core", "src", "test", "resources",
      "input");
  private static final Path LOG = INPUT.resolve("w3c").resolve("u_ex240305.log");
  private static final Diagnoser DIAGNOSER =
      Diagnoser.builder().catalog(BundledCatalog.load()).build();
  private static List<LogRecord> records;

  @BeforeAll
  static void readLog() throws IOException {
    records = new ArrayList<>();
    try (LogReader reader = LogReader.open(LOG)) {
      assertThat(reader.format()).contains(Format.W3C_LOG);
      reader.forEach(records::add);
    }
  }

  private static LogRecord line(long number) {
    return records.stream().filter(r -> r.line() == number).findFirst().orElseThrow();
  }

  @Test
  void should_count_the_500_30_of_a_w3c_line_and_nothing_else_on_it() {
    // given: "... GET / - 443 - 203.0.113.7 Mozilla/5.0+... - 500 30 0 1532"
    LogRecord line = line(5);

    // when
    DiagnosisReport report = DIAGNOSER.diagnose(Evidence.of(line));

    // then: every cause found is one whose page is 500.30, supported by that status alone
    assertThat(report.diagnoses()).extracting(Diagnosis::entryId)
        .containsExactlyInAnyOrder("app-configuration-general", "x86-app-pool-not-32bit");
    assertThat(report.diagnoses()).allSatisfy(d -> {
      assertThat(d.isSupportedBy(Channel.BROWSER)).isTrue();
      assertThat(d.supporting()).extracting(Finding::detail).containsOnly("\"HTTP 500.30\"");
    });
    // the same text without the typed status would be scanned and claim 500 and 443 as well
    DiagnosisReport scanned = DIAGNOSER.diagnose(Evidence.builder().browser(line.text()).build());
    assertThat(scanned.diagnoses()).extracting(Diagnosis::entryId)
        .containsAll(report.diagnoses().stream().map(Diagnosis::entryId).toList())
        .hasSizeGreaterThan(report.diagnoses().size());
  }

  @Test
  void should_claim_nothing_for_an_unrelated_404_line_whose_time_taken_reads_like_503() {
    // given: "... GET /robots.txt - 443 - 198.51.100.40 Mozilla/5.0+(compatible;+bingbot/2.0)
    // - 404 0 2 503", 503 being the time taken in ms
    LogRecord line = line(7);
    assertThat(line.httpStatus()).contains(HttpStatus.of(404, 0));

    // when
    DiagnosisReport report = DIAGNOSER.diagnose(Evidence.of(line));

    // then
    assertThat(report.diagnoses()).isEmpty();
    assertThat(report.matchedRecordCount()).isZero();
    // scanned as text, the time taken would pass for HTTP 503
    assertThat(DIAGNOSER.diagnose(Evidence.builder().browser(line.text()).build()).diagnoses())
        .isNotEmpty();
  }

  private static Evidence trace(String name) throws IOException {
    Evidence.Builder evidence = Evidence.builder();
    try (LogReader reader = LogReader.open(INPUT.resolve("freb").resolve(name))) {
      assertThat(reader.format()).contains(Format.FREB_XML);
      reader.forEach(evidence::record);
      assertThat(reader.skipped()).isEmpty();
    }
    return evidence.build();
  }

  @Test
  void should_diagnose_a_500_30_trace_by_its_status_as_the_w3c_line_does() throws IOException {
    // when
    DiagnosisReport report = DIAGNOSER.diagnose(trace("fr000123.xml"));

    // then
    assertThat(report.diagnoses()).extracting(Diagnosis::entryId)
        .containsExactlyInAnyOrder("app-configuration-general", "x86-app-pool-not-32bit");
    assertThat(report.diagnoses()).allSatisfy(d -> assertThat(d.supporting())
        .extracting(Finding::detail).containsOnly("\"HTTP 500.30\""));
  }

  @Test
  void should_diagnose_a_500_19_trace_as_a_configuration_error() throws IOException {
    // when
    DiagnosisReport report = DIAGNOSER.diagnose(trace("fr000007.xml"));

    // then: a 500.19 is mostly the module not installed; before 2.2, a missing VC++ runtime too
    assertThat(report.diagnoses()).extracting(Diagnosis::entryId).containsExactly(
        "wrong-role-module-not-installed-or-permissions", "sub-app-handlers-section",
        "wrong-processpath-or-runtime-missing");
  }
}
