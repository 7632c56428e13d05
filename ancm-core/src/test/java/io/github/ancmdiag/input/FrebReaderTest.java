package io.github.ancmdiag.input;

import static io.github.ancmdiag.input.LogReaderTest.assertAccounted;
import static io.github.ancmdiag.input.LogReaderTest.drain;
import static org.assertj.core.api.Assertions.assertThat;

import io.github.ancmdiag.input.LogReaderTest.Result;
import io.github.ancmdiag.model.Channel;
import io.github.ancmdiag.model.HttpStatus;
import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import io.github.ancmdiag.internal.read.FormatDetector;
import io.github.ancmdiag.internal.read.iis.FrebReader;

/**
 * {@link FrebReader} through {@link LogReader}, on IIS failed request traces: a 500.30 in-process
 * start failure (CRLF), a 500.19 configuration error with {@code ConfigExceptionInfo} (LF), and
 * the 500.30 trace cut off inside an event. Each trace is the request summary plus one record per
 * {@code <Event>}; the accounting unit is the summary and each event.
 */
class FrebReaderTest {
  static final Path DIR = LogReaderTest.DIR.resolve("freb");
  static final String SET_500_30 = "MODULE_SET_RESPONSE_ERROR_STATUS ModuleName="
      + "\"AspNetCoreModuleV2\", Notification=\"EXECUTE_REQUEST_HANDLER\", HttpStatus=\"500\", "
      + "HttpReason=\"Internal Server Error\", HttpSubStatus=\"30\", ErrorCode=\"Unspecified "
      + "error (0x80004005)\" (2147500037), ConfigExceptionInfo=\"\"";

  private static Result read(String fixture) throws IOException {
    try (LogReader reader = LogReader.open(DIR.resolve(fixture))) {
      return drain(reader);
    }
  }

  private static Result read(String xml, Format format) {
    return drain(LogReader.of("fr000001.xml",
        new ByteArrayInputStream(xml.getBytes(StandardCharsets.UTF_8)), format));
  }

  @Test
  void should_read_the_request_summary_and_every_event_of_a_500_30_trace() throws IOException {
    // when
    Result result = read("fr000123.xml");

    // then
    assertThat(result.format()).isEqualTo(Format.FREB_XML);
    assertThat(result.records()).extracting(LogRecord::text).containsExactly(
        "Failed request GET https://www.contoso.com:443/: HTTP 500.30, failureReason "
            + "STATUS_CODE, triggerStatusCode 500.30, timeTaken 1532, siteId 2, appPoolId "
            + "ContosoAppPool, processId 6248",
        "GENERAL_REQUEST_START SiteId=\"2\", AppPoolId=\"ContosoAppPool\", ConnId=\"1610612955\""
            + ", RawConnId=\"0\", RequestURL=\"https://www.contoso.com:443/\", RequestVerb=\"GET\"",
        "NOTIFY_MODULE_START ModuleName=\"AspNetCoreModuleV2\", Notification="
            + "\"EXECUTE_REQUEST_HANDLER\", fIsPostNotification=\"false\"",
        SET_500_30,
        "NOTIFY_MODULE_END ModuleName=\"AspNetCoreModuleV2\", Notification="
            + "\"EXECUTE_REQUEST_HANDLER\", fIsPostNotificationEvent=\"false\", NotificationStatus"
            + "=\"NOTIFICATION_FINISH_REQUEST\"",
        "GENERAL_REQUEST_END BytesSent=\"2077\", BytesReceived=\"412\", HttpStatus=\"500\", "
            + "HttpSubStatus=\"30\"");
    assertThat(result.records()).extracting(LogRecord::line)
        .containsExactly(19L, 20L, 49L, 76L, 109L, 138L);
    assertThat(result.records()).extracting(LogRecord::level)
        .containsExactly("", "Information", "Verbose", "Warning", "Verbose", "Information");
    assertThat(result.records()).extracting(LogRecord::provider).containsExactly(
        "IIS Failed Request Tracing", "WWW Server", "WWW Server", "WWW Server", "WWW Server",
        "WWW Server");
    assertThat(result.records()).extracting(r -> r.time().orElse(null)).containsExactly(null,
        Instant.parse("2024-03-05T09:14:00.741Z"), Instant.parse("2024-03-05T09:14:00.743Z"),
        Instant.parse("2024-03-05T09:14:02.271Z"), Instant.parse("2024-03-05T09:14:02.272Z"),
        Instant.parse("2024-03-05T09:14:02.273Z"));
    assertThat(result.records()).allSatisfy(r -> {
      assertThat(r.channel()).isEqualTo(Channel.BROWSER);
      assertThat(r.httpStatus()).contains(HttpStatus.of(500, 30));
      assertThat(r.win32Status()).isEmpty();
    });
    assertAccounted(result, 6);
  }

