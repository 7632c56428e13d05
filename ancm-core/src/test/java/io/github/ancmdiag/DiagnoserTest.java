package io.github.ancmdiag;

import io.github.ancmdiag.model.Confidence;
import io.github.ancmdiag.model.Finding;
import io.github.ancmdiag.model.Parameter;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.github.ancmdiag.input.LogRecord;
import io.github.ancmdiag.model.AspNetCoreVersion;
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
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import org.junit.jupiter.api.Test;

/**
 * The Diagnoser's weighing, on a small catalog built in code: three causes share the 500.0 page,
 * each has its own decisive message, one has two eras.
 */
class DiagnoserTest {
  private static final String FRAMEWORK = "The specified framework '{frameworkName:NAME}', "
      + "version '{frameworkVersion:VERSION}' was not found.";
  private static final Catalog CATALOG = Catalog.builder().version("test")
      .add(entry("missing-framework", List.of(
          Variant.of(VersionRange.parse("[2.2,)"), List.of(page500(),
              Signature.text("framework", Channel.STDOUT_LOG, List.of(FRAMEWORK)),
              Signature.text("add-app", Channel.EVENT_LOG, List.of("Failed to start application"
                  + " '{appId:APP_ID}', ErrorCode '{hresult:HRESULT=0x8000ffff}'.")))),
          Variant.of(VersionRange.parse("(,2.2)"), List.of(
              Signature.status("page", List.of(HttpStatus.of(502, 5))),
              Signature.text("v1-framework", Channel.STDOUT_LOG, List.of(
                  "It was not possible to find any compatible framework version"))))),
          List.of("Install {frameworkVersion|the runtime the app targets}.")))
      .add(entry("bad-process-path", List.of(Variant.of(VersionRange.parse("[2.2,)"), List.of(
          page500(),
          Signature.text("exe", Channel.EVENT_LOG, List.of("Application '{physicalRoot:PATH}' "
              + "wasn't able to start. Executable was not found at '{processPath:PATH}'")),
          Signature.observation("no-stdout", Channel.STDOUT_LOG,
              Observation.STDOUT_LOG_NOT_CREATED)))),
          List.of("Fix processPath {processPath}.")))
      .add(entry("bad-arguments", List.of(Variant.of(VersionRange.parse("[2.2,)"), List.of(
          page500(),
          Signature.text("sdk", Channel.STDOUT_LOG, List.of(
              "Did you mean to run dotnet SDK commands?")),
          Signature.observation("stdout-empty", Channel.STDOUT_LOG,
              Observation.STDOUT_LOG_EMPTY)))),
          List.of("Fix arguments.")))
      .add(entry("pool-stopped", List.of(Variant.of(VersionRange.parse("[2.2,)"), List.of(
          Signature.status("page", List.of(HttpStatus.of(503))),
          Signature.observation("no-event", Channel.EVENT_LOG,
              Observation.NO_EVENT_LOG_ENTRY)))),
          List.of("Start the pool.")))
      .build();

  private final Diagnoser diagnoser = Diagnoser.builder().catalog(CATALOG).build();

  private static Signature page500() {
    return Signature.status("page", List.of(HttpStatus.of(500, 0)));
  }

  private static CatalogEntry entry(String id, List<Variant> variants, List<String> fix) {
    return new CatalogEntry(id, List.of(), Category.RUNTIME, id, "Summary of " + id + ".",
        variants, fix, List.of("test"));
  }

  @Test
  void should_rank_the_cause_with_the_decisive_message_first_when_the_page_is_shared() {
    // given
    Evidence evidence = Evidence.builder()
        .browser("HTTP Error 500.0 - ANCM In-Process Handler Load Failure")
        .stdoutLog("It was not possible to find any compatible framework version\n"
            + "The specified framework 'Microsoft.AspNetCore.App', version '3.1.0' was not found.")
        .eventLog("Failed to start application '/LM/W3SVC/1/ROOT', ErrorCode '0x8000ffff'.")
        .build();

    // when
    DiagnosisReport report = diagnoser.diagnose(evidence);

    // then
    Diagnosis top = report.top().orElseThrow();
    assertThat(top.entryId()).isEqualTo("missing-framework");
    assertThat(top.confidence()).isEqualTo(Confidence.HIGH);
    assertThat(top.parameters()).containsEntry("frameworkVersion", "3.1.0")
        .containsEntry("hresult", "0x8000ffff").containsEntry("status", "500.0");
    assertThat(top.fix()).containsExactly("Install 3.1.0.");
    assertThat(top.isSupportedBy(Channel.EVENT_LOG)).isTrue();
    // the stdout log has output, which both rivals say it would not: on balance they are out
    assertThat(report.diagnoses()).extracting(Diagnosis::entryId)
        .containsExactly("missing-framework");
  }

