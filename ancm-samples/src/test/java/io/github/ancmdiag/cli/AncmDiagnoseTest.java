package io.github.ancmdiag.cli;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.github.ancmdiag.model.Observation;
import java.io.File;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Collections;
import java.util.Iterator;
import java.util.List;
import java.util.Set;
import java.util.TreeSet;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/** Runs {@code ancm-diagnose} in-process on the shipped example and on generated inputs. */
class AncmDiagnoseTest {
  private static final Path EXAMPLE = Path.of("examples", "missing-framework");
  private static final Path README = Path.of("..", "README.md");
  private static final ObjectMapper JSON = new ObjectMapper();

  @Test
  void should_list_options_observation_keys_and_exit_codes_when_asked_for_help() {
    // when
    CliRun run = CliRun.of("--help");

    // then
    assertThat(run.code).isZero();
    assertThat(run.out).contains("Usage: ancm-diagnose", "--browser", "--event-log",
        "--stdout-log", "--debug-log", "--observation", "--aspnetcore-version", "--json",
        "--web-config", "scan", "Exit codes:", "0   diagnosed", "1   usage error",
        "2   an input cannot be read");
    for (Observation o : Observation.values()) {
      assertThat(run.out.replaceAll("\\s+", " ")).contains(o.key());
    }
  }

  @Test
  void should_print_the_tool_and_catalog_versions_when_asked_for_the_version() {
    // when
    CliRun run = CliRun.of("--version");

    // then
    assertThat(run.code).isZero();
    assertThat(run.out).containsPattern("ancm-diagnose \\d+\\.\\d+\\.\\d+")
        .containsPattern("catalog \\S+");
    assertThat(run.out).doesNotContain("${project.version}", "unknown");
  }

  @Test
  void should_print_the_readme_diagnosis_when_run_on_the_example_incident() {
    // when
    CliRun run = CliRun.of(EXAMPLE.toString());

    // then
    assertThat(run.code).isZero();
    assertThat(run.out).contains(
        "1. [missing-shared-framework] ",
        "(see CATALOG.md#missing-shared-framework)", "confidence HIGH",
        "+ EVENT_LOG \"The framework 'Microsoft.AspNetCore.App', version '3.1.0' was not found\"",
        "fix 1. Install Microsoft.AspNetCore.App 3.1.0");
  }

  @Test
  void should_print_exactly_the_lines_the_readme_shows_when_run_as_the_readme_says()
      throws IOException {
    // given: the ```text block that follows the README's first command
    String readme = Files.readString(README, StandardCharsets.UTF_8);
    int command = readme.indexOf("java -jar ancm-samples/target/ancm-diagnose.jar "
        + "ancm-samples/examples/missing-framework");
    assertThat(command).as("the README's first command").isPositive();
    List<String> shown = new ArrayList<>(textBlockAfter(readme, command));
    shown.removeIf(l -> l.equals("..."));

    // when: run from the module folder, so paths are printed as ../ancm-samples/...
    CliRun run = CliRun.of(Path.of("..", "ancm-samples", "examples", "missing-framework")
        .toString());

    // then
    assertThat(printedLines(run)).startsWith(shown.toArray(String[]::new));
  }

  @Test
  void should_print_the_readme_lines_in_order_when_the_evidence_cannot_decide()
      throws IOException {
    // given: the ```text block after "When the evidence cannot decide"; "..." skips lines
    String readme = Files.readString(README, StandardCharsets.UTF_8);
    int intro = readme.indexOf("When the evidence cannot decide, as in"
        + " `ancm-samples/examples/app-service-32bit-pool`");
    assertThat(intro).as("the README's second example").isPositive();
    List<List<String>> runs = new ArrayList<>(List.of(new ArrayList<>()));
    for (String line : textBlockAfter(readme, intro)) {
      if (line.equals("...")) {
        runs.add(new ArrayList<>());
      } else {
        runs.get(runs.size() - 1).add(line);
      }
    }

    // when
    CliRun run = CliRun.of(Path.of("..", "ancm-samples", "examples", "app-service-32bit-pool")
        .toString());

    // then: each run of lines is printed as shown, one after the other, and it ends the output
    List<String> printed = printedLines(run);
    int at = 0;
    for (List<String> lines : runs) {
      int found = Collections.indexOfSubList(printed.subList(at, printed.size()),
          lines);
      assertThat(found).as("printed after line %d: %s", at, lines).isNotNegative();
      at += found + lines.size();
    }
    assertThat(at).as("the block shows the end of the output").isEqualTo(printed.size());
  }

