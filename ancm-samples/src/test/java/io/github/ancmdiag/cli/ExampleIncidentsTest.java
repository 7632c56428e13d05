package io.github.ancmdiag.cli;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/**
 * The incident folders under {@code ancm-samples/examples} are documentation: each must keep
 * diagnosing as its name says, and every folder there must be listed here.
 */
class ExampleIncidentsTest {
  private static final Path EXAMPLES = Path.of("examples");

  @ParameterizedTest(name = "{0}")
  @CsvSource({
      "missing-framework,     missing-shared-framework,           HIGH",
      "startup-exception-3.1, app-configuration-general,          MEDIUM",
      "wrong-arguments-2.1,   wrong-aspnetcore-arguments,         HIGH",
      "stopped-app-pool,      app-pool-stopped,                   MEDIUM",
      // App Service's LogFiles as downloaded (eventlog.xml, RawLogs, an empty stdout log): the
      // 1018/1007 pair also follows any start-up exception, so the bitness cause leads only just
      "app-service-32bit-pool, x86-app-pool-not-32bit,            LOW",
  })
  void should_diagnose_each_example_as_its_folder_says(String folder, String entryId,
      String confidence) throws IOException {
    // when
    CliRun run = CliRun.of("--json", EXAMPLES.resolve(folder).toString());

    // then
    assertThat(run.code).isZero();
    JsonNode top = new ObjectMapper().readTree(run.out).path("diagnoses").path(0);
    assertThat(top.path("id").asText()).isEqualTo(entryId);
    assertThat(top.path("confidence").asText()).isEqualTo(confidence);
  }

  @ParameterizedTest(name = "{0}")
  @CsvSource(delimiter = '|', value = {
      "missing-framework      | 0 | ",
      // MEDIUM: the events the app's crash may also leave separate it from an x86 build
      "startup-exception-3.1  | 2 | Look in the System event log",
      "wrong-arguments-2.1    | 0 | ",
      "stopped-app-pool       | 2 | Look in the System event log",
      // eventlog.xml and the empty stdout log are there: only the debug log can tell
      "app-service-32bit-pool | 1 | Enable the ANCM debug log:",
  })
  void should_print_words_not_templates_and_name_the_step_when_each_example_is_run_as_text(
      String folder, int notSeenOfTop, String step) {
    // when
    CliRun run = CliRun.of(EXAMPLES.resolve(folder).toString());

    // then
    assertThat(run.code).isZero();
    assertThat(run.out).doesNotContainPattern("\\{\\w+:[A-Z_]+").doesNotContain("{_:");
    String top = run.out.substring(run.out.indexOf("1. ["), run.out.contains("\n2. [")
        ? run.out.indexOf("\n2. [") : run.out.length());
    assertThat(top.lines().filter(l -> l.startsWith("   ? not seen: "))).hasSize(notSeenOfTop);
    if (step == null) {
      assertThat(run.out).doesNotContain("To decide, collect:");
    } else {
      assertThat(run.out).contains("To decide, collect:\n   * " + step);
    }
  }

  @Test
  void should_cover_every_example_folder() throws IOException {
    try (Stream<Path> folders = Files.list(EXAMPLES)) {
      assertThat(folders.filter(Files::isDirectory).map(p -> p.getFileName().toString()))
          .containsExactlyInAnyOrder("missing-framework", "startup-exception-3.1",
              "wrong-arguments-2.1", "stopped-app-pool", "app-service-32bit-pool");
    }
  }
}
