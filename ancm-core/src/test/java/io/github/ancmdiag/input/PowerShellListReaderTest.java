package io.github.ancmdiag.input;

import static io.github.ancmdiag.input.EventCsvReaderTest.M1000;
import static io.github.ancmdiag.input.EventCsvReaderTest.M1005;
import static io.github.ancmdiag.input.EventCsvReaderTest.M1007;
import static io.github.ancmdiag.input.EventCsvReaderTest.M1011;
import static io.github.ancmdiag.input.EventCsvReaderTest.M1026;
import static io.github.ancmdiag.input.EventCsvReaderTest.M16384;
import static io.github.ancmdiag.input.EventCsvReaderTest.V2;
import static io.github.ancmdiag.input.LogReaderTest.assertAccounted;
import static io.github.ancmdiag.input.LogReaderTest.drain;
import static io.github.ancmdiag.input.LogReaderTest.read;
import static org.assertj.core.api.Assertions.assertThat;

import io.github.ancmdiag.input.LogReaderTest.Result;
import io.github.ancmdiag.model.Channel;
import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import org.junit.jupiter.api.Test;

/**
 * {@link Format#POWERSHELL_LIST} on {@code Format-List} text under {@code
 * src/test/resources/input/powershell/}. The fixtures were laid out as PowerShell's ListWriter
 * does (labels padded to the longest, {@code " : "}, values wrapped after a space at the width,
 * a value's own lines indented to the value column): {@code format-list-ps51.txt} by {@code
 * Out-File -Width 120} in Windows PowerShell 5.1 (UTF-16 LE, CRLF, the space before each wrap
 * kept); {@code format-list-star-lf.txt} is {@code fl *} copied from a 100-column console into
 * an LF file, which dropped those spaces, with the prompt line before it; {@code
 * get-eventlog-list.txt} is {@code Get-EventLog | Format-List} (CRLF). A value's own line breaks
 * come back as the file's line ends.
 */
class PowerShellListReaderTest {

  @Test
  void should_read_each_block_and_unwrap_messages_when_out_file_kept_the_spaces()
      throws IOException {
    // when
    Result result = read("powershell/format-list-ps51.txt");

    // then
    assertThat(result.format()).isEqualTo(Format.POWERSHELL_LIST);
    assertAccounted(result, 6);
    assertThat(result.skipped()).isEmpty();
    assertThat(result.records()).allSatisfy(r -> {
      assertThat(r.channel()).isEqualTo(Channel.EVENT_LOG);
      assertThat(r.time()).isEmpty(); // local time
      assertThat(r.level()).isEmpty(); // the default view shows no level
    });
    assertThat(result.records()).extracting(LogRecord::eventId)
        .containsExactly(1011, 1026, 1007, 1005, 16384, 1000);
    assertThat(result.records()).extracting(LogRecord::provider).containsExactly(V2,
        ".NET Runtime", V2, V2, "Microsoft-Windows-Security-SPP", "Application Error");
    assertThat(result.records()).extracting(LogRecord::text)
        .containsExactly(M1011, M1026, M1007, M1005, M16384, M1000);
    assertThat(result.records()).extracting(LogRecord::line)
        .containsExactly(3L, 9L, 21L, 28L, 33L, 39L);
  }

  @Test
  void should_put_back_the_spaces_a_console_copy_dropped_and_keep_real_line_breaks()
      throws IOException {
    // when
    Result result = read("powershell/format-list-star-lf.txt");

    // then: the prompt line is reported; LF line ends come back in the messages
    assertThat(result.format()).isEqualTo(Format.POWERSHELL_LIST);
    assertAccounted(result, 5);
    assertThat(result.records()).extracting(LogRecord::eventId)
        .containsExactly(1011, 1026, 1007, 1005);
    assertThat(result.records()).extracting(LogRecord::level)
        .containsExactly("Error", "Error", "Error", "Warning");
    assertThat(result.records()).extracting(LogRecord::provider)
        .containsExactly(V2, ".NET Runtime", V2, V2);
    // one break of the 1026 message's own is lost: "Exception" would not have fitted after
    // "...unhandled exception." in the 76 columns either, so without the trailing space a copy
    // cannot tell it from a wrap
    assertThat(result.records()).extracting(LogRecord::text).containsExactly(M1011,
        M1026.replace("\r\n", "\n").replace("exception.\nException", "exception. Exception"),
        M1007.replace("\r\n", "\n"), M1005);
    assertThat(result.skipped()).singleElement().satisfies(s -> {
      assertThat(s.line()).isEqualTo(1);
      assertThat(s.byteOffset()).isEqualTo(0);
      assertThat(s.reason()).contains("not part of a Format-List block");
    });
  }

  @Test
  void should_read_get_eventlog_blocks_and_unwrap_a_missing_description() throws IOException {
    // when
    Result result = read("powershell/get-eventlog-list.txt");

    // then
    assertThat(result.format()).isEqualTo(Format.POWERSHELL_LIST);
    assertAccounted(result, 2);
    assertThat(result.records()).extracting(LogRecord::eventId).containsExactly(1011, 1007);
    assertThat(result.records()).extracting(LogRecord::level).containsExactly("Error", "Error");
    assertThat(result.records()).extracting(LogRecord::provider).containsExactly(V2, V2);
    assertThat(result.records()).extracting(LogRecord::text).containsExactly(M1011, M1007);
  }