  @Test
  void should_print_one_json_document_with_the_documented_schema_when_asked_for_json()
      throws IOException {
    // when
    CliRun run = CliRun.of("--json", EXAMPLE.toString());

    // then
    assertThat(run.code).isZero();
    JsonNode json = JSON.readTree(run.out);
    assertThat(fields(json)).isEqualTo(Set.of("version", "inferredVersions", "diagnoses",
        "collect", "skipped"));
    assertThat(json.path("version").asText()).isNotEmpty();
    assertThat(json.path("skipped").isArray()).isTrue();
    assertThat(json.path("skipped")).isEmpty();
    JsonNode top = json.path("diagnoses").path(0);
    assertThat(fields(top)).isEqualTo(Set.of("id", "confidence", "score", "summary",
        "versions", "evidence", "missing", "contradicting", "parameters", "fix"));
    assertThat(top.path("id").asText()).isEqualTo("missing-shared-framework");
    assertThat(top.path("confidence").asText()).isEqualTo("HIGH");
    assertThat(top.path("score").isNumber()).isTrue();
    assertThat(fields(top.path("evidence").path(0))).isEqualTo(
        Set.of("signature", "kind", "channel", "detail", "source", "weight"));
    assertThat(top.path("evidence").findValuesAsText("kind")).contains("STATUS", "MESSAGE");
    assertThat(fields(top.path("missing").path(0))).isEqualTo(
        Set.of("signature", "channel", "description", "template"));
    JsonNode debug = null;
    for (JsonNode m : top.path("missing")) {
      debug = m.path("channel").asText().equals("DEBUG_LOG") ? m : debug;
    }
    assertThat(debug).as("the debug log line the cause expects").isNotNull();
    assertThat(debug.path("description").asText())
        .isEqualTo("the debug log line \"Failed HRESULT returned: 0x8000ffff at ...\"");
    assertThat(debug.path("template").asText())
        .isEqualTo("Failed HRESULT returned: {hresult:HRESULT=0x8000ffff} at");
    assertThat(top.path("parameters").path("frameworkVersion").asText()).isEqualTo("3.1.0");
    assertThat(top.path("fix").get(0).asText()).contains("3.1.0");
    assertThat(json.path("collect")).as("nothing to collect when the top is HIGH").isEmpty();
  }

  @Test
  void should_document_every_json_field_in_the_readme_when_the_schema_is_checked()
      throws IOException {
    // given
    String readme = Files.readString(README, StandardCharsets.UTF_8);
    int section = readme.indexOf("### JSON output");
    assertThat(section).as("README section '### JSON output'").isPositive();
    Set<String> documented = new TreeSet<>();
    Matcher m = Pattern.compile("^\\| `([A-Za-z.\\[\\]]+)`", Pattern.MULTILINE)
        .matcher(readme.substring(section));
    while (m.find()) {
      documented.add(m.group(1));
    }

    // then
    assertThat(documented).contains("version", "aspnetcoreVersion", "inferredVersions",
        "diagnoses", "diagnoses[].id", "diagnoses[].confidence", "diagnoses[].score",
        "diagnoses[].summary", "diagnoses[].versions", "diagnoses[].evidence",
        "diagnoses[].missing", "diagnoses[].contradicting", "diagnoses[].parameters",
        "diagnoses[].fix", "collect", "skipped");
  }

  @Test
  void should_take_explicit_files_observations_and_a_version_when_given(@TempDir Path dir)
      throws IOException {
    // given: a browser line typed from memory, UTF-16 with a byte order mark
    Path page = dir.resolve("page.txt");
    Files.write(page, "HTTP Error 503. The service is unavailable."
        .getBytes(StandardCharsets.UTF_16));

    // when
    CliRun run = CliRun.of("--json", "--browser", page.toString(), "--observation",
        "no-event-log-entry", "--aspnetcore-version", "2.1");

    // then
    assertThat(run.code).isZero();
    JsonNode json = JSON.readTree(run.out);
    assertThat(json.path("aspnetcoreVersion").asText()).isEqualTo("2.1");
    assertThat(json.path("diagnoses").path(0).path("id").asText()).isEqualTo("app-pool-stopped");
    assertThat(json.path("diagnoses").path(0).path("evidence").toString())
        .contains("no-event-log-entry", page.toString());
  }