  @Test
  void should_render_a_config_error_with_its_exception_info_and_negative_error_code()
      throws IOException {
    // when
    Result result = read("fr000007.xml");

    // then
    assertThat(result.format()).isEqualTo(Format.FREB_XML);
    assertThat(result.records()).hasSize(4);
    assertThat(result.records().get(0).text()).isEqualTo("Failed request GET "
        + "http://localhost:80/: HTTP 500.19, failureReason STATUS_CODE, triggerStatusCode "
        + "500.19, timeTaken 16, siteId 2, appPoolId DefaultAppPool, processId 3920");
    LogRecord set = result.records().get(2);
    assertThat(set.text()).isEqualTo("MODULE_SET_RESPONSE_ERROR_STATUS ModuleName=\"IIS Web "
        + "Core\", Notification=\"BEGIN_REQUEST\", HttpStatus=\"500\", HttpReason=\"Internal "
        + "Server Error\", HttpSubStatus=\"19\", ErrorCode=\"The data is invalid. (0x8007000d)\" "
        + "(-2147024883), ConfigExceptionInfo=\"\\\\?\\C:\\inetpub\\contoso\\web.config ( 14) "
        + ":Unrecognized element 'aspNetCore'\"");
    assertThat(set.httpStatus()).contains(HttpStatus.of(500, 19));
    assertThat(set.level()).isEqualTo("Warning");
    assertThat(set.line()).isEqualTo(49);
    assertThat(set.time()).contains(Instant.parse("2024-03-06T14:02:55.111Z"));
    assertThat(result.records()).extracting(r -> r.httpStatus().orElseThrow())
        .containsOnly(HttpStatus.of(500, 19));
    assertAccounted(result, 4);
  }

  @Test
  void should_return_the_events_before_the_cut_of_a_truncated_trace_and_skip_the_cut_one()
      throws IOException {
    // given
    String f = "fr000124-truncated.xml";
    String text = Files.readString(DIR.resolve(f));
    int lineStart = text.indexOf("\r\n <Event ", text.indexOf("NOTIFY_MODULE_START")) + 2;

    // when
    Result result = read(f);

    // then: summary, GENERAL_REQUEST_START, NOTIFY_MODULE_START; the error event is cut
    assertThat(result.records()).extracting(LogRecord::line).containsExactly(19L, 20L, 49L);
    assertThat(result.skipped()).singleElement().satisfies(s -> {
      assertThat(s.source()).isEqualTo(f);
      assertThat(s.line()).isEqualTo(76);
      assertThat(s.byteOffset()).isEqualTo(lineStart);
      assertThat(s.reason()).startsWith("the event starting here could not be read (")
          .endsWith("); a truncated or damaged trace: reading stopped here");
    });
    assertAccounted(result, 4);
  }

  @Test
  void should_show_a_decimal_error_code_in_hex_when_iis_rendered_no_description() {
    // given
    String xml = "<failedRequest url=\"http://localhost:80/\" statusCode=\"502.3\">"
        + "<Event xmlns=\"http://schemas.microsoft.com/win/2004/08/events/event\"><System>"
        + "<Provider Name=\"WWW Server\"/><Level>3</Level></System><EventData>"
        + "<Data Name=\"ModuleName\">AspNetCoreModuleV2</Data>"
        + "<Data Name=\"HttpStatus\">502</Data><Data Name=\"HttpSubStatus\">3</Data>"
        + "<Data Name=\"ErrorCode\">2147954402</Data></EventData><RenderingInfo>"
        + "<Opcode>MODULE_SET_RESPONSE_ERROR_STATUS</Opcode></RenderingInfo></Event>"
        + "</failedRequest>";

    // when
    Result result = read(xml, Format.AUTO);

    // then
    assertThat(result.records()).extracting(LogRecord::text).containsExactly(
        "Failed request http://localhost:80/: HTTP 502.3",
        "MODULE_SET_RESPONSE_ERROR_STATUS ModuleName=\"AspNetCoreModuleV2\", HttpStatus=\"502\""
            + ", HttpSubStatus=\"3\", ErrorCode=\"0x80072ee2\" (2147954402)");
    assertThat(result.records()).extracting(r -> r.httpStatus().orElseThrow())
        .containsOnly(HttpStatus.of(502, 3));
  }

