package io.github.ancmdiag.input;

import static org.assertj.core.api.Assertions.assertThat;

import io.github.ancmdiag.internal.read.webconfig.WebConfigXml;
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
 * Checks the facts {@link WebConfigReader} states on the web.config fixtures under
 * {@code src/test/resources/webconfig}: one folder per app, holding its {@code web.config} and
 * the files the facts look for next to it (empty {@code .dll} and {@code .exe} files, a
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

  /** The texts of the facts whose name is {@code fact}, such as {@code appFile}. */
  static List<String> facts(WebConfigReader.Result result, String fact) {
    return texts(result.records()).stream().filter(t -> t.startsWith("web.config: " + fact + " "))
        .toList();
  }

  @Test
  void should_state_the_facts_of_the_dotnet_new_template_web_config() {
    // given
    Path config = fixture("template-net8/web.config");

    // when
    WebConfigReader.Result result = WebConfigReader.read(config);

    // then
    assertThat(result.problems()).isEmpty();
    assertThat(texts(result.records())).containsExactly(
        "web.config: location path='.' inheritInChildApplications='false'",
        "web.config: processPath value='dotnet' kind=dotnet",
        "web.config: arguments of=dotnet value='.\\ContosoWeb.dll' dll='.\\ContosoWeb.dll'",
        "web.config: appFile path='.\\ContosoWeb.dll' namedBy=arguments folder='"
            + config.getParent() + "' exists=yes",
        "web.config: hostingModel value='inprocess' kind=inprocess",
        "web.config: ancmHandler modules='AspNetCoreModuleV2' hostingModel='inprocess'");
    assertThat(result.records()).allSatisfy(r -> {
      assertThat(r.channel()).isEqualTo(Channel.WEB_CONFIG);
      assertThat(r.source()).endsWith("web.config");
    });
    assertThat(result.records()).extracting(LogRecord::line).containsExactly(4L, 8L, 8L, 8L, 8L,
        6L);
  }

  @Test
  void should_state_that_the_exe_and_log_folder_exist_when_a_self_contained_app_has_them() {
    // when: CRLF, a byte order mark, file names in another case than web.config spells them
    WebConfigReader.Result result = WebConfigReader.read(fixture("self-contained/web.config"));

    // then
    assertThat(result.problems()).isEmpty();
    assertThat(facts(result, "appFile")).singleElement().asString()
        .contains("path='.\\Contoso.Api.exe' namedBy=processPath").endsWith(" exists=yes");
    assertThat(facts(result, "stdoutLog")).containsExactly("web.config: stdoutLog enabled=true"
        + " file='.\\logs\\stdout' folder='.\\logs' exists=yes");
  }

  @Test
  void should_state_that_the_exe_is_missing_when_a_self_contained_app_lacks_it() {
    // given
    Path config = fixture("self-contained-exe-missing/web.config");

    // when
    WebConfigReader.Result result = WebConfigReader.read(config);

    // then
    assertThat(facts(result, "processPath"))
        .containsExactly("web.config: processPath value='.\\Contoso.Apii.exe' kind=exe");
    assertThat(facts(result, "appFile")).containsExactly("web.config: appFile"
        + " path='.\\Contoso.Apii.exe' namedBy=processPath folder='" + config.getParent()
        + "' exists=no");
  }

  @Test
  void should_state_the_missing_stdout_folder_and_the_v1_module_of_a_2_1_web_config() {
    // when
    WebConfigReader.Result result = WebConfigReader.read(fixture("v1-2-1/web.config"));

    // then
    assertThat(facts(result, "stdoutLog")).containsExactly("web.config: stdoutLog enabled=true"
        + " file='.\\logs\\stdout' folder='.\\logs' exists=no");
    assertThat(facts(result, "ancmHandler"))
        .containsExactly("web.config: ancmHandler modules='AspNetCoreModule' hostingModel=none");
  }

  @Test
  void should_state_a_processpath_typo_as_another_kind_with_its_line() {
    // when
    WebConfigReader.Result result = WebConfigReader.read(fixture("processpath-typo/web.config"));

    // then
    assertThat(facts(result, "processPath"))
        .containsExactly("web.config: processPath value='dotnett' kind=other");
    assertThat(result.records().get(1).line()).isEqualTo(8);
    assertThat(facts(result, "appFile")).as("no file is looked for for another kind").isEmpty();
  }

  @Test
  void should_state_that_the_dll_the_arguments_name_is_not_deployed() {
    // given: processPath is the full path of dotnet.exe, arguments carry more than the DLL
    Path config = fixture("dll-missing/web.config");

    // when
    WebConfigReader.Result result = WebConfigReader.read(config);

    // then
    assertThat(facts(result, "arguments")).containsExactly("web.config: arguments of=dotnet"
        + " value='.\\Contoso.Web.dll --urls http://localhost:5000' dll='.\\Contoso.Web.dll'");
    assertThat(facts(result, "appFile")).containsExactly("web.config: appFile"
        + " path='.\\Contoso.Web.dll' namedBy=arguments folder='" + config.getParent()
        + "' exists=no");
  }

  @Test
  void should_state_missing_arguments_of_dotnet_as_none() {
    // when
    WebConfigReader.Result result = WebConfigReader.read(fixture("arguments-empty/web.config"));

    // then
    assertThat(facts(result, "arguments"))
        .containsExactly("web.config: arguments of=dotnet value=none");
  }

  @Test
  void should_state_an_unknown_hosting_model_as_another_kind() {
    // when
    WebConfigReader.Result result = WebConfigReader.read(fixture("hostingmodel-typo/web.config"));

    // then
    assertThat(facts(result, "hostingModel"))
        .containsExactly("web.config: hostingModel value='in-process' kind=other");
  }

  @Test
  void should_state_the_module_with_the_hosting_model_it_is_asked_for() {
    // when
    WebConfigReader.Result result = WebConfigReader.read(fixture("v1-inprocess/web.config"));

    // then
    assertThat(facts(result, "ancmHandler")).containsExactly(
        "web.config: ancmHandler modules='AspNetCoreModule' hostingModel='InProcess'");
  }

  @Test
  void should_state_the_inherited_handler_when_a_sub_app_adds_it_again() {
    // given: sub-app/web.config is found as the parent of sub-app/api/web.config
    Path parent = fixture("sub-app/web.config");

    // when
    WebConfigReader.Result result = WebConfigReader.read(fixture("sub-app/api/web.config"));

    // then
    assertThat(facts(result, "inheritedHandler")).containsExactly(
        "web.config: inheritedHandler name='aspNetCore' parent='" + parent + "'");
  }

  @Test
  void should_state_no_inherited_handler_when_the_sub_app_removes_it_first() {
    // when
    WebConfigReader.Result result = WebConfigReader.read(fixture("sub-app/api-remove/web.config"));

    // then
    assertThat(result.problems()).isEmpty();
    assertThat(facts(result, "inheritedHandler")).isEmpty();
  }

  @Test
  void should_state_no_inherited_handler_when_the_parent_does_not_let_children_inherit() {
    // when
    WebConfigReader.Result result =
        WebConfigReader.read(fixture("sub-app-parent-location/api/web.config"));

    // then
    assertThat(facts(result, "inheritedHandler")).isEmpty();
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
    assertThat(facts(without, "inheritedHandler")).isEmpty();
    assertThat(facts(with, "inheritedHandler")).singleElement().asString()
        .contains("name='aspNetCore'", parent.toString());
  }

  @Test
  void should_look_at_no_file_when_parsing_text_alone() throws IOException {
    // given: the DLL and log folder facts need the app folder, which text does not have
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
    assertThat(facts(v1, "stdoutLog")).isEmpty();
    assertThat(facts(v1, "appFile")).isEmpty();
    assertThat(v1.records()).extracting(LogRecord::source).containsOnly("incident/web.config");
    assertThat(facts(dll, "appFile")).isEmpty();
    assertThat(facts(sub, "inheritedHandler")).containsExactly(
        "web.config: inheritedHandler name='aspNetCore' parent='parent.web.config'");
  }

  @ParameterizedTest(name = "processPath={0} arguments={1}")
  @CsvSource(delimiter = '|', nullValues = "NULL", value = {
      "dotnet          | .\\App.dll             | value='dotnet' kind=dotnet"
          + "            | of=dotnet value='.\\App.dll' dll='.\\App.dll'",
      "DOTNET.EXE      | .\\App.dll             | value='DOTNET.EXE' kind=dotnet"
          + "        | of=dotnet value='.\\App.dll' dll='.\\App.dll'",
      "%LAUNCHER_PATH% | %LAUNCHER_ARGS%        | value='%LAUNCHER_PATH%' kind=launcher"
          + " | of=launcher value='%LAUNCHER_ARGS%' dll=variable",
      "dotnet          | %LAUNCHER_ARGS%        | value='dotnet' kind=dotnet"
          + "            | of=dotnet value='%LAUNCHER_ARGS%' dll=variable",
      ".\\App.exe      | NULL                   | value='.\\App.exe' kind=exe"
          + "          | of=exe value=none",
      "D:\\home\\site\\wwwroot\\App.exe | NULL  | value='D:\\home\\site\\wwwroot\\App.exe'"
          + " kind=exe | of=exe value=none",
      "dotnet          | NULL                   | value='dotnet' kind=dotnet"
          + "            | of=dotnet value=none",
      "dotnet          | exec --depsfile x.json | value='dotnet' kind=dotnet"
          + "            | of=dotnet value='exec --depsfile x.json' dll=none",
      "App             | NULL                   | value='App' kind=other"
          + "              | of=other value=none",
      "dotnet's        | NULL                   | value='dotnet?s' kind=other"
          + "         | of=other value=none",
  })
  void should_state_processpath_and_arguments_as_the_table_says(String processPath,
      String arguments, String processPathFact, String argumentsFact) {
    // given
    String xml = "<configuration><system.webServer><aspNetCore processPath=\"" + processPath
        + "\"" + (arguments == null ? "" : " arguments=\"" + arguments + "\"")
        + " /></system.webServer></configuration>";

    // when
    WebConfigReader.Result result = WebConfigReader.parse(xml.replace("'", "&apos;"), "w");

    // then
    assertThat(texts(result.records())).containsExactly("web.config: processPath "
        + processPathFact, "web.config: arguments " + argumentsFact);
  }

  @ParameterizedTest
  @CsvSource(nullValues = "NULL", value = {"inprocess, inprocess", "OutOfProcess, outofprocess",
      "'  InProcess  ', inprocess", "'', NULL"})
  void should_state_the_kind_of_a_valid_hosting_model_ignoring_case(String model, String kind) {
    // given
    String xml = "<configuration><system.webServer><aspNetCore processPath=\"dotnet\""
        + " arguments=\"a.dll\" hostingModel=\"" + model + "\"/></system.webServer>"
        + "</configuration>";

    // when
    WebConfigReader.Result result = WebConfigReader.parse(xml, "w");

    // then
    assertThat(facts(result, "hostingModel")).containsExactlyElementsOf(kind == null ? List.of()
        : List.of("web.config: hostingModel value='" + model.strip() + "' kind=" + kind));
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
    assertThat(facts(result, "processPath")).singleElement().asString().contains("'dotnett'");
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
    assertThat(facts(result, "processPath")).singleElement().asString().contains("'dotnett'");
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
