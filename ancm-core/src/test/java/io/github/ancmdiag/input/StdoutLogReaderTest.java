package io.github.ancmdiag.input;

import static io.github.ancmdiag.input.LogReaderTest.drain;
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
import java.util.ArrayList;
import java.util.List;
import java.util.Random;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import io.github.ancmdiag.internal.read.FormatDetector;
import io.github.ancmdiag.internal.read.ancm.DebugLogReader;
import io.github.ancmdiag.internal.read.ancm.StdoutLogReader;

/**
 * {@link StdoutLogReader} on ANCM stdout logs under {@code src/test/resources/input/stdout/}, one
 * per shape: a 3.0+ unhandled exception (LF), a 2.1 startup exception with the logger's copy
 * (CRLF), hostfxr's framework-not-found block among other lines (CRLF), console logger entries
 * (LF), an empty file and a file of blank lines. Each test states the exact records; the
 * accounting check is that the non-blank lines of all record texts, in order, are exactly the
 * non-blank lines of the input (nothing dropped, nothing read twice), with no skip.
 */
class StdoutLogReaderTest {
  static final Path DIR = LogReaderTest.DIR.resolve("stdout");

  static Result read(String fixture) throws IOException {
    try (LogReader reader = LogReader.open(DIR.resolve(fixture))) {
      return drain(reader);
    }
  }

  static Result read(String name, String text, ReadLimits limits) {
    return drain(LogReader.of(name, new ByteArrayInputStream(text.getBytes(
        StandardCharsets.UTF_8)), Format.STDOUT_LOG, null, limits));
  }

  /** Lines {@code from..to} (1-based, inclusive) of a fixture, with their own terminators. */
  static String lines(Path file, int from, int to) throws IOException {
    String all = Files.readString(file, StandardCharsets.UTF_8);
    String[] lines = all.split("(?<=\n)", -1);
    String joined = String.join("", List.of(lines).subList(from - 1, to));
    return joined.endsWith("\r\n") ? joined.substring(0, joined.length() - 2)
        : joined.endsWith("\n") ? joined.substring(0, joined.length() - 1) : joined;
  }

  static List<String> nonBlankLines(String text) {
    List<String> out = new ArrayList<>();
    for (String line : text.split("\r?\n", -1)) {
      if (!line.isBlank()) {
        out.add(line);
      }
    }
    return out;
  }

  /** Every non-blank line of the input is in exactly one record, in order; nothing skipped. */
  static void assertEveryLineInOneRecord(Result result, String input) {
    List<String> fromRecords = new ArrayList<>();
    for (LogRecord r : result.records()) {
      fromRecords.addAll(nonBlankLines(r.text()));
    }
    assertThat(fromRecords).as("non-blank lines of the records").isEqualTo(nonBlankLines(input));
    assertThat(result.skipped()).isEmpty();
    assertThat(result.recordsRead()).isEqualTo(result.records().size());
  }

  static void assertEveryLineInOneRecord(Result result, Path file) throws IOException {
    assertEveryLineInOneRecord(result, Files.readString(file, StandardCharsets.UTF_8));
  }

  @Test
  void should_group_an_unhandled_exception_with_its_inner_exceptions_and_stack_into_one_record()
      throws IOException {
    // given: .NET 6 in-process, two DataProtection warnings then a crash in Program.Main (LF)
    String name = "stdout_20240305091407_7412.log";

    // when
    Result result = read(name);

    // then
    assertThat(result.format()).isEqualTo(Format.STDOUT_LOG);
    assertThat(result.records()).hasSize(3);
    assertThat(result.records()).extracting(LogRecord::line).containsExactly(1L, 3L, 5L);
    assertThat(result.records()).extracting(LogRecord::level)
        .containsExactly("warn", "warn", "");
    assertThat(result.records()).allSatisfy(r -> {
      assertThat(r.channel()).isEqualTo(Channel.STDOUT_LOG);
      assertThat(r.source()).isEqualTo(name);
      assertThat(r.time()).isEmpty();
    });
    assertThat(result.records().get(0).text()).isEqualTo(
        "warn: Microsoft.AspNetCore.DataProtection.Repositories.EphemeralXmlRepository[50]\n"
        + "      Using an in-memory repository. Keys will not be persisted to storage.");
    LogRecord crash = result.records().get(2);
    assertThat(crash.text()).isEqualTo(lines(DIR.resolve(name), 5, 24))
        .startsWith("Unhandled exception. System.IO.InvalidDataException: Failed to load "
            + "configuration from file 'C:\\inetpub\\wwwroot\\Contoso.Orders\\appsettings."
            + "Production.json'.\n ---> System.FormatException: Could not parse the JSON file.\n")
        .contains("\n   --- End of inner exception stack trace ---\n")
        .endsWith("\n   at Program.<Main>$(String[] args) in C:\\agent\\_work\\12\\s\\src\\"
            + "Contoso.Orders\\Program.cs:line 9")
        .doesNotContain("\r");
    assertEveryLineInOneRecord(result, DIR.resolve(name));
  }

