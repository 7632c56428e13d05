package io.github.ancmdiag.input;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.github.ancmdiag.model.Channel;
import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/**
 * {@link LogReader} on one fixture per format and variant under {@code
 * src/test/resources/input/}; the fixtures keep the bytes Windows writes (CRLF or LF, UTF-16 LE
 * with a byte order mark for Event Viewer's XML). Each test states the exact records and checks
 * the accounting rule: every unit of the input (an event, a block, a file) is returned or skipped.
 */
class LogReaderTest {
  static final Path DIR = Path.of("src", "test", "resources", "input");
  static final String V2 = "IIS AspNetCore Module V2";
  static final String M1010 = "Failed to start application '/LM/W3SVC/2/ROOT', ErrorCode "
      + "'0x8000ffff'.";
  static final String M1027 = "Could not find 'aspnetcorev2_inprocess.dll'. Exception message:"
      + "\r\nThe framework 'Microsoft.AspNetCore.App', version '6.0.0' was not found.";

  /** Everything one reader gave. */
  record Result(List<LogRecord> records, List<SkippedRecord> skipped, Format format,
      long recordsRead) {}

  static Result read(String fixture) throws IOException {
    try (LogReader reader = LogReader.open(DIR.resolve(fixture))) {
      return drain(reader);
    }
  }

  static Result drain(LogReader reader) {
    List<LogRecord> records = new ArrayList<>();
    reader.forEach(records::add);
    return new Result(records, List.copyOf(reader.skipped()), reader.format().orElse(null),
        reader.recordsRead());
  }

  /** The accounting rule: units in the input = records returned + records skipped. */
  static void assertAccounted(Result result, int units) {
    assertThat(result.recordsRead()).isEqualTo(result.records().size());
    assertThat(result.records().size() + result.skipped().size()).as("records + skipped")
        .isEqualTo(units);
  }

  @Test
  void should_read_every_event_when_wevtutil_prints_events_without_a_root() throws IOException {
    // when
    Result result = read("wevtutil-v2.xml");

    // then
    assertThat(result.format()).isEqualTo(Format.EVENT_XML);
    assertAccounted(result, 3);
    assertThat(result.skipped()).isEmpty();
    LogRecord first = result.records().get(0);
    assertThat(first.channel()).isEqualTo(Channel.EVENT_LOG);
    assertThat(first.eventId()).isEqualTo(1027);
    assertThat(first.provider()).isEqualTo(V2);
    assertThat(first.level()).isEqualTo("Error");
    assertThat(first.time()).contains(Instant.parse("2024-03-05T09:14:07.1234567Z"));
    assertThat(first.text()).isEqualTo(M1027); // the first of V2's three insertion strings
    assertThat(first.source()).isEqualTo("wevtutil-v2.xml");
    assertThat(first.line()).isEqualTo(1);
    assertThat(result.records()).extracting(LogRecord::eventId).containsExactly(1027, 1010, 1000);
    // the first message holds a line break
    assertThat(result.records()).extracting(LogRecord::line).containsExactly(1L, 3L, 4L);
    assertThat(result.records().get(1).text()).isEqualTo(M1010);
    assertThat(result.records().get(2).provider()).isEqualTo("Application Error");
    assertThat(result.records().get(2).text()).isEqualTo("w3wp.exe");
  }

  @Test
  void should_use_the_rendered_message_when_rendering_info_is_present() throws IOException {
    // when
    Result result = read("wevtutil-rendered.xml");

    // then
    assertAccounted(result, 2);
    assertThat(result.records()).extracting(LogRecord::eventId).containsExactly(1010, 1000);
    assertThat(result.records()).extracting(LogRecord::level).containsExactly("Error", "Warning");
    assertThat(result.records()).extracting(LogRecord::provider)
        .containsExactly(V2, "IIS AspNetCore Module");
    assertThat(result.records().get(0).text()).isEqualTo(M1010);
    assertThat(result.records().get(1).text()).isEqualTo("Application "
        + "'MACHINE/WEBROOT/APPHOST/MYSITE' with physical root 'C:\\inetpub\\mysite\\' failed to "
        + "start process with commandline '\"dotnet\" .\\MyApp.dll', ErrorCode = "
        + "'0x80070002' : 0.");
    assertThat(result.records().get(1).time()).contains(Instant.parse("2019-11-20T17:02:41Z"));
  }