  @Test
  void should_ignore_the_colours_powershell_7_gives_labels_on_a_console() {
    // given: labels in bright green, as $PSStyle.Formatting.FormatAccent writes them
    String text = "\u001b[32;1mId           : \u001b[0m1005\r\n"
        + "\u001b[32;1mProviderName : \u001b[0m" + V2 + "\r\n"
        + "\u001b[32;1mMessage      : \u001b[0m" + M1005 + "\r\n";

    // when
    Result result = drain(LogReader.of("colour.txt", new ByteArrayInputStream(
        text.getBytes(StandardCharsets.UTF_8)), Format.POWERSHELL_LIST));

    // then
    assertThat(result.skipped()).isEmpty();
    assertThat(result.records()).singleElement().satisfies(r -> {
      assertThat(r.eventId()).isEqualTo(1005);
      assertThat(r.provider()).isEqualTo(V2);
      assertThat(r.text()).isEqualTo(M1005);
    });
  }

  @Test
  void should_rejoin_a_word_longer_than_the_line_without_a_space() {
    // given: a 150-character token cut at a width of 60 twice in the same block set
    String token = "A".repeat(150);
    String text = "Id      : 1000\n"
        + "Source  : App\n"
        + "Message : " + token.substring(0, 60) + "\n"
        + "          " + token.substring(60, 120) + "\n"
        + "          " + token.substring(120) + "\n";

    // when
    Result result = drain(LogReader.of("long.txt", new ByteArrayInputStream(
        text.getBytes(StandardCharsets.UTF_8)), Format.POWERSHELL_LIST));

    // then
    assertThat(result.records()).singleElement()
        .satisfies(r -> assertThat(r.text()).isEqualTo(token));
  }

  @Test
  void should_report_a_block_that_is_no_event() {
    // given: a Get-Process block, then an event
    String text = "\r\nName    : w3wp\r\nHandles : 1204\r\n\r\n"
        + "Id           : 1005\r\nProviderName : " + V2 + "\r\nMessage      : " + M1005 + "\r\n";

    // when
    Result result = drain(LogReader.of("mixed.txt", new ByteArrayInputStream(
        text.getBytes(StandardCharsets.UTF_8)), Format.POWERSHELL_LIST));

    // then
    assertAccounted(result, 2);
    assertThat(result.records()).extracting(LogRecord::text).containsExactly(M1005);
    assertThat(result.skipped()).singleElement().satisfies(s -> {
      assertThat(s.line()).isEqualTo(2);
      assertThat(s.byteOffset()).isEqualTo(2);
      assertThat(s.reason()).contains("no Id and no Message");
    });
  }

  @Test
  void should_cut_a_message_longer_than_the_limit() {
    // given: a message of 5,000 wrapped lines of 100 characters, limit 65,536
    StringBuilder text = new StringBuilder("Id      : 1000\nSource  : App\nMessage : ");
    for (int i = 0; i < 5000; i++) {
      text.append(i == 0 ? "" : "          ").append("w".repeat(99)).append(" \n");
    }
    text.append("\nId      : 1005\nSource  : App\nMessage : ").append(M1005).append('\n');

    // when
    Result result = drain(LogReader.of("big.txt", new ByteArrayInputStream(
        text.toString().getBytes(StandardCharsets.UTF_8)), Format.POWERSHELL_LIST, null,
        ReadLimits.of(65_536)));

    // then
    assertThat(result.records()).hasSize(2);
    assertThat(result.records().get(0).text().length()).isLessThanOrEqualTo(65_536);
    assertThat(result.records().get(1).text()).isEqualTo(M1005);
    assertThat(result.skipped()).singleElement().satisfies(s -> assertThat(s.line()).isEqualTo(1));
  }

  @Test
  void should_bound_a_value_of_a_million_empty_lines_by_the_limit() {
    // given: a message whose value goes on for 1,000,000 empty lines, then one more word
    StringBuilder text = new StringBuilder("Id      : 1000\nSource  : App\nMessage : start\n");
    text.append("          \n".repeat(1_000_000)).append("          end\n");

    // when
    Result result = drain(LogReader.of("blank.txt", new ByteArrayInputStream(
        text.toString().getBytes(StandardCharsets.UTF_8)), Format.POWERSHELL_LIST, null,
        ReadLimits.of(65_536)));

    // then: the empty lines count against the limit; the rest is reported
    assertThat(result.records()).singleElement().satisfies(r -> {
      assertThat(r.text()).isEqualTo("start");
      assertThat(r.eventId()).isEqualTo(1000);
    });
    assertThat(result.skipped()).singleElement().satisfies(s -> {
      assertThat(s.line()).isEqualTo(1);
      assertThat(s.reason()).contains("65536");
    });
  }

  @Test
  void should_report_one_skip_when_a_file_is_forced_as_format_list_but_is_none()
      throws IOException {
    // when
    Result result;
    try (LogReader reader = LogReader.open(LogReaderTest.DIR.resolve("error-page.html"),
        Format.POWERSHELL_LIST)) {
      result = drain(reader);
    }

    // then
    assertThat(result.records()).isEmpty();
    assertThat(result.skipped()).hasSize(2).last()
        .satisfies(s -> assertThat(s.reason()).contains("not PowerShell Format-List output"));
  }
}
