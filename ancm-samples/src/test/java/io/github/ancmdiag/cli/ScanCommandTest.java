package io.github.ancmdiag.cli;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Runs {@code ancm-diagnose scan} on generated logs: a few ANCM lines among many unrelated
 * ones, lines longer than the 1 MiB limit, and each encoding.
 */
class ScanCommandTest {
  private static final String FAILED_START =
      "Failed to start application '/LM/W3SVC/2/ROOT', ErrorCode '0x8000ffff'.";
  private static final String FRAMEWORK =
      "The framework 'Microsoft.AspNetCore.App', version '3.1.0' was not found.";
  private static final ObjectMapper JSON = new ObjectMapper();

  /** Writes 20,000 unrelated lines with FAILED_START at lines 101 and 15001, FRAMEWORK at 7001. */
  private static Path log(Path dir) throws IOException {
    Path f = dir.resolve("Application.log");
    try (OutputStream out = Files.newOutputStream(f)) {
      for (int i = 1; i <= 20_000; i++) {
        String line = i == 101 || i == 15_001 ? "2021-03-14 09:26:53 Error 1010 " + FAILED_START
            : i == 7_001 ? FRAMEWORK
            : "2021-03-14 09:26:53 Information 7036 The Windows Update service entered the"
                + " running state (" + i + ").";
        out.write((line + (i % 2 == 0 ? "\r\n" : "\n")).getBytes(StandardCharsets.UTF_8));
      }
    }
    return f;
  }

  @Test
  void should_count_matches_per_entry_and_source_when_few_lines_are_ancm(@TempDir Path dir)
      throws IOException {
    // given
    Path f = log(dir);

    // when
    CliRun run = CliRun.of("scan", "--json", dir.toString());

    // then
    assertThat(run.code).isZero();
    JsonNode json = JSON.readTree(run.out);
    assertThat(json.path("lines").asLong()).isEqualTo(20_000);
    assertThat(json.path("bytes").asLong()).isEqualTo(Files.size(f));
    assertThat(json.path("matched").asLong()).isEqualTo(3);
    assertThat(json.path("entries").path("missing-shared-framework").asLong()).isEqualTo(3);
    assertThat(json.path("eventIds").path("1010").asLong()).isEqualTo(2);
    assertThat(json.path("sources").path(0).path("source").asText()).isEqualTo(f.toString());
    assertThat(json.path("sources").path(0).path("matched").asLong()).isEqualTo(3);
    assertThat(json.path("skippedCount").asLong()).isZero();
    assertThat(json.has("mbPerSecond")).isTrue();
    assertThat(json.has("linesPerSecond")).isTrue();
  }

  @Test
  void should_print_counts_and_throughput_as_text_when_not_asked_for_json(@TempDir Path dir)
      throws IOException {
    // given
    log(dir);

    // when
    CliRun run = CliRun.of("scan", dir.toString());

    // then
    assertThat(run.code).isZero();
    assertThat(run.out).containsPattern("missing-shared-framework +3")
        .contains("Application.log: 20,000 lines, 3 matched")
        .containsPattern("Read 20,000 lines, [\\d,]+ bytes in [\\d.]+ s: [\\d.]+ MB/s, [\\d,]+"
            + " lines/s; 3 matched");
  }

  @Test
  void should_print_one_json_line_per_matched_record_when_asked_for_jsonl(@TempDir Path dir)
      throws IOException {
    // given
    Path f = log(dir);

    // when
    CliRun run = CliRun.of("scan", "--jsonl", f.toString());

    // then
    assertThat(run.code).isZero();
    List<JsonNode> records = new ArrayList<>();
    for (String line : run.out.split("\\R")) {
      records.add(JSON.readTree(line));
    }
    assertThat(records).extracting(r -> r.path("line").asLong()).containsExactly(101L, 7001L,
        15001L);
    JsonNode first = records.get(0);
    assertThat(first.path("source").asText()).isEqualTo(f.toString());
    assertThat(first.path("entries").toString()).contains("missing-shared-framework");
    assertThat(first.path("signatures").size()).isPositive();
    assertThat(first.path("parameters").path("hresult").asText()).isEqualTo("0x8000ffff");
    assertThat(records.get(1).path("parameters").path("frameworkVersion").asText())
        .isEqualTo("3.1.0");
    assertThat(run.err).as("the summary goes to stderr").contains("Read 20,000 lines");
  }

  @Test
  void should_cut_and_report_a_line_when_it_is_longer_than_1_mib(@TempDir Path dir)
      throws IOException {
    // given: an ANCM message at the start of a 3 MiB line, then a normal ANCM line
    Path f = dir.resolve("huge.log");
    try (OutputStream out = Files.newOutputStream(f)) {
      out.write((FAILED_START + " ").getBytes(StandardCharsets.UTF_8));
      byte[] filler = new byte[1 << 20];
      java.util.Arrays.fill(filler, (byte) 'x');
      for (int i = 0; i < 3; i++) {
        out.write(filler);
      }
      out.write(("\n" + FRAMEWORK + "\n").getBytes(StandardCharsets.UTF_8));
    }

    // when
    CliRun run = CliRun.of("scan", "--json", f.toString());

    // then
    assertThat(run.code).isZero();
    JsonNode json = JSON.readTree(run.out);
    assertThat(json.path("lines").asLong()).isEqualTo(2);
    assertThat(json.path("bytes").asLong()).isEqualTo(Files.size(f));
    assertThat(json.path("skippedCount").asLong()).isEqualTo(1);
    assertThat(json.path("skipped").path(0).path("source").asText()).isEqualTo(f.toString());
    assertThat(json.path("skipped").path(0).path("line").asLong()).isEqualTo(1);
    assertThat(json.path("skipped").path(0).path("reason").asText()).contains("cut");
    assertThat(json.path("matched").asLong()).as("the kept first MiB is still classified")
        .isEqualTo(2);
  }