  @ParameterizedTest(name = "{0}")
  @CsvSource({"eventviewer-saved-utf16le.xml", "eventviewer-saved-utf16be.xml"})
  void should_read_event_viewer_xml_when_saved_in_utf16(String fixture) throws IOException {
    // when
    Result result = read(fixture);

    // then
    assertThat(result.format()).isEqualTo(Format.EVENT_XML);
    assertAccounted(result, 2);
    assertThat(result.skipped()).isEmpty();
    assertThat(result.records()).extracting(LogRecord::eventId).containsExactly(1011, 1010);
    assertThat(result.records().get(0).text()).isEqualTo("Application '/LM/W3SVC/1/ROOT' with "
        + "physical root 'C:\\inetpub\\wwwroot\\café\\' has exited from Program.Main with exit "
        + "code = '-532462766'. Please check the stderr logs for more information.");
    assertThat(result.records().get(1).text()).isEqualTo(
        "Failed to start application '/LM/W3SVC/1/ROOT', ErrorCode '0x8007023e'.");
    assertThat(result.records()).extracting(LogRecord::line).containsExactly(2L, 2L);
  }

  @Test
  void should_read_azure_eventlog_xml_with_data_wrapped_over_lines() throws IOException {
    // when
    Result result = read("azure-eventlog.xml");

    // then
    assertThat(result.format()).isEqualTo(Format.EVENT_XML);
    assertAccounted(result, 3);
    assertThat(result.records()).extracting(LogRecord::eventId).containsExactly(1032, 1007, 1010);
    assertThat(result.records()).extracting(LogRecord::level)
        .containsExactly("Information", "Error", "Error");
    assertThat(result.records()).extracting(LogRecord::line).containsExactly(2L, 21L, 41L);
    assertThat(result.records().get(1).text()).isEqualTo("Application "
        + "'/LM/W3SVC/1416247651/ROOT' with physical root 'D:\\home\\site\\wwwroot\\' failed to "
        + "load coreclr. Exception message:\nCLR worker thread exited prematurely");
    assertThat(result.records().get(2).time()).contains(Instant.parse("2024-02-10T08:12:44Z"));
  }

  @Test
  void should_return_every_complete_event_and_report_the_tail_when_the_file_is_truncated()
      throws IOException {
    // when
    Result result = read("azure-eventlog-truncated.xml");

    // then
    assertAccounted(result, 3);
    assertThat(result.records()).extracting(LogRecord::eventId).containsExactly(1032, 1007);
    assertThat(result.skipped()).singleElement().satisfies(s -> {
      assertThat(s.line()).isEqualTo(41);
      assertThat(s.byteOffset()).isEqualTo(
          new String(java.nio.file.Files.readAllBytes(DIR.resolve("azure-eventlog-truncated.xml")),
              StandardCharsets.UTF_8).lastIndexOf("  <Event>") + 2);
      assertThat(s.reason()).contains("truncated");
    });
  }

  @Test
  void should_report_one_skip_when_the_only_event_of_an_export_is_cut_off() {
    // given: an export that ends inside its first and only event
    String xml = "<Events><Event><System><Provider Name='P'/><EventID>1010</EventID></System>"
        + "<EventData><Data>Application '/LM/W3SVC/2/ROOT' with physical root";

    // when
    Result result = drain(LogReader.of("cut.xml",
        new ByteArrayInputStream(xml.getBytes(StandardCharsets.UTF_8)), Format.EVENT_XML, null,
        ReadLimits.defaults()));

    // then: the cut event is the one thing skipped; the file is event XML, not "no event found"
    assertThat(result.records()).isEmpty();
    assertThat(result.skipped()).singleElement().satisfies(s -> {
      assertThat(s.byteOffset()).isEqualTo(8);
      assertThat(s.reason()).contains("truncated");
    });
  }

  @Test
  void should_read_each_block_when_event_viewer_details_are_copied_as_text() throws IOException {
    // when
    Result result = read("eventviewer-copy.txt");

    // then
    assertThat(result.format()).isEqualTo(Format.EVENT_TEXT);
    assertAccounted(result, 2);
    assertThat(result.records()).extracting(LogRecord::eventId).containsExactly(1027, 1010);
    assertThat(result.records()).extracting(LogRecord::provider).containsExactly(V2, V2);
    assertThat(result.records()).extracting(LogRecord::level).containsExactly("Error", "Error");
    assertThat(result.records()).extracting(LogRecord::text).containsExactly(M1027, M1010);
    assertThat(result.records()).extracting(LogRecord::line).containsExactly(1L, 37L);
    assertThat(result.records().get(0).time()).isEmpty(); // Date: is local time, no zone
  }