  @ParameterizedTest(name = "{0}")
  @ValueSource(strings = {"2.1", "3.1.32", "8.0.0-preview.1"})
  void should_accept_the_version_when_it_has_any_documented_form(String version,
      @TempDir Path dir) throws IOException {
    // given
    Path event = Files.writeString(dir.resolve("e.txt"),
        "Failed to start application '/LM/W3SVC/2/ROOT', ErrorCode '0x8000ffff'.");

    // when
    CliRun run = CliRun.of("--json", "--aspnetcore-version", version, event.toString());

    // then
    assertThat(run.code).isZero();
    assertThat(JSON.readTree(run.out).path("aspnetcoreVersion").asText()).isEqualTo(version);
  }

  @Test
  void should_read_every_channel_when_each_is_given_by_its_own_option(@TempDir Path dir)
      throws IOException {
    // given: UTF-8 with BOM, UTF-16LE with BOM, windows-1252 and plain UTF-8
    Path browser = dir.resolve("b.html");
    Files.write(browser, concat(new byte[] {(byte) 0xef, (byte) 0xbb, (byte) 0xbf},
        "HTTP Error 500.31 - ANCM Failed to Find Native Dependencies"
            .getBytes(StandardCharsets.UTF_8)));
    Path event = dir.resolve("e.txt");
    Files.write(event, concat(new byte[] {(byte) 0xff, (byte) 0xfe},
        "Failed to start application '/LM/W3SVC/2/ROOT', ErrorCode '0x8000ffff'."
            .getBytes(StandardCharsets.UTF_16LE)));
    Path stdout = dir.resolve("s.log");
    Files.write(stdout, ("Caf\u00e9 \u2013 The framework 'Microsoft.AspNetCore.App', version"
        + " '3.1.0' was not found.").getBytes(TextFiles.WINDOWS_1252));
    Path debug = dir.resolve("d.log");
    Files.writeString(debug, "[aspnetcorev2.dll] Failed HRESULT returned: 0x8000ffff at x\n");

    // when
    CliRun run = CliRun.of("--json", "--browser", browser.toString(), "--event-log",
        event.toString(), "--stdout-log", stdout.toString(), "--debug-log", debug.toString());

    // then
    assertThat(run.code).isZero();
    JsonNode top = JSON.readTree(run.out).path("diagnoses").path(0);
    assertThat(top.path("id").asText()).isEqualTo("missing-shared-framework");
    assertThat(top.path("evidence").findValuesAsText("channel"))
        .contains("BROWSER", "EVENT_LOG", "STDOUT_LOG");
    assertThat(top.path("evidence").findValuesAsText("source"))
        .contains(browser + ":1", event + ":1", stdout + ":1");
    assertThat(top.path("parameters").path("frameworkVersion").asText()).isEqualTo("3.1.0");
  }

  @Test
  void should_decode_each_encoding_when_a_file_has_a_bom_or_is_windows_1252(@TempDir Path dir)
      throws IOException {
    // given
    String text = "caf\u00e9 \u2013 x";
    Path utf8Bom = Files.write(dir.resolve("a"), concat(new byte[] {(byte) 0xef, (byte) 0xbb,
        (byte) 0xbf}, text.getBytes(StandardCharsets.UTF_8)));
    Path utf16 = Files.write(dir.resolve("b"), text.getBytes(StandardCharsets.UTF_16));
    Path utf16le = Files.write(dir.resolve("c"), concat(new byte[] {(byte) 0xff, (byte) 0xfe},
        text.getBytes(StandardCharsets.UTF_16LE)));
    Path cp1252 = Files.write(dir.resolve("d"), text.getBytes(TextFiles.WINDOWS_1252));
    Path utf8 = Files.write(dir.resolve("e"), text.getBytes(StandardCharsets.UTF_8));

    // then
    for (Path f : List.of(utf8Bom, utf16, utf16le, cp1252, utf8)) {
      assertThat(TextFiles.read(f)).as(f.getFileName().toString()).isEqualTo(text);
    }
  }

