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
import java.util.Random;
import java.util.concurrent.TimeUnit;
import java.util.function.Consumer;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
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
  @Timeout(value = 60, unit = TimeUnit.SECONDS)
  void should_scan_an_evtx_event_by_event_and_note_the_parts_it_cannot_read() throws IOException {
    // given: Event Viewer's binary files, one whole and one with a damaged chunk
    Path samples = Path.of("..", "ancm-core", "src", "test", "resources", "evtx");
    Path whole = samples.resolve("system.evtx");
    Path damaged = samples.resolve("sample_with_a_bad_chunk_magic.evtx");

    // when
    CliRun wholeRun = CliRun.of("scan", "--json", whole.toString());
    CliRun damagedRun = CliRun.of("scan", "--json", damaged.toString());

    // then: one "line" per event (the readers' count), the file's bytes, no binary junk
    assertThat(wholeRun.code).isZero();
    JsonNode json = JSON.readTree(wholeRun.out);
    assertThat(json.path("lines").asLong()).isEqualTo(1_881);
    assertThat(json.path("bytes").asLong()).isEqualTo(Files.size(whole));
    assertThat(json.path("matched").asLong()).isZero();
    assertThat(wholeRun.err).doesNotContain("note:");
    // and the damaged file keeps every readable event, the rest noted by byte offset
    assertThat(damagedRun.code).isZero();
    assertThat(JSON.readTree(damagedRun.out).path("lines").asLong()).isEqualTo(298);
    assertThat(damagedRun.err).contains("note: ").contains("(byte ");
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
      String first = next(in);

      // then
      assertThat(first).isEqualTo("a\u20ac");
      assertThat(in.isCut()).isTrue();
      assertThat(in.lineBytes()).isEqualTo(10);
      assertThat(next(in)).isEqualTo("b");
      assertThat(in.isCut()).isFalse();
      assertThat(next(in)).isNull();
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
      for (String l = next(in); l != null; l = next(in)) {
        out.add(l);
      }
    }
    return out;
  }

  /** The next line as a string, or null at the end. */
  private static String next(LineSource in) throws IOException {
    CharSequence line = in.next();
    return line == null ? null : line.toString();
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

  /**
   * Runs scan on a terminal with a clock whose second reading (the first progress check, after
   * 16,384 lines) runs {@code change}: a change to the file in the middle of its scan, at the
   * same point on every run.
   */
  private static CliRun scanChangingAt16384(Consumer<Path> change, Path f, String... args) {
    int[] readings = {0};
    java.io.StringWriter out = new java.io.StringWriter();
    java.io.StringWriter err = new java.io.StringWriter();
    int code = new picocli.CommandLine(new ScanCommand(() -> true, () -> {
      if (++readings[0] == 2) {
        change.accept(f);
      }
      return 0;
    })).setOut(new java.io.PrintWriter(out, true)).setErr(new java.io.PrintWriter(err, true))
        .execute(args);
    return new CliRun(code, out.toString(), err.toString());
  }

  /** Writes 100,000 unrelated lines of 80 bytes (8,000,000 bytes). */
  private static Path bigLog(Path dir) throws IOException {
    Path f = dir.resolve("u_ex261208.log");
    try (OutputStream out = new java.io.BufferedOutputStream(Files.newOutputStream(f))) {
      for (int i = 0; i < 100_000; i++) {
        out.write(String.format(java.util.Locale.ROOT,
            "2026-12-08 04:00:00 10.0.0.1 GET /api/orders/%06d - 443 - 10.1.2.3 curl - 200\n", i)
            .getBytes(StandardCharsets.UTF_8));
      }
    }
    assertThat(Files.size(f)).isEqualTo(8_000_000);
    return f;
  }

  @Test
  @Timeout(value = 60, unit = TimeUnit.SECONDS)
  void should_read_a_file_truncated_while_scanned_to_its_new_end_and_report_the_shortfall(
      @TempDir Path dir) throws IOException {
    // given: a log that rotation truncates to 1,000,000 bytes after 16,384 lines were read
    Path f = bigLog(dir);

    // when
    CliRun run = scanChangingAt16384(file -> {
      try (java.nio.channels.FileChannel ch = java.nio.channels.FileChannel.open(file,
          java.nio.file.StandardOpenOption.WRITE)) {
        ch.truncate(1_000_000);
      } catch (IOException e) {
        throw new java.io.UncheckedIOException(e);
      }
    }, f, "--json", f.toString());

    // then: no crash; the lines read so far (the read buffer held some beyond line 16,384)
    assertThat(run.code).isZero();
    JsonNode json = JSON.readTree(run.out);
    long read = json.path("bytes").asLong();
    assertThat(read).isBetween(16_384L * 80, 16_384L * 80 + (1 << 16));
    assertThat(json.path("lines").asLong()).isEqualTo((read + 79) / 80);
    JsonNode changed = json.path("changed").get(0);
    assertThat(changed.path("source").asText()).isEqualTo(f.toString());
    assertThat(changed.path("bytesAtOpen").asLong()).isEqualTo(8_000_000);
    assertThat(changed.path("bytesRead").asLong()).isEqualTo(read);
  }

  @Test
  @Timeout(value = 60, unit = TimeUnit.SECONDS)
  void should_read_a_file_that_grows_while_scanned_to_its_end_and_say_so(@TempDir Path dir)
      throws IOException {
    // given: a live log to which 1,000 ANCM lines are appended after 16,384 lines were read
    Path f = bigLog(dir);
    byte[] more = (FAILED_START + "\r\n").repeat(1_000).getBytes(StandardCharsets.UTF_8);

    // when
    CliRun run = scanChangingAt16384(file -> {
      try {
        Files.write(file, more, java.nio.file.StandardOpenOption.APPEND);
      } catch (IOException e) {
        throw new java.io.UncheckedIOException(e);
      }
    }, f, f.toString());

    // then: every appended line was read and classified, and the growth is reported
    assertThat(run.code).isZero();
    assertThat(run.out).contains("Read 101,000 lines, " + String.format(java.util.Locale.ROOT,
        "%,d", 8_000_000 + more.length) + " bytes").contains("1,000 matched")
        .contains("Changed while scanned (each read to its end as it was then):",
            f + ": 8,000,000 bytes when opened, " + String.format(java.util.Locale.ROOT, "%,d",
                8_000_000 + more.length) + " read: grew while scanned, read to its end");
  }

  @Test
  void should_decode_each_line_as_the_jdk_strict_utf8_decoder_or_windows_1252_would(
      @TempDir Path dir) throws IOException {
    // given: 3,000 random lines of ASCII, valid and broken UTF-8 sequences, CRs, long runs
    Random random = new Random(20261208);
    byte[][] pieces = {"a".getBytes(StandardCharsets.UTF_8), " ".getBytes(StandardCharsets.UTF_8),
        "\r".getBytes(StandardCharsets.UTF_8), "\u00e9".getBytes(StandardCharsets.UTF_8),
        "\u20ac".getBytes(StandardCharsets.UTF_8), "\ud83d\ude00".getBytes(StandardCharsets.UTF_8),
        {(byte) 0xC3}, {(byte) 0x80}, {(byte) 0xED, (byte) 0xA0, (byte) 0x80},
        {(byte) 0xE0, (byte) 0x80, (byte) 0x80}, {(byte) 0xF4, (byte) 0x90, (byte) 0x80,
            (byte) 0x80}, {(byte) 0xC0, (byte) 0xAF}, {(byte) 0xFF}, {(byte) 0x81},
        {(byte) 0xF0, (byte) 0x9F, (byte) 0x98}};
    java.io.ByteArrayOutputStream file = new java.io.ByteArrayOutputStream();
    List<String> expected = new ArrayList<>();
    for (int i = 0; i < 3_000; i++) {
      java.io.ByteArrayOutputStream line = new java.io.ByteArrayOutputStream();
      int n = random.nextInt(i % 100 == 0 ? 40_000 : 30);
      for (int k = 0; k < n; k++) {
        line.write(pieces[random.nextInt(pieces.length)]);
      }
      byte[] b = line.toByteArray();
      file.write(b);
      file.write('\n');
      String text = TextFiles.decodeUtf8Or1252(b, 0, b.length);
      expected.add(text.endsWith("\r") ? text.substring(0, text.length() - 1) : text);
    }

    // when
    List<String> got = lines(file.toByteArray(), 1 << 20);

    // then
    assertThat(got).containsExactlyElementsOf(expected);
  }
}
