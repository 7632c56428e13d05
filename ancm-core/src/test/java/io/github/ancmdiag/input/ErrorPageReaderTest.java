package io.github.ancmdiag.input;

import static org.assertj.core.api.Assertions.assertThat;

import io.github.ancmdiag.model.Channel;
import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.nio.charset.Charset;
import java.nio.charset.StandardCharsets;
import java.util.Arrays;
import java.util.Base64;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import io.github.ancmdiag.internal.read.FormatDetector;
import io.github.ancmdiag.internal.read.pages.ErrorPageReader;

/**
 * {@link Format#ERROR_PAGE} on the pages users save or paste, under {@code
 * src/test/resources/input/pages/}: ANCM's pages of each era (3.x and 5.0+ titles, the 2.2 static
 * pages, ANCM V1's 502.5), IIS detailed pages (500.19 twice, 403.14), an IIS custom page,
 * HTTP.sys's 503, App Service's ":( Application Error", a pasted copy, a page cut while saving and
 * one saved as UTF-16 LE. Each fixture is one page: one record of {@link Channel#BROWSER}, or one
 * record and one skip when part of the page could not be shown. Hostile pages are built in code.
 */
class ErrorPageReaderTest {
  private static final String PAGES = "pages/";
  private static final String TROUBLESHOOTING = "Troubleshooting steps:\n"
      + "Check the system event log for error messages\n"
      + "Enable logging the application process' stdout messages\n"
      + "Attach a debugger to the application process and inspect\n";

  private static LogReaderTest.Result page(String fixture) throws IOException {
    LogReaderTest.Result result = LogReaderTest.read(PAGES + fixture);
    assertThat(result.format()).as("format of %s", fixture).isEqualTo(Format.ERROR_PAGE);
    return result;
  }

  private static LogRecord onlyRecord(LogReaderTest.Result result, String fixture) {
    LogReaderTest.assertAccounted(result, 1);
    assertThat(result.skipped()).isEmpty();
    LogRecord record = result.records().get(0);
    assertThat(record.channel()).isEqualTo(Channel.BROWSER);
    assertThat(record.source()).isEqualTo(fixture);
    assertThat(record.line()).isEqualTo(1);
    assertThat(record.eventId()).isZero();
    assertThat(record.time()).isEmpty();
    return record;
  }

  private static long count(String text, String line) {
    return Arrays.stream(text.split("\n", -1)).filter(line::equals).count();
  }

  private static LogReaderTest.Result readBytes(byte[] bytes, ReadLimits limits) {
    try (LogReader reader = LogReader.of("page.html", new ByteArrayInputStream(bytes),
        Format.AUTO, null, limits)) {
      return LogReaderTest.drain(reader);
    } catch (IOException e) {
      throw new AssertionError(e);
    }
  }

  private static LogReaderTest.Result readHtml(String html) {
    return readBytes(html.getBytes(StandardCharsets.UTF_8), ReadLimits.defaults());
  }

  @ParameterizedTest(name = "{0}")
  @CsvSource(delimiter = '|', quoteCharacter = '`', value = {
      "ancm-500-30-3x.html|HTTP Error 500.30 - ANCM In-Process Start Failure|Common solutions to"
          + " this issue:|The application failed to start|2028265",
      "ancm-500-30-net6.html|HTTP Error 500.30 - ASP.NET Core app failed to start|Common "
          + "solutions to this issue:|The app failed to start|2028265",
      "ancm-500-30-2-2-utf16le.html|HTTP Error 500.30 - ANCM In-Process Start Failure|Common "
          + "causes of this issue:|The application failed to start|2028265",
      "ancm-500-0-2-2.html|HTTP Error 500.0 - ANCM In-Process Handler Load Failure|Common "
          + "causes of this issue:|ANCM could not find dotnet.|2028526"})
  void should_read_an_ancm_page_as_its_lines_with_the_title_once(String fixture, String title,
      String heading, String cause, String link) throws IOException {
    // when
    LogRecord record = onlyRecord(page(fixture), fixture);

    // then
    String text = record.text();
    assertThat(record.provider()).isEqualTo("ANCM");
    assertThat(text).startsWith(title + "\n" + heading + "\n");
    assertThat(count(text, title)).isEqualTo(1);
    assertThat(count(text, cause)).isEqualTo(1);
    assertThat(text).contains("\n" + TROUBLESHOOTING)
        .endsWith("\nFor more information visit: https://go.microsoft.com/fwlink/?LinkID=" + link)
        .doesNotContain("font-family", "<", "\r", "  ");
  }