  @Test
  void should_take_fields_by_position_when_the_labels_are_not_english() throws IOException {
    // when
    Result result = read("eventviewer-copy-de.txt");

    // then: one block; the line before it is reported
    assertThat(result.format()).isEqualTo(Format.EVENT_TEXT);
    assertAccounted(result, 2);
    LogRecord record = result.records().get(0);
    assertThat(record.eventId()).isEqualTo(1010);
    assertThat(record.provider()).isEqualTo(V2);
    assertThat(record.level()).isEqualTo("Fehler");
    assertThat(record.text()).isEqualTo(M1010);
    assertThat(record.line()).isEqualTo(3);
    assertThat(result.skipped()).singleElement()
        .satisfies(s -> assertThat(s.line()).isEqualTo(1));
  }

  @Test
  void should_extract_the_inserted_message_when_the_description_cannot_be_found()
      throws IOException {
    // when
    Result result = read("eventviewer-copy-missing-description.txt");

    // then
    assertAccounted(result, 1);
    assertThat(result.records().get(0).text()).isEqualTo(M1027);
    assertThat(result.records().get(0).eventId()).isEqualTo(1027);
  }

  @Test
  void should_read_a_whole_file_as_one_record_when_plain_text_is_asked_for() throws IOException {
    // when
    Result result;
    try (LogReader reader = LogReader.open(DIR.resolve("stdout-cp1252.log"), Format.PLAIN_TEXT,
        Channel.STDOUT_LOG)) {
      result = drain(reader);
    }

    // then: not UTF-8, so windows-1252; CRLF kept
    assertThat(result.format()).isEqualTo(Format.PLAIN_TEXT);
    assertAccounted(result, 1);
    LogRecord record = result.records().get(0);
    assertThat(record.channel()).isEqualTo(Channel.STDOUT_LOG);
    assertThat(record.line()).isEqualTo(1);
    assertThat(record.text()).startsWith("Unhandled exception. System.IO.FileNotFoundException: "
        + "Could not find file 'C:\\inetpub\\wwwroot\\résumé\\appsettings.json'.\r\n   at ")
        .endsWith("Program.cs:line 12\r\n");
  }

  @Test
  void should_fall_back_to_plain_text_under_auto_only_when_a_channel_is_given()
      throws IOException {
    // when
    // given: text of no format (an error page, a log, an export would each be detected)
    byte[] notes = "Restarted the pool at 10:42; the site still fails.\nAsked Dana to check."
        .getBytes(java.nio.charset.StandardCharsets.UTF_8);

    // when
    Result withChannel = drain(LogReader.of("notes.txt", new ByteArrayInputStream(notes),
        Format.AUTO, Channel.BROWSER, ReadLimits.defaults()));
    Result without = drain(LogReader.of("notes.txt", new ByteArrayInputStream(notes),
        Format.AUTO, null, ReadLimits.defaults()));

    // then
    assertThat(withChannel.format()).isEqualTo(Format.PLAIN_TEXT);
    assertAccounted(withChannel, 1);
    assertThat(withChannel.records().get(0).channel()).isEqualTo(Channel.BROWSER);
    assertThat(without.format()).isNull();
    assertThat(without.records()).isEmpty();
    assertThat(without.skipped()).singleElement()
        .satisfies(s -> assertThat(s.reason()).contains("Format.PLAIN_TEXT"));
  }

  @Test
  void should_read_a_stdout_log_exception_as_one_record_when_detected_under_auto()
      throws IOException {
    // when
    Result result = read("stdout-cp1252.log");

    // then: windows-1252, CRLF kept, the exception and its stack grouped
    assertThat(result.format()).isEqualTo(Format.STDOUT_LOG);
    assertAccounted(result, 1);
    assertThat(result.records().get(0).channel()).isEqualTo(Channel.STDOUT_LOG);
    assertThat(result.records().get(0).text()).isEqualTo("Unhandled exception. "
        + "System.IO.FileNotFoundException: Could not find file 'C:\\inetpub\\wwwroot\\résumé\\"
        + "appsettings.json'.\r\n   at System.IO.FileSystem.CopyFile(String sourceFullPath, "
        + "String destFullPath, Boolean overwrite)\r\n   at Program.<Main>$(String[] args) in "
        + "C:\\src\\App\\Program.cs:line 12");
  }