  @Test
  void should_group_a_2_1_startup_exception_and_the_loggers_copy_with_their_messages_and_stacks()
      throws IOException {
    // given: ASP.NET Core 2.1 behind ANCM V1 (CRLF): Console.WriteLine of the exception, the
    // console logger's crit entry with the exception unindented, then the hosting status lines
    String name = "stdout_5128_20191120171241.log";

    // when
    Result result = read(name);

    // then
    assertThat(result.format()).isEqualTo(Format.STDOUT_LOG);
    assertThat(result.records()).extracting(LogRecord::line)
        .containsExactly(1L, 11L, 23L, 24L, 25L, 26L);
    assertThat(result.records()).extracting(LogRecord::level)
        .containsExactly("", "crit", "", "", "", "");
    assertThat(result.records().get(0).text()).isEqualTo(lines(DIR.resolve(name), 1, 10))
        .startsWith("Application startup exception: System.ArgumentNullException: Value cannot "
            + "be null.\r\nParameter name: uriString\r\n   at System.Uri..ctor(String uriString)"
            + "\r\n")
        .contains("\r\n--- End of stack trace from previous location where exception was thrown "
            + "---\r\n")
        .endsWith("\r\n   at Microsoft.AspNetCore.Hosting.Internal.WebHost.BuildApplication()");
    assertThat(result.records().get(1).text()).isEqualTo(lines(DIR.resolve(name), 11, 22))
        .startsWith("crit: Microsoft.AspNetCore.Hosting.Internal.WebHost[6]\r\n      Application "
            + "startup exception\r\nSystem.ArgumentNullException: Value cannot be null.\r\n"
            + "Parameter name: uriString\r\n   at ");
    assertThat(result.records().subList(2, 6)).extracting(LogRecord::text).containsExactly(
        "Hosting environment: Production",
        "Content root path: C:\\inetpub\\wwwroot\\Fabrikam.Portal",
        "Now listening on: http://127.0.0.1:21584",
        "Application started. Press Ctrl+C to shut down.");
    assertEveryLineInOneRecord(result, DIR.resolve(name));
  }

  @Test
  void should_group_hostfxrs_framework_block_across_its_blank_lines_when_mixed_with_other_lines()
      throws IOException {
    // given: a wrapper script's lines around hostfxr's 6.0 framework-not-found block (CRLF)
    String name = "stdout_20240611081530_3316.log";

    // when
    Result result = read(name);

    // then
    assertThat(result.format()).isEqualTo(Format.STDOUT_LOG);
    assertThat(result.records()).extracting(LogRecord::line).containsExactly(1L, 2L, 3L, 15L);
    assertThat(result.records()).extracting(LogRecord::level).containsOnly("");
    assertThat(result.records()).extracting(LogRecord::text).containsExactly(
        "Starting Contoso.Api (build 2024.06.11.3) on WEB02",
        "ASPNETCORE_ENVIRONMENT=Production",
        "It was not possible to find any compatible framework version\r\n"
            + "The framework 'Microsoft.AspNetCore.App', version '6.0.0' (x64) was not found.\r\n"
            + "  - The following frameworks were found:\r\n"
            + "      3.1.32 at [C:\\Program Files\\dotnet\\shared\\Microsoft.AspNetCore.App]\r\n"
            + "      5.0.17 at [C:\\Program Files\\dotnet\\shared\\Microsoft.AspNetCore.App]\r\n"
            + "\r\n"
            + "You can resolve the problem by installing the specified framework and/or SDK.\r\n"
            + "\r\n"
            + "The specified framework can be found at:\r\n"
            + "  - https://aka.ms/dotnet-core-applaunch?framework=Microsoft.AspNetCore.App&"
            + "framework_version=6.0.0&arch=x64&rid=win10-x64",
        "Contoso.Api exited with code -2147450730");
    assertEveryLineInOneRecord(result, DIR.resolve(name));
  }

