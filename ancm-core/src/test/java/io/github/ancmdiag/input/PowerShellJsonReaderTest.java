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
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.time.Instant;
import java.util.Optional;
import org.junit.jupiter.api.Test;
import io.github.ancmdiag.internal.read.events.PowerShellJsonReader;

/**
 * {@link Format#POWERSHELL_JSON} on {@code ConvertTo-Json} output under {@code
 * src/test/resources/input/powershell/}: Windows PowerShell 5.1 ({@code -Depth 3}, written by
 * {@code Out-File} in UTF-16 LE with a byte order mark, {@code "\/Date(ms)\/"} times, quotes
 * as the escape backslash-u-0027, its own indentation) and PowerShell 7 (default depth, so
 * insertion strings show as type names; UTF-8 without a mark; ISO times with an offset). The
 * events happened at 15:05:45.123 local time, UTC+1, on 2023-01-19.
 */
class PowerShellJsonReaderTest {
  static final Instant T1011 = Instant.parse("2023-01-19T14:05:45.123Z");

  @Test
  void should_read_every_event_of_windows_powershell_51_json() throws IOException {
    // when
    Result result = read("powershell/get-winevent-ps51.json");

    // then
    assertThat(result.format()).isEqualTo(Format.POWERSHELL_JSON);
    assertAccounted(result, 5);
    assertThat(result.skipped()).isEmpty();
    assertThat(result.records()).allSatisfy(r -> assertThat(r.channel())
        .isEqualTo(Channel.EVENT_LOG));
    assertThat(result.records()).extracting(LogRecord::eventId)
        .containsExactly(1011, 1026, 1007, 1005, 16384);
    assertThat(result.records()).extracting(LogRecord::provider).containsExactly(V2,
        ".NET Runtime", V2, V2, "Microsoft-Windows-Security-SPP");
    assertThat(result.records()).extracting(LogRecord::level)
        .containsExactly("Error", "Error", "Error", "Warning", "Information");
    // the 1005 event has a null Message: its first insertion string is the text
    assertThat(result.records()).extracting(LogRecord::text)
        .containsExactly(M1011, M1026, M1007, M1005, M16384);
    assertThat(result.records()).extracting(r -> r.time().orElseThrow()).containsExactly(T1011,
        Instant.parse("2023-01-19T14:05:44.870Z"), Instant.parse("2023-01-19T14:05:44.402Z"),
        Instant.parse("2023-01-19T14:05:41.018Z"), Instant.parse("2023-01-19T14:04:12.655Z"));
    assertThat(result.records()).extracting(LogRecord::line)
        .containsExactly(2L, 47L, 86L, 131L, 176L);
  }

  @Test
  void should_read_powershell_7_json_with_iso_times_and_type_names_for_insertions()
      throws IOException {
    // when
    Result result = read("powershell/get-winevent-ps7.json");

    // then
    assertThat(result.format()).isEqualTo(Format.POWERSHELL_JSON);
    assertAccounted(result, 6);
    assertThat(result.records()).extracting(LogRecord::eventId)
        .containsExactly(1011, 1026, 1007, 1005, 16384, 1000);
    assertThat(result.records()).extracting(LogRecord::text)
        .containsExactly(M1011, M1026, M1007, M1005, M16384, M1000);
    assertThat(result.records().get(0).time()).contains(T1011);
    assertThat(result.records().get(5).level()).isEqualTo("Error");
    assertThat(result.records().get(5).provider()).isEqualTo("Application Error");
  }

  @Test
  void should_read_a_single_object_when_one_event_was_converted() throws IOException {
    // when
    Result result = read("powershell/get-winevent-single.json");

    // then
    assertThat(result.format()).isEqualTo(Format.POWERSHELL_JSON);
    assertAccounted(result, 1);
    LogRecord record = result.records().get(0);
    assertThat(record.eventId()).isEqualTo(1007);
    assertThat(record.provider()).isEqualTo(V2);
    assertThat(record.level()).isEqualTo("Error");
    assertThat(record.text()).isEqualTo(M1007);
    assertThat(record.time()).contains(Instant.parse("2023-01-19T14:05:44.402Z"));
    assertThat(record.line()).isEqualTo(1);
  }

