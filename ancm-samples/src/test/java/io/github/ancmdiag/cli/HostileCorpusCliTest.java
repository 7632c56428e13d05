package io.github.ancmdiag.cli;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.concurrent.TimeUnit;
import java.util.regex.Pattern;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * Replays ancm-core's hostile corpus (ancm-core/src/test/resources/hostile/) through the command
 * line, each file as a PATH, as {@code --json} and through {@code scan}, and the whole corpus as
 * one incident folder; then inputs too big to commit, made at run time. Each run ends with exit 0
 * or 2 and messages in words: never a usage error or an internal error, a stack trace, a Java
 * class name or a control character on the terminal.
 */
@Timeout(value = 60, unit = TimeUnit.SECONDS, threadMode = Timeout.ThreadMode.SEPARATE_THREAD)
class HostileCorpusCliTest {
  static final Path CORPUS = Path.of("..", "ancm-core", "src", "test", "resources", "hostile");
  private static final Pattern CLASS_NAME =
      Pattern.compile("\\b[a-z][a-z0-9_]*(\\.[a-z][a-z0-9_]*)+\\.[A-Z]\\w*(Exception|Error)\\b");
  private static final ObjectMapper JSON = new ObjectMapper();

  static Stream<String> corpus() throws IOException {
    try (Stream<Path> files = Files.list(CORPUS)) {
      return files.map(f -> f.getFileName().toString()).sorted().toList().stream();
    }
  }

  private static void assertClean(CliRun run) {
    assertThat(run.code).isIn(AncmDiagnose.OK, AncmDiagnose.UNREADABLE);
    assertThat(run.out + run.err).doesNotContain("\tat ", "Scanner State", "REC-xml-names",
        "(byte -1)", "root:x:0:0").doesNotContainPattern(CLASS_NAME);
    assertThat((run.out + run.err).chars().filter(c -> c < 0x20 && c != '\n' && c != '\t'
        && c != '\r' || c >= 0x7f && c <= 0x9f)).isEmpty();
  }

  @ParameterizedTest(name = "{0}")
  @MethodSource("corpus")
  void should_answer_each_hostile_file_with_exit_0_or_2_and_words_only(String file)
      throws IOException {
    // given
    String path = CORPUS.resolve(file).toString();

    // when
    CliRun text = CliRun.of(path);
    CliRun json = CliRun.of("--json", path);
    CliRun scan = CliRun.of("scan", path);

    // then
    for (CliRun run : new CliRun[] {text, json, scan}) {
      assertClean(run);
    }
    if (json.code == AncmDiagnose.OK) {
      assertThat(JSON.readTree(json.out).has("diagnoses")).isTrue();
    }
  }

  @Test
  void should_diagnose_the_hostile_corpus_as_one_incident_folder() throws IOException {
    // when
    CliRun run = CliRun.of("--json", CORPUS.toString());

    // then
    assertClean(run);
    assertThat(run.code).isZero();
    assertThat(JSON.readTree(run.out).path("skipped").size()).isPositive();
  }

  @Test
  void should_read_through_a_lying_byte_order_mark_in_scan_and_say_so() {
    // when
    CliRun run = CliRun.of("scan", "--json",
        CORPUS.resolve("lying-bom-utf16le-before-utf8.log").toString());

    // then
    assertClean(run);
    assertThat(run.out).contains("\"matched\" : 2");
    assertThat(run.err).contains("note: ").contains("the byte order mark says UTF-16LE, but the"
        + " text after it is UTF-8");
  }

  @Test
  void should_read_a_100_mb_single_line_as_a_log_and_in_scan(@TempDir Path dir)
      throws IOException {
    // given
    Path f = dir.resolve("stdout_20240305091407_7412.log");
    byte[] unit = "Failed to start application '/LM/W3SVC/2/ROOT' ".getBytes(
        StandardCharsets.UTF_8);
    try (OutputStream out = Files.newOutputStream(f)) {
      for (long n = 0; n < 100_000_000L; n += unit.length) {
        out.write(unit);
      }
    }

    // when
    CliRun diagnose = CliRun.of("--json", "--stdout-log", f.toString());
    CliRun scan = CliRun.of("scan", "--json", f.toString());

    // then
    assertClean(diagnose);
    assertClean(scan);
    assertThat(JSON.readTree(diagnose.out).path("skipped").toString()).contains("limit");
    assertThat(JSON.readTree(scan.out).path("skippedCount").asLong()).isEqualTo(1);
  }

  @Test
  void should_answer_a_million_deep_json_and_xml_nesting(@TempDir Path dir) throws IOException {
    // given
    Path json = Files.writeString(dir.resolve("events.json"), "[".repeat(1_000_000));
    Path xml = Files.writeString(dir.resolve("events.xml"), "<?xml version=\"1.0\"?>\n<Events>"
        + "<Event>" + "<a>".repeat(1_000_000));

    // when / then
    for (Path f : new Path[] {json, xml}) {
      assertClean(CliRun.of("--event-log", f.toString()));
    }
    assertClean(CliRun.of(dir.toString()));
  }
}