  @Test
  void should_group_each_console_logger_entry_with_its_indented_lines_and_exception()
      throws IOException {
    // given: .NET 6 in-process, a healthy start, then a background service stops the host (LF)
    String name = "stdout_20240402134455_9020.log";

    // when
    Result result = read(name);

    // then
    assertThat(result.format()).isEqualTo(Format.STDOUT_LOG);
    assertThat(result.records()).extracting(LogRecord::line)
        .containsExactly(1L, 3L, 5L, 7L, 19L, 31L);
    assertThat(result.records()).extracting(LogRecord::level)
        .containsExactly("info", "info", "info", "fail", "crit", "info");
    assertThat(result.records().get(2).text()).isEqualTo("info: Microsoft.Hosting.Lifetime[0]\n"
        + "      Content root path: C:\\inetpub\\wwwroot\\Northwind.Web\\");
    assertThat(result.records().get(3).text()).isEqualTo(lines(DIR.resolve(name), 7, 18))
        .startsWith("fail: Microsoft.Extensions.Hosting.Internal.Host[9]\n      BackgroundService "
            + "failed\n      Microsoft.Data.SqlClient.SqlException (0x80131904): A network-related")
        .endsWith("\n      ClientConnectionId:7f3c2a19-5b8e-4d21-9c0e-3e6a4f1b2d87\n"
            + "      Error Number:53,State:0,Class:20");
    assertThat(result.records().get(4).text()).isEqualTo(lines(DIR.resolve(name), 19, 30))
        .contains("\n         --- End of stack trace from previous location ---\n");
    assertThat(result.records().get(5).text()).isEqualTo("info: Microsoft.Hosting.Lifetime[0]\n"
        + "      Application is shutting down...");
    assertEveryLineInOneRecord(result, DIR.resolve(name));
  }

  @ParameterizedTest(name = "{0}")
  @CsvSource({"empty.log", "blank-lines.log"})
  void should_give_no_record_and_no_skip_when_the_file_is_empty_or_blank(String fixture)
      throws IOException {
    for (Format format : new Format[] {Format.AUTO, Format.STDOUT_LOG}) {
      // when
      Result result;
      try (LogReader reader = LogReader.open(DIR.resolve(fixture), format, Channel.STDOUT_LOG)) {
        result = drain(reader);
      }

      // then
      assertThat(result.records()).as(format.name()).isEmpty();
      assertThat(result.skipped()).as(format.name()).isEmpty();
    }
  }

  @Test
  void should_group_the_7_0_and_2_x_framework_blocks_when_hostfxr_prints_them() {
    // given: 7.0+ wording (blank lines between parts) and 2.x wording (no blank lines), LF
    String seven = "You must install or update .NET to run this application.\n\n"
        + "App: C:\\inetpub\\wwwroot\\Contoso.Api\\Contoso.Api.exe\nArchitecture: x64\n"
        + "Framework: 'Microsoft.AspNetCore.App', version '8.0.0' (x64)\n"
        + ".NET location: C:\\Program Files\\dotnet\\\n\n"
        + "The following frameworks were found:\n"
        + "  6.0.25 at [C:\\Program Files\\dotnet\\shared\\Microsoft.AspNetCore.App]\n\n"
        + "Learn more:\nhttps://aka.ms/dotnet/app-launch-failed\n\n"
        + "To install missing framework, download:\nhttps://aka.ms/dotnet-core-applaunch?"
        + "framework=Microsoft.AspNetCore.App&framework_version=8.0.0&arch=x64&rid=win-x64";
    String two = "It was not possible to find any compatible framework version\n"
        + "The specified framework 'Microsoft.AspNetCore.App', version '2.1.0' was not found.\n"
        + "  - Check application dependencies and target a framework version installed at:\n"
        + "      C:\\Program Files\\dotnet\\\n"
        + "  - Installing .NET Core prerequisites might help resolve this problem:\n"
        + "      http://go.microsoft.com/fwlink/?LinkID=798306&clcid=0x409\n"
        + "  - The .NET Core framework and SDK can be installed from:\n"
        + "      https://aka.ms/dotnet-download\n"
        + "  - The following versions are installed:\n"
        + "      2.0.9 at [C:\\Program Files\\dotnet\\shared\\Microsoft.AspNetCore.App]";
    String input = seven + "\n\n\n" + two + "\nApplication exited.\n";

    // when
    Result result = read("stdout_20240611081530_3316.log", input, ReadLimits.defaults());

    // then: the blank lines keep the 7.0 block whole; the 2.x block, which is no follow-on of
    // it, starts a record of its own, and the line after it is none of its lines
    assertThat(result.records()).extracting(LogRecord::text)
        .containsExactly(seven, two, "Application exited.");
    assertThat(result.records()).extracting(LogRecord::line).containsExactly(1L, 18L, 28L);
    assertEveryLineInOneRecord(result, input);
  }

