package io.github.ancmdiag.catalog;

import static org.assertj.core.api.Assertions.assertThat;

import io.github.ancmdiag.Diagnoser;
import io.github.ancmdiag.Diagnosis;
import io.github.ancmdiag.DiagnosisReport;
import io.github.ancmdiag.Evidence;
import io.github.ancmdiag.model.Confidence;
import java.util.List;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/**
 * A page line alone, as users type it, ranks the bundled catalog's causes by how often each is
 * behind it (the catalog's priors): the most frequent first, at {@code LOW}, and no two of the
 * first three at the same score.
 */
class BarePageRankingTest {
  private static final Diagnoser DIAGNOSER =
      Diagnoser.builder().catalog(BundledCatalog.load()).build();

  @ParameterizedTest(name = "{0} -> {1}")
  @CsvSource(delimiter = '|', value = {
      "502.5                                                   | missing-shared-framework",
      "HTTP Error 502.5 - Process Failure                      | missing-shared-framework",
      "I get a 502.5 error when I browse the site              | missing-shared-framework",
      "HTTP Error 500.0 - ANCM In-Process Handler Load Failure | missing-shared-framework",
      "HTTP Error 500.31 - Failed to load ASP.NET Core runtime | missing-shared-framework",
      "HTTP Error 500.30 - ANCM In-Process Start Failure       | app-configuration-general",
      "HTTP Error 500.19 - Internal Server Error               | wrong-role-module-not-installed-or-permissions",
      "HTTP Error 503. The service is unavailable.             | app-pool-stopped",
      "HTTP Error 502.3 - Bad Gateway                          | backend-timeout"})
  void should_rank_the_most_frequent_cause_first_without_ties_when_a_page_line_is_all(
      String line, String expected) {
    // when
    DiagnosisReport report = DIAGNOSER.diagnose(Evidence.builder().browser(line).build());

    // then
    Diagnosis top = report.top().orElseThrow();
    assertThat(top.entryId()).isEqualTo(expected);
    assertThat(top.confidence()).isEqualTo(Confidence.LOW);
    List<Double> scores = report.diagnoses().stream().limit(3).map(Diagnosis::score).toList();
    assertThat(scores).as("the first three scores of %s", report).doesNotHaveDuplicates();
  }
}
