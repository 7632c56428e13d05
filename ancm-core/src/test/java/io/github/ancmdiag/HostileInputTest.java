package io.github.ancmdiag;

import static org.assertj.core.api.Assertions.assertThat;

import io.github.ancmdiag.input.LogRecord;
import io.github.ancmdiag.model.Channel;
import io.github.ancmdiag.model.HttpStatus;
import io.github.ancmdiag.model.VersionRange;
import io.github.ancmdiag.rules.Catalog;
import io.github.ancmdiag.rules.CatalogEntry;
import io.github.ancmdiag.rules.Category;
import io.github.ancmdiag.rules.Signature;
import io.github.ancmdiag.rules.Variant;
import java.util.List;
import java.util.Random;
import org.junit.jupiter.api.Test;

/**
 * Input built to hurt a matcher: near-matches repeated millions of times, binary noise, lone
 * surrogates. Each must give an answer (no exception, no hang); the JMH suite measures speed.
 */
class HostileInputTest {
  private static final Diagnoser DIAGNOSER = Diagnoser.builder().catalog(Catalog.builder()
      .version("hostile")
      .add(new CatalogEntry("v1-start", List.of(), Category.RUNTIME, "t", "s.", List.of(
          Variant.of(VersionRange.ALL, List.of(
              Signature.text("start", Channel.EVENT_LOG, List.of("Application '{appId:APP_ID}'"
                  + " with physical root '{physicalRoot:PATH}' failed to start process with "
                  + "commandline '{commandLine:TEXT}', ErrorCode = '{hresult:HRESULT} : "
                  + "{exitCode:HEX}.")),
              Signature.text("add", Channel.EVENT_LOG, List.of("Failed to start application "
                  + "'{appId:APP_ID}', ErrorCode '{hresult:HRESULT}'.")),
              Signature.status("page", List.of(HttpStatus.of(502, 5)))))),
          List.of("fix"), List.of("test")))
      .build()).build();

  private static String repeat(String s, int targetLength) {
    StringBuilder sb = new StringBuilder(targetLength + s.length());
    while (sb.length() < targetLength) {
      sb.append(s);
    }
    return sb.toString();
  }

  @Test
  void should_answer_when_a_ten_megabyte_record_repeats_a_template_prefix() {
    // given
    String text = repeat("Application '", 10_000_000)
        + "x' with physical root 'C:\\a\\' failed to start process with commandline 'd', "
        + "ErrorCode = '0x80004005 : ff.";

    // when
    Classification c = DIAGNOSER.classify(LogRecord.of(Channel.EVENT_LOG, text));

    // then: the one real message at the end is still found
    assertThat(c.matches()).extracting(SignatureMatch::signatureId).contains("start");
  }

  @Test
  void should_answer_when_a_record_alternates_anchors_without_ever_completing() {
    // given
    String text = repeat("Failed to start application '/LM/W3SVC/1/ROOT', ErrorCode ' with "
        + "physical root '", 5_000_000);

    // when
    Classification c = DIAGNOSER.classify(LogRecord.of(Channel.EVENT_LOG, text));

    // then: no chain ever completes, so nothing is a whole message
    assertThat(c.matches()).allSatisfy(m -> assertThat(m.isComplete()).isFalse());
    assertThat(c.matches()).noneMatch(m -> m.signatureId().equals("start"));
  }

  @Test
  void should_find_nothing_and_not_fail_when_the_record_is_binary_noise() {
    // given
    Random random = new Random(42);
    char[] chars = new char[1_000_000];
    for (int i = 0; i < chars.length; i++) {
      chars[i] = (char) random.nextInt(65536);
    }
    chars[10] = '\uD800'; // a lone surrogate

    // when
    Classification c = DIAGNOSER.classify(LogRecord.of(Channel.BROWSER, new String(chars)));

    // then: noise may contain digit runs that look like statuses, never a template
    assertThat(c.matches()).allSatisfy(m -> assertThat(m.signatureId()).isEqualTo("page"));
  }

  @Test
  void should_diagnose_a_record_that_repeats_one_message_fifty_thousand_times() {
    // given: a log that logged the same failure on every retry
    String text = repeat("Failed to start application '/LM/W3SVC/1/ROOT', ErrorCode '0x8007023e'."
        + "\n", 50_000 * 72);

    // when
    DiagnosisReport report = DIAGNOSER.diagnose(Evidence.builder().eventLog(text).build());

    // then: the repeated message is one piece of evidence, counted once
    assertThat(report.top().orElseThrow().entryId()).isEqualTo("v1-start");
    assertThat(report.top().orElseThrow().supporting()).hasSize(1);
  }

  @Test
  void should_report_nothing_when_the_evidence_is_empty() {
    // when
    DiagnosisReport report = DIAGNOSER.diagnose(Evidence.builder()
        .browser("").eventLog("").stdoutLog("").build());

    // then
    assertThat(report.diagnoses()).isEmpty();
    assertThat(report.recordCount()).isEqualTo(3);
  }
}
