package io.github.ancmdiag.input;

import static io.github.ancmdiag.input.LogReaderTest.assertAccounted;
import static io.github.ancmdiag.input.LogReaderTest.drain;
import static io.github.ancmdiag.input.LogReaderTest.read;
import static org.assertj.core.api.Assertions.assertThat;

import io.github.ancmdiag.input.LogReaderTest.Result;
import io.github.ancmdiag.model.Channel;
import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.Charset;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import org.junit.jupiter.api.Test;

/**
 * {@link Format#EVENT_CSV} on Event Viewer "Save All Events As... CSV" files under {@code
 * src/test/resources/input/csv/}: a five-name header and six-field rows, CRLF, messages quoted
 * when they hold a comma, a quote or a line break (the German file quotes every message). The
 * English file is UTF-8 with a byte order mark, the German one UTF-16 LE with one. ANCM texts
 * are the module's exact wording with invented paths.
 */
class EventCsvReaderTest {
  static final String V2 = "IIS AspNetCore Module V2";
  static final String CRLF = "\r\n";
  static final String M1011 = "Application '/LM/W3SVC/3/ROOT' with physical root "
      + "'C:\\inetpub\\contoso-api\\' has exited from Program.Main with exit code = '-532462766'. "
      + "Please check the stderr logs for more information.";
  static final String M1007 = "Application '/LM/W3SVC/3/ROOT' with physical root "
      + "'C:\\inetpub\\contoso-api\\' failed to load coreclr. Exception message:" + CRLF
      + "CLR worker thread exited prematurely";
  static final String M1005 =
      "Failed to gracefully shutdown application 'MACHINE/WEBROOT/APPHOST/CONTOSO-API'.";
  static final String M1026 = "Application: w3wp.exe" + CRLF + "CoreCLR Version: 8.0.123.58001"
      + CRLF + ".NET Version: 8.0.1" + CRLF + "Description: The process was terminated due to an "
      + "unhandled exception." + CRLF + "Exception Info: System.InvalidOperationException: "
      + "Section \"ConnectionStrings:Default\" was not found, check appsettings.Production.json."
      + CRLF + "   at Program.<Main>$(String[] args) in C:\\src\\ContosoApi\\Program.cs:line 14";
  static final String M16384 = "Successfully scheduled Software Protection service for re-start "
      + "at 2123-01-19T14:06:12Z. Reason: RulesEngine.";
  static final String M1000 = "Faulting application name: w3wp.exe, version: 10.0.20348.1, time "
      + "stamp: 0x5c8b7b1a" + CRLF + "Faulting module name: KERNELBASE.dll, version: "
      + "10.0.20348.2227, time stamp: 0x9f2d5e3c" + CRLF + "Exception code: 0xe0434352" + CRLF
      + "Fault offset: 0x000000000003f5ac" + CRLF + "Faulting process id: 0x1018" + CRLF
      + "Faulting application path: c:\\windows\\system32\\inetsrv\\w3wp.exe";
  static final String M1011_FABRIKAM = "Application '/LM/W3SVC/5/ROOT' with physical root "
      + "'D:\\sites\\fabrikam\\' has exited from Program.Main with exit code = '1'. Please check "
      + "the stderr logs for more information.";

  @Test
  void should_read_every_row_when_event_viewer_saves_all_events_as_csv() throws IOException {
    // when
    Result result = read("csv/eventviewer-en.csv");

    // then
    assertThat(result.format()).isEqualTo(Format.EVENT_CSV);
    assertAccounted(result, 7);
    assertThat(result.skipped()).isEmpty();
    assertThat(result.records()).allSatisfy(r -> {
      assertThat(r.channel()).isEqualTo(Channel.EVENT_LOG);
      assertThat(r.time()).isEmpty(); // local dates without a zone
      assertThat(r.source()).isEqualTo("eventviewer-en.csv");
    });
    assertThat(result.records()).extracting(LogRecord::eventId)
        .containsExactly(1011, 1026, 1011, 1007, 1005, 16384, 1000);
    assertThat(result.records()).extracting(LogRecord::provider).containsExactly(V2,
        ".NET Runtime", V2, V2, V2, "Microsoft-Windows-Security-SPP", "Application Error");
    assertThat(result.records()).extracting(LogRecord::level).containsExactly("Error", "Error",
        "Error", "Error", "Warning", "Information", "Error");
    assertThat(result.records()).extracting(LogRecord::text).containsExactly(M1011, M1026,
        M1011_FABRIKAM, M1007, M1005, M16384, M1000);
    // a row starts where its first field does; quoted messages span lines
    assertThat(result.records()).extracting(LogRecord::line)
        .containsExactly(2L, 3L, 10L, 22L, 24L, 25L, 26L);
  }