  @Test
  void should_give_close_low_scores_when_only_a_shared_page_is_known() {
    // when
    DiagnosisReport report = diagnoser.diagnose(Evidence.builder()
        .browser("HTTP Error 500.0 - ANCM In-Process Handler Load Failure").build());

    // then
    assertThat(report.diagnoses()).extracting(Diagnosis::entryId)
        .containsExactlyInAnyOrder("missing-framework", "bad-process-path", "bad-arguments");
    assertThat(report.diagnoses()).allSatisfy(d -> assertThat(d.confidence())
        .isEqualTo(Confidence.LOW));
    double spread = report.diagnoses().get(0).score() - report.diagnoses().get(2).score();
    assertThat(spread).isLessThan(0.05);
    assertThat(report.isConclusive()).isFalse();
  }

  @Test
  void should_let_other_channels_decide_when_the_page_is_shared() {
    // given: the page fits three causes; the stdout log was created but is empty
    Evidence evidence = Evidence.builder()
        .browser("HTTP Error 500.0 - ANCM In-Process Handler Load Failure")
        .observe(Observation.STDOUT_LOG_EMPTY).build();

    // when
    DiagnosisReport report = diagnoser.diagnose(evidence);

    // then: the two causes that leave no stdout log, or output in it, are ruled out
    assertThat(report.diagnoses()).extracting(Diagnosis::entryId)
        .containsExactly("bad-arguments");
    assertThat(report.top().orElseThrow().supporting()).extracting(Finding::signatureId)
        .containsExactly("page", "stdout-empty");
  }

  @Test
  void should_list_evidence_against_a_cause_that_still_fits_on_balance() {
    // given: the page and the decisive stdout line, but the user says the stdout log is empty
    Evidence evidence = Evidence.builder()
        .browser("HTTP Error 500.0 - ANCM In-Process Handler Load Failure")
        .eventLog("Failed to start application '/LM/W3SVC/1/ROOT', ErrorCode '0x8000ffff'.")
        .observe(Observation.STDOUT_LOG_EMPTY).build();

    // when
    Diagnosis framework = diagnoser.diagnose(evidence).diagnosis("missing-framework")
        .orElseThrow();

    // then
    assertThat(framework.contradicting()).extracting(Finding::signatureId, Finding::detail)
        .containsExactly(org.assertj.core.groups.Tuple.tuple("framework",
            "the stdout log is empty"));
    assertThat(framework.confidence()).isNotEqualTo(Confidence.HIGH);
  }

  @Test
  void should_not_be_certain_when_a_single_browser_line_is_all_there_is() {
    // when
    DiagnosisReport report = diagnoser.diagnose(Evidence.builder()
        .browser("HTTP Error 503. The service is unavailable.").build());

    // then: the only cause with a 503, but a page line alone is a lead, not a finding
    assertThat(report.top().orElseThrow().entryId()).isEqualTo("pool-stopped");
    assertThat(report.top().orElseThrow().confidence()).isEqualTo(Confidence.LOW);
  }

  @Test
  void should_count_a_contradicting_status_against_a_cause() {
    // given: an event of the process-path cause, but the browser shows 503
    Evidence evidence = Evidence.builder().browser("HTTP Error 503. The service is unavailable.")
        .eventLog("Application 'C:\\site\\' wasn't able to start. Executable was not found at "
            + "'C:\\site\\dotnet.exe'")
        .build();

    // when
    Diagnosis d = diagnoser.diagnose(evidence).diagnosis("bad-process-path").orElseThrow();

    // then
    assertThat(d.contradicting()).extracting(Finding::detail)
        .containsExactly("the browser showed HTTP 503, not 500.0");
    assertThat(d.parameters()).containsEntry("processPath", "C:\\site\\dotnet.exe");
  }

  @Test
  void should_filter_variants_when_the_version_is_known() {
    // given
    Evidence evidence = Evidence.builder().browser("HTTP Error 502.5 - Process Failure")
        .stdoutLog("It was not possible to find any compatible framework version")
        .aspNetCoreVersion(AspNetCoreVersion.parse("3.1")).build();

    // when
    DiagnosisReport report = diagnoser.diagnose(evidence);

    // then: the 2.1-era evidence cannot support the 3.1 variant
    assertThat(report.aspNetCoreVersion()).contains(AspNetCoreVersion.parse("3.1"));
    assertThat(report.diagnosis("missing-framework")).isEmpty();
  }

