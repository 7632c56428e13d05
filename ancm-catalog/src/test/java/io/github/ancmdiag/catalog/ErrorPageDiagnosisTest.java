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
import java.io.IOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/**
 * End to end: an error page as users save it (ancm-core's fixtures under {@code
 * src/test/resources/input/pages/}), read by {@link LogReader} and diagnosed alone with the
 * bundled catalog, puts the expected entry first.
 */
class ErrorPageDiagnosisTest {
  private static final Path PAGES =
      Path.of("..", "ancm-core", "src", "test", "resources", "input", "pages");
  private static final Diagnoser DIAGNOSER =
      Diagnoser.builder().catalog(BundledCatalog.load()).build();

  @ParameterizedTest(name = "{0} -> {1}")
  @CsvSource(delimiter = '|', value = {
      "ancm-500-30-3x.html|app-configuration-general|status-500-30-500-0-or-502-5 "
          + "page-title-500-30",
      "ancm-500-30-net6.html|app-configuration-general|status-500-30-500-0-or-502-5 "
          + "page-title-500-30",
      "ancm-500-30-2-2-utf16le.html|app-configuration-general|status-500-30-500-0-or-502-5 "
          + "page-title-500-30",
      "pasted-500-30.txt|app-configuration-general|status-500-30-500-0-or-502-5 "
          + "page-title-500-30",
      "ancm-500-30-net6.mhtml|app-configuration-general|status-500-30-500-0-or-502-5 "
          + "page-title-500-30",
      "ancm-500-31-3x.html|missing-shared-framework|status-500-0-or-500-31 page-title "
          + "framework-not-found",
      "truncated-500-31.html|missing-shared-framework|status-500-0-or-500-31 page-title",
      // ANCM V1's page alone: a runtime the app targets but the server lacks is behind it most
      "ancm-502-5-v1.html|missing-shared-framework|status-502-5 page-title",
      "ancm-500-0-2-2.html|missing-shared-framework|status-500-0-or-500-31 page-title",
      "iis-500-19-section-missing.html|wrong-role-module-not-installed-or-permissions|"
          + "status-500-19 config-invalid-page aspnetcore-section-undeclared config-error-code",
      "iis-500-19-unrecognized-element.html|wrong-role-module-not-installed-or-permissions|"
          + "status-500-19 config-invalid-page config-error-code module-schema-outdated",
      "iis-403-14.html|wrong-physical-path-or-app-missing|status-403 forbidden-page",
      "httpsys-503.html|app-pool-stopped|status-503 service-unavailable-page"})
  void should_put_the_expected_cause_first_when_given_only_the_saved_page(String fixture,
      String expected, String signatures) throws IOException {
    // given
    List<LogRecord> records = new ArrayList<>();
    try (LogReader reader = LogReader.open(PAGES.resolve(fixture))) {
      reader.forEach(records::add);
      assertThat(reader.format()).contains(Format.ERROR_PAGE);
      assertThat(reader.skipped()).isEmpty();
    }
    assertThat(records).singleElement()
        .satisfies(r -> assertThat(r.channel()).isEqualTo(Channel.BROWSER));

    // when
    DiagnosisReport report = DIAGNOSER.diagnose(Evidence.builder().record(records.get(0)).build());

    // then: the cause, and the signatures of the page that support it
    assertThat(report.top()).as("%s", report).map(Diagnosis::entryId).contains(expected);
    assertThat(report.top().orElseThrow().supporting()).extracting(Finding::signatureId)
        .containsExactlyInAnyOrder(signatures.split(" "));
  }
}