  @Test
  void should_give_exactly_the_text_a_browser_shows_when_reading_ancm_500_30() throws IOException {
    // when
    LogRecord record = onlyRecord(page("ancm-500-30-3x.html"), "ancm-500-30-3x.html");

    // then: the CRLF page, its style, and its title repeated as <h1>, read as these lines
    assertThat(record.text()).isEqualTo("HTTP Error 500.30 - ANCM In-Process Start Failure\n"
        + "Common solutions to this issue:\n"
        + "The application failed to start\n"
        + "The application started but then stopped\n"
        + "The application started but threw an exception during startup\n"
        + TROUBLESHOOTING
        + "For more information visit: https://go.microsoft.com/fwlink/?LinkID=2028265");
  }

  @Test
  void should_keep_the_details_ancm_shows_when_reading_500_31() throws IOException {
    // when
    LogRecord record = onlyRecord(page("ancm-500-31-3x.html"), "ancm-500-31-3x.html");

    // then: <br> ends lines, &#39; is a quote
    assertThat(record.provider()).isEqualTo("ANCM");
    assertThat(record.text()).startsWith("HTTP Error 500.31 - ANCM Failed to Find Native "
        + "Dependencies\nCommon solutions to this issue:\nThe specified version of "
        + "Microsoft.NetCore.App or Microsoft.AspNetCore.App was not found.\n"
        + "Specific error detected by ANCM:\n"
        + "It was not possible to find any compatible framework version\n"
        + "The framework 'Microsoft.AspNetCore.App', version '3.1.0' was not found.\n"
        + "- The following frameworks were found:\n"
        + "2.2.8 at [C:\\Program Files\\dotnet\\shared\\Microsoft.AspNetCore.App]\n"
        + TROUBLESHOOTING);
  }

  @Test
  void should_read_the_v1_page_whose_title_differs_from_its_heading() throws IOException {
    // when
    LogRecord record = onlyRecord(page("ancm-502-5-v1.html"), "ancm-502-5-v1.html");

    // then
    assertThat(record.provider()).isEqualTo("ANCM");
    assertThat(record.text()).isEqualTo("IIS 502.5 Error\n"
        + "HTTP Error 502.5 - Process Failure\n"
        + "Common causes of this issue:\n"
        + "The application process failed to start\n"
        + "The application process started but then stopped\n"
        + "The application process started but failed to listen on the configured port\n"
        + TROUBLESHOOTING
        + "For more information visit: https://go.microsoft.com/fwlink/?LinkID=808681");
  }

  @Test
  void should_turn_the_iis_detail_table_into_label_value_lines() throws IOException {
    // when
    LogRecord record = onlyRecord(page("iis-500-19-section-missing.html"),
        "iis-500-19-section-missing.html");

    // then
    String text = record.text();
    assertThat(record.provider()).isEqualTo("IIS");
    assertThat(text).startsWith("IIS 10.0 Detailed Error - 500.19 - Internal Server Error\n"
        + "HTTP Error 500.19 - Internal Server Error\n"
        + "The requested page cannot be accessed because the related configuration data for the "
        + "page is invalid.\nMost likely causes:\n");
    assertThat(text).contains("\nDetailed Error Information:\n"
        + "Module: IIS Web Core\n"
        + "Notification: Unknown\n"
        + "Handler: Not yet determined\n"
        + "Error Code: 0x8007000d\n"
        + "Config Error: The configuration section 'aspNetCore' cannot be read because it is "
        + "missing a section declaration\n"
        + "Config File: \\\\?\\C:\\inetpub\\orders\\web.config\n"
        + "Requested URL: http://localhost:80/orders/\n"
        + "Physical Path:\n"
        + "Logon Method: Not yet determined\n"
        + "Logon User: Not yet determined\n"
        + "Config Source:\n"
        + "   12:     </handlers>\n"
        + "   13:     <aspNetCore processPath=\"dotnet\" arguments=\".\\Orders.Api.dll\" "
        + "stdoutLogEnabled=\"false\" stdoutLogFile=\".\\logs\\stdout\" hostingModel=\"inprocess\""
        + " />\n"
        + "   14:   </system.webServer>\n"
        + "More Information:\n");
    assertThat(text).endsWith("\nView more information \u00BB");
    assertThat(count(text, "HTTP Error 500.19 - Internal Server Error")).isEqualTo(1);
    assertThat(count(text, "Error Code: 0x8007000d")).isEqualTo(1);
    assertThat(text).doesNotContain("\r", "margin:", "\u00A0");
  }

