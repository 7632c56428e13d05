package io.github.ancmdiag.input;

import static io.github.ancmdiag.input.LogReaderTest.drain;
import static io.github.ancmdiag.input.StdoutLogReaderTest.assertEveryLineInOneRecord;
import static io.github.ancmdiag.input.StdoutLogReaderTest.lines;
import static org.assertj.core.api.Assertions.assertThat;

import io.github.ancmdiag.input.LogReaderTest.Result;
import io.github.ancmdiag.model.Channel;
import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.SequenceInputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import io.github.ancmdiag.internal.read.FormatDetector;
import io.github.ancmdiag.internal.read.ancm.DebugLogReader;

/**
 * {@link DebugLogReader} on two ANCM V2 debug logs under {@code src/test/resources/input/debug/}:
 * the 2.2-5.0 format {@code [module] text} (an ASP.NET Core 3.1 in-process app whose Main exits,
 * CRLF as the module writes it) and the newer {@code [time, PID: n] [module] text} (a .NET 8 app
 * on a server without the ASP.NET Core runtime, LF as copied off the server). Each test states
 * the exact records and checks that every non-blank line is in exactly one record.
 */
class DebugLogReaderTest {
  static final Path DIR = LogReaderTest.DIR.resolve("debug");
  static final String OLDER = "aspnetcore-debug-3.1.log";
  static final String NEWER = "aspnetcore-debug-8.0.log";

  static Result read(String fixture) throws IOException {
    try (LogReader reader = LogReader.open(DIR.resolve(fixture))) {
      return drain(reader);
    }
  }

  static Result read(String text, ReadLimits limits) {
    return drain(LogReader.of("aspnetcore-debug.log", new ByteArrayInputStream(text.getBytes(
        StandardCharsets.UTF_8)), Format.DEBUG_LOG, null, limits));
  }

  @Test
  void should_read_one_record_per_entry_joining_event_log_mirrors_when_lines_have_no_time()
      throws IOException {
    // when
    Result result = read(OLDER);

    // then
    assertThat(result.format()).isEqualTo(Format.DEBUG_LOG);
    assertThat(result.records()).extracting(LogRecord::line).containsExactly(1L, 2L, 3L, 4L, 5L,
        6L, 7L, 8L, 9L, 10L, 11L, 12L, 14L, 15L, 18L, 19L, 20L);
    assertThat(result.records()).allSatisfy(r -> {
      assertThat(r.channel()).isEqualTo(Channel.DEBUG_LOG);
      assertThat(r.source()).isEqualTo(OLDER);
      assertThat(r.time()).isEmpty(); // this format carries no time
      assertThat(r.level()).isEmpty(); // neither format carries a level
    });
    assertThat(result.records().get(8).text()).isEqualTo("[aspnetcorev2.dll] Loading request "
        + "handler:  'C:\\Program Files\\dotnet\\shared\\Microsoft.AspNetCore.App\\3.1.32\\"
        + "aspnetcorev2_inprocess.dll'");
    assertThat(result.records().get(11).text()).isEqualTo("[aspnetcorev2_inprocess.dll] Event "
        + "Log: 'Application '/LM/W3SVC/3/ROOT' with physical root 'C:\\inetpub\\wwwroot\\"
        + "Contoso.Orders\\' has exited from Program.Main with exit code = '-532462766'. Please "
        + "check the stderr logs for more information.' \r\nEnd Event Log Message.");
    assertThat(result.records().get(13).text()).isEqualTo("[aspnetcorev2_inprocess.dll] Event "
        + "Log: 'Application '/LM/W3SVC/3/ROOT' with physical root 'C:\\inetpub\\wwwroot\\"
        + "Contoso.Orders\\' failed to load coreclr. Exception message:\r\nCLR worker thread "
        + "exited prematurely' \r\nEnd Event Log Message.");
    assertThat(result.records().get(15).text()).isEqualTo("[aspnetcorev2.dll] Failed HRESULT "
        + "returned: 0x8007023e at D:\\workspace\\_work\\1\\s\\src\\Servers\\IIS\\"
        + "AspNetCoreModuleV2\\AspNetCore\\applicationinfo.cpp:136 ");
    assertThat(result.records().get(16).text()).isEqualTo("[aspnetcorev2.dll] Event Log: "
        + "'Failed to start application '/LM/W3SVC/3/ROOT', ErrorCode '0x8007023e'.' \r\n"
        + "End Event Log Message.");
    assertEveryLineInOneRecord(result, DIR.resolve(OLDER));
  }