  @Test
  void should_read_get_eventlog_json_and_take_the_insertion_when_the_description_is_missing()
      throws IOException {
    // when
    Result result = read("powershell/get-eventlog-ps51.json");

    // then: EventID, Source, EntryType as a number, TimeGenerated to the second
    assertThat(result.format()).isEqualTo(Format.POWERSHELL_JSON);
    assertAccounted(result, 3);
    assertThat(result.records()).extracting(LogRecord::eventId).containsExactly(1011, 1007, 1005);
    assertThat(result.records()).extracting(LogRecord::provider).containsExactly(V2, V2, V2);
    assertThat(result.records()).extracting(LogRecord::level)
        .containsExactly("Error", "Error", "Warning");
    assertThat(result.records()).extracting(LogRecord::text)
        .containsExactly(M1011, M1007, M1005);
    assertThat(result.records().get(0).time())
        .contains(Instant.parse("2023-01-19T14:05:45Z"));
  }

  @Test
  void should_return_the_complete_events_and_report_the_tail_when_the_file_is_truncated()
      throws IOException {
    // when
    Result result = read("powershell/get-winevent-truncated.json");

    // then
    assertAccounted(result, 3);
    assertThat(result.records()).extracting(LogRecord::text).containsExactly(M1011, M1026);
    String text = new String(Files.readAllBytes(
        LogReaderTest.DIR.resolve("powershell/get-winevent-truncated.json")),
        StandardCharsets.UTF_8);
    assertThat(result.skipped()).singleElement().satisfies(s -> {
      assertThat(s.line()).isEqualTo(70);
      assertThat(s.byteOffset()).isEqualTo(text.lastIndexOf("  {") + 2); // ASCII text
      assertThat(s.reason()).contains("truncated");
    });
  }

  @Test
  void should_skip_a_malformed_element_and_a_stray_value_and_read_on() throws IOException {
    // when: the second object lost a comma; the third element is a string
    Result result = read("powershell/get-winevent-malformed.json");

    // then
    assertAccounted(result, 4);
    assertThat(result.records()).extracting(LogRecord::eventId).containsExactly(1011, 1007);
    assertThat(result.skipped()).hasSize(2);
    assertThat(result.skipped().get(0).line()).isEqualTo(37);
    assertThat(result.skipped().get(0).reason()).contains("not valid JSON", "line 41")
        .contains("read past to its end");
    assertThat(result.skipped().get(1).line()).isEqualTo(72);
    assertThat(result.skipped().get(1).reason()).contains("not an object");
  }

  @Test
  void should_report_an_element_nested_a_million_deep_and_read_the_next_one() {
    // given: junk nested 1,000,000 levels inside an event, closed again, then a good event
    int deep = 1_000_000;
    String json = "[{\"Id\": 1000, \"Junk\": " + "[".repeat(deep) + "]".repeat(deep)
        + "}, {\"Id\": 1005, \"ProviderName\": \"" + V2 + "\", \"Message\": \"" + M1005
        + "\"}]";

    // when
    Result result = drain(LogReader.of("deep.json", stream(json), Format.POWERSHELL_JSON));

    // then
    assertThat(result.records()).extracting(LogRecord::text).containsExactly(M1005);
    assertThat(result.skipped()).singleElement().satisfies(s -> {
      assertThat(s.line()).isEqualTo(1);
      assertThat(s.byteOffset()).isEqualTo(1);
      assertThat(s.reason()).contains("deeper than " + PowerShellJsonReader.MAX_DEPTH);
    });
  }

  @Test
  void should_report_unclosed_nesting_a_million_deep_as_the_rest_of_the_input() {
    // given: an array a million deep that never closes, detected by content
    String json = "[{\"Id\": 1011, \"ProviderName\": \"" + V2 + "\", \"Message\": \""
        + M1011.replace("\\", "\\\\") + "\"},\n" + "[".repeat(1_000_000);

    // when
    Result result = drain(LogReader.of("deep.json", stream(json), Format.AUTO));

    // then
    assertThat(result.format()).isEqualTo(Format.POWERSHELL_JSON);
    assertThat(result.records()).extracting(LogRecord::text).containsExactly(M1011);
    assertThat(result.skipped()).singleElement().satisfies(s -> {
      assertThat(s.line()).isEqualTo(2);
      assertThat(s.reason()).contains("not an object", "to the end of the input");
    });
  }