  @ParameterizedTest(name = "{0}")
  @CsvSource(delimiter = '|', quoteCharacter = '`', value = {
      "iis-500-19-unrecognized-element.html|HTTP Error 500.19 - Internal Server Error|"
          + "Config Error: Unrecognized element 'handlerSettings'|Error Code: 0x8007000d",
      "iis-403-14.html|HTTP Error 403.14 - Forbidden|The Web server is configured to not list "
          + "the contents of this directory.|Module: DirectoryListingModule"})
  void should_read_other_iis_detailed_pages_line_by_line(String fixture, String heading,
      String line1, String line2) throws IOException {
    // when
    LogRecord record = onlyRecord(page(fixture), fixture);

    // then
    assertThat(record.provider()).isEqualTo("IIS");
    assertThat(count(record.text(), heading)).isEqualTo(1);
    assertThat(count(record.text(), line1)).isEqualTo(1);
    assertThat(count(record.text(), line2)).isEqualTo(1);
  }

  @ParameterizedTest(name = "{0}")
  @CsvSource(delimiter = '|', quoteCharacter = '`', value = {
      "httpsys-503.html|HTTP.sys|Service Unavailable\\nHTTP Error 503. The service is "
          + "unavailable.",
      "azure-application-error.html|Azure App Service|Application Error\\n:( Application Error"
          + "\\nIf you are the application administrator, you can access the diagnostic "
          + "resources.",
      "iis-friendly-500.html|IIS|500 - Internal server error.\\nServer Error\\nThere is a "
          + "problem with the resource you are looking for, and it cannot be displayed.",
      "truncated-500-31.html|ANCM|HTTP Error 500.31 - Failed to load ASP.NET Core runtime\\n"
          + "Common solutions to this issue:\\nThe specified version of Microsoft.NetCore.App or "
          + "Microsoft.AspNetCore.App was not found.\\nTroubleshooting steps:\\nCheck the system "
          + "event log for error messages\\nEnable logging the application process' stdout mes"})
  void should_read_short_pages_exactly(String fixture, String provider, String expected)
      throws IOException {
    // when
    LogRecord record = onlyRecord(page(fixture), fixture);

    // then
    assertThat(record.provider()).isEqualTo(provider);
    assertThat(record.text()).isEqualTo(expected.replace("\\n", "\n"));
  }

  @Test
  void should_keep_a_pasted_page_whole_as_one_record() throws IOException {
    // when
    LogRecord record = onlyRecord(page("pasted-500-30.txt"), "pasted-500-30.txt");

    // then: the paste is kept as written, CRLF and indentation included
    assertThat(record.provider()).isEqualTo("ANCM");
    assertThat(record.text()).startsWith("HTTP Error 500.30 - ASP.NET Core app failed to start"
        + "\r\n\r\nCommon solutions to this issue:\r\n\r\n    The app failed to start\r\n")
        .endsWith("For more information visit: https://go.microsoft.com/fwlink/?LinkID=2028265"
            + "\r\n")
        .hasSize(498);
  }

  @Test
  void should_read_the_smallest_page_under_auto_detection() throws IOException {
    // when
    LogReaderTest.Result result = LogReaderTest.read("error-page.html");

    // then
    assertThat(result.format()).isEqualTo(Format.ERROR_PAGE);
    assertThat(onlyRecord(result, "error-page.html").text())
        .isEqualTo("HTTP Error 500.30 - ASP.NET Core app failed to start");
  }