  @Test
  void should_use_observations_and_version_files_when_a_folder_holds_them(@TempDir Path dir)
      throws IOException {
    // given
    Files.writeString(dir.resolve("browser.txt"), "HTTP Error 503. The service is unavailable.");
    Files.writeString(dir.resolve("observations.txt"),
        "# what we saw\nno-event-log-entry\r\nstdout-log-not-created\n");
    Files.writeString(dir.resolve("version.txt"), "3.1.32\n");
    Files.writeString(dir.resolve("notes.md"), "ignored: not a channel name");

    // when
    CliRun run = CliRun.of("--json", dir.toString());

    // then
    assertThat(run.code).isZero();
    JsonNode json = JSON.readTree(run.out);
    assertThat(json.path("aspnetcoreVersion").asText()).isEqualTo("3.1.32");
    JsonNode top = json.path("diagnoses").path(0);
    assertThat(top.path("id").asText()).isEqualTo("app-pool-stopped");
    assertThat(top.path("evidence").toString()).contains("no-event-log-entry",
        "stdout-log-not-created");
  }

  @Test
  void should_name_one_step_and_then_the_others_when_the_top_diagnosis_is_not_high() {
    // when: only observations, which several causes share
    CliRun text = CliRun.of("--observation", "no-event-log-entry");
    CliRun json = CliRun.of("--json", "--observation", "no-event-log-entry");

    // then: the causes differ most in what the browser would show
    assertThat(text.code).isZero();
    assertThat(text.out).doesNotContain("confidence HIGH");
    assertThat(section(text.out, "To decide, collect:", null)).containsExactly(
        "To decide, collect:",
        "   * Browse to the app on the server itself, where IIS shows its detailed error page,"
            + " and copy the page's status and title; it tells app-pool-stopped from"
            + " sub-app-handlers-section and uri-endpoint-wrong-or-site-stopped.",
        "   * If that does not settle it: look for Windows and installer messages; enable the"
            + " stdout log; enable the ANCM debug log.");
    assertThat(json.out).contains("\"collect\"", "\"expectedBy\"", "\"notExpectedBy\"");
  }

  @Test
  void should_put_the_best_steps_clues_first_with_their_step_when_json_lists_what_to_collect()
      throws IOException {
    // when
    JsonNode collect = JSON.readTree(CliRun.of("--json", "--observation", "no-event-log-entry")
        .out).path("collect");

    // then
    assertThat(collect).isNotEmpty();
    assertThat(fields(collect.path(0))).isEqualTo(
        Set.of("channel", "description", "expectedBy", "notExpectedBy", "step"));
    assertThat(collect.path(0).path("channel").asText()).isEqualTo("BROWSER");
    assertThat(collect.path(0).path("step").asText()).startsWith("Browse to the app on the"
        + " server itself");
    assertThat(collect.findValuesAsText("description")).allSatisfy(d ->
        assertThat(d).doesNotContainPattern("\\{\\w+:[A-Z_]+"));
  }

  @Test
  void should_list_nothing_as_not_seen_when_the_close_candidates_expect_the_same() {
    // when: missing-shared-framework is HIGH; what it has not seen, both runners-up expect too
    CliRun text = CliRun.of(EXAMPLE.toString());

    // then
    assertThat(section(text.out, "1. [missing-shared-framework]", "\n2. "))
        .noneMatch(l -> l.contains("?"));
    assertThat(text.out).doesNotContain("To decide, collect:", "{hresult:");
  }

  @Test
  void should_list_only_what_tells_the_top_apart_and_the_debug_log_as_the_step_when_undecided() {
    // when: App Service's LogFiles; eventlog.xml and the empty stdout log are already there
    CliRun run = CliRun.of(Path.of("examples", "app-service-32bit-pool").toString());

    // then
    assertThat(section(run.out, "1. [x86-app-pool-not-32bit]", "\n2. "))
        .filteredOn(l -> l.startsWith("   ?")).containsExactly(
            "   ? not seen: the debug log line \"Failed HRESULT returned: 0x8007023e at ...\"");
    assertThat(section(run.out, "2. [app-configuration-general]", "\n3. "))
        .filteredOn(l -> l.startsWith("   ?")).hasSize(TextReport.MAX_NOT_SEEN + 1)
        .last().asString().matches("   \\? and \\d+ more that only this cause expects \\(see"
            + " --json\\)");
    assertThat(section(run.out, "To decide, collect:", null)).containsExactly(
        "To decide, collect:",
        "   * Enable the ANCM debug log: <handlerSettings> under <aspNetCore> with debugFile"
            + " \".\\logs\\aspnetcore-debug.log\" and debugLevel \"FILE,TRACE\"; reproduce the"
            + " failure and read it; it tells x86-app-pool-not-32bit from"
            + " app-configuration-general and platform-conflicts-with-rid.",
        "   * If that does not settle it: run the app by hand; look for Windows and installer"
            + " messages.");
  }

