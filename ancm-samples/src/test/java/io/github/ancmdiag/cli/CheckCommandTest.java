package io.github.ancmdiag.cli;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.HashSet;
import java.util.Set;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * {@code ancm-diagnose check} in a deploy pipeline: a finding fails the step, a clean web.config
 * passes, and {@code --sarif} writes what CI systems show as annotations.
 */
class CheckCommandTest {
  private static final ObjectMapper MAPPER = new ObjectMapper();
  private static final String HANDLER = "<handlers><add name=\"aspNetCore\" path=\"*\" verb=\"*\""
      + " modules=\"AspNetCoreModuleV2\" resourceType=\"Unspecified\" /></handlers>\n";

  private static Path webConfig(Path dir, String aspNetCore) throws IOException {
    return Files.writeString(dir.resolve("web.config"), "<?xml version=\"1.0\"?>\n"
        + "<configuration>\n  <system.webServer>\n    " + HANDLER
        + "    " + aspNetCore + "\n  </system.webServer>\n</configuration>\n");
  }

  @Test
  void should_exit_non_zero_and_print_the_finding_with_its_line_when_arguments_name_no_dll(
      @TempDir Path dir) throws IOException {
    // given a framework-dependent app whose arguments are empty (line 5)
    Path config = webConfig(dir, "<aspNetCore processPath=\"dotnet\" arguments=\"\" />");

    // when
    CliRun run = CliRun.of("check", config.toString());

    // then
    assertThat(run.code).isEqualTo(CheckCommand.FINDINGS);
    assertThat(run.out).contains(config + ":5: error: The dotnet host got no valid app DLL to"
        + " run, so it treated the start as an SDK command. (web.config: arguments of=dotnet"
        + " value=none) [wrong-aspnetcore-arguments]");
  }

  @Test
  void should_exit_zero_when_the_web_config_names_files_that_are_there(@TempDir Path dir)
      throws IOException {
    // given
    Files.writeString(dir.resolve("Fabrikam.Web.dll"), "MZ");
    Path config = webConfig(dir, "<aspNetCore processPath=\"dotnet\""
        + " arguments=\".\\Fabrikam.Web.dll\" stdoutLogEnabled=\"false\" hostingModel=\"inprocess\" />");
    Path sarif = dir.resolve("check.sarif");

    // when
    CliRun run = CliRun.of("check", "--sarif", sarif.toString(), config.toString());

    // then
    assertThat(run.code).as(run.out + run.err).isZero();
    assertThat(run.out).contains("No finding in 1 web.config file.");
    JsonNode log = MAPPER.readTree(sarif.toFile());
    assertThat(log.path("version").asText()).isEqualTo("2.1.0");
    assertThat(log.path("runs").path(0).path("results").isArray()).isTrue();
    assertThat(log.path("runs").path(0).path("results")).isEmpty();
    assertThat(log.path("runs").path(0).path("invocations").path(0)
        .path("executionSuccessful").asBoolean()).isTrue();
  }

  @Test
  void should_write_sarif_2_1_0_with_a_rule_and_a_located_result_per_finding(@TempDir Path dir)
      throws IOException {
    // given two web.configs with findings: an .exe that is not there, and a hostingModel typo
    Path app = Files.createDirectory(dir.resolve("app"));
    Path exe = webConfig(app, "<aspNetCore processPath=\".\\Fabrikam.Web.exe\" />");
    Path other = Files.createDirectory(dir.resolve("other"));
    Path typo = webConfig(other, "<aspNetCore processPath=\"dotnet\" arguments=\".\\a.dll\""
        + " hostingModel=\"inproc\" />");
    Files.writeString(other.resolve("a.dll"), "MZ");
    Path sarif = dir.resolve("out.sarif");

    // when
    CliRun run = CliRun.of("check", "--sarif", sarif.toString(), exe.toString(), typo.toString());

    // then the required structure of SARIF 2.1.0
    assertThat(run.code).as(run.err).isEqualTo(CheckCommand.FINDINGS);
    JsonNode log = MAPPER.readTree(sarif.toFile());
    assertThat(log.path("version").asText()).isEqualTo("2.1.0");
    assertThat(log.path("$schema").asText()).endsWith("sarif-schema-2.1.0.json");
    assertThat(log.path("runs").size()).isEqualTo(1);
    JsonNode runNode = log.path("runs").path(0);
    JsonNode driver = runNode.path("tool").path("driver");
    assertThat(driver.path("name").asText()).isEqualTo("ancm-diagnose");
    Set<String> ruleIds = new HashSet<>();
    for (JsonNode rule : driver.path("rules")) {
      assertThat(rule.path("id").asText()).isNotEmpty();
      assertThat(rule.path("shortDescription").path("text").asText()).isNotEmpty();
      assertThat(ruleIds.add(rule.path("id").asText())).as("rule ids are unique").isTrue();
    }
    assertThat(ruleIds).contains("wrong-processpath-or-runtime-missing",
        "aspnetcore-config-invalid");
    JsonNode results = runNode.path("results");
    assertThat(results.size()).isGreaterThanOrEqualTo(2);
    Set<String> uris = new HashSet<>();
    for (JsonNode r : results) {
      assertThat(ruleIds).contains(r.path("ruleId").asText());
      assertThat(driver.path("rules").path(r.path("ruleIndex").asInt()).path("id").asText())
          .isEqualTo(r.path("ruleId").asText());
      assertThat(r.path("level").asText()).isIn("error", "warning");
      assertThat(r.path("message").path("text").asText()).startsWith("web.config: ");
      JsonNode location = r.path("locations").path(0).path("physicalLocation");
      uris.add(location.path("artifactLocation").path("uri").asText());
      assertThat(location.path("region").path("startLine").asInt()).isEqualTo(5);
    }
    assertThat(uris).containsExactlyInAnyOrder(exe.toUri().toString(), typo.toUri().toString());
    assertThat(run.out).contains("[wrong-processpath-or-runtime-missing]",
        "[aspnetcore-config-invalid]");
  }

  @Test
  void should_give_relative_paths_as_relative_uris_with_forward_slashes() {
    // when
    String uri = SarifReport.uri(Path.of("site", "my app", "web.config"));

    // then
    assertThat(uri).isEqualTo("site/my%20app/web.config");
  }

  @Test
  void should_exit_2_and_mark_the_run_unsuccessful_when_a_web_config_is_not_well_formed(
      @TempDir Path dir) throws IOException {
    // given
    Path broken = Files.writeString(dir.resolve("web.config"), "<configuration><system.webServer>");
    Path sarif = dir.resolve("out.sarif");

    // when
    CliRun run = CliRun.of("check", "--sarif", sarif.toString(), broken.toString());

    // then
    assertThat(run.code).isEqualTo(AncmDiagnose.UNREADABLE);
    assertThat(run.err).contains("cannot read " + broken);
    JsonNode invocation = MAPPER.readTree(sarif.toFile()).path("runs").path(0)
        .path("invocations").path(0);
    assertThat(invocation.path("executionSuccessful").asBoolean()).isFalse();
    assertThat(invocation.path("toolExecutionNotifications").path(0).path("message")
        .path("text").asText()).contains(broken.toString());
  }

  @Test
  void should_refuse_a_check_without_a_file() {
    // when
    CliRun run = CliRun.of("check");

    // then
    assertThat(run.code).isEqualTo(AncmDiagnose.USAGE_ERROR);
  }
}