  @ParameterizedTest
  @ValueSource(strings = {
      "<?xml version=\"1.0\"?>\n<!DOCTYPE failedRequest [\n  <!ENTITY a \"x\">\n  <!ENT",
      "<?xml version=\"1.0\"?>\n<!DOCTYPE failedRequest [\n  <!ENTITY a \"x>\n",
      "<?xml version=\"1.0\"?>\n<!DOCTYPE failedRequest [\n  <!",
  })
  void should_report_a_trace_cut_inside_its_dtd_and_print_nothing(String xml) {
    // given: the JDK's DTD scanner prints a stack trace when its input ends inside a DTD
    java.io.ByteArrayOutputStream err = new java.io.ByteArrayOutputStream();
    java.io.PrintStream original = System.err;
    Result result;
    System.setErr(new java.io.PrintStream(err, true, StandardCharsets.UTF_8));
    try {
      // when
      result = read(xml, Format.FREB_XML);
    } finally {
      System.setErr(original);
    }

    // then
    assertThat(err.toString(StandardCharsets.UTF_8)).isEmpty();
    assertThat(result.records()).isEmpty();
    assertThat(result.skipped()).anySatisfy(s -> assertThat(s.reason())
        .contains("ends inside its document type declaration"));
  }

  @Test
  void should_never_read_an_external_entity(@TempDir Path dir) throws IOException {
    // given
    Path secret = Files.writeString(dir.resolve("secret.txt"), "TOP-SECRET");
    String xml = "<?xml version=\"1.0\"?>\n<!DOCTYPE failedRequest [<!ENTITY xxe SYSTEM \""
        + secret.toUri() + "\">]>\n<failedRequest url=\"http://localhost/\" statusCode=\"500\">"
        + "\n<Event><EventData><Data Name=\"X\">&xxe;</Data></EventData></Event>\n"
        + "</failedRequest>\n";

    // when
    Result result = read(xml, Format.FREB_XML);

    // then
    assertThat(result.records()).extracting(LogRecord::text)
        .noneMatch(t -> t.contains("TOP-SECRET"));
    assertThat(result.skipped()).isNotEmpty().allSatisfy(s -> assertThat(s.reason())
        .doesNotContain("TOP-SECRET"));
    assertThat(result.skipped().get(0).reason()).contains("DTD");
  }

  @Test
  void should_give_one_skip_when_freb_is_forced_on_event_xml() {
    // when
    Result result = read("<Events><Event><System><EventID>1000</EventID></System></Event>"
        + "</Events>", Format.FREB_XML);

    // then
    assertThat(result.records()).isEmpty();
    assertThat(result.skipped()).singleElement().satisfies(s -> assertThat(s.reason())
        .isEqualTo("the root element is <Events>, not <failedRequest>: this is not an IIS "
            + "failed request trace; nothing was read"));
  }

  @Test
  void should_detect_a_trace_by_its_root_before_its_events() {
    // then
    assertThat(FormatDetector.detect("<?xml version=\"1.0\" encoding=\"UTF-8\"?>\r\n"
        + "<?xml-stylesheet type='text/xsl' href='freb.xsl'?>\r\n"
        + "<!-- saved from url=(0014)about:internet -->\r\n<failedRequest url=\"x\"\r\n>"
        + "<Event xmlns=\"http://schemas.microsoft.com/win/2004/08/events/event\">"))
        .isEqualTo(FormatDetector.Verdict.FREB_XML);
    assertThat(FrebReader.looksLike("<Events><Event><failedRequest ")).isFalse();
    assertThat(FrebReader.looksLike("<failedRequests>")).isFalse();
  }

  @Test
  void should_cut_an_event_with_more_data_than_the_limit_and_report_the_rest() {
    // given: 200 data items of 20 characters, 1024 characters allowed
    StringBuilder xml = new StringBuilder("<failedRequest url=\"http://localhost/\" "
        + "statusCode=\"500.30\">\n<Event>\n<EventData>");
    for (int i = 0; i < 200; i++) {
      xml.append("<Data Name=\"D").append(i).append("\">").append("x".repeat(20))
          .append("</Data>");
    }
    xml.append("</EventData></Event>\n</failedRequest>\n");

    // when
    Result result = drain(LogReader.of("fr000001.xml",
        new ByteArrayInputStream(xml.toString().getBytes(StandardCharsets.UTF_8)), Format.AUTO,
        null, ReadLimits.of(1024)));

    // then
    assertThat(result.records()).hasSize(2);
    assertThat(result.records().get(1).text()).hasSizeLessThanOrEqualTo(1024)
        .startsWith("Event D0=\"xxxxxxxxxxxxxxxxxxxx\", D1=");
    assertThat(result.skipped()).singleElement().satisfies(s -> {
      assertThat(s.line()).isEqualTo(2);
      assertThat(s.byteOffset()).isEqualTo(xml.indexOf("<Event>"));
      assertThat(s.reason()).contains("limit of 1024 characters");
    });
  }
}