  @Test
  void should_take_the_utc_time_and_keep_blank_lines_inside_an_entry_when_lines_have_a_pid()
      throws IOException {
    // when
    Result result = read(NEWER);

    // then: 8 single-line entries, the 1027 mirror with hostfxr's output (blank lines inside;
    // the blank line after it dropped), then two more entries
    assertThat(result.format()).isEqualTo(Format.DEBUG_LOG);
    assertThat(result.records()).extracting(LogRecord::line)
        .containsExactly(1L, 2L, 3L, 4L, 5L, 6L, 7L, 8L, 9L, 26L, 27L);
    assertThat(result.records()).extracting(r -> r.time().orElseThrow()).containsExactly(
        Instant.parse("2024-06-11T08:15:30.398Z"), Instant.parse("2024-06-11T08:15:30.401Z"),
        Instant.parse("2024-06-11T08:15:30.401Z"), Instant.parse("2024-06-11T08:15:30.402Z"),
        Instant.parse("2024-06-11T08:15:30.405Z"), Instant.parse("2024-06-11T08:15:30.405Z"),
        Instant.parse("2024-06-11T08:15:30.406Z"), Instant.parse("2024-06-11T08:15:30.412Z"),
        Instant.parse("2024-06-11T08:15:30.412Z"), Instant.parse("2024-06-11T08:15:30.413Z"),
        Instant.parse("2024-06-11T08:15:30.413Z"));
    assertThat(result.records()).extracting(LogRecord::level).containsOnly("");
    assertThat(result.records().get(2).text()).isEqualTo(
        "[2024-06-11T08:15:30.401Z, PID: 3316] [aspnetcorev2.dll] Known dotnet.exe location: ''");
    LogRecord mirror = result.records().get(8);
    assertThat(mirror.text()).isEqualTo(lines(DIR.resolve(NEWER), 9, 24))
        .startsWith("[2024-06-11T08:15:30.412Z, PID: 3316] [aspnetcorev2.dll] Event Log: 'Could "
            + "not find 'aspnetcorev2_inprocess.dll'. Exception message:\nYou must install or "
            + "update .NET to run this application.\n\nFramework: 'Microsoft.AspNetCore.App', "
            + "version '8.0.0' (x64)\n")
        .endsWith("&rid=win-x64&os=win10\n' \nEnd Event Log Message.");
    assertThat(result.records().get(10).text()).isEqualTo("[2024-06-11T08:15:30.413Z, PID: 3316]"
        + " [aspnetcorev2.dll] Event Log: 'Failed to start application '/LM/W3SVC/2/ROOT', "
        + "ErrorCode '0x8000ffff'.' \nEnd Event Log Message.");
    assertEveryLineInOneRecord(result, DIR.resolve(NEWER));
  }

  @ParameterizedTest(name = "{0}")
  @CsvSource({OLDER, NEWER})
  void should_detect_a_debug_log_from_its_line_prefix(String fixture) throws IOException {
    // given
    String head = Files.readString(DIR.resolve(fixture), StandardCharsets.UTF_8);

    // when
    FormatDetector.Verdict verdict = FormatDetector.detect(head);

    // then
    assertThat(verdict).isEqualTo(FormatDetector.Verdict.DEBUG_LOG);
    assertThat(DebugLogReader.looksLike(head)).isTrue();
  }

  @Test
  void should_not_take_other_bracketed_lines_for_debug_log_entries() {
    // given: a bracket prefix that is not a module, a module that is not ANCM's, a bad time
    String notDll = "[INFO] Starting\n[main] running\n";
    String otherModule = "[kernel32.dll] something\n";
    String badTime = "[2024-13-45T99:00:00.000Z, PID: 12] [aspnetcorev2.dll] Initializing\n";

    // then
    assertThat(DebugLogReader.looksLike(notDll)).isFalse();
    assertThat(DebugLogReader.looksLike(otherModule)).isFalse();
    assertThat(DebugLogReader.module("[kernel32.dll] something")).isEqualTo("kernel32.dll");
    assertThat(DebugLogReader.looksLike(badTime)).isTrue();
    assertThat(DebugLogReader.time(badTime)).isNull();
    assertThat(read(badTime, ReadLimits.defaults()).records()).singleElement()
        .satisfies(r -> assertThat(r.time()).isEmpty());
  }

  @ParameterizedTest(name = "{0}")
  @CsvSource(delimiter = '|', value = {
      "[2024-06-11T08:15:30.412Z, PID: 3316] [aspnetcorev2.dll] x | 2024-06-11T08:15:30.412Z",
      "[2024-06-11T08:15:30Z, PID: 1] [aspnetcorev2_outofprocess.dll] x | 2024-06-11T08:15:30Z",
      "[2024-06-11t08:15:30.5z, PID: 77] [ASPNETCOREV2.DLL] | 2024-06-11T08:15:30.500Z",
      "[2024-06-11T08:15:30.123456789Z, PID: 7] [aspnetcorev2.dll] x "
          + "| 2024-06-11T08:15:30.123456789Z"})
  void should_read_the_utc_time_of_the_newer_prefix(String line, String time) {
    assertThat(DebugLogReader.time(line)).isEqualTo(Instant.parse(time));
    assertThat(DebugLogReader.module(line)).isNotNull();
  }

