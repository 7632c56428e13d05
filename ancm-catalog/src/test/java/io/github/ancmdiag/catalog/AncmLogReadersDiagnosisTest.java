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
import java.io.IOException;
import java.nio.file.Path;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/**
 * ANCM stdout and debug logs from ancm-core's reader fixtures ({@code
 * ancm-core/src/test/resources/input/}), read record by record by {@link LogReader} as the CLI's
 * {@code --stdout-log}/{@code --debug-log} would ({@link Format#AUTO} with the channel), lead the
 * bundled catalog to the cause the fixture shows, supported by the grouped record starting on
 * the given line (0: by the observation that the stdout log has output). The 3.1 debug log
 * fixture ({@code aspnetcore-debug-3.1.log}, Main exits at startup) is not here: alone, without a
 * version, it ranks wrong-processpath-or-runtime-missing and x86-app-pool-not-32bit (on the
 * 0x8007023e lines) above app-configuration-general.
 */
class AncmLogReadersDiagnosisTest {
  private static final Path INPUT = Path.of("..", "ancm-core", "src", "test", "resources",
      "input");
  private static final Diagnoser DIAGNOSER =
      Diagnoser.builder().catalog(BundledCatalog.load()).build();

  @ParameterizedTest(name = "{0} -> {2}")
  @CsvSource({
      "stdout/stdout_20240611081530_3316.log, STDOUT_LOG, missing-shared-framework, 3",
      "debug/aspnetcore-debug-8.0.log, DEBUG_LOG, missing-shared-framework, 9",
      "stdout/stdout_20240305091407_7412.log, STDOUT_LOG, app-configuration-general, 5",
      // no entry quotes these exceptions: only the stdout log having output supports the cause
      "stdout/stdout_5128_20191120171241.log, STDOUT_LOG, app-configuration-general, 0",
      "stdout/stdout_20240402134455_9020.log, STDOUT_LOG, app-configuration-general, 0"})
  void should_lead_the_bundled_catalog_to_the_cause_when_reading_an_ancm_log(String fixture,
      Channel channel, String expected, long supportingLine) throws IOException {
    // given
    Evidence.Builder evidence = Evidence.builder();
    try (LogReader reader = LogReader.open(INPUT.resolve(fixture), Format.AUTO, channel)) {
      for (LogRecord record : reader) {
        evidence.record(record);
      }
      assertThat(reader.skipped()).isEmpty();
    }

    // when
    DiagnosisReport report = DIAGNOSER.diagnose(evidence.build());

    // then
    assertThat(report.top()).map(Diagnosis::entryId).contains(expected);
    String where = supportingLine == 0 ? ""
        : Path.of(fixture).getFileName() + ":" + supportingLine;
    assertThat(report.top().orElseThrow().supporting()).anySatisfy(f -> {
      assertThat(f.channel()).isEqualTo(channel);
      assertThat(f.source()).isEqualTo(where);
      if (supportingLine == 0) {
        assertThat(f.detail()).contains("stdout-log-has-output");
      }
    });
  }
}