  @Test
  void should_keep_a_line_that_starts_no_group_on_its_own_and_end_a_group_at_a_blank_line() {
    // given
    String input = "Unhandled exception. System.InvalidOperationException: Unable to configure "
        + "HTTPS endpoint. No server certificate was specified.\r\n"
        + "To generate a developer certificate run 'dotnet dev-certs https'.\r\n"
        + "   at Microsoft.AspNetCore.Hosting.ListenOptionsHttpsExtensions.UseHttps("
        + "ListenOptions listenOptions)\r\n"
        + "\r\n"
        + "   at Orphan.Stack.Line()\r\n"
        + "      indented text\r\n"
        + "plain line\r\n";

    // when
    Result result = read("s.log", input, ReadLimits.defaults());

    // then: the message's second line belongs to the exception; the blank line ends it; a
    // headless stack line starts a group of its own
    assertThat(result.records()).extracting(LogRecord::line).containsExactly(1L, 5L, 7L);
    assertThat(result.records().get(0).text()).isEqualTo(input.substring(0,
        input.indexOf("\r\n\r\n")));
    assertThat(result.records().get(1).text())
        .isEqualTo("   at Orphan.Stack.Line()\r\n      indented text");
    assertThat(result.records().get(2).text()).isEqualTo("plain line");
    assertEveryLineInOneRecord(result, input);
  }

  @Test
  void should_group_console_logger_entries_and_keep_their_colors_when_colors_are_on() {
    // given: the console logger's ANSI colors around the level, as when output is not detected
    // as redirected
    String info = "\u001B[40m\u001B[32minfo\u001B[39m\u001B[22m\u001B[49m: "
        + "Microsoft.Hosting.Lifetime[0]\r\n      Application started. Press Ctrl+C to shut down.";
    String crit = "\u001B[41m\u001B[30mcrit\u001B[39m\u001B[22m\u001B[49m: "
        + "Microsoft.AspNetCore.Hosting.Diagnostics[6]\r\n      Application startup exception\r\n"
        + "      System.InvalidOperationException: No service for type 'Contoso.IClock' has been "
        + "registered.\r\n         at Contoso.Startup.Configure(IApplicationBuilder app)";
    String input = info + "\r\n" + crit + "\r\n";

    // when
    Result result = read("s.log", input, ReadLimits.defaults());

    // then
    assertThat(StdoutLogReader.looksLike(input)).isTrue();
    assertThat(result.records()).extracting(LogRecord::text).containsExactly(info, crit);
    assertThat(result.records()).extracting(LogRecord::level).containsExactly("info", "crit");
    assertThat(result.skipped()).isEmpty();
  }

  @ParameterizedTest(name = "{0}")
  @CsvSource({"stdout_20240305091407_7412.log", "stdout_5128_20191120171241.log",
      "stdout_20240611081530_3316.log", "stdout_20240402134455_9020.log"})
  void should_detect_a_stdout_log_from_its_content_without_a_channel(String fixture)
      throws IOException {
    // given
    String head = Files.readString(DIR.resolve(fixture), StandardCharsets.UTF_8);

    // when
    FormatDetector.Verdict verdict = FormatDetector.detect(head);

    // then
    assertThat(verdict).isEqualTo(FormatDetector.Verdict.STDOUT_LOG);
    assertThat(StdoutLogReader.looksLike(head)).isTrue();
    assertThat(DebugLogReader.looksLike(head)).isFalse();
  }