  @Test
  void should_read_a_localized_export_by_the_shape_of_its_header() throws IOException {
    // when
    Result result = read("csv/eventviewer-de.csv");

    // then
    assertThat(result.format()).isEqualTo(Format.EVENT_CSV);
    assertAccounted(result, 4);
    assertThat(result.records()).extracting(LogRecord::eventId)
        .containsExactly(1011, 1026, 1007, 1005);
    assertThat(result.records()).extracting(LogRecord::level)
        .containsExactly("Fehler", "Fehler", "Fehler", "Warnung");
    assertThat(result.records()).extracting(LogRecord::text)
        .containsExactly(M1011, M1026, M1007, M1005);
    assertThat(result.records().get(0).provider()).isEqualTo(V2);
  }

  @Test
  void should_read_a_windows_1252_export_when_it_has_no_byte_order_mark() throws IOException {
    // given: the German file re-encoded as windows-1252, a message with an umlaut added
    String text = new String(Files.readAllBytes(LogReaderTest.DIR.resolve(
        "csv/eventviewer-de.csv")), StandardCharsets.UTF_16).replace("Program.Main",
        "Programm.Main in Zürich");
    InputStream in = new ByteArrayInputStream(text.getBytes(Charset.forName("windows-1252")));

    // when
    Result result = drain(LogReader.of("de.csv", in, Format.AUTO));

    // then
    assertThat(result.format()).isEqualTo(Format.EVENT_CSV);
    assertAccounted(result, 4);
    assertThat(result.records().get(0).text()).contains("Programm.Main in Zürich");
  }

  @Test
  void should_return_the_complete_rows_and_report_the_tail_when_a_quote_is_left_open()
      throws IOException {
    // when
    Result result = read("csv/eventviewer-truncated.csv");

    // then
    assertAccounted(result, 4);
    assertThat(result.records()).extracting(LogRecord::text)
        .containsExactly(M1011, M1026, M1007);
    byte[] bytes = Files.readAllBytes(LogReaderTest.DIR.resolve("csv/eventviewer-truncated.csv"));
    assertThat(result.skipped()).singleElement().satisfies(s -> {
      assertThat(s.line()).isEqualTo(12);
      assertThat(s.byteOffset()).isEqualTo(
          new String(bytes, StandardCharsets.ISO_8859_1).lastIndexOf("\r\nError,") + 2);
      assertThat(s.reason()).contains("unclosed quote");
    });
  }

  @Test
  void should_skip_each_row_of_a_wrong_shape_with_its_line_and_read_the_others()
      throws IOException {
    // when: a row of 3 fields, a blank line, a row of 5, a row of 8
    Result result = read("csv/eventviewer-bad-rows.csv");

    // then: the 5-field row is an event without a message
    assertThat(result.format()).isEqualTo(Format.EVENT_CSV);
    assertAccounted(result, 5);
    assertThat(result.records()).extracting(LogRecord::eventId).containsExactly(1011, 1005, 1007);
    assertThat(result.records()).extracting(LogRecord::text).containsExactly(M1011, "", M1007);
    assertThat(result.skipped()).extracting(SkippedRecord::line).containsExactly(3L, 6L);
    assertThat(result.skipped().get(0).reason()).contains("3 field(s)");
    assertThat(result.skipped().get(1).reason()).contains("8 field(s)");
  }

