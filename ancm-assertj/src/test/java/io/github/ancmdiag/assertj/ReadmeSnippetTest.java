package io.github.ancmdiag.assertj;

import static io.github.ancmdiag.assertj.AncmAssertions.assertThat;

import io.github.ancmdiag.Diagnoser;
import io.github.ancmdiag.Evidence;
import io.github.ancmdiag.catalog.BundledCatalog;
import io.github.ancmdiag.model.Channel;
import io.github.ancmdiag.model.Confidence;
import org.junit.jupiter.api.Test;

/** The README's "Use in tests" example, with the README's first incident. */
class ReadmeSnippetTest {

  @Test
  void should_pass_the_readme_assertions_on_the_readme_incident() {
    // given
    Diagnoser diagnoser = Diagnoser.builder().catalog(BundledCatalog.load()).build();
    Evidence evidence = Evidence.builder()
        .browser("HTTP Error 500.0 - ANCM In-Process Handler Load Failure")
        .eventLog("Failed to start application '/LM/W3SVC/2/ROOT', ErrorCode '0x8000ffff'.")
        .stdoutLog("The specified framework 'Microsoft.AspNetCore.App', version '3.1.0' was not"
            + " found.")
        .build();

    // then: the README's code, verbatim
    assertThat(diagnoser.diagnose(evidence))
        .hasTopDiagnosis("missing-shared-framework", Confidence.HIGH)
        .topDiagnosis()
        .hasParameter("frameworkVersion", "3.1.0")
        .isSupportedBy(Channel.EVENT_LOG, Channel.STDOUT_LOG);
  }
}