  @Test
  void should_say_to_run_the_app_by_hand_when_the_stdout_log_is_empty(@TempDir Path dir)
      throws IOException {
    // given: the event log and the stdout log were looked at; the log was empty
    Files.writeString(dir.resolve("browser.txt"),
        "HTTP Error 500.31 - ANCM Failed to Find Native Dependencies");
    Files.writeString(dir.resolve("event-1.txt"),
        "Failed to start application '/LM/W3SVC/7/ROOT', ErrorCode '0x8000ffff'.");
    Files.writeString(dir.resolve("observations.txt"), "stdout-log-empty\n");

    // when
    CliRun run = CliRun.of(dir.toString());

    // then
    assertThat(section(run.out, "To decide, collect:", null)).containsExactly(
        "To decide, collect:",
        "   * Run the app by hand in its folder on the server (`dotnet .\\<app>.dll`, or its"
            + " .exe) and read what it prints; it tells missing-shared-framework from"
            + " wrong-aspnetcore-arguments.",
        "   * If that does not settle it: check web.config.");
    // and no stdout line is asked for: the log is known to be empty
    assertThat(section(run.out, "1. [missing-shared-framework]", "\n2. "))
        .filteredOn(l -> l.startsWith("   ?") && l.contains("stdout log")).isEmpty();
  }

  @Test
  void should_say_to_check_web_config_when_the_event_log_has_nothing_and_the_page_is_500_19(
      @TempDir Path dir) throws IOException {
    // given
    Files.writeString(dir.resolve("browser.txt"), "HTTP Error 500.19 - Internal Server Error\r\n"
        + "The requested page cannot be accessed because the related configuration data for"
        + " the page is invalid.");
    Files.writeString(dir.resolve("observations.txt"), "no-event-log-entry\n");

    // when
    CliRun run = CliRun.of(dir.toString());

    // then: a lone candidate shows what that step would show
    assertThat(section(run.out, "1. [wrong-role-module-not-installed-or-permissions]", "\n2. "))
        .filteredOn(l -> l.startsWith("   ?")).containsExactly(
            "   ? not seen: the web.config fact \"ancmHandler modules='AspNetCoreModule'"
                + " hostingModel='inprocess'\"");
    assertThat(section(run.out, "To decide, collect:", null)).startsWith(
        "To decide, collect:",
        "   * Check the deployed web.config: <aspNetCore> processPath and arguments,"
            + " hostingModel, stdoutLogFile and the handlers (or give it to ancm-diagnose with"
            + " --web-config); it would confirm wrong-role-module-not-installed-or-permissions.");
  }

  @Test
  void should_exit_0_and_say_so_when_nothing_matches(@TempDir Path dir) throws IOException {
    // given
    Path event = Files.writeString(dir.resolve("event.txt"), "The service started.");

    // when
    CliRun run = CliRun.of(event.toString());

    // then
    assertThat(run.code).isZero();
    assertThat(run.out).contains("No known cause matches this evidence.");
  }

  @ParameterizedTest(name = "{0}")
  @ValueSource(strings = {"--frobnicate", "--observation=no-such-thing",
      "--aspnetcore-version=3.x", "scan"})
  void should_exit_1_with_the_synopsis_when_the_command_line_is_wrong(String arg) {
    // when
    CliRun run = CliRun.of(arg);

    // then
    assertThat(run.code).isEqualTo(1);
    assertThat(run.err).contains("Usage: ancm-diagnose", "--help");
    assertThat(run.out).isEmpty();
  }

  @Test
  void should_exit_1_when_no_evidence_is_given() {
    // when
    CliRun run = CliRun.of();

    // then
    assertThat(run.code).isEqualTo(1);
    assertThat(run.err).contains("no evidence given");
  }

