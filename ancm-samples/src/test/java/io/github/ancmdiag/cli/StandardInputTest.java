package io.github.ancmdiag.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

/**
 * {@code ancm-diagnose -} and {@code --paste} read standard input; the text report is coloured
 * and wrapped on a terminal and plain when piped or with {@code --no-color} / {@code NO_COLOR}.
 */
class StandardInputTest {
  private static final String PAGE = "HTTP Error 500.31 - Failed to load ASP.NET Core runtime\n";
  private static final String HOST = "The framework 'Microsoft.AspNetCore.App', version '8.0.4'"
      + " (x64) was not found.\n";

  static CliRun run(InputStream in, boolean terminal, Map<String, String> env, String... args) {
    StringWriter out = new StringWriter();
    StringWriter err = new StringWriter();
    int code = AncmDiagnose.commandLine(new AncmDiagnose(new Terminal(in, terminal, env::get)))
        .setOut(new PrintWriter(out, true)).setErr(new PrintWriter(err, true)).execute(args);
    return new CliRun(code, out.toString(), err.toString());
  }

  private static InputStream input(String text) {
    return new ByteArrayInputStream(text.getBytes(StandardCharsets.UTF_8));
  }

  @Test
  void should_diagnose_what_standard_input_holds_when_the_path_is_a_dash() throws IOException {
    // given a page, an event, stdout and debug lines in one paste
    String paste = Files.readString(Path.of("src/test/resources/paste/page-event-stdout-debug.txt"));

    // when
    CliRun run = run(input(paste), false, Map.of(), "-");

    // then
    assertThat(run.code).isZero();
    assertThat(run.err).contains("read from standard input: lines 1-5: ERROR_PAGE;"
        + " lines 7-22: EVENT_TEXT; lines 24-25: STDOUT_LOG; lines 27-28: DEBUG_LOG");
    assertThat(run.out).contains("(<stdin>:1)", "(<stdin>:7)").doesNotContain("\u001b[");
  }

  @Test
  @Timeout(value = 10, unit = TimeUnit.SECONDS)
  void should_end_a_paste_at_two_empty_lines_in_a_row_and_leave_the_rest_unread()
      throws IOException {
    // given a paste with one empty line inside, then two, then text that is not part of it
    InputStream in = input(PAGE + "\n" + HOST + "\n\nnot pasted\n");

    // when
    CliRun run = run(in, false, Map.of(), "--paste", "--json");

    // then
    assertThat(run.code).isZero();
    assertThat(run.err).contains("Paste what you have", "two empty lines");
    assertThat(run.out).contains("missing-shared-framework", "<stdin>:3");
    assertThat(new String(in.readAllBytes(), StandardCharsets.UTF_8)).isEqualTo("not pasted\n");
  }

  @Test
  @Timeout(value = 10, unit = TimeUnit.SECONDS)
  void should_end_a_paste_at_the_end_of_input() {
    // when
    CliRun run = run(input(PAGE + HOST), false, Map.of(), "--paste");

    // then
    assertThat(run.code).isZero();
    assertThat(run.out).contains("1. [missing-shared-framework]");
    assertThat(run.err).contains("read from standard input: line 1: ERROR_PAGE; line 2:");
  }

  @Test
  void should_refuse_a_dash_with_paste_and_warn_about_empty_input() {
    // when
    CliRun both = run(input(PAGE), false, Map.of(), "--paste", "-");
    CliRun twice = run(input(PAGE), false, Map.of(), "-", "-");
    CliRun empty = run(input("\n\n"), false, Map.of(), "-");

    // then
    assertThat(both.code).isEqualTo(AncmDiagnose.USAGE_ERROR);
    assertThat(both.err).contains("--paste and - both read standard input");
    assertThat(twice.code).isEqualTo(AncmDiagnose.USAGE_ERROR);
    assertThat(empty.err).contains("standard input held no text");
    assertThat(empty.code).isEqualTo(AncmDiagnose.USAGE_ERROR);
  }

  @Test
  void should_colour_and_wrap_the_report_on_a_terminal() {
    // when
    CliRun run = run(input(PAGE + HOST), true, Map.of("COLUMNS", "60"), "-");

    // then
    assertThat(run.code).isZero();
    assertThat(run.out).contains(Terminal.BOLD + "1. [missing-shared-framework]" + Terminal.RESET,
        "confidence " + Terminal.GREEN + Terminal.BOLD + "HIGH" + Terminal.RESET,
        "   " + Terminal.GREEN + "+" + Terminal.RESET + " ");
    for (String line : run.out.split("\\R")) {
      String visible = line.replaceAll("\u001b\\[[0-9;]*m", "");
      assertThat(visible.length()).as(visible).isLessThanOrEqualTo(60);
    }
  }

  @Test
  void should_print_plain_lines_when_piped_or_with_no_color_or_NO_COLOR() {
    // when
    CliRun piped = run(input(PAGE + HOST), false, Map.of("COLUMNS", "60"), "-");
    CliRun option = run(input(PAGE + HOST), true, Map.of("COLUMNS", "60"), "--no-color", "-");
    CliRun env = run(input(PAGE + HOST), true, Map.of("COLUMNS", "60", "NO_COLOR", "1"), "-");

    // then no colour anywhere; only the terminal's output is wrapped
    assertThat(piped.out).doesNotContain("\u001b[");
    assertThat(piped.out.lines()).anyMatch(l -> l.length() > 60);
    assertThat(option.out).doesNotContain("\u001b[");
    assertThat(env.out).doesNotContain("\u001b[");
    assertThat(option.out.lines()).allMatch(l -> l.length() <= 60);
    assertThat(env.out).isEqualTo(option.out);
  }

  @Test
  void should_wrap_under_the_text_after_each_marker() {
    // given
    String report = "   + EVENT_LOG \"Could not find 'aspnetcorev2_inprocess.dll'. Exception"
        + " message:\" (event-1.txt:1)\n   fix 1. Install the runtime of the version the app"
        + " needs and restart IIS.\nshort\n";

    // when
    String styled = Terminal.style(report, false, 40);

    // then
    assertThat(styled.split("\\R")).containsExactly(
        "   + EVENT_LOG \"Could not find",
        "     'aspnetcorev2_inprocess.dll'.",
        "     Exception message:\" (event-1.txt:1)",
        "   fix 1. Install the runtime of the",
        "          version the app needs and",
        "          restart IIS.",
        "short");
    assertThat(Terminal.style(report, false, 0)).isEqualTo(report.replace("\n",
        System.lineSeparator()));
  }

  @Test
  void should_take_the_width_from_COLUMNS_within_sane_bounds() {
    // then
    assertThat(new Terminal(input(""), true, Map.<String, String>of()::get).width())
        .isEqualTo(Terminal.DEFAULT_WIDTH);
    assertThat(new Terminal(input(""), true, Map.of("COLUMNS", "132")::get).width())
        .isEqualTo(132);
    assertThat(new Terminal(input(""), true, Map.of("COLUMNS", "5")::get).width())
        .isEqualTo(Terminal.MIN_WIDTH);
    assertThat(new Terminal(input(""), true, Map.of("COLUMNS", "wide")::get).width())
        .isEqualTo(Terminal.DEFAULT_WIDTH);
    assertThat(new Terminal(input(""), false, Map.of("COLUMNS", "132")::get).width()).isZero();
    assertThat(new Terminal(input(""), true, Map.of("TERM", "dumb")::get).colors(false))
        .isFalse();
    assertThat(new Terminal(input(""), true, Map.of("NO_COLOR", "")::get).colors(false))
        .isTrue();
  }
}
