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
import java.util.List;
import java.util.OptionalLong;
import org.junit.jupiter.api.Test;
import io.github.ancmdiag.internal.read.FormatDetector;
import io.github.ancmdiag.internal.read.iis.W3cLogReader;

/**
 * {@link W3cLogReader} through {@link LogReader}, on an IIS {@code u_ex} log (CRLF, as IIS writes
 * it, with a second directive block after a restart that changes the fields, and a line cut by
 * the crash in between) and an App Service {@code RawLogs} file (LF, as a Linux tool saved it).
 * Every data line is a record or a skip.
 */
class W3cLogReaderTest {
  static final Path DIR = LogReaderTest.DIR.resolve("w3c");

  private static Result read(String fixture) throws IOException {
    try (LogReader reader = LogReader.open(DIR.resolve(fixture))) {
      return drain(reader);
    }
  }

  private static Result read(String text, Format format) {
    return drain(LogReader.of("u_ex.log",
        new ByteArrayInputStream(text.getBytes(StandardCharsets.UTF_8)), format));
  }

  /** The line of a fixture as written, without its line break. */
  private static String line(String fixture, int number) throws IOException {
    return Files.readString(DIR.resolve(fixture)).split("\r?\n")[number - 1];
  }

  @Test
  void should_read_every_data_line_by_the_fields_of_the_directive_block_it_follows()
      throws IOException {
    // given
    String f = "u_ex240305.log";

    // when
    Result result = read(f);

    // then
    assertThat(result.format()).isEqualTo(Format.W3C_LOG);
    assertThat(result.records()).extracting(LogRecord::line).containsExactly(5L, 6L, 7L, 13L,
        14L, 15L);
    assertThat(result.records()).extracting(LogRecord::text).containsExactly(line(f, 5),
        line(f, 6), line(f, 7), line(f, 13), line(f, 14), line(f, 15));
    assertThat(result.records()).extracting(r -> r.httpStatus().orElseThrow()).containsExactly(
        HttpStatus.of(500, 30), HttpStatus.of(500, 30), HttpStatus.of(404, 0),
        HttpStatus.of(200, 0), HttpStatus.of(304, 0), HttpStatus.of(200, 0));
    assertThat(result.records()).extracting(LogRecord::win32Status).containsExactly(
        OptionalLong.of(0), OptionalLong.of(0), OptionalLong.of(2), OptionalLong.of(0),
        OptionalLong.of(0), OptionalLong.of(64));
    assertThat(result.records()).extracting(r -> r.time().orElseThrow()).containsExactly(
        Instant.parse("2024-03-05T09:14:00Z"), Instant.parse("2024-03-05T09:14:01Z"),
        Instant.parse("2024-03-05T09:14:09Z"), Instant.parse("2024-03-05T09:20:11Z"),
        Instant.parse("2024-03-05T09:20:12Z"), Instant.parse("2024-03-05T09:21:30Z"));
    assertThat(result.records()).allSatisfy(r -> {
      assertThat(r.channel()).isEqualTo(Channel.BROWSER);
      assertThat(r.provider()).isEqualTo("IIS W3C");
      assertThat(r.level()).isEmpty();
      assertThat(r.source()).isEqualTo(f);
    });
  }

  @Test
  void should_skip_a_line_cut_short_with_its_line_offset_and_field_counts() throws IOException {
    // given
    String f = "u_ex240305.log";
    byte[] bytes = Files.readAllBytes(DIR.resolve(f));
    long offset = new String(bytes, StandardCharsets.ISO_8859_1).indexOf("2024-03-05 09:15:41");

    // when
    Result result = read(f);

    // then: 7 data lines, 6 read and the one the restart cut short
    assertThat(result.skipped()).containsExactly(new SkippedRecord(f, 8, offset,
        "the line has 7 fields but the #Fields: directive on line 4 names 15; it was not read"));
    assertAccounted(result, 7);
  }

  @Test
  void should_read_app_service_raw_logs_with_their_extra_fields() throws IOException {
    // given
    String f = "rawlogs-contoso-api.log";

    // when
    Result result = read(f);

    // then
    assertThat(result.format()).isEqualTo(Format.W3C_LOG);
    assertThat(result.records()).extracting(LogRecord::text).containsExactly(line(f, 3),
        line(f, 4), line(f, 5));
    assertThat(result.records()).extracting(r -> r.httpStatus().orElseThrow())
        .containsExactly(HttpStatus.of(502, 5), HttpStatus.of(500, 30), HttpStatus.of(404, 0));
    assertThat(result.records()).extracting(LogRecord::win32Status).containsExactly(
        OptionalLong.of(0), OptionalLong.of(0), OptionalLong.of(2));
    assertThat(result.records()).extracting(r -> r.time().orElseThrow()).containsExactly(
        Instant.parse("2024-03-05T10:02:17Z"), Instant.parse("2024-03-05T10:06:40Z"),
        Instant.parse("2024-03-05T10:06:41Z"));
    assertThat(result.records()).extracting(LogRecord::channel).containsOnly(Channel.BROWSER);
    assertAccounted(result, 3);
  }