  @ParameterizedTest(name = "{0}")
  @CsvSource(delimiter = '|', quoteCharacter = '`', value = {
      "<!DOCTYPE html><html><body>x</body></html>|ERROR_PAGE",
      "  \\n<HTML><HEAD><TITLE>Service Unavailable</TITLE></HEAD></HTML>|ERROR_PAGE",
      "<!-- saved from url=(0014)about:internet -->\\n<html><body>x</body></html>|ERROR_PAGE",
      "<head><title>t</title></head>|ERROR_PAGE",
      "HTTP Error 500.30 - ASP.NET Core app failed to start\\n\\nCommon solutions|ERROR_PAGE",
      "\\n\\nService Unavailable\\nHTTP Error 503. The service is unavailable.|ERROR_PAGE",
      "HTTP Error 503. The service is unavailable.|ERROR_PAGE",
      "Server Error in '/' Application.\\n\\nRuntime Error|ERROR_PAGE",
      "IIS 10.0 Detailed Error - 500.19 - Internal Server Error\\nHTTP Error 500.19|ERROR_PAGE",
      "500 - Internal server error.\\nThere is a problem with the resource|ERROR_PAGE",
      ":( Application Error\\nIf you are the application administrator|ERROR_PAGE",
      "<Events><Event><System><EventID>1000</EventID></System></Event></Events>|EVENT_XML",
      "<Event xmlns='x'><EventData><Data>HTTP Error 500.30 - x</Data></EventData></Event>"
          + "|EVENT_XML",
      "info: Microsoft.Hosting.Lifetime[0]\\n      Now listening on: http://127.0.0.1:5000"
          + "|STDOUT_LOG",
      "the app said: HTTP Error 500.30 - ASP.NET Core app failed to start|OTHER_TEXT",
      "<root><html-ish/></root>|OTHER_TEXT"})
  void should_detect_an_error_page_only_after_the_event_formats(String head, String verdict) {
    // when
    FormatDetector.Verdict detected = FormatDetector.detect(head.replace("\\n", "\n"));

    // then
    assertThat(detected).hasToString(verdict);
  }

  @Test
  void should_leave_an_event_viewer_copy_quoting_a_page_to_the_event_text_reader()
      throws IOException {
    // given: an Event Viewer copy whose description starts with a page title
    String copy = "Log Name:      Application\r\nSource:        IIS AspNetCore Module V2\r\n"
        + "Date:          3/4/2024 9:15:02 AM\r\nEvent ID:      1010\r\nTask Category: None\r\n"
        + "Level:         Error\r\nKeywords:      Classic\r\nUser:          N/A\r\n"
        + "Computer:      WEB01\r\nDescription:\r\nHTTP Error 500.30 - quoted\r\n";

    // then
    assertThat(FormatDetector.detect(copy)).isEqualTo(FormatDetector.Verdict.EVENT_TEXT);
  }

  @Test
  void should_read_eleven_megabytes_of_nested_divs_in_bounded_memory() {
    // given: a million opening and a million closing <div>s around one title
    int depth = 1_000_000;
    String html = "<html><body>" + "<div>".repeat(depth) + "HTTP Error 500.30 - ANCM "
        + "In-Process Start Failure" + "</div>".repeat(depth) + "</body></html>";
    assertThat(html.length()).isGreaterThan(10_000_000);

    // when
    LogReaderTest.Result result = readHtml(html);

    // then
    assertThat(result.format()).isEqualTo(Format.ERROR_PAGE);
    assertThat(onlyRecord(result, "page.html").text())
        .isEqualTo("HTTP Error 500.30 - ANCM In-Process Start Failure");
  }

