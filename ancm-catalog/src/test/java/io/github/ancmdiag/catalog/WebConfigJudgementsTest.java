package io.github.ancmdiag.catalog;

import static org.assertj.core.api.Assertions.assertThat;

import io.github.ancmdiag.Diagnoser;
import io.github.ancmdiag.SignatureMatch;
import io.github.ancmdiag.input.LogRecord;
import io.github.ancmdiag.input.WebConfigReader;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.TreeSet;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/**
 * The web.config judgements live in the catalog: {@link WebConfigReader} states neutral facts and
 * the bundled entries' {@code WEB_CONFIG} signatures say which facts point at a cause. Each row
 * is a web.config deployed in an app folder (holding {@code App.dll}, {@code App.exe} and a
 * {@code logs} folder) and the signatures its facts match, as {@code entry/signature}.
 */
class WebConfigJudgementsTest {
  private static final Diagnoser DIAGNOSER =
      Diagnoser.builder().catalog(BundledCatalog.load()).build();

  @TempDir
  Path app;

  @ParameterizedTest(name = "{0}")
  @CsvSource(delimiter = '|', nullValues = "-", value = {
      "processPath='dotnet' arguments='App.dll' hostingModel='inprocess' | -",
      "processPath='%LAUNCHER_PATH%' arguments='%LAUNCHER_ARGS%' | -",
      "processPath='dotnet' arguments='%LAUNCHER_ARGS%' | -",
      "processPath='.\\App.exe' hostingModel='OutOfProcess' | -",
      "processPath='dotnet' arguments='App.dll' stdoutLogEnabled='true'"
          + " stdoutLogFile='.\\logs\\stdout' | -",
      "processPath='dotnett' arguments='App.dll'"
          + " | wrong-processpath-or-runtime-missing/web-config-processpath-not-dotnet-or-exe",
      "processPath='.\\Ap.exe'"
          + " | wrong-processpath-or-runtime-missing/web-config-exe-not-in-app-folder",
      "processPath='dotnet' | wrong-aspnetcore-arguments/web-config-arguments-empty",
      "processPath='dotnet' arguments='  '"
          + " | wrong-aspnetcore-arguments/web-config-arguments-empty",
      "processPath='dotnet' arguments='exec --depsfile x.json'"
          + " | wrong-aspnetcore-arguments/web-config-arguments-name-no-dll",
      "processPath='C:\\Program Files\\dotnet\\dotnet.exe' arguments='.\\Ap.dll --urls x'"
          + " | wrong-aspnetcore-arguments/web-config-dll-not-in-app-folder",
      "processPath='dotnet' arguments='App.dll' hostingModel='in-process'"
          + " | aspnetcore-config-invalid/web-config-hosting-model-unknown",
      "processPath='dotnet' arguments='App.dll' stdoutLogEnabled='true'"
          + " stdoutLogFile='.\\log\\stdout'"
          + " | stdout-log-path-incorrect/web-config-stdout-folder-missing",
  })
  void should_match_the_signatures_the_catalog_writes_for_each_fact(String attributes,
      String expected) throws IOException {
    // given
    Files.writeString(app.resolve("App.dll"), "");
    Files.writeString(app.resolve("App.exe"), "");
    Files.createDirectories(app.resolve("logs"));
    Path config = Files.writeString(app.resolve("web.config"), "<configuration>"
        + "<system.webServer><aspNetCore " + attributes.replace('\'', '"')
        + " /></system.webServer></configuration>");

    // when
    Set<String> matched = judgements(WebConfigReader.read(config, null));

    // then
    assertThat(matched).containsExactlyElementsOf(expected == null ? List.of()
        : List.of(expected.split(" ")));
  }

  @Test
  void should_judge_the_v1_module_only_when_in_process_hosting_is_asked_of_it() {
    // given
    String v1InProcess = config("AspNetCoreModule", "InProcess");
    String v1OutOfProcess = config("AspNetCoreModule", "outofprocess");
    String v2InProcess = config("AspNetCoreModuleV2", "inprocess");

    // when
    Set<String> judged = judgements(WebConfigReader.parse(v1InProcess, "a"));
    Set<String> outOfProcess = judgements(WebConfigReader.parse(v1OutOfProcess, "b"));
    Set<String> v2 = judgements(WebConfigReader.parse(v2InProcess, "c"));

    // then
    assertThat(judged).containsExactly(
        "wrong-role-module-not-installed-or-permissions/web-config-v1-module-in-process");
    assertThat(outOfProcess).isEmpty();
    assertThat(v2).isEmpty();
  }

  @Test
  void should_judge_a_handler_added_again_under_a_parent_that_lets_children_inherit_it() {
    // given
    String handlers = "<handlers><add name=\"aspNetCore\" path=\"*\" verb=\"*\""
        + " modules=\"AspNetCoreModuleV2\" resourceType=\"Unspecified\" /></handlers>";
    String child = "<configuration><system.webServer>" + handlers
        + "<aspNetCore processPath=\"dotnet\" arguments=\".\\Api.dll\" /></system.webServer>"
        + "</configuration>";
    String parent = "<configuration><system.webServer>" + handlers
        + "</system.webServer></configuration>";
    String parentNoInherit = "<configuration><location path=\".\""
        + " inheritInChildApplications=\"false\"><system.webServer>" + handlers
        + "</system.webServer></location></configuration>";

    // when
    Set<String> inherited = judgements(WebConfigReader.parse(child, "api/web.config", parent,
        "web.config"));
    Set<String> notInherited = judgements(WebConfigReader.parse(child, "api/web.config",
        parentNoInherit, "web.config"));

    // then
    assertThat(inherited).containsExactly(
        "sub-app-handlers-section/web-config-inherited-handler-added-again");
    assertThat(notInherited).isEmpty();
  }

  private static String config(String module, String hostingModel) {
    return "<configuration><system.webServer><handlers><add name=\"aspNetCore\" path=\"*\""
        + " verb=\"*\" modules=\"" + module + "\" /></handlers><aspNetCore processPath=\"dotnet\""
        + " arguments=\".\\App.dll\" hostingModel=\"" + hostingModel + "\" />"
        + "</system.webServer></configuration>";
  }

  /** The complete matches of the facts, as {@code entry/signature}, in name order. */
  private static Set<String> judgements(WebConfigReader.Result result) {
    assertThat(result.problems()).isEmpty();
    List<SignatureMatch> matches = new ArrayList<>();
    for (LogRecord r : result.records()) {
      matches.addAll(DIAGNOSER.classify(r).matches());
    }
    Set<String> out = new TreeSet<>();
    for (SignatureMatch m : matches) {
      if (m.isComplete()) {
        out.add(m.entryId() + "/" + m.signatureId());
      }
    }
    return out;
  }
}