  @Test
  void should_find_fields_by_name_in_any_order_and_date_lines_by_the_date_directive() {
    // given: no date field, no substatus field; the date comes from #Date
    String log = "#Date: 2024-03-05 00:00:00\n#Fields: sc-status time cs-uri-stem\n"
        + "503 09:14:00.250 /\n- 09:14:01 /health\n";

    // when
    Result result = read(log, Format.W3C_LOG);

    // then
    assertThat(result.records()).hasSize(2);
    LogRecord first = result.records().get(0);
    assertThat(first.httpStatus()).contains(HttpStatus.of(503));
    assertThat(first.httpStatus().orElseThrow().hasSubstatus()).isFalse();
    assertThat(first.win32Status()).isEmpty();
    assertThat(first.time()).contains(Instant.parse("2024-03-05T09:14:00.250Z"));
    LogRecord second = result.records().get(1);
    assertThat(second.httpStatus()).isEmpty();
    assertThat(second.text()).isEqualTo("- 09:14:01 /health");
    assertAccounted(result, 2);
  }

  @Test
  void should_report_data_lines_before_any_fields_directive_as_one_skip() {
    // given: a log whose head was cut off; a #Fields: later in the first lines
    String log = "2024-03-05 09:14:00 GET / 500 30 0\r\n2024-03-05 09:14:01 GET / 500 30 0\r\n"
        + "#Fields: date time cs-method cs-uri-stem sc-status sc-substatus sc-win32-status\r\n"
        + "2024-03-05 09:14:02 GET / 500 30 0\r\n";

    // when
    Result result = read(log, Format.AUTO);

    // then
    assertThat(result.format()).isEqualTo(Format.W3C_LOG);
    assertThat(result.records()).singleElement().satisfies(r -> {
      assertThat(r.line()).isEqualTo(4);
      assertThat(r.httpStatus()).contains(HttpStatus.of(500, 30));
    });
    assertThat(result.skipped()).containsExactly(new SkippedRecord("u_ex.log", 1, 0,
        "2 data line(s) from here come before any #Fields: directive: their fields have no "
            + "names, so they were not read"));
  }

  @Test
  void should_give_one_skip_when_w3c_is_forced_on_other_text() {
    // when
    Result result = read("Hosting environment: Production\nNow listening on: "
        + "http://127.0.0.1:5123\n", Format.W3C_LOG);

    // then
    assertThat(result.records()).isEmpty();
    assertThat(result.skipped()).singleElement()
        .satisfies(s -> assertThat(s.reason()).startsWith("2 data line(s) from here"));
  }

  @Test
  void should_skip_a_line_longer_than_the_limit_and_read_the_next() {
    // given
    String longLine = "2024-03-05 09:14:00 /" + "a".repeat(2000) + " 500";
    String log = "#Fields: date time cs-uri-stem sc-status\n" + longLine
        + "\n2024-03-05 09:14:01 / 500\n";

    // when
    Result result = drain(LogReader.of("u_ex.log",
        new ByteArrayInputStream(log.getBytes(StandardCharsets.UTF_8)), Format.AUTO, null,
        ReadLimits.of(1024)));

    // then
    assertThat(result.records()).extracting(LogRecord::line).containsExactly(3L);
    assertThat(result.skipped()).singleElement().satisfies(s -> {
      assertThat(s.line()).isEqualTo(2);
      assertThat(s.byteOffset()).isEqualTo(41);
      assertThat(s.reason()).contains("longer than the limit of 1024 characters");
    });
  }

  @Test
  void should_read_a_negative_win32_status_as_its_unsigned_form() {
    // when
    Result result = read("#Fields: sc-status sc-substatus sc-win32-status\n500 0 -2146893054\n"
        + "500 0 2148074242\n500 0 x\n", Format.W3C_LOG);

    // then
    assertThat(result.records()).extracting(LogRecord::win32Status).containsExactly(
        OptionalLong.of(2148074242L), OptionalLong.of(2148074242L), OptionalLong.empty());
  }

  @Test
  void should_detect_w3c_by_the_iis_software_or_a_fields_directive_only() {
    // then
    assertThat(W3cLogReader.looksLike("#Software: Microsoft Internet Information Services 10.0"
        + "\r\n#Version: 1.0\r\n")).isTrue();
    assertThat(W3cLogReader.looksLike("#Version: 1.0\n#Fields: date time\n")).isTrue();
    assertThat(W3cLogReader.looksLike("# Fields of the form:\n#Software: nginx\n")).isFalse();
    assertThat(W3cLogReader.looksLike("info: Microsoft.Hosting.Lifetime[0]\n")).isFalse();
    assertThat(List.of(FormatDetector.detect("#Fields: date time sc-status\n")))
        .containsExactly(FormatDetector.Verdict.W3C_LOG);
  }
}