  @Test
  void should_cut_a_page_whose_text_is_longer_than_the_limit_and_report_the_rest() {
    // given: a 10 MB page of "word word ..." and a limit of 4096 characters
    String prefix = "<html><body><p>";
    String html = prefix + "word ".repeat(2_000_000) + "</p></body></html>";

    // when
    LogReaderTest.Result result = readBytes(html.getBytes(StandardCharsets.UTF_8),
        ReadLimits.of(4096));

    // then: 819 words and the "w" of the 820th fit; its "o" is where the cut starts
    LogReaderTest.assertAccounted(result, 2);
    assertThat(result.records().get(0).text()).isEqualTo("word ".repeat(819) + "w");
    SkippedRecord cut = result.skipped().get(0);
    assertThat(cut.line()).isEqualTo(1);
    assertThat(cut.byteOffset()).isEqualTo(prefix.length() + 819 * 5 + 1);
    assertThat(cut.reason()).contains("longer than the limit of 4096 characters");
  }

  @Test
  void should_cut_a_long_paste_and_report_the_rest() {
    // given
    String paste = "HTTP Error 500.30 - ASP.NET Core app failed to start\n" + "x".repeat(5000);

    // when
    LogReaderTest.Result result = readBytes(paste.getBytes(StandardCharsets.UTF_8),
        ReadLimits.of(1024));

    // then
    LogReaderTest.assertAccounted(result, 2);
    assertThat(result.records().get(0).text()).isEqualTo(paste.substring(0, 1024));
    assertThat(result.skipped().get(0).byteOffset()).isEqualTo(1024);
  }

  @Test
  void should_report_an_unclosed_script_that_swallows_the_rest_of_the_page() {
    // given
    String before = "<html><head><title>HTTP Error 500.30 - ASP.NET Core app failed to start"
        + "</title>\n</head><body>\n<h1>HTTP Error 500.30 - ASP.NET Core app failed to start</h1>"
        + "\n";
    String html = before + "<script type=\"text/javascript\">var shown = '</scrip' + 't>';\n"
        + "<p>Common solutions to this issue:</p>\n</body></html>\n";

    // when
    LogReaderTest.Result result = readHtml(html);

    // then
    LogReaderTest.assertAccounted(result, 2);
    assertThat(result.records().get(0).text())
        .isEqualTo("HTTP Error 500.30 - ASP.NET Core app failed to start");
    SkippedRecord skip = result.skipped().get(0);
    assertThat(skip.line()).isEqualTo(4);
    assertThat(skip.byteOffset()).isEqualTo(before.length());
    assertThat(skip.reason()).startsWith("the <script> element opened on line 4 is never closed");
  }

  @Test
  void should_report_a_comment_never_closed() {
    // given
    String before = "<!DOCTYPE html>\r\n<html><body><h1>HTTP Error 502.5 - Process Failure</h1>"
        + "\r\n";
    String html = before + "<!-- debug: <p>Common causes of this issue:</p>\r\n</body></html>";

    // when
    LogReaderTest.Result result = readHtml(html);

    // then
    LogReaderTest.assertAccounted(result, 2);
    assertThat(result.records().get(0).text()).isEqualTo("HTTP Error 502.5 - Process Failure");
    assertThat(result.records().get(0).provider()).isEqualTo("ANCM");
    SkippedRecord skip = result.skipped().get(0);
    assertThat(skip.line()).isEqualTo(3);
    assertThat(skip.byteOffset()).isEqualTo(before.length());
    assertThat(skip.reason()).contains("comment (<!--) opened on line 3 is never closed");
  }

  @Test
  void should_replay_the_saved_unclosed_script_page() throws IOException {
    // when
    LogReaderTest.Result result = LogReaderTest.read("hostile/page-unclosed-script.html");

    // then: the title once, then nothing of the script or what follows it
    LogReaderTest.assertAccounted(result, 2);
    assertThat(result.records().get(0).text())
        .isEqualTo("HTTP Error 500.30 - ASP.NET Core app failed to start");
    assertThat(result.skipped().get(0).line()).isEqualTo(4);
    assertThat(result.skipped().get(0).byteOffset()).isEqualTo(174); // the "<" of <script>
  }

  @Test
  void should_replay_the_saved_entity_bomb_page() throws IOException {
    // when
    LogReaderTest.Result result = LogReaderTest.read("hostile/page-entity-bombs.html");

    // then: six references outside Unicode or invalid, 2000 &amp;, an over-long name as written
    assertThat(onlyRecord(result, "page-entity-bombs.html").text()).isEqualTo(
        "HTTP Error 500.19 - Internal Server Error\n" + "\uFFFD".repeat(6) + "&".repeat(2001)
            + "a".repeat(5000) + ";\nError Code: 0x8007000d");
  }

