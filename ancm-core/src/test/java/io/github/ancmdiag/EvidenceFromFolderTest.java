package io.github.ancmdiag;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.github.ancmdiag.input.LogRecord;
import io.github.ancmdiag.input.SkippedRecord;
import io.github.ancmdiag.model.AspNetCoreVersion;
import io.github.ancmdiag.model.Channel;
import io.github.ancmdiag.model.Observation;
import java.io.IOException;
import java.net.URISyntaxException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class EvidenceFromFolderTest {

  private static Path folder(String name) throws URISyntaxException {
    return Path.of(EvidenceFromFolderTest.class.getResource("/folders/" + name).toURI());
  }

  /** The records' files, relative to the folder read, with forward slashes. */
  private static List<String> sources(Path folder, Evidence e) {
    return e.records().stream().map(r -> relative(folder, r.source())).toList();
  }

  private static List<String> skippedSources(Path folder, Evidence e) {
    return e.skipped().stream().map(r -> relative(folder, r.source())).toList();
  }

  private static String relative(Path folder, String source) {
    return folder.relativize(Path.of(source)).toString().replace('\\', '/');
  }

  @Test
  void should_observe_an_empty_stdout_log_when_every_stdout_log_in_the_subfolders_is_empty()
      throws Exception {
    Path dir = folder("empty-stdout");
    Evidence e = Evidence.fromFolder(dir);

    assertThat(e.observations()).containsExactly(Observation.STDOUT_LOG_EMPTY);
    assertThat(sources(dir, e)).containsExactly("browser.txt", "LogFiles/eventlog.xml");
    LogRecord event = e.records().get(1);
    assertThat(event.channel()).isEqualTo(Channel.EVENT_LOG);
    assertThat(event.eventId()).isEqualTo(1010);
    assertThat(event.provider()).isEqualTo("IIS AspNetCore Module V2");
    assertThat(event.text()).startsWith(
        "Failed to start application '/LM/W3SVC/1848213357/ROOT', ErrorCode '0x8007023e'.");
    LogRecord page = e.records().get(0);
    assertThat(page.channel()).isEqualTo(Channel.BROWSER);
    assertThat(page.text()).contains("HTTP Error 500.30 - ASP.NET Core app failed to start");
    assertThat(e.skipped()).isEmpty();
  }

  @Test
  void should_observe_no_event_log_entry_when_the_event_export_holds_no_ancm_event()
      throws Exception {
    Evidence e = Evidence.fromFolder(folder("no-ancm-event"));

    assertThat(e.observations()).containsExactly(Observation.NO_EVENT_LOG_ENTRY);
    assertThat(e.records()).extracting(LogRecord::channel)
        .containsExactly(Channel.EVENT_LOG, Channel.EVENT_LOG, Channel.BROWSER);
    assertThat(e.records()).extracting(LogRecord::eventId).containsExactly(17137, 16384, 0);
    assertThat(e.skipped()).isEmpty();
  }

  @Test
  void should_read_named_files_from_subfolders_and_report_what_it_could_not_use()
      throws Exception {
    Path dir = folder("mixed");
    Evidence e = Evidence.fromFolder(dir);

    assertThat(e.records()).extracting(LogRecord::channel).containsExactlyInAnyOrder(
        Channel.BROWSER, Channel.EVENT_LOG, Channel.STDOUT_LOG);
    assertThat(sources(dir, e)).containsExactlyInAnyOrder(
        "browser.txt", "event-1.txt", "logs/stdout_7344_20190412093011.log");
    assertThat(e.records()).filteredOn(r -> r.channel() == Channel.STDOUT_LOG).singleElement()
        .satisfies(r -> assertThat(r.text()).contains("version '2.1.1' was not found."));
    // a user's one-event text file means an entry was seen: no "no entry" observation
    assertThat(e.observations()).containsExactly(Observation.DEBUG_LOG_NOT_CREATED);
    // the folder's own version.txt wins over one in a subfolder
    assertThat(e.aspNetCoreVersion()).contains(AspNetCoreVersion.parse("2.1"));
    assertThat(skippedSources(dir, e)).containsExactlyInAnyOrder(
        "dump.bin", "notes.md", "observations.txt", "logs/version.txt");
    assertThat(e.skipped()).filteredOn(s -> s.source().endsWith("observations.txt"))
        .singleElement().satisfies(s -> {
          assertThat(s.line()).isEqualTo(2);
          assertThat(s.reason()).contains("'no-such-observation' is not an observation key");
        });
    assertThat(e.skipped()).filteredOn(s -> s.source().endsWith("version.txt"))
        .singleElement().satisfies(s -> assertThat(s.reason())
            .contains("says ASP.NET Core 3.1").contains("the first was used"));
    assertThat(e.skipped()).filteredOn(s -> s.source().endsWith("dump.bin"))
        .singleElement().satisfies(s -> assertThat(s.reason()).contains("binary"));
  }

  @Test
  void should_check_a_web_config_as_deployed_when_the_app_binaries_are_beside_it()
      throws Exception {
    Evidence e = Evidence.fromFolder(folder("deployed-app"));

    assertThat(e.records()).allSatisfy(r -> assertThat(r.channel()).isEqualTo(Channel.WEB_CONFIG));
    assertThat(e.records()).extracting(LogRecord::text)
        .anySatisfy(t -> assertThat(t)
            .startsWith("web.config: appFile path='.\\Contoso.Web.dll' namedBy=arguments")
            .endsWith(" exists=no"));
    assertThat(e.skipped()).isEmpty();
  }

  @Test
  void should_check_a_web_config_copy_as_text_when_no_app_binaries_are_beside_it(
      @TempDir Path dir) throws Exception {
    Files.copy(folder("deployed-app").resolve("web.config"), dir.resolve("web.config"));

    Evidence e = Evidence.fromFolder(dir);

    assertThat(e.records()).isNotEmpty().extracting(LogRecord::text)
        .noneSatisfy(t -> assertThat(t).startsWith("web.config: appFile "));
    assertThat(sources(dir, e)).containsOnly("web.config");
  }

  @Test
  void should_report_a_malformed_web_config_a_hostile_parent_and_a_bad_version_as_skipped()
      throws Exception {
    Path dir = folder("unreadable-bits");
    Evidence e = Evidence.fromFolder(dir);

    assertThat(sources(dir, e)).containsOnly("sub/web.config");
    assertThat(skippedSources(dir, e)).containsExactlyInAnyOrder(
        "sub/parent.web.config", "version.txt", "web.config");
    assertThat(e.skipped()).extracting(SkippedRecord::reason).anySatisfy(r -> assertThat(r)
        .contains("DOCTYPE").contains("no external file or URL was opened"));
    assertThat(e.skipped()).filteredOn(s -> relative(dir, s.source()).equals("web.config"))
        .singleElement()
        .satisfies(s -> {
          assertThat(s.line()).isEqualTo(5);
          assertThat(s.reason()).contains("not well-formed XML");
        });
  }

  @Test
  void should_keep_only_server_errors_of_request_logs_and_read_failed_request_traces()
      throws Exception {
    Path dir = folder("site-logs");
    Evidence e = Evidence.fromFolder(dir);

    // RawLogs: three requests; the 502.5 and the 500.30 are kept, the 404 is read and dropped
    assertThat(e.records()).filteredOn(r -> r.source().endsWith("rawlogs-contoso-api.log"))
        .extracting(r -> r.httpStatus().orElseThrow().toString())
        .containsExactly("502.5", "500.30");
    assertThat(e.records()).filteredOn(r -> r.source().endsWith("fr000123.xml")).isNotEmpty()
        .allSatisfy(r -> assertThat(r.channel()).isEqualTo(Channel.BROWSER));
    assertThat(e.skipped()).isEmpty();
    assertThat(e.observations()).isEmpty();
  }

  @Test
  void should_observe_nothing_from_an_empty_folder(@TempDir Path dir) throws Exception {
    Evidence e = Evidence.fromFolder(dir);

    assertThat(e.records()).isEmpty();
    assertThat(e.observations()).isEmpty();
    assertThat(e.skipped()).isEmpty();
  }

  @Test
  void should_not_observe_an_empty_stdout_log_when_one_of_them_has_output(@TempDir Path dir)
      throws IOException {
    Files.writeString(dir.resolve("stdout_20250602114012_7716.log"), "");
    Files.writeString(dir.resolve("app_20250602114013_7720.log"),
        "Unhandled exception. System.InvalidOperationException: boom\n");

    Evidence e = Evidence.fromFolder(dir);

    assertThat(e.observations()).doesNotContain(Observation.STDOUT_LOG_EMPTY);
    assertThat(e.records()).singleElement()
        .satisfies(r -> assertThat(r.channel()).isEqualTo(Channel.STDOUT_LOG));
  }

  @Test
  void should_refuse_a_path_that_is_not_a_folder(@TempDir Path dir) throws IOException {
    Path file = Files.writeString(dir.resolve("browser.txt"), "HTTP Error 500.30");

    assertThatThrownBy(() -> Evidence.fromFolder(file)).isInstanceOf(IOException.class)
        .hasMessageContaining("not a folder");
  }

  @Test
  void should_read_an_evtx_in_a_folder_as_an_event_export(@TempDir Path dir) throws Exception {
    // given: Event Viewer's binary log, under a name that says nothing of its format
    Path logs = Files.createDirectories(dir.resolve("logs"));
    Files.copy(Path.of("src", "test", "resources", "evtx", "Application_no_crc32.evtx"),
        logs.resolve("Application.evtx"));

    // when
    Evidence e = Evidence.fromFolder(dir);

    // then: its 17 events are read; none is from ANCM
    assertThat(e.records()).hasSize(17).allSatisfy(r -> {
      assertThat(r.channel()).isEqualTo(Channel.EVENT_LOG);
      assertThat(relative(dir, r.source())).isEqualTo("logs/Application.evtx");
    });
    assertThat(e.observations()).containsExactly(Observation.NO_EVENT_LOG_ENTRY);
    assertThat(e.skipped()).isEmpty();
  }
}
