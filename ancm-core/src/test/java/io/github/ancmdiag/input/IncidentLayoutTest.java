package io.github.ancmdiag.input;

import static org.assertj.core.api.Assertions.assertThat;

import io.github.ancmdiag.input.IncidentLayout.Kind;
import io.github.ancmdiag.model.Channel;
import java.util.Optional;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/**
 * The one file-name rule of an incident. The rows marked "was" are names on which the folder
 * reader, the command line and the catalog's case walker disagreed before they shared this rule.
 */
class IncidentLayoutTest {
  @ParameterizedTest(name = "{0} -> {1} {2}")
  @CsvSource(nullValues = "-", value = {
      "web.config, WEB_CONFIG, -",
      "Web.Config, WEB_CONFIG, -",
      "parent.web.config, PARENT_WEB_CONFIG, -",
      "observations.txt, OBSERVATIONS, -",
      "VERSION.TXT, VERSION, -",
      "Contoso.Web.dll, NOT_A_LOG, -",
      "Microsoft.Extensions.Logging.Debug.dll, NOT_A_LOG, -",
      "contoso.exe, NOT_A_LOG, -",
      "Contoso.Web.deps.json, NOT_A_LOG, -",
      "Contoso.Web.runtimeconfig.json, NOT_A_LOG, -",
      "appsettings.Production.json, NOT_A_LOG, -",
      "site.css, NOT_A_LOG, -",
      "browser.txt, LOG, BROWSER",
      "error-page.txt, LOG, BROWSER",
      // was: the case walker read no error-page* and no .html file
      "error-page.html, LOG, BROWSER",
      // was: only the folder reader took .htm as a page
      "ancm-500-30.htm, LOG, BROWSER",
      "event-1.txt, LOG, EVENT_LOG",
      "eventlog.xml, LOG, EVENT_LOG",
      "stdout.log, LOG, STDOUT_LOG",
      "stdout_20240501101112_4242.log, LOG, STDOUT_LOG",
      // was: only the folder reader knew ANCM's <prefix>_<time>_<pid>.log names
      "myapp_20240501101112_4242.log, LOG, STDOUT_LOG",
      "debug.log, LOG, DEBUG_LOG",
      // was: the case walker took only names starting with debug
      "aspnetcore-debug.log, LOG, DEBUG_LOG",
      "ancm_debug.txt, LOG, DEBUG_LOG",
      // was: the folder reader and the command line took any name containing debug
      "debugging-notes.txt, LOG, -",
      "nodebug.log, LOG, -",
      "u_ex240501.log, LOG, -",
      "fr000001.xml, LOG, -",
      "README.txt, LOG, -"
  })
  void should_map_each_name_to_its_kind_and_channel(String name, Kind kind,
      Channel channel) {
    // when
    Kind actualKind = IncidentLayout.kindOf(name);
    Optional<Channel> actualChannel = IncidentLayout.channelOf(name);

    // then
    assertThat(actualKind).isEqualTo(kind);
    assertThat(actualChannel).isEqualTo(Optional.ofNullable(channel));
  }

  @Test
  void should_ignore_the_directory_part_of_a_name() {
    // when
    Kind windows = IncidentLayout.kindOf("C:\\inetpub\\wwwroot\\app\\web.config");
    Optional<Channel> unix = IncidentLayout.channelOf("logs/debug/aspnetcore-debug.log");
    Optional<Channel> folderOnly = IncidentLayout.channelOf("debug/notes.txt");

    // then
    assertThat(windows).isEqualTo(Kind.WEB_CONFIG);
    assertThat(unix).contains(Channel.DEBUG_LOG);
    assertThat(folderOnly).isEmpty();
  }
}