  @Test
  void should_drop_scripts_styles_and_comments_that_are_closed() {
    // given: an end tag in another case, a comment holding a tag, "<!-->" closing at once
    String html = "<html><head><STYLE>h1 { color: red }</style><script>if (a < b) { x = '<p>"
        + "'; }</SCRIPT ></head><body><!-- <h1>hidden</h1> --><!-->shown<!--->too"
        + "<p>a <b>bold</b> word</p></body></html>";

    // when
    LogReaderTest.Result result = readHtml(html);

    // then
    assertThat(onlyRecord(result, "page.html").text()).isEqualTo("showntoo\na bold word");
  }

  @ParameterizedTest(name = "{0}")
  @CsvSource(delimiter = '|', quoteCharacter = '`', value = {
      "&#99999999999;|\uFFFD",
      "&#x110000;|\uFFFD",
      "&#0;|\uFFFD",
      "&#xD800;|\uFFFD",
      "&#65;&#x42;&#X43;&#68|ABCD",
      "&#150; &#x1F600;|\u2013 \uD83D\uDE00",
      "&amp;&lt;&gt;&quot;&apos;|&<>\"'",
      "a&nbsp;&nbsp;b &raquo;|a b \u00BB",
      "&amp &copy 2024|& \u00A9 2024",
      "&unknown; &#; &#x; & b|&unknown; &#; &#x; & b",
      "AT&T's|AT&T's"})
  void should_decode_entities_and_survive_entity_bombs(String body, String expected) {
    // when
    LogReaderTest.Result result = readHtml("<html><body><p>" + body + "</p></body></html>");

    // then
    assertThat(onlyRecord(result, "page.html").text()).isEqualTo(expected);
  }

  @Test
  void should_read_a_numeric_reference_of_a_million_digits_as_one_replacement_character() {
    // given
    String html = "<html><body>a&#" + "9".repeat(1_000_000) + ";b</body></html>";

    // when
    LogReaderTest.Result result = readHtml(html);

    // then
    assertThat(onlyRecord(result, "page.html").text()).isEqualTo("a\uFFFDb");
  }

  @Test
  void should_read_past_a_long_quoted_attribute_holding_angle_brackets() {
    // given: a 100,000-character data URI whose value holds '>'
    String html = "<html><body><img alt='a > b' src=\"data:image/png;base64,"
        + "iVBO>".repeat(20_000) + "\"><p>HTTP Error 500.30 - ANCM In-Process Start Failure</p>"
        + "</body></html>";

    // when
    LogReaderTest.Result result = readHtml(html);

    // then
    assertThat(onlyRecord(result, "page.html").text())
        .isEqualTo("HTTP Error 500.30 - ANCM In-Process Start Failure");
  }

  @Test
  void should_report_a_quoted_attribute_value_never_closed() {
    // given
    String before = "<html><body><p>HTTP Error 500.30 - ANCM In-Process Start Failure</p>\n<a ";
    String html = before + "href=\"https://go.microsoft.com/fwlink/?LinkID=2028265>link</a>\n"
        + "<p>Troubleshooting steps:</p></body></html>";

    // when
    LogReaderTest.Result result = readHtml(html);

    // then
    LogReaderTest.assertAccounted(result, 2);
    assertThat(result.records().get(0).text())
        .isEqualTo("HTTP Error 500.30 - ANCM In-Process Start Failure");
    SkippedRecord skip = result.skipped().get(0);
    assertThat(skip.line()).isEqualTo(2);
    assertThat(skip.byteOffset()).isEqualTo(before.length() + "href=".length());
    assertThat(skip.reason()).startsWith("the quoted attribute value opened on line 2 is never");
  }

  @Test
  void should_keep_stray_angle_brackets_as_text() {
    // when
    LogReaderTest.Result result = readHtml("<html><body><p>1 < 2 and 3 > 2, </ 4 >x</p>"
        + "<div>a<br>b<br/>c</div></body></html>");

    // then
    assertThat(onlyRecord(result, "page.html").text()).isEqualTo("1 < 2 and 3 > 2, x\na\nb\nc");
  }