  @Test
  void should_cut_a_message_longer_than_the_limit_and_read_the_next_row() {
    // given: a 5 MB quoted message, then a normal row
    String big = "z".repeat(5 * 1024 * 1024);
    String csv = "Level,Date and Time,Source,Event ID,Task Category\r\n"
        + "Error,1/19/2023 3:05:45 PM,App,1000,None,\"" + big + "\"\r\n"
        + "Warning,1/19/2023 3:05:41 PM," + V2 + ",1005,None," + M1005 + "\r\n";

    // when
    Result result = drain(LogReader.of("big.csv", new ByteArrayInputStream(
        csv.getBytes(StandardCharsets.UTF_8)), Format.AUTO));

    // then
    assertThat(result.records()).hasSize(2);
    assertThat(result.records().get(0).text()).hasSizeLessThanOrEqualTo(
        ReadLimits.DEFAULT_MAX_RECORD_CHARS).matches("z+");
    assertThat(result.records().get(1).text()).isEqualTo(M1005);
    assertThat(result.skipped()).singleElement().satisfies(s -> assertThat(s.line()).isEqualTo(2));
  }

  @Test
  void should_report_one_skip_in_constant_memory_when_a_quote_opens_a_10_mb_file() {
    // given: the first row opens a quote that never closes; 10 MB of rows follow, produced lazily
    byte[] head = ("Level,Date and Time,Source,Event ID,Task Category\r\n"
        + "Error,1/19/2023 3:05:45 PM," + V2 + ",1011,None,\"" + M1011 + "\r\n")
        .getBytes(StandardCharsets.UTF_8);
    byte[] row = ("Error,1/19/2023 3:05:44 PM," + V2 + ",1007,None,x\r\n")
        .getBytes(StandardCharsets.UTF_8);
    long total = 10L * 1024 * 1024;
    InputStream in = new InputStream() {
      private long pos;

      @Override
      public int read() {
        if (pos >= total) {
          return -1;
        }
        int b = pos < head.length ? head[(int) pos] : row[(int) ((pos - head.length) % row.length)];
        pos++;
        return b & 0xFF;
      }
    };

    // when
    Result result = drain(LogReader.of("open-quote.csv", in, Format.AUTO, null,
        ReadLimits.of(65_536)));

    // then: everything after the quote is inside it; reported once, where the row starts
    assertThat(result.records()).isEmpty();
    assertThat(result.skipped()).singleElement().satisfies(s -> {
      assertThat(s.line()).isEqualTo(2);
      assertThat(s.byteOffset()).isEqualTo(51); // after the 49-character header and CRLF
      assertThat(s.reason()).contains("unclosed quote");
    });
  }

  @Test
  void should_read_rows_under_a_header_that_names_the_sixth_column() {
    // given: a hand-made export whose header names the message column, LF line ends
    String csv = "Level,Date and Time,Source,Event ID,Task Category,Description\n"
        + "Warning,1/19/2023 3:05:41 PM," + V2 + ",1005,None,\"" + M1005 + "\"\n";

    // when
    Result result = drain(LogReader.of("six.csv", new ByteArrayInputStream(
        csv.getBytes(StandardCharsets.UTF_8)), Format.AUTO));

    // then
    assertThat(result.format()).isEqualTo(Format.EVENT_CSV);
    assertThat(result.skipped()).isEmpty();
    assertThat(result.records()).singleElement().satisfies(r -> {
      assertThat(r.text()).isEqualTo(M1005);
      assertThat(r.eventId()).isEqualTo(1005);
      assertThat(r.level()).isEqualTo("Warning");
      assertThat(r.line()).isEqualTo(2);
    });
  }

  @Test
  void should_report_one_skip_when_a_file_is_forced_as_csv_but_is_none() throws IOException {
    // when
    Result result;
    try (LogReader reader = LogReader.open(LogReaderTest.DIR.resolve("eventviewer-copy.txt"),
        Format.EVENT_CSV)) {
      result = drain(reader);
    }

    // then
    assertThat(result.records()).isEmpty();
    assertThat(result.skipped()).singleElement()
        .satisfies(s -> assertThat(s.reason()).contains("not an Event Viewer CSV export"));
  }
}