  @Test
  void should_put_the_processpath_cause_first_when_a_web_config_has_a_typo(@TempDir Path dir)
      throws IOException {
    // given
    Path config = Files.writeString(dir.resolve("web.config"), "<configuration>"
        + "<system.webServer><aspNetCore processPath=\"dotnett\" arguments=\".\\App.dll\""
        + " hostingModel=\"inprocess\" /></system.webServer></configuration>");
    Path page = Files.writeString(dir.resolve("page.txt"),
        "HTTP Error 500.0 - ANCM In-Process Handler Load Failure");

    // when
    CliRun run = CliRun.of("--json", "--web-config", config.toString(), "--browser",
        page.toString());

    // then
    assertThat(run.code).isZero();
    JsonNode top = JSON.readTree(run.out).path("diagnoses").path(0);
    assertThat(top.path("id").asText()).isEqualTo("wrong-processpath-or-runtime-missing");
    assertThat(top.path("parameters").path("processPath").asText()).isEqualTo("dotnett");
    assertThat(top.path("evidence").toString()).contains("WEB_CONFIG");
  }

  @Test
  void should_check_a_web_config_copy_and_its_parent_when_they_are_in_an_incident_folder(
      @TempDir Path dir) throws IOException {
    // given: copies, so the DLL they name is not looked for
    String handlers = "<handlers><add name=\"aspNetCore\" path=\"*\" verb=\"*\""
        + " modules=\"AspNetCoreModuleV2\" resourceType=\"Unspecified\" /></handlers>";
    Files.writeString(dir.resolve("web.config"), "<configuration><system.webServer>" + handlers
        + "<aspNetCore processPath=\"dotnet\" arguments=\".\\Api.dll\" />"
        + "</system.webServer></configuration>");
    Files.writeString(dir.resolve("parent.web.config"), "<configuration><system.webServer>"
        + handlers + "</system.webServer></configuration>");
    Files.writeString(dir.resolve("browser.txt"), "HTTP Error 500.19 - Internal Server Error");

    // when
    CliRun run = CliRun.of(dir.toString());

    // then
    assertThat(run.code).isZero();
    assertThat(run.out).contains("1. [sub-app-handlers-section]")
        .doesNotContain("wrong-aspnetcore-arguments");
  }

  @Test
  void should_diagnose_an_unknown_hosting_model_from_the_web_config_alone(@TempDir Path dir)
      throws IOException {
    // given
    Path config = Files.writeString(dir.resolve("web.config"), "<configuration>"
        + "<system.webServer><aspNetCore processPath=\"dotnet\" arguments=\"App.dll\""
        + " hostingModel=\"in-process\" /></system.webServer></configuration>");
    Files.writeString(dir.resolve("App.dll"), "");

    // when
    CliRun run = CliRun.of("--web-config", config.toString());

    // then
    assertThat(run.code).isZero();
    assertThat(run.out).contains("\n1. [aspnetcore-config-invalid]")
        .contains("WEB_CONFIG \"web.config: hostingModel value='in-process' kind=other\"")
        .contains("the module read 'in-process'");
    assertThat(run.err).doesNotContain("no catalog entry covers");
  }

  @ParameterizedTest
  @ValueSource(strings = {"<configuration><system.webServer>",
      "<!DOCTYPE c [<!ENTITY x SYSTEM \"file:///etc/passwd\">]><configuration a=\"&x;\"/>"})
  void should_exit_2_and_name_the_file_when_a_web_config_cannot_be_parsed(String xml,
      @TempDir Path dir) throws IOException {
    // given
    Path config = Files.writeString(dir.resolve("web.config"), xml);

    // when
    CliRun run = CliRun.of("--web-config", config.toString(), EXAMPLE.toString());

    // then
    assertThat(run.code).isEqualTo(2);
    assertThat(run.err).contains("cannot read " + config).containsPattern("well-formed|DOCTYPE");
    assertThat(run.out).isEmpty();
  }

  @Test
  void should_exit_2_when_an_input_cannot_be_read(@TempDir Path dir) {
    // when
    CliRun file = CliRun.of("--event-log", dir.resolve("missing.txt").toString());
    CliRun path = CliRun.of(dir.resolve("no-such-folder").toString());

    // then
    assertThat(file.code).isEqualTo(2);
    assertThat(file.err).contains("cannot read", "missing.txt");
    assertThat(path.code).isEqualTo(2);
    assertThat(path.err).contains("no such file or folder");
  }