  @Test
  void should_detect_the_format_from_the_content_not_the_name() throws IOException {
    // given: event XML under a .txt name
    byte[] bytes = java.nio.file.Files.readAllBytes(DIR.resolve("wevtutil-v2.xml"));

    // when
    Result result = drain(LogReader.of("events.txt", new ByteArrayInputStream(bytes),
        Format.AUTO));

    // then
    assertThat(result.format()).isEqualTo(Format.EVENT_XML);
    assertThat(result.records()).hasSize(3)
        .allSatisfy(r -> assertThat(r.source()).isEqualTo("events.txt"));
  }

  @Test
  void should_skip_the_event_and_read_no_file_when_an_entity_points_outside() throws IOException {
    // when
    Result result = read("hostile/xxe.xml");

    // then: the DTD is reported and ignored, the event using it is skipped
    assertThat(result.records()).isEmpty();
    assertThat(result.skipped()).hasSize(2);
    assertThat(result.skipped().get(0).reason()).contains("DTD");
    assertThat(result.skipped().get(1).line()).isEqualTo(6);
    assertThat(result.skipped()).noneSatisfy(s -> assertThat(s.reason()).contains("root:"));
  }

  @Test
  void should_skip_only_the_expanding_event_when_given_a_billion_laughs() throws IOException {
    // when
    Result result = read("hostile/billion-laughs.xml");

    // then: the DTD and the event using &lol9; are skipped; the next event is read
    assertThat(result.records()).extracting(LogRecord::text).containsExactly(M1010);
    assertThat(result.skipped()).hasSize(2);
    assertThat(result.skipped().get(1).reason()).contains("lol9");
  }

  @Test
  void should_report_one_skip_and_no_record_when_the_file_is_binary() throws IOException {
    // when
    Result result = read("binary.bin");

    // then
    assertThat(result.format()).isNull();
    assertThat(result.records()).isEmpty();
    assertThat(result.skipped()).singleElement()
        .satisfies(s -> assertThat(s.reason()).contains("binary"));
  }

  @Test
  void should_give_no_record_and_no_skip_when_the_file_is_empty() throws IOException {
    // when
    Result result = read("empty.log");
    Result forced;
    try (LogReader reader = LogReader.open(DIR.resolve("empty.log"), Format.EVENT_XML)) {
      forced = drain(reader);
    }

    // then
    assertThat(result.format()).isNull();
    assertThat(result.records()).isEmpty();
    assertThat(result.skipped()).isEmpty();
    assertThat(forced.records()).isEmpty();
    assertThat(forced.skipped()).isEmpty();
  }

  @ParameterizedTest(name = "{0} as {1}")
  @CsvSource({"error-page.html, EVENT_XML, not Windows event XML",
      "stdout-cp1252.log, EVENT_XML, not Windows event XML",
      "wevtutil-v2.xml, EVENT_TEXT, not an Event Viewer text copy",
      "error-page.html, EVENT_TEXT, not an Event Viewer text copy"})
  void should_report_one_skip_when_a_forced_format_does_not_fit(String fixture, Format format,
      String reason) throws IOException {
    // when
    Result result;
    try (LogReader reader = LogReader.open(DIR.resolve(fixture), format)) {
      result = drain(reader);
    }

    // then
    assertThat(result.records()).isEmpty();
    assertThat(result.skipped()).singleElement()
        .satisfies(s -> assertThat(s.reason()).contains(reason));
  }

  @Test
  void should_cut_and_report_a_record_longer_than_the_limit() {
    // given: one event whose message is 300,000 characters, and a limit of 65,536
    String big = "x".repeat(300_000);
    String xml = "<Events><Event><System><Provider Name='P'/><EventID>1018</EventID></System>"
        + "<EventData><Data>" + big + "</Data></EventData></Event>"
        + "<Event><System><EventID>1010</EventID></System><EventData><Data>" + M1010
        + "</Data></EventData></Event></Events>";

    // when
    Result result = drain(LogReader.of("big.xml",
        new ByteArrayInputStream(xml.getBytes(StandardCharsets.UTF_8)), Format.AUTO, null,
        ReadLimits.of(65_536)));

    // then: the first is returned cut, its rest reported; the next one is whole
    assertThat(result.records()).hasSize(2);
    assertThat(result.records().get(0).eventId()).isEqualTo(1018);
    assertThat(result.records().get(0).text()).hasSizeLessThan(65_536).matches("x+");
    assertThat(result.records().get(1).text()).isEqualTo(M1010);
    assertThat(result.skipped()).singleElement().satisfies(s -> {
      assertThat(s.line()).isEqualTo(1);
      assertThat(s.byteOffset()).isEqualTo(8 + 65_536);
      assertThat(s.reason()).contains("65536");
    });
  }

