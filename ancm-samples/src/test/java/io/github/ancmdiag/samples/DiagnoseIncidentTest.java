package io.github.ancmdiag.samples;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Runs the sample the way the README does, from outside the library's modules. */
class DiagnoseIncidentTest {
  private static final Path EXAMPLE = Path.of("examples", "missing-framework");

  private final ByteArrayOutputStream out = new ByteArrayOutputStream();
  private final ByteArrayOutputStream err = new ByteArrayOutputStream();

  private int run(String... args) {
    return DiagnoseIncident.run(args, new PrintStream(out, true, StandardCharsets.UTF_8),
        new PrintStream(err, true, StandardCharsets.UTF_8));
  }

  @Test
  void should_print_the_readme_diagnosis_when_run_on_the_example_incident() {
    // when
    int code = run(EXAMPLE.toString());

    // then
    assertThat(code).isZero();
    assertThat(out.toString(StandardCharsets.UTF_8))
        .contains("1. [missing-shared-framework]", "confidence HIGH",
            "Install Microsoft.AspNetCore.App 3.1.0");
  }

  @Test
  void should_print_json_with_ranked_diagnoses_when_asked() throws IOException {
    // when
    int code = run("--json", EXAMPLE.toString());

    // then
    assertThat(code).isZero();
    JsonNode json = new ObjectMapper().readTree(out.toString(StandardCharsets.UTF_8));
    assertThat(json.path("version").asText()).isNotEmpty();
    JsonNode top = json.path("diagnoses").path(0);
    assertThat(top.path("id").asText()).isEqualTo("missing-shared-framework");
    assertThat(top.path("confidence").asText()).isEqualTo("HIGH");
    assertThat(top.path("parameters").path("frameworkVersion").asText()).isEqualTo("3.1.0");
    assertThat(top.path("fix").size()).isPositive();
    assertThat(json.path("skipped").isArray()).isTrue();
  }

  @Test
  void should_take_explicit_files_observations_and_a_version(@TempDir Path dir)
      throws IOException {
    // given: a browser line typed from memory, UTF-16 with a byte order mark
    Path page = dir.resolve("page.txt");
    byte[] text = "HTTP Error 503. The service is unavailable.".getBytes(StandardCharsets.UTF_16);
    Files.write(page, text);

    // when
    int code = run("--json", "--browser", page.toString(), "--observation",
        "no-event-log-entry", "--aspnetcore-version", "2.1");

    // then
    assertThat(code).isZero();
    assertThat(out.toString(StandardCharsets.UTF_8)).contains("\"app-pool-stopped\"",
        "\"aspnetcoreVersion\" : \"2.1\"");
  }

  @Test
  void should_exit_1_with_usage_when_an_option_is_unknown() {
    // when
    int code = run("--frobnicate");

    // then
    assertThat(code).isEqualTo(1);
    assertThat(err.toString(StandardCharsets.UTF_8)).contains("unknown option --frobnicate",
        "Usage:");
  }

  @Test
  void should_exit_1_when_an_observation_key_is_unknown() {
    assertThat(run("--observation", "no-such-thing")).isEqualTo(1);
    assertThat(err.toString(StandardCharsets.UTF_8)).contains("unknown observation");
  }

  @Test
  void should_exit_2_when_an_input_cannot_be_read(@TempDir Path dir) {
    // when
    int code = run("--event-log", dir.resolve("missing.txt").toString());

    // then
    assertThat(code).isEqualTo(2);
    assertThat(err.toString(StandardCharsets.UTF_8)).contains("cannot read");
  }

  @Test
  void should_decode_windows_1252_when_a_file_is_not_utf8(@TempDir Path dir) throws IOException {
    // given
    Path f = dir.resolve("event.txt");
    Files.write(f, new byte[] {'c', 'a', 'f', (byte) 0xe9, ' ', (byte) 0x96, ' ', 'x'});

    // when
    String text = DiagnoseIncident.read(f);

    // then
    assertThat(text).isEqualTo("caf\u00e9 \u2013 x");
  }
}
