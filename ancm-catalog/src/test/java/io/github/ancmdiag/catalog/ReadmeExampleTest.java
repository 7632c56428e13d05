package io.github.ancmdiag.catalog;

import static org.assertj.core.api.Assertions.assertThat;

import io.github.ancmdiag.Diagnoser;
import io.github.ancmdiag.Diagnosis;
import io.github.ancmdiag.DiagnosisReport;
import io.github.ancmdiag.Evidence;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;

/** The README's first example, kept true: same code, and the README must still show it. */
class ReadmeExampleTest {

  @Test
  void should_diagnose_the_readme_example_as_the_readme_says() {
    // given: the code of README.md, verbatim
    Diagnoser diagnoser = Diagnoser.builder().catalog(BundledCatalog.load()).build();  // share it
    DiagnosisReport report = diagnoser.diagnose(Evidence.builder()
        .browser("HTTP Error 500.0 - ANCM In-Process Handler Load Failure")
        .eventLog("Failed to start application '/LM/W3SVC/2/ROOT', ErrorCode '0x8000ffff'.")
        .stdoutLog("The specified framework 'Microsoft.AspNetCore.App', version '3.1.0' was not found.")
        .build());

    // then
    Diagnosis top = report.top().orElseThrow();
    assertThat(top.toString()).startsWith("[missing-shared-framework] ")
        .endsWith("(see CATALOG.md#missing-shared-framework)");
    assertThat(top.parameter("frameworkVersion")).contains("3.1.0");
  }

  @Test
  void should_find_the_example_code_in_the_readme() throws IOException {
    // given
    Path readme = Path.of("..", "README.md");

    // then
    assertThat(Files.readString(readme)).contains(
        ".eventLog(\"Failed to start application '/LM/W3SVC/2/ROOT', ErrorCode '0x8000ffff'.\")",
        ".stdoutLog(\"The specified framework 'Microsoft.AspNetCore.App', version '3.1.0' was not"
            + " found.\")",
        "// [missing-shared-framework] ");
  }
}