  @ParameterizedTest(name = "{0}")
  @CsvSource(delimiter = '|', value = {
      "[2024-06-11T08:15:30.412Z, PID: 3316] text without module",
      "[2024-06-11T08:15:30.1234567890Z, PID: 1] [aspnetcorev2.dll] x",
      "[2024-06-11T08:15:30.412Z, PID: ] [aspnetcorev2.dll] x",
      "[2024-06-11T08:15:30.412Z, PID: 1][aspnetcorev2.dll] x",
      "[aspnetcorev2.dll]x", "[.dll] x", "[aspnetcorev2.dll", "aspnetcorev2.dll] x"})
  void should_start_no_entry_when_the_prefix_is_not_exactly_the_modules(String line) {
    assertThat(DebugLogReader.module(line)).isNull();
    assertThat(DebugLogReader.time(line)).isNull();
  }

  @Test
  void should_group_lines_before_the_first_entry_up_to_a_blank_line_when_the_start_was_cut() {
    // given: the log begins inside an entry's message (its start rotated away)
    String text = "CLR worker thread exited prematurely' \r\nEnd Event Log Message.\r\n\r\n"
        + "another orphan\r\n"
        + "[aspnetcorev2.dll] Failed HRESULT returned: 0x8007023e at applicationinfo.cpp:136 \r\n"
        + "\r\n\r\n";

    // when
    Result result = read(text, ReadLimits.defaults());

    // then
    assertThat(result.records()).extracting(LogRecord::text).containsExactly(
        "CLR worker thread exited prematurely' \r\nEnd Event Log Message.", "another orphan",
        "[aspnetcorev2.dll] Failed HRESULT returned: 0x8007023e at applicationinfo.cpp:136 ");
    assertThat(result.records()).extracting(LogRecord::line).containsExactly(1L, 4L, 5L);
    assertEveryLineInOneRecord(result, text);
  }

  @Test
  void should_cut_an_entry_of_100_000_continuation_lines_at_the_limit_and_read_the_next() {
    // given: one entry followed by 100,000 unprefixed lines (5.9 MB), produced as read
    String first = "[aspnetcorev2_inprocess.dll] Event Log: 'Application '/LM/W3SVC/3/ROOT' hit "
        + "unexpected managed exception, exception code = '0xe0434352'. First 30KB characters "
        + "of captured stdout and stderr logs:\r\n";
    String more = "   at Contoso.Orders.Tree.Walk(Node node) in C:\\src\\Tree.cs:line 42\r\n";
    String next = "[aspnetcorev2.dll] Failed HRESULT returned: 0x8007023e at x.cpp:1 \r\n";
    InputStream in = new SequenceInputStream(new SequenceInputStream(
        StdoutLogReaderTest.stream(first), new StdoutLogReaderTest.RepeatingStream(more,
        100_000)), StdoutLogReaderTest.stream(next));

    // when
    Result result = drain(LogReader.of("aspnetcore-debug.log", in, Format.AUTO, null,
        ReadLimits.defaults()));

    // then
    assertThat(result.format()).isEqualTo(Format.DEBUG_LOG);
    assertThat(result.records()).hasSize(2);
    assertThat(result.records().get(0).text()).hasSize(ReadLimits.DEFAULT_MAX_RECORD_CHARS)
        .startsWith(first + more);
    assertThat(result.records().get(1).line()).isEqualTo(100_002);
    assertThat(result.skipped()).singleElement().satisfies(s -> {
      assertThat(s.line()).isEqualTo(1);
      assertThat(s.byteOffset()).isEqualTo(ReadLimits.DEFAULT_MAX_RECORD_CHARS);
    });
  }

  @Test
  void should_cut_a_5_mb_line_and_report_binary_junk_without_losing_the_entries_around_them() {
    // given: 200 entries (past the 8 KB that decide whether a whole input is binary), a 5 MB
    // entry, a line of NULs and control bytes, a last entry
    String entry = "[aspnetcorev2.dll] Known dotnet.exe location: ''\r\n";
    String big = "[aspnetcorev2.dll] " + "y".repeat(5 * 1024 * 1024) + "\r\n";
    String junk = "\u0000\u0001\u0002\u0003\u0000\u0000garbage\u0000\r\n";
    String last = "[aspnetcorev2.dll] Loading hostfxr from location C:\\Program Files\\dotnet\\"
        + "host\\fxr\\6.0.25\\hostfxr.dll\r\n";
    String text = entry.repeat(200) + big + junk + last;

    // when
    Result result = read(text, ReadLimits.defaults());

    // then
    assertThat(result.records()).hasSize(202);
    assertThat(result.records().get(200).text()).hasSize(ReadLimits.DEFAULT_MAX_RECORD_CHARS)
        .startsWith("[aspnetcorev2.dll] yyy");
    assertThat(result.records().get(201).text()).isEqualTo(last.strip());
    assertThat(result.records().get(201).line()).isEqualTo(203);
    assertThat(result.skipped()).hasSize(2);
    assertThat(result.skipped().get(0).line()).isEqualTo(201);
    assertThat(result.skipped().get(0).byteOffset())
        .isEqualTo(200L * entry.length() + ReadLimits.DEFAULT_MAX_RECORD_CHARS);
    assertThat(result.skipped().get(1).line()).isEqualTo(202);
    assertThat(result.skipped().get(1).byteOffset())
        .isEqualTo(200L * entry.length() + big.length());
    assertThat(result.skipped().get(1).reason()).startsWith("1 line(s) of binary data");
  }
}