  @Test
  void should_report_an_unknown_observation_key_as_skipped_and_use_the_known_ones(
      @TempDir Path dir) throws IOException {
    // given
    Files.writeString(dir.resolve("observations.txt"), "no-event-log-entry\nfelt-slow\n");

    // when
    CliRun run = CliRun.of("--json", dir.toString());

    // then
    assertThat(run.code).isEqualTo(0);
    assertThat(run.err).contains("observations.txt:2: 'felt-slow' is not an"
        + " observation key");
    JsonNode skipped = JSON.readTree(run.out).get("skipped");
    assertThat(skipped).hasSize(1);
    assertThat(skipped.get(0).get("source").asText())
        .isEqualTo(dir.resolve("observations.txt").toString());
    assertThat(skipped.get(0).get("line").asLong()).isEqualTo(2);
  }

  @Test
  void should_list_a_malformed_web_config_of_an_incident_folder_in_json_skipped(
      @TempDir Path dir) throws IOException {
    // given: the copy was cut short when it was pasted
    Files.writeString(dir.resolve("web.config"), "<?xml version=\"1.0\"?>\r\n<configuration>\r\n"
        + "  <system.webServer>\r\n    <aspNetCore processPath=\"dotnet\" arguments=\".\\Shop.dll\"");
    Files.writeString(dir.resolve("browser.txt"), "HTTP Error 500.30 - ANCM In-Process Start Failure");

    // when
    CliRun run = CliRun.of("--json", dir.toString());

    // then
    assertThat(run.code).isZero();
    JsonNode json = JSON.readTree(run.out);
    assertThat(json.path("diagnoses")).isNotEmpty();
    JsonNode skipped = json.path("skipped");
    assertThat(skipped).hasSize(1);
    assertThat(skipped.get(0).path("source").asText())
        .isEqualTo(dir.resolve("web.config").toString());
    assertThat(skipped.get(0).path("reason").asText()).contains("XML");
    assertThat(run.err).contains("skipped " + dir.resolve("web.config"));
  }

  private static List<String> textBlockAfter(String readme, int from) {
    int start = readme.indexOf("```text\n", from) + "```text\n".length();
    return List.of(readme.substring(start, readme.indexOf("```", start)).split("\n"));
  }

  /** Returns the output's lines with the paths as the README shows them (from the root, /). */
  private static List<String> printedLines(CliRun run) {
    String out = run.out;
    if (File.separatorChar != '/') {
      out = out.replace(File.separatorChar, '/');
    }
    return List.of(out.replace("../ancm-samples/", "ancm-samples/").split("\\R"));
  }

  private static List<String> section(String out, String start, String end) {
    int from = out.indexOf(start);
    assertThat(from).as("'%s' in the output", start).isNotNegative();
    int to = end == null ? out.length() : out.indexOf(end, from);
    return List.of(out.substring(from, to < 0 ? out.length() : to).split("\\R"));
  }

  private static Set<String> fields(JsonNode node) {
    Set<String> names = new TreeSet<>();
    for (Iterator<String> it = node.fieldNames(); it.hasNext(); ) {
      names.add(it.next());
    }
    return names;
  }

  private static byte[] concat(byte[] a, byte[] b) {
    byte[] c = new byte[a.length + b.length];
    System.arraycopy(a, 0, c, 0, a.length);
    System.arraycopy(b, 0, c, a.length, b.length);
    return c;
  }

  @Test
  void should_read_an_evtx_given_as_the_event_log_or_found_in_a_folder(@TempDir Path dir)
      throws IOException {
    // given: Event Viewer's binary log (17 events, none from ANCM), alone and in a folder
    Path sample = Path.of("..", "ancm-core", "src", "test", "resources", "evtx",
        "Application_no_crc32.evtx");
    Path folder = Files.createDirectories(dir.resolve("incident"));
    Path evtx = Files.copy(sample, folder.resolve("Application.evtx"));

    // when
    CliRun file = CliRun.of("--json", "--event-log", evtx.toString());
    CliRun incident = CliRun.of("--json", folder.toString());

    // then: read, not refused; the folder's export without an ANCM event says so
    assertThat(file.code).isZero();
    assertThat(JSON.readTree(file.out).path("skipped")).isEmpty();
    assertThat(incident.code).isZero();
    JsonNode json = JSON.readTree(incident.out);
    assertThat(json.path("skipped")).isEmpty();
    assertThat(json.path("diagnoses").findValuesAsText("signature"))
        .contains("no-event-log-entry");
  }
}