  @Test
  void should_cut_plain_text_and_event_text_at_the_default_limit() {
    // given: 5 MiB of text
    String big = "y".repeat(5 * 1024 * 1024);
    String block = "Log Name:      Application\r\nSource:        S\r\nDate:          d\r\n"
        + "Event ID:      1000\r\nTask Category: None\r\nLevel:         Error\r\n"
        + "Keywords:      Classic\r\nUser:          N/A\r\nComputer:      C\r\nDescription:\r\n"
        + big + "\r\n";

    // when
    Result plain = drain(LogReader.of("big.log", new ByteArrayInputStream(
        big.getBytes(StandardCharsets.UTF_8)), Format.PLAIN_TEXT, Channel.STDOUT_LOG,
        ReadLimits.defaults()));
    Result text = drain(LogReader.of("big.txt", new ByteArrayInputStream(
        block.getBytes(StandardCharsets.UTF_8)), Format.AUTO));

    // then
    assertThat(plain.records()).singleElement().satisfies(r ->
        assertThat(r.text()).hasSize(ReadLimits.DEFAULT_MAX_RECORD_CHARS));
    assertThat(plain.skipped()).singleElement().satisfies(s ->
        assertThat(s.byteOffset()).isEqualTo(ReadLimits.DEFAULT_MAX_RECORD_CHARS));
    assertThat(text.records()).singleElement().satisfies(r ->
        assertThat(r.text().length()).isLessThanOrEqualTo(ReadLimits.DEFAULT_MAX_RECORD_CHARS));
    assertThat(text.skipped()).hasSize(1);
  }

  @Test
  void should_return_the_first_record_before_reading_the_rest_when_the_file_is_large() {
    // given: 100,000 events (about 40 MB), produced lazily
    GeneratedInput in = eventXml(100_000);

    // when
    LogReader reader = LogReader.of("huge.xml", in, Format.AUTO);
    LogRecord first = reader.iterator().next();
    long readForFirst = in.bytes;
    long count = 1;
    while (reader.iterator().hasNext()) {
      reader.iterator().next();
      count++;
    }

    // then: streaming, record by record
    assertThat(first.eventId()).isEqualTo(1010);
    assertThat(readForFirst).isLessThan(256 * 1024);
    assertThat(in.bytes).isGreaterThan(30_000_000L);
    assertThat(count).isEqualTo(100_000);
    assertThat(reader.skipped()).isEmpty();
  }

  @Test
  void should_throw_from_open_only_when_the_path_cannot_be_read() {
    assertThatThrownBy(() -> LogReader.open(DIR.resolve("no-such-file.xml")))
        .isInstanceOf(NoSuchFileException.class);
    assertThatThrownBy(() -> LogReader.open(DIR.resolve("empty.log"), Format.PLAIN_TEXT))
        .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("channel");
  }

  @Test
  void should_report_a_read_error_as_a_skip_when_the_stream_fails() {
    // given: a stream that fails after the first event
    byte[] head = ("<Event><System><EventID>1010</EventID></System><EventData><Data>" + M1010
        + "</Data></EventData></Event>\n<Event>").getBytes(StandardCharsets.UTF_8);
    InputStream failing = new InputStream() {
      private int i;

      @Override
      public int read() throws IOException {
        if (i < head.length) {
          return head[i++] & 0xFF;
        }
        throw new IOException("disk gone");
      }
    };

    // when
    Result result = drain(LogReader.of("failing.xml", failing, Format.EVENT_XML));

    // then
    assertThat(result.records()).isEmpty();
    assertThat(result.skipped()).singleElement()
        .satisfies(s -> assertThat(s.reason()).contains("disk gone"));
  }

  /** An event log of {@code events} events, generated as it is read. */
  static GeneratedInput eventXml(int events) {
    return new GeneratedInput("<Events>\r\n", events,
        i -> "  <Event><System><Provider Name=\"" + V2 + "\"/><EventID>1010</EventID><Level>2"
            + "</Level><TimeCreated SystemTime=\"2024-02-10T08:12:44Z\"/></System><EventData>"
            + "<Data>Failed to start application '/LM/W3SVC/" + i
            + "/ROOT', ErrorCode '0x8000ffff'.</Data><Data>Process Id: 6012.</Data><Data>"
            + "File Version: 16.0.23009.0.</Data></EventData></Event>\r\n", "</Events>\r\n");
  }
}