  @Test
  void should_not_claim_text_that_starts_otherwise_and_read_it_only_when_the_channel_is_stdout()
      throws IOException {
    // given: ordinary text, twice
    String text = "Build 2024.06.11.3\nDeploying to WEB02\nDone.\nUnhandled exception. late\n";
    byte[] page = text.getBytes(StandardCharsets.UTF_8);

    // when
    Result withStdoutChannel = drain(LogReader.of("deploy.log", new ByteArrayInputStream(
        text.getBytes(StandardCharsets.UTF_8)), Format.AUTO, Channel.STDOUT_LOG,
        ReadLimits.defaults()));
    Result withBrowserChannel = drain(LogReader.of("notes.txt", new ByteArrayInputStream(page),
        Format.AUTO, Channel.BROWSER, ReadLimits.defaults()));

    // then: not detected (the marker is past the first three lines), but read line by line
    // because the caller said it is a stdout log; other channels still get plain text
    assertThat(StdoutLogReader.looksLike(text)).isFalse();
    assertThat(withStdoutChannel.format()).isEqualTo(Format.STDOUT_LOG);
    assertThat(withStdoutChannel.records()).extracting(LogRecord::text).containsExactly(
        "Build 2024.06.11.3", "Deploying to WEB02", "Done.", "Unhandled exception. late");
    assertThat(withBrowserChannel.format()).isEqualTo(Format.PLAIN_TEXT);
    assertThat(withBrowserChannel.records()).hasSize(1);
  }

  @Test
  void should_keep_a_lone_cr_in_the_text_and_not_cut_a_line_whose_crlf_falls_past_the_limit() {
    // given: limit 1024; a line of exactly 1024 characters before its CRLF, a line with a CR
    // inside, and a 1024-character line whose 1025th character is a CR that ends no line
    String exact = "z".repeat(1024);
    String input = exact + "\r\n" + "a\rb\r\n" + exact + "\rq\r\n";

    // when
    Result result = read("s.log", input, ReadLimits.of(1024));

    // then
    assertThat(result.records()).extracting(LogRecord::text).containsExactly(exact, "a\rb",
        exact);
    assertThat(result.skipped()).singleElement().satisfies(s -> {
      assertThat(s.line()).isEqualTo(3);
      assertThat(s.byteOffset()).isEqualTo(1026 + 5 + 1024);
    });
  }

  @Test
  void should_cut_a_5_mb_line_at_the_limit_report_the_rest_and_read_the_next_line() {
    // given
    String big = "x".repeat(5 * 1024 * 1024);
    String input = big + "\r\nApplication started. Press Ctrl+C to shut down.\r\n";

    // when
    Result result = read("big.log", input, ReadLimits.defaults());

    // then
    assertThat(result.records()).hasSize(2);
    assertThat(result.records().get(0).text()).hasSize(ReadLimits.DEFAULT_MAX_RECORD_CHARS)
        .matches("x+");
    assertThat(result.records().get(1).text())
        .isEqualTo("Application started. Press Ctrl+C to shut down.");
    assertThat(result.records().get(1).line()).isEqualTo(2);
    assertThat(result.skipped()).singleElement().satisfies(s -> {
      assertThat(s.line()).isEqualTo(1);
      assertThat(s.byteOffset()).isEqualTo(ReadLimits.DEFAULT_MAX_RECORD_CHARS);
      assertThat(s.reason()).contains("longer than the limit");
    });
  }