  @Test
  void should_report_a_page_without_text() {
    // when
    LogReaderTest.Result result = readHtml("<!DOCTYPE html><html><head><style>p{}</style>"
        + "</head><body>\n  <div></div>\n</body></html>");

    // then
    LogReaderTest.assertAccounted(result, 1);
    assertThat(result.records()).isEmpty();
    assertThat(result.skipped().get(0).reason()).startsWith("the page shows no text");
  }

  @Test
  void should_read_table_rows_with_one_three_or_empty_cells() {
    // given
    String html = "<html><body><table><tr><td>alone</td></tr><tr><th>Label:</th><td>a</td>"
        + "<td>&nbsp;</td><td>b</td></tr><tr><td> </td><td></td></tr><tr><th>Empty</th><td>"
        + "&nbsp;&nbsp;&nbsp;</td></tr><tr><td>cell<div>with block</div></td><td>x</td>"
        + "</table><p>after</p></body></html>";

    // when
    LogReaderTest.Result result = readHtml(html);

    // then
    assertThat(onlyRecord(result, "page.html").text())
        .isEqualTo("alone\nLabel: a b\nEmpty:\ncell with block: x\nafter");
  }

  @Test
  void should_keep_a_title_that_is_never_closed() {
    // when
    LogReaderTest.Result result = readHtml("<html><head><title>HTTP Error 500.30 - ANCM "
        + "In-Process Start Failure &amp; <b>more");

    // then
    assertThat(onlyRecord(result, "page.html").text())
        .isEqualTo("HTTP Error 500.30 - ANCM In-Process Start Failure & <b>more");
  }

  @Test
  void should_read_any_text_as_a_paste_when_the_format_is_forced() throws IOException {
    // when
    LogReaderTest.Result result;
    try (LogReader reader = LogReader.open(LogReaderTest.DIR.resolve("stdout-cp1252.log"),
        Format.ERROR_PAGE)) {
      result = LogReaderTest.drain(reader);
    }

    // then
    LogRecord record = onlyRecord(result, "stdout-cp1252.log");
    assertThat(record.provider()).isEmpty();
  }

  @ParameterizedTest(name = "{0}")
  @CsvSource(delimiter = '|', quoteCharacter = '`', value = {
      "HTTP Error 500.37 - ASP.NET Core app failed to start within startup time limit|ANCM",
      "HTTP Error 500.32 - Failed to load .NET Core host|ANCM",
      "HTTP Error 500.38 - Failed to locate ASP.NET Core app|ANCM",
      "HTTP Error 500.34 - ANCM Mixed Hosting Models Not Supported|ANCM",
      "HTTP Error 502.5 - ANCM Out-Of-Process Startup Failure|ANCM",
      "HTTP Error 500.0 - Internal Server Error|IIS",
      "HTTP Error 502.3 - Bad Gateway|IIS",
      "HTTP Error 404. The requested resource is not found.|HTTP.sys",
      "502 - Web server received an invalid response while acting as a gateway or proxy server."
          + "|Azure App Service",
      "The specified CGI application encountered an error and the server terminated the "
          + "process.|Azure App Service",
      "Server Error in '/' Application.|-",
      "An error occurred while starting the application.|-"})
  void should_name_what_produced_a_page(String text, String provider) {
    // then: "-" for none
    assertThat(ErrorPageReader.provider(text)).isEqualTo(provider.equals("-") ? "" : provider);
  }

  @Test
  void should_read_the_page_of_an_mhtml_file_as_the_html_it_holds() throws IOException {
    // given: Chrome's "Webpage, Single File" of the 5.0+ 500.30 page, quoted-printable
    String html = onlyRecord(page("ancm-500-30-net6.html"), "ancm-500-30-net6.html").text();

    // when
    LogRecord record = onlyRecord(page("ancm-500-30-net6.mhtml"), "ancm-500-30-net6.mhtml");

    // then: the same text; the soft line breaks, =3D, the comment and the CSS part are gone
    assertThat(record.text()).isEqualTo(html);
    assertThat(record.provider()).isEqualTo("ANCM");
  }

