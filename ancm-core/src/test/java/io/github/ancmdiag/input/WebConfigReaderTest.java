package io.github.ancmdiag.input;

import static org.assertj.core.api.Assertions.assertThat;

import io.github.ancmdiag.model.Channel;
import java.io.IOException;
import java.net.ServerSocket;
import java.net.Socket;
import java.net.SocketTimeoutException;
import java.net.URISyntaxException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * Checks {@link WebConfigReader} on the web.config fixtures under
 * {@code src/test/resources/webconfig}: one folder per app, holding its {@code web.config} and
 * the files the checks look for next to it (empty {@code .dll} and {@code .exe} files, a
 * {@code logs} folder). {@code sub-app*} folders are a parent site with applications in
 * sub-folders. {@code hostile/*.config} are payloads that must be refused unread.
 */
class WebConfigReaderTest {

  static Path fixture(String name) {
    try {
      return Path.of(WebConfigReaderTest.class.getResource("/webconfig/" + name).toURI());
    } catch (URISyntaxException e) {
      throw new IllegalStateException(e);
    }
  }

  static List<String> texts(List<LogRecord> records) {
    return records.stream().map(LogRecord::text).toList();
  }

  @Test
  void should_report_only_facts_when_reading_the_dotnet_new_template_web_config() {
    // when
    WebConfigReader.Result result = WebConfigReader.read(fixture("template-net8/web.config"));

    // then
    assertThat(result.problems()).isEmpty();
    assertThat(result.findings()).isEmpty();
    assertThat(texts(result.records())).containsExactly(
        "web.config: system.webServer is inside <location path=\".\""
            + " inheritInChildApplications=\"false\">, so child applications do not inherit it",
        "web.config: the aspNetCore handler asks for module 'AspNetCoreModuleV2' (ANCM V2)");
    assertThat(result.records()).allSatisfy(r -> {
      assertThat(r.channel()).isEqualTo(Channel.WEB_CONFIG);
      assertThat(r.source()).endsWith("web.config");
    });
    assertThat(result.records().get(0).line()).isEqualTo(4);
    assertThat(result.records().get(1).line()).isEqualTo(6);
  }

  @Test
  void should_report_no_finding_when_a_self_contained_app_has_its_exe_and_log_folder() {
    // when: CRLF, a byte order mark, file names in another case than web.config spells them
    WebConfigReader.Result result = WebConfigReader.read(fixture("self-contained/web.config"));

    // then
    assertThat(result.problems()).isEmpty();
    assertThat(result.findings()).isEmpty();
  }

  @Test
  void should_name_the_exe_when_a_self_contained_app_lacks_it() {
    // given
    Path config = fixture("self-contained-exe-missing/web.config");

    // when
    WebConfigReader.Result result = WebConfigReader.read(config);

    // then
    assertThat(texts(result.findings())).containsExactly("web.config: processPath"
        + " '.\\Contoso.Apii.exe' names an .exe that is not in the app folder '"
        + config.getParent() + "'");
  }

  @Test
  void should_report_the_stdout_folder_and_the_v1_module_when_reading_a_2_1_web_config() {
    // when
    WebConfigReader.Result result = WebConfigReader.read(fixture("v1-2-1/web.config"));

    // then
    assertThat(texts(result.findings())).containsExactly("web.config: stdoutLogFile"
        + " '.\\logs\\stdout' is in a folder that does not exist: '.\\logs'");
    assertThat(texts(result.records()))
        .contains("web.config: the aspNetCore handler asks for module 'AspNetCoreModule' (ANCM V1)");
  }

  @Test
  void should_report_a_processpath_typo() {
    // when
    WebConfigReader.Result result = WebConfigReader.read(fixture("processpath-typo/web.config"));

    // then
    assertThat(texts(result.findings())).containsExactly(
        "web.config: processPath 'dotnett' is neither dotnet nor a path to an .exe");
    assertThat(result.findings().get(0).line()).isEqualTo(8);
  }

  @Test
  void should_name_the_dll_when_arguments_name_a_dll_that_is_not_deployed() {
    // given: processPath is the full path of dotnet.exe, arguments carry more than the DLL
    Path config = fixture("dll-missing/web.config");

    // when
    WebConfigReader.Result result = WebConfigReader.read(config);

    // then
    assertThat(texts(result.findings())).containsExactly("web.config: arguments name"
        + " '.\\Contoso.Web.dll', which is not in the app folder '" + config.getParent() + "'");
  }

  @Test
  void should_report_empty_arguments_when_processpath_is_dotnet() {
    // when
    WebConfigReader.Result result = WebConfigReader.read(fixture("arguments-empty/web.config"));

    // then
    assertThat(texts(result.findings())).containsExactly("web.config: processPath is dotnet but"
        + " arguments is empty or missing, so no app DLL is named");
  }

  @Test
  void should_report_an_unknown_hosting_model() {
    // when
    WebConfigReader.Result result = WebConfigReader.read(fixture("hostingmodel-typo/web.config"));

    // then
    assertThat(texts(result.findings())).containsExactly(
        "web.config: hostingModel 'in-process' is neither inprocess nor outofprocess");
  }

  @Test
  void should_report_in_process_hosting_with_the_v1_module() {
    // when
    WebConfigReader.Result result = WebConfigReader.read(fixture("v1-inprocess/web.config"));

    // then
    assertThat(texts(result.findings())).containsExactly("web.config: hostingModel is inprocess"
        + " but the aspNetCore handler uses AspNetCoreModule (V1), which hosts only out of"
        + " process");
  }

  @Test
  void should_report_the_inherited_handler_when_a_sub_app_adds_it_again() {
    // given: sub-app/web.config is found as the parent of sub-app/api/web.config
    Path parent = fixture("sub-app/web.config");

    // when
    WebConfigReader.Result result = WebConfigReader.read(fixture("sub-app/api/web.config"));

    // then
    assertThat(texts(result.findings())).containsExactly("web.config: this app adds handler"
        + " 'aspNetCore' that its parent web.config '" + parent + "' already adds for its child"
        + " applications");
  }

  @Test
  void should_report_no_duplicate_handler_when_the_sub_app_removes_it_first() {
    // when
    WebConfigReader.Result result = WebConfigReader.read(fixture("sub-app/api-remove/web.config"));

    // then
    assertThat(result.problems()).isEmpty();
    assertThat(result.findings()).isEmpty();
  }

  @Test
  void should_report_no_duplicate_handler_when_the_parent_does_not_let_children_inherit() {
    // when
    WebConfigReader.Result result =
        WebConfigReader.read(fixture("sub-app-parent-location/api/web.config"));

    // then
    assertThat(result.findings()).isEmpty();
  }

  @Test
  void should_use_the_parent_given_explicitly_when_reading_from_disk() {
    // given: no parent found by folder, one given
    Path child = fixture("template-net8/web.config");
    Path parent = fixture("sub-app/web.config");

    // when
    WebConfigReader.Result without = WebConfigReader.read(child, null);
    WebConfigReader.Result with = WebConfigReader.read(child, parent);

    // then: the template wraps its own section, but still adds the inherited handler
    assertThat(without.findings()).isEmpty();
    assertThat(texts(with.findings())).singleElement().asString()
        .contains("adds handler 'aspNetCore'", parent.toString());
  }

  @Test
  void should_check_text_alone_without_looking_at_files_when_parsing() throws IOException {
    // given: the DLL and log folder checks need the app folder, which text does not have
    String xml = Files.readString(fixture("v1-2-1/web.config"));
    String missingDll = Files.readString(fixture("dll-missing/web.config"));
    String parent = Files.readString(fixture("sub-app/web.config"));
    String child = Files.readString(fixture("sub-app/api/web.config"));

    // when
    WebConfigReader.Result v1 = WebConfigReader.parse(xml, "incident/web.config");
    WebConfigReader.Result dll = WebConfigReader.parse(missingDll, "web.config");
    WebConfigReader.Result sub =
        WebConfigReader.parse(child, "api/web.config", parent, "parent.web.config");

    // then
    assertThat(v1.findings()).isEmpty();
    assertThat(v1.records()).extracting(LogRecord::source).containsOnly("incident/web.config");
    assertThat(dll.findings()).isEmpty();
    assertThat(texts(sub.findings())).containsExactly("web.config: this app adds handler"
        + " 'aspNetCore' that its parent web.config 'parent.web.config' already adds for its"
        + " child applications");
  }

  @ParameterizedTest(name = "processPath={0} arguments={1}")
  @CsvSource(delimiter = '|', nullValues = "NULL", value = {
      "dotnet            | .\\App.dll            | ",
      "DOTNET.EXE        | .\\App.dll            | ",
      "%LAUNCHER_PATH%   | %LAUNCHER_ARGS%       | ",
      "dotnet            | %LAUNCHER_ARGS%       | ",
      ".\\App.exe        | NULL                  | ",
      "D:\\home\\site\\wwwroot\\App.exe | NULL   | ",
      "dotnet            | NULL                  | arguments is empty or missing",
      "dotnet            | exec --depsfile x.json | arguments 'exec --depsfile x.json' name no .dll",
      "App               | NULL                  | processPath 'App' is neither dotnet",
      "dotnet's          | NULL                  | processPath 'dotnet?s' is neither dotnet",
  })
  void should_check_processpath_and_arguments_as_the_table_says(String processPath,
      String arguments, String expected) {
    // given
    String xml = "<configuration><system.webServer><aspNetCore processPath=\"" + processPath
        + "\"" + (arguments == null ? "" : " arguments=\"" + arguments + "\"")
        + " /></system.webServer></configuration>";

    // when
    WebConfigReader.Result result = WebConfigReader.parse(xml.replace("'", "&apos;"), "w");

    // then
    if (expected == null) {
      assertThat(result.findings()).isEmpty();
    } else {
      assertThat(texts(result.findings())).singleElement().asString().contains(expected);
    }
  }

  @ParameterizedTest
  @ValueSource(strings = {"inprocess", "OutOfProcess", "  InProcess  ", ""})
  void should_accept_hosting_models_ignoring_case_when_they_are_valid(String model) {
    // given
    String xml = "<configuration><system.webServer><aspNetCore processPath=\"dotnet\""
        + " arguments=\"a.dll\" hostingModel=\"" + model + "\"/></system.webServer>"
        + "</configuration>";

    // when
    WebConfigReader.Result result = WebConfigReader.parse(xml, "w");

    // then
    assertThat(result.findings()).isEmpty();
  }

  @ParameterizedTest
  @ValueSource(strings = {"xxe-file.config", "xxe-parameter.config", "billion-laughs.config"})
  void should_refuse_a_doctype_unread_when_the_file_carries_an_entity_payload(String name) {
    // when
    WebConfigReader.Result result = WebConfigReader.read(fixture("hostile/" + name));

    // then
    assertThat(result.records()).isEmpty();
    assertThat(result.problems()).singleElement().asString()
        .contains(name, "has a DOCTYPE declaration", "no external file or URL was opened")
        .doesNotContain("root:");
  }

  @Test
  void should_open_no_file_and_no_url_when_entities_point_at_them(@TempDir Path dir)
      throws IOException {
    // given: a secret file and a local server an external entity or DTD would reach
    Path secret = Files.writeString(dir.resolve("secret.txt"), "s3cr3t-marker");
    try (ServerSocket server = new ServerSocket(0)) {
      server.setSoTimeout(200);
      String xml = "<?xml version=\"1.0\"?>\n<!DOCTYPE configuration SYSTEM \"http://127.0.0.1:"
          + server.getLocalPort() + "/x.dtd\" [\n<!ENTITY s SYSTEM \"" + secret.toUri()
          + "\">\n]>\n<configuration><system.webServer><aspNetCore processPath=\"&s;\"/>"
          + "</system.webServer></configuration>";
      Path config = Files.writeString(dir.resolve("web.config"), xml);

      // when
      WebConfigReader.Result fromDisk = WebConfigReader.read(config);
      WebConfigReader.Result fromText = WebConfigReader.parse(xml, "web.config");

      // then
      for (WebConfigReader.Result r : List.of(fromDisk, fromText)) {
        assertThat(r.records()).isEmpty();
        assertThat(r.problems()).singleElement().asString().contains("DOCTYPE")
            .doesNotContain("s3cr3t-marker");
      }
      boolean connected;
      try (Socket client = server.accept()) {
        connected = client.isConnected();
      } catch (SocketTimeoutException e) {
        connected = false;
      }
      assertThat(connected).as("the parser connected to the DTD's URL").isFalse();
    }
  }

  @Test
  void should_report_a_problem_with_the_line_when_the_xml_is_malformed() {
    // when
    WebConfigReader.Result result = WebConfigReader.read(fixture("hostile/malformed.config"));

    // then
    assertThat(result.records()).isEmpty();
    assertThat(result.hasProblems()).isTrue();
    assertThat(result.problems().get(0).line()).isEqualTo(5);
    assertThat(result.problems().get(0).toString())
        .contains("malformed.config:5: is not well-formed XML at line 5");
  }

  @ParameterizedTest
  @ValueSource(strings = {"", "   ", "not xml", "<configuration>", "<html><body/></html>",
      "<configuration><system.webServer><aspNetCore processPath=\"dotnet\" processPath=\"x\"/>"
          + "</system.webServer></configuration>"})
  void should_report_a_problem_and_no_record_when_the_text_is_not_a_web_config(String text) {
    // when
    WebConfigReader.Result result = WebConfigReader.parse(text, "pasted");

    // then
    assertThat(result.records()).isEmpty();
    assertThat(result.problems()).singleElement().asString().startsWith("pasted");
  }

  @Test
  void should_report_a_problem_when_the_file_is_missing(@TempDir Path dir) {
    // when
    WebConfigReader.Result result = WebConfigReader.read(dir.resolve("web.config"));

    // then
    assertThat(result.records()).isEmpty();
    assertThat(result.problems()).singleElement().asString().contains("no such file");
  }

  @Test
  void should_report_a_problem_in_the_parent_and_still_check_the_app_when_the_parent_is_broken(
      @TempDir Path dir) throws IOException {
    // given
    Files.writeString(dir.resolve("web.config"), "<configuration>");
    Path app = Files.createDirectory(dir.resolve("app"));
    Path config = Files.writeString(app.resolve("web.config"), "<configuration>"
        + "<system.webServer><aspNetCore processPath=\"dotnett\"/></system.webServer>"
        + "</configuration>");

    // when
    WebConfigReader.Result result = WebConfigReader.read(config);

    // then
    assertThat(result.problems()).singleElement().asString()
        .contains(dir.resolve("web.config").toString());
    assertThat(texts(result.findings())).singleElement().asString().contains("'dotnett'");
  }

  @Test
  void should_read_utf16_files_with_a_byte_order_mark(@TempDir Path dir) throws IOException {
    // given
    Path config = dir.resolve("web.config");
    Files.write(config, ("\uFEFF<?xml version=\"1.0\" encoding=\"utf-16\"?>\r\n<configuration>"
        + "<system.webServer><aspNetCore processPath=\"dotnett\"/></system.webServer>"
        + "</configuration>").getBytes(StandardCharsets.UTF_16LE));

    // when
    WebConfigReader.Result result = WebConfigReader.read(config);

    // then
    assertThat(result.problems()).isEmpty();
    assertThat(texts(result.findings())).singleElement().asString().contains("'dotnett'");
  }

  @Test
  void should_refuse_a_file_over_the_size_limit(@TempDir Path dir) throws IOException {
    // given
    Path config = dir.resolve("web.config");
    Files.write(config, new byte[WebConfigXml.MAX_BYTES + 1]);

    // when
    WebConfigReader.Result result = WebConfigReader.read(config);

    // then
    assertThat(result.records()).isEmpty();
    assertThat(result.problems()).singleElement().asString().contains("more than the limit");
  }
}