  @Test
  void should_infer_the_version_range_when_the_wording_singles_one_out() {
    // given
    Evidence evidence = Evidence.builder().browser("HTTP Error 502.5 - Process Failure")
        .stdoutLog("It was not possible to find any compatible framework version").build();

    // when
    DiagnosisReport report = diagnoser.diagnose(evidence);

    // then
    assertThat(report.top().orElseThrow().entryId()).isEqualTo("missing-framework");
    assertThat(report.inferredVersions()).contains(VersionRange.parse("(,2.2)"));
  }

  @Test
  void should_count_a_message_pasted_in_another_channel_a_little_less() {
    // given
    String exe = "Application 'C:\\site\\' wasn't able to start. Executable was not found at "
        + "'C:\\site\\dotnet.exe'";

    // when
    double inEventLog = diagnoser.diagnose(Evidence.builder().eventLog(exe).build())
        .top().orElseThrow().score();
    double inBrowser = diagnoser.diagnose(Evidence.builder().browser(exe).build())
        .top().orElseThrow().score();

    // then
    assertThat(inBrowser).isGreaterThan(0).isLessThan(inEventLog);
  }

  @Test
  void should_report_nothing_when_the_evidence_is_unrelated() {
    // when
    DiagnosisReport report = diagnoser.diagnose(Evidence.builder()
        .eventLog("The Windows Update service entered the running state.").build());

    // then
    assertThat(report.diagnoses()).isEmpty();
    assertThat(report.top()).isEmpty();
    assertThat(report.recordCount()).isEqualTo(1);
    assertThat(report.matchedRecordCount()).isZero();
  }

  @Test
  void should_classify_one_record_with_its_captures_and_span() {
    // given
    String text = "noise before Failed to start application '/LM/W3SVC/7/ROOT', "
        + "ErrorCode '0x8000FFFF'. noise after";

    // when
    Classification c = diagnoser.classify(LogRecord.of(Channel.EVENT_LOG, text));

    // then
    assertThat(c.entryIds()).containsExactly("missing-framework");
    SignatureMatch m = c.matches().get(0);
    assertThat(text.substring(m.start(), m.end())).startsWith("Failed to start")
        .endsWith("'0x8000FFFF'.");
    assertThat(m.parameter("appId").map(Parameter::value)).contains("/LM/W3SVC/7/ROOT");
    assertThat(m.parameter("hresult").map(Parameter::canonicalValue)).contains("0x8000ffff");
    assertThat(m.isComplete()).isTrue();
  }

  @Test
  void should_give_the_same_report_from_many_threads_when_shared() throws Exception {
    // given
    Evidence evidence = Evidence.builder()
        .browser("HTTP Error 500.0 - ANCM In-Process Handler Load Failure")
        .stdoutLog("Did you mean to run dotnet SDK commands?").build();
    String expected = diagnoser.diagnose(evidence).toString();
    ExecutorService pool = Executors.newFixedThreadPool(4);
    try {
      // when
      List<Future<String>> results = pool.invokeAll(java.util.Collections.nCopies(64,
          () -> diagnoser.diagnose(evidence).toString()));

      // then
      for (Future<String> r : results) {
        assertThat(r.get()).isEqualTo(expected);
      }
    } finally {
      pool.shutdownNow();
    }
  }

  @Test
  void should_refuse_to_build_without_a_catalog_and_to_set_it_twice() {
    assertThatThrownBy(() -> Diagnoser.builder().build())
        .isInstanceOf(IllegalStateException.class).hasMessageContaining("catalog");
    assertThatThrownBy(() -> Diagnoser.builder().catalog(CATALOG).catalog(CATALOG))
        .isInstanceOf(IllegalStateException.class).hasMessageContaining("already set");
  }

  @Test
  void should_share_the_compiled_catalog_when_deriving_a_version() {
    // when
    Diagnoser v21 = diagnoser.withAspNetCoreVersion(AspNetCoreVersion.parse("2.1"));

    // then
    assertThat(v21.aspNetCoreVersion()).contains(AspNetCoreVersion.parse("2.1"));
    assertThat(v21.catalog()).isSameAs(diagnoser.catalog());
    assertThat(diagnoser.aspNetCoreVersion()).isEmpty();
  }
}