  private static String mhtml(String... parts) {
    StringBuilder sb = new StringBuilder("From: <Saved by Blink>\r\nMIME-Version: 1.0\r\n"
        + "Content-Type: multipart/related;\r\n\ttype=\"text/html\";\r\n\tboundary=\"--B--\""
        + "\r\n\r\n");
    for (String part : parts) {
      sb.append("----B--\r\n").append(part).append("\r\n");
    }
    return sb.append("----B----\r\n").toString();
  }

  @Test
  void should_decode_quoted_printable_utf8_split_by_a_soft_break() {
    // given: "café" whose two UTF-8 bytes are split over two lines
    String mhtml = mhtml("Content-Type: text/html\r\nContent-Transfer-Encoding: quoted-printable"
        + "\r\n\r\n<html><body><table><tr><th>Physical Path</th><td>D:\\sites\\caf=C3=\r\n"
        + "=A9</td></tr></table></body></html>");

    // when
    LogReaderTest.Result result = readBytes(mhtml.getBytes(StandardCharsets.US_ASCII),
        ReadLimits.defaults());

    // then
    assertThat(result.format()).isEqualTo(Format.ERROR_PAGE);
    assertThat(onlyRecord(result, "page.html").text())
        .isEqualTo("Physical Path: D:\\sites\\caf\u00E9");
  }

  @Test
  void should_decode_a_base64_part_in_its_charset_and_pass_over_the_other_parts() {
    // given: an image part first, then the page in windows-1252, base64
    String text = "<html><body><h2>Service Unavailable</h2><p>HTTP Error 503. The service is "
        + "unavailable.</p><p>Caf\u00E9 \u2013 Kasse</p></body></html>";
    byte[] page = text.getBytes(Charset.forName("windows-1252"));
    String encoded = Base64.getMimeEncoder(76, "\r\n".getBytes(StandardCharsets.US_ASCII))
        .encodeToString(page);
    String mhtml = mhtml("Content-Type: image/png\r\nContent-Transfer-Encoding: base64\r\n\r\n"
        + "iVBORw0KGgo=", "Content-Type: text/html; charset=\"windows-1252\"\r\n"
        + "Content-Transfer-Encoding: base64\r\n\r\n" + encoded);

    // when
    LogReaderTest.Result result = readBytes(mhtml.getBytes(StandardCharsets.US_ASCII),
        ReadLimits.defaults());

    // then
    LogRecord record = onlyRecord(result, "page.html");
    assertThat(record.text()).isEqualTo(
        "Service Unavailable\nHTTP Error 503. The service is unavailable.\nCaf\u00E9 \u2013 Kasse");
    assertThat(record.provider()).isEqualTo("HTTP.sys");
  }

  @Test
  void should_report_an_mhtml_file_whose_headers_name_no_boundary() {
    // given
    String mhtml = "From: <Saved by Blink>\r\nContent-Type: multipart/related; boundary=\r\n"
        + "\r\n<html><body>x</body></html>\r\n";

    // when
    LogReaderTest.Result result = readBytes(mhtml.getBytes(StandardCharsets.US_ASCII),
        ReadLimits.defaults());

    // then
    assertThat(result.format()).isEqualTo(Format.ERROR_PAGE);
    LogReaderTest.assertAccounted(result, 1);
    assertThat(result.skipped().get(0).reason()).contains("name no boundary");
  }

  @Test
  void should_report_an_mhtml_file_without_an_html_part() {
    // given
    String mhtml = "From: <Saved by Blink>\r\nContent-Type: multipart/related; boundary=\"b\""
        + "\r\n\r\n--b\r\nContent-Type: text/css\r\n\r\nh1{}\r\n--b--\r\n";

    // when
    LogReaderTest.Result result = readBytes(mhtml.getBytes(StandardCharsets.US_ASCII),
        ReadLimits.defaults());

    // then
    assertThat(result.format()).isEqualTo(Format.ERROR_PAGE);
    LogReaderTest.assertAccounted(result, 1);
    assertThat(result.skipped().get(0).reason()).contains("no text/html part");
  }
}