  @Test
  void should_decode_each_line_when_the_file_is_utf16_or_mixes_utf8_and_windows_1252()
      throws IOException {
    // given
    String text = "caf\u00e9 \u2013 x\r\nsecond\n\nlast";
    byte[] utf16 = text.getBytes(StandardCharsets.UTF_16);
    byte[] mixed = ("caf\u00e9 \u2013 x\n").getBytes(TextFiles.WINDOWS_1252);
    byte[] utf8 = "na\u00efve\n".getBytes(StandardCharsets.UTF_8);
    byte[] both = new byte[mixed.length + utf8.length];
    System.arraycopy(mixed, 0, both, 0, mixed.length);
    System.arraycopy(utf8, 0, both, mixed.length, utf8.length);

    // then
    assertThat(lines(utf16, 100)).containsExactly("caf\u00e9 \u2013 x", "second", "", "last");
    assertThat(lines(both, 100)).containsExactly("caf\u00e9 \u2013 x", "na\u00efve");
  }

  @Test
  void should_cut_at_a_character_boundary_when_a_utf8_line_is_too_long() throws IOException {
    // given: 'a' then three-byte characters, so the limit of 5 bytes falls inside one
    byte[] bytes = "a\u20ac\u20ac\u20ac\nb\n".getBytes(StandardCharsets.UTF_8);

    // when
    try (LineSource in = new LineSource(new ByteArrayInputStream(bytes), 5)) {
      String first = in.next();

      // then
      assertThat(first).isEqualTo("a\u20ac");
      assertThat(in.isCut()).isTrue();
      assertThat(in.lineBytes()).isEqualTo(10);
      assertThat(in.next()).isEqualTo("b");
      assertThat(in.isCut()).isFalse();
      assertThat(in.next()).isNull();
      assertThat(in.bytesRead()).isEqualTo(bytes.length);
    }
  }

  @Test
  void should_exit_2_when_a_path_does_not_exist(@TempDir Path dir) {
    // when
    CliRun run = CliRun.of("scan", dir.resolve("nope").toString());

    // then
    assertThat(run.code).isEqualTo(2);
    assertThat(run.err).contains("cannot read", "no such file or folder");
  }

  @Test
  void should_exit_1_when_json_and_jsonl_are_both_asked(@TempDir Path dir) {
    // when
    CliRun run = CliRun.of("scan", "--json", "--jsonl", dir.toString());

    // then
    assertThat(run.code).isEqualTo(1);
    assertThat(run.err).contains("--json and --jsonl exclude each other");
  }

  private static List<String> lines(byte[] bytes, int limit) throws IOException {
    List<String> out = new ArrayList<>();
    try (LineSource in = new LineSource(new ByteArrayInputStream(bytes), limit)) {
      for (String l = in.next(); l != null; l = in.next()) {
        out.add(l);
      }
    }
    return out;
  }

  /** Runs scan with a terminal answer and a clock that advances three seconds per reading. */
  private static CliRun scanWithClock(boolean terminal, String... args) {
    long[] now = {0};
    java.io.StringWriter out = new java.io.StringWriter();
    java.io.StringWriter err = new java.io.StringWriter();
    int code = new picocli.CommandLine(new ScanCommand(() -> terminal,
            () -> now[0] += 3_000_000_000L))
        .setOut(new java.io.PrintWriter(out, true)).setErr(new java.io.PrintWriter(err, true))
        .execute(args);
    return new CliRun(code, out.toString(), err.toString());
  }

  @Test
  void should_show_a_progress_line_on_a_terminal_when_the_scan_is_long_and_clear_it_at_the_end(
      @TempDir Path dir) throws IOException {
    // given: 20,000 lines; the progress is checked every 16,384 lines
    log(dir);

    // when
    CliRun run = scanWithClock(true, "--json", dir.toString());

    // then
    assertThat(run.code).isZero();
    assertThat(run.err).startsWith("\rscanning ").contains("Application.log: 16,384 lines, ")
        .contains(" MB/s").endsWith("\r" + " ".repeat(79) + "\r");
    assertThat(JSON.readTree(run.out).path("lines").asLong()).isEqualTo(20_000);
  }

  @Test
  void should_show_no_progress_line_when_stderr_is_not_a_terminal(@TempDir Path dir)
      throws IOException {
    // given
    log(dir);

    // when
    CliRun run = scanWithClock(false, "--json", dir.toString());

    // then
    assertThat(run.code).isZero();
    assertThat(run.err).isEmpty();
  }
}