  @Test
  void should_cut_a_5_mb_message_at_the_limit_and_read_past_a_5_mb_unused_string() {
    // given: detected by the Message written first, as the other keys lie beyond the sniff
    String big = "m".repeat(5 * 1024 * 1024);
    String json = "[{\"Message\": \"" + big + "\", \"Id\": 1018, \"ProviderName\": \"" + V2
        + "\"},\n {\"Message\": \"" + M1005 + "\", \"Id\": 1005, \"Junk\": \"" + big
        + "\", \"ProviderName\": \"" + V2 + "\"}]";

    // when
    Result result = drain(LogReader.of("big.json", stream(json), Format.AUTO));

    // then
    assertThat(result.format()).isEqualTo(Format.POWERSHELL_JSON);
    assertThat(result.records()).hasSize(2);
    assertThat(result.records().get(0).text()).hasSize(ReadLimits.DEFAULT_MAX_RECORD_CHARS);
    assertThat(result.records().get(0).eventId()).isEqualTo(1018);
    assertThat(result.records().get(1).text()).isEqualTo(M1005);
    assertThat(result.skipped()).singleElement().satisfies(s -> {
      assertThat(s.line()).isEqualTo(1);
      assertThat(s.byteOffset()).isEqualTo(14 + ReadLimits.DEFAULT_MAX_RECORD_CHARS);
    });
  }

  @Test
  void should_decode_every_json_escape_in_a_message() {
    // given: \" \\ \/ \b \f \n \r \t and \\u escapes, a surrogate pair among them
    String json = "{\"Id\": 1007, \"Source\": \"S\", \"Message\": "
        + "\"a\\\"b\\\\c\\/d\\be\\ff\\ng\\rh\\ti\\u0027j\\u00e9k\\ud83d\\ude00\"}";

    // when
    Result result = drain(LogReader.of("esc.json", stream(json), Format.AUTO));

    // then
    assertThat(result.records()).singleElement().satisfies(r -> assertThat(r.text())
        .isEqualTo("a\"b\\c/d\be\ff\ng\rh\ti'jék\uD83D\uDE00"));
  }

  @Test
  void should_read_a_time_wrapped_with_its_display_properties_and_objects_one_after_another() {
    // given: Windows PowerShell 5.1 wraps a DateTime that carries note properties as an object;
    // objects converted one by one (ForEach-Object { $_ | ConvertTo-Json }) follow each other
    String json = "{\r\n    \"Id\":  1005,\r\n    \"ProviderName\":  \"" + V2 + "\",\r\n"
        + "    \"TimeCreated\":  {\r\n        \"value\":  \"\\/Date(1674137145123)\\/\",\r\n"
        + "        \"DisplayHint\":  2,\r\n        \"DateTime\":  \"Thursday, January 19, 2023 "
        + "3:05:45 PM\"\r\n    },\r\n    \"Message\":  \"" + M1005 + "\"\r\n}\r\n"
        + "{\"Id\": 1007, \"ProviderName\": \"" + V2 + "\", \"Message\": \"x\"}\r\n";

    // when
    Result result = drain(LogReader.of("wrapped.json", stream(json), Format.AUTO));

    // then
    assertThat(result.format()).isEqualTo(Format.POWERSHELL_JSON);
    assertThat(result.skipped()).isEmpty();
    assertThat(result.records()).extracting(LogRecord::eventId).containsExactly(1005, 1007);
    assertThat(result.records()).extracting(LogRecord::line).containsExactly(1L, 11L);
    assertThat(result.records().get(0).time()).contains(T1011);
    assertThat(result.records().get(0).text()).isEqualTo(M1005);
  }

  @Test
  void should_read_times_in_every_form_powershell_writes() {
    assertThat(PowerShellJsonReader.parseTime("/Date(1674137145123)/")).isEqualTo(T1011);
    assertThat(PowerShellJsonReader.parseTime("/Date(1674137145123+0100)/")).isEqualTo(T1011);
    assertThat(PowerShellJsonReader.parseTime("/Date(-1000)/"))
        .isEqualTo(Instant.parse("1969-12-31T23:59:59Z"));
    assertThat(PowerShellJsonReader.parseTime("2023-01-19T15:05:45.1230000+01:00"))
        .isEqualTo(T1011);
    assertThat(Optional.ofNullable(PowerShellJsonReader.parseTime("2023-01-19T15:05:45.123")))
        .as("local time without an offset").isEmpty();
    assertThat(Optional.ofNullable(PowerShellJsonReader.parseTime("Thursday, January 19")))
        .isEmpty();
  }

  @Test
  void should_report_one_skip_when_a_file_is_forced_as_json_but_is_none() throws IOException {
    // when
    Result result;
    try (LogReader reader = LogReader.open(LogReaderTest.DIR.resolve("stdout-cp1252.log"),
        Format.POWERSHELL_JSON)) {
      result = drain(reader);
    }

    // then
    assertThat(result.records()).isEmpty();
    assertThat(result.skipped()).singleElement()
        .satisfies(s -> assertThat(s.reason()).contains("not PowerShell ConvertTo-Json output"));
  }

  private static InputStream stream(String s) {
    return new ByteArrayInputStream(s.getBytes(StandardCharsets.UTF_8));
  }
}