  @Test
  void should_cut_a_stack_of_100_000_lines_at_the_limit_and_report_it_once() {
    // given: an exception with 100,000 stack lines (6.5 MB), produced as it is read
    String head = "Unhandled exception. System.InsufficientExecutionStackException: Insufficient "
        + "stack to continue executing the program safely.\n";
    String frame = "   at Contoso.Orders.Tree.Walk(Node node) in C:\\src\\Tree.cs:line 42\n";
    String tail = "Application is shutting down...\n";
    InputStream in = new SequenceInputStream(new SequenceInputStream(
        stream(head), new RepeatingStream(frame, 100_000)), stream(tail));
    ReadLimits limits = ReadLimits.of(64 * 1024);

    // when
    Result result = drain(LogReader.of("deep.log", in, Format.AUTO, null, limits));

    // then: one record cut at the limit, its rest reported once, the next line read
    assertThat(result.format()).isEqualTo(Format.STDOUT_LOG);
    assertThat(result.records()).hasSize(2);
    LogRecord deep = result.records().get(0);
    assertThat(deep.text()).hasSize(64 * 1024).startsWith(head + frame);
    assertThat(result.records().get(1).text()).isEqualTo("Application is shutting down...");
    assertThat(result.records().get(1).line()).isEqualTo(100_002);
    assertThat(result.skipped()).singleElement().satisfies(s -> {
      assertThat(s.line()).isEqualTo(1);
      assertThat(s.byteOffset()).isEqualTo(64 * 1024);
    });
  }

  @Test
  void should_report_binary_junk_in_the_middle_once_and_read_the_text_around_it() {
    // given: 150 console entries (past the 8 KB that decide whether a whole input is binary),
    // 4 KB of binary junk on 8 lines, an exception
    byte[] junk = new byte[4096];
    new Random(42).nextBytes(junk);
    for (int i = 0; i < junk.length; i++) {
      junk[i] = junk[i] == '\n' || junk[i] == '\r' ? 0 : junk[i];
      if (i % 512 == 0) {
        junk[i] = 0; // each junk line starts with a NUL
      } else if (i % 512 == 511) {
        junk[i] = '\n';
      }
    }
    String entry = "info: Microsoft.Hosting.Lifetime[0]\n      Application started.\n";
    String before = entry.repeat(150);
    String after = "Unhandled exception. System.OutOfMemoryException: Exception of type "
        + "'System.OutOfMemoryException' was thrown.\n   at Program.Main()\n";
    byte[] bytes = concat(before.getBytes(StandardCharsets.UTF_8), junk,
        after.getBytes(StandardCharsets.UTF_8));

    // when
    Result result = drain(LogReader.of("junk.log", new ByteArrayInputStream(bytes),
        Format.STDOUT_LOG, null, ReadLimits.defaults()));

    // then
    assertThat(result.records()).hasSize(151);
    assertThat(result.records().get(149).text())
        .isEqualTo("info: Microsoft.Hosting.Lifetime[0]\n      Application started.");
    assertThat(result.records().get(150).text()).isEqualTo("Unhandled exception. "
        + "System.OutOfMemoryException: Exception of type 'System.OutOfMemoryException' was "
        + "thrown.\n   at Program.Main()");
    assertThat(result.records().get(150).line()).isEqualTo(309);
    List<String> read = new ArrayList<>();
    result.records().forEach(r -> read.addAll(nonBlankLines(r.text())));
    assertThat(read).isEqualTo(nonBlankLines(before + after));
    assertThat(result.skipped()).singleElement().satisfies(s -> {
      assertThat(s.line()).isEqualTo(301);
      assertThat(s.byteOffset()).isEqualTo(before.length());
      assertThat(s.reason()).startsWith("8 line(s) of binary data");
    });
  }

  static InputStream stream(String s) {
    return new ByteArrayInputStream(s.getBytes(StandardCharsets.UTF_8));
  }

  static byte[] concat(byte[]... parts) {
    int n = 0;
    for (byte[] p : parts) {
      n += p.length;
    }
    byte[] out = new byte[n];
    int at = 0;
    for (byte[] p : parts) {
      System.arraycopy(p, 0, out, at, p.length);
      at += p.length;
    }
    return out;
  }

  /** One line repeated {@code times} times, produced as it is read (nothing held but the line). */
  static final class RepeatingStream extends InputStream {
    private final byte[] line;
    private long left;
    private int pos;

    RepeatingStream(String line, long times) {
      this.line = line.getBytes(StandardCharsets.UTF_8);
      this.left = times;
    }

    @Override
    public int read() {
      byte[] one = new byte[1];
      return read(one, 0, 1) < 0 ? -1 : one[0] & 0xFF;
    }

    @Override
    public int read(byte[] b, int off, int len) {
      if (left == 0) {
        return -1;
      }
      int n = Math.min(len, line.length - pos);
      System.arraycopy(line, pos, b, off, n);
      pos += n;
      if (pos == line.length) {
        pos = 0;
        left--;
      }
      return n;
    }
  }
}
