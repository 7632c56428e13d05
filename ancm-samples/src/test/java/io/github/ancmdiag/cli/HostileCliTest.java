package io.github.ancmdiag.cli;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.io.RandomAccessFile;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.concurrent.Callable;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import picocli.CommandLine;

/**
 * The command line under inputs an attacker would pick: pipes and devices, folders where files
 * belong, unreadable and too deep subfolders, symbolic links and their loops, huge
 * observations.txt and version.txt files, terminal escape sequences in file names, and a JVM
 * that runs out of memory. Each ends with its exit code and a message in words, never a hang or
 * a stack trace.
 */
@Timeout(value = 30, unit = TimeUnit.SECONDS)
class HostileCliTest {
  private static final ObjectMapper JSON = new ObjectMapper();
  private static final String FAILED_START =
      "Failed to start application '/LM/W3SVC/2/ROOT', ErrorCode '0x8000ffff'.";

  private static void assertNoJavaInternals(CliRun run) {
    assertThat(run.err + run.out).doesNotContain("Exception", "java.", "\tat ", "(byte -1)");
  }

  private static Path fifo(Path dir) throws IOException, InterruptedException {
    Path f = dir.resolve("events.fifo");
    Process p;
    try {
      p = new ProcessBuilder("mkfifo", f.toString()).start();
    } catch (IOException e) {
      assumeTrue(false, "mkfifo is not available");
      return f;
    }
    assumeTrue(p.waitFor() == 0, "mkfifo failed");
    return f;
  }

  @ParameterizedTest(name = "{0}")
  @ValueSource(strings = {"--event-log", "--browser", "--stdout-log", "--debug-log",
      "--web-config", "PATH"})
  void should_refuse_a_fifo_with_no_writer_with_exit_2_and_not_hang(String option,
      @TempDir Path dir) throws Exception {
    // given: opening it for reading would block until a writer comes
    Path f = fifo(dir);

    // when
    CliRun run = option.equals("PATH") ? CliRun.of(f.toString())
        : CliRun.of(option, f.toString());

    // then
    assertThat(run.code).isEqualTo(AncmDiagnose.UNREADABLE);
    assertThat(run.err).contains(f + ": is not a regular file (a pipe, socket or device)");
    assertNoJavaInternals(run);
  }

  @ParameterizedTest(name = "{0}")
  @ValueSource(strings = {"/dev/zero", "/dev/urandom"})
  void should_refuse_an_endless_device_as_event_log_path_and_scan_with_exit_2(String device) {
    // given
    assumeTrue(Files.exists(Path.of(device)), device + " exists only on Unix");

    // when
    CliRun eventLog = CliRun.of("--event-log", device);
    CliRun path = CliRun.of(device);
    CliRun scan = CliRun.of("scan", device);

    // then
    for (CliRun run : new CliRun[] {eventLog, path, scan}) {
      assertThat(run.code).isEqualTo(AncmDiagnose.UNREADABLE);
      assertThat(run.err).contains(device + ": is not a regular file");
      assertNoJavaInternals(run);
    }
  }

  @Test
  void should_exit_2_when_a_folder_is_given_as_an_event_log(@TempDir Path dir) {
    // when
    CliRun run = CliRun.of("--event-log", dir.toString());

    // then
    assertThat(run.code).isEqualTo(AncmDiagnose.UNREADABLE);
    assertThat(run.err).contains(dir + ": is a folder, not a file");
    assertThat(run.out).doesNotContain("No known cause");
  }

  @Test
  void should_exit_2_when_reading_an_event_log_fails_with_an_io_error() {
    // given: a regular file whose every read fails (EIO at offset 0 of a process's memory)
    Path mem = Path.of("/proc/self/mem");
    assumeTrue(Files.isRegularFile(mem), "Linux only");

    // when
    CliRun run = CliRun.of("--event-log", mem.toString());

    // then
    assertThat(run.code).isEqualTo(AncmDiagnose.UNREADABLE);
    assertThat(run.err).contains("cannot read /proc/self/mem: ");
    assertThat(run.out).doesNotContain("No known cause");
    assertNoJavaInternals(run);
  }

  @Test
  void should_scan_the_other_folders_when_one_is_nested_past_path_max(@TempDir Path dir)
      throws Exception {
    // given: a folder nested deeper than PATH_MAX (made with relative steps, as Java cannot)
    Files.createDirectories(dir.resolve("b"));
    Files.writeString(dir.resolve("b/app.log"), FAILED_START + "\n");
    Files.createDirectories(dir.resolve("a"));
    Process p = new ProcessBuilder("bash", "-c", "cd \"$1\" && for i in $(seq 1 220); do"
        + " mkdir d0123456789012345678 && cd d0123456789012345678 || exit 1; done;"
        + " echo x > deep.log", "bash", dir.resolve("a").toString())
        .redirectErrorStream(true).start();
    assumeTrue(p.waitFor() == 0, "bash could not build the deep tree");

    // when
    CliRun run;
    try {
      run = CliRun.of("scan", "--json", dir.toString());
    } finally {
      new ProcessBuilder("rm", "-rf", dir.resolve("a").toString()).start().waitFor();
    }

    // then: the readable file is scanned, the deep folder is reported, exit 2 as the help says
    assertThat(run.code).isEqualTo(AncmDiagnose.UNREADABLE);
    JsonNode json = JSON.readTree(run.out);
    assertThat(json.path("matched").asLong()).isEqualTo(1);
    assertThat(json.path("sources").path(0).path("source").asText())
        .isEqualTo(dir.resolve("b/app.log").toString());
    assertThat(run.err).contains("cannot read " + dir.resolve("a")).contains("file name too long");
    assertNoJavaInternals(run);
  }

  @Test
  void should_scan_the_other_folders_when_one_cannot_be_opened(@TempDir Path dir)
      throws IOException {
    // given: a folder with no permissions (root reads it anyway, so this needs a user)
    assumeTrue(!"root".equals(System.getProperty("user.name")), "root ignores mode 000");
    Files.createDirectories(dir.resolve("a"));
    Files.writeString(dir.resolve("a/x.log"), "x\n");
    Files.createDirectories(dir.resolve("b"));
    Files.writeString(dir.resolve("b/app.log"), FAILED_START + "\n");
    Files.setPosixFilePermissions(dir.resolve("a"), java.util.Set.of());
    try {
      // when
      CliRun run = CliRun.of("scan", dir.toString());

      // then
      assertThat(run.code).isEqualTo(AncmDiagnose.UNREADABLE);
      assertThat(run.out).contains("app.log: 1 lines, 1 matched");
      assertThat(run.err).contains(dir.resolve("a") + ": permission denied");
    } finally {
      Files.setPosixFilePermissions(dir.resolve("a"),
          java.nio.file.attribute.PosixFilePermissions.fromString("rwx------"));
    }
  }

  @Test
  void should_scan_symlinked_files_and_folders_and_report_a_link_loop(@TempDir Path dir)
      throws IOException {
    // given: the logs are in another tree, linked in as a file and as a folder, and a loop
    Path elsewhere = Files.createDirectories(dir.resolve("elsewhere/LogFiles"));
    Files.writeString(elsewhere.resolve("app.log"), FAILED_START + "\n");
    Path incident = Files.createDirectories(dir.resolve("incident"));
    Files.createSymbolicLink(incident.resolve("LogFiles"), elsewhere);
    Files.createSymbolicLink(incident.resolve("event.log"), elsewhere.resolve("app.log"));
    Files.createSymbolicLink(elsewhere.resolve("loop"), incident);

    // when
    CliRun run = CliRun.of("scan", "--json", incident.toString());

    // then
    JsonNode json = JSON.readTree(run.out);
    assertThat(json.path("matched").asLong()).isEqualTo(2);
    assertThat(run.err).contains("loop").contains("symbolic link loops back");
    assertNoJavaInternals(run);
  }

  @Test
  void should_escape_terminal_control_sequences_in_file_names_it_prints(@TempDir Path dir)
      throws IOException {
    // given: a name that would set the terminal's title and clear the screen
    String evil = "event\u001b]0;owned\u0007\u001b[2J\u009b31m\u202e.txt";
    Files.writeString(dir.resolve(evil), FAILED_START);

    // when
    CliRun text = CliRun.of(dir.toString());
    CliRun json = CliRun.of("--json", dir.toString());
    CliRun scan = CliRun.of("scan", dir.toString());

    // then: no control character but line ends reaches the terminal, and JSON stays valid
    for (CliRun run : new CliRun[] {text, json, scan}) {
      assertThat(run.code).isZero();
      assertThat((run.out + run.err).chars().filter(c -> c < 0x20 && c != '\n' && c != '\t'
          && c != '\r' || c >= 0x7f && c <= 0x9f || c == 0x202e)).isEmpty();
    }
    assertThat(text.out).contains("event\\u001b]0;owned\\u0007\\u001b[2J\\u009b31m\\u202e.txt");
    assertThat(JSON.readTree(json.out).toString()).contains("missing-shared-framework");
    assertThat(JSON.readTree(json.out).path("diagnoses").path(0).path("evidence").path(0)
        .path("source").asText()).startsWith(dir.resolve(evil).toString());
  }

  @Test
  void should_list_few_unknown_observation_keys_and_name_the_known_keys_once(@TempDir Path dir)
      throws IOException {
    // given: 200,000 unknown keys
    StringBuilder sb = new StringBuilder("no-event-log-entry\n");
    for (int i = 0; i < 200_000; i++) {
      sb.append("not-a-key-").append(i).append('\n');
    }
    Path f = Files.writeString(dir.resolve("observations.txt"), sb);

    // when
    CliRun single = CliRun.of("--json", f.toString());
    CliRun folder = CliRun.of("--json", dir.toString());

    // then
    for (CliRun run : new CliRun[] {single, folder}) {
      assertThat(run.code).isZero();
      JsonNode skipped = JSON.readTree(run.out).get("skipped");
      assertThat(skipped.size()).isBetween(2, 22);
      assertThat(skipped.get(skipped.size() - 1).path("reason").asText())
          .contains("199,980 more line(s) from here on are not observation keys");
      assertThat(run.err.split("known keys", -1)).hasSizeLessThanOrEqualTo(2);
    }
  }

  @Test
  void should_refuse_a_huge_sparse_version_txt_without_reading_it_whole(@TempDir Path dir)
      throws IOException {
    // given: 2 GB of zeros that take no disk
    Path f = dir.resolve("version.txt");
    try (RandomAccessFile raf = new RandomAccessFile(f.toFile(), "rw")) {
      raf.setLength(2L << 30);
    }

    // when
    CliRun run = CliRun.of(f.toString());

    // then
    assertThat(run.code).isEqualTo(AncmDiagnose.UNREADABLE);
    assertThat(run.err).contains("version.txt: is longer than 1024 bytes");
  }

  @Test
  void should_exit_3_with_one_line_when_the_jvm_runs_out_of_memory() {
    // given: a command that exhausts the heap
    CommandLine cmd = new CommandLine(new Exhausting());
    java.io.StringWriter err = new java.io.StringWriter();
    cmd.setErr(new java.io.PrintWriter(err, true));

    // when
    int code = AncmDiagnose.execute(cmd, new String[0]);

    // then
    assertThat(code).isEqualTo(AncmDiagnose.INTERNAL_ERROR);
    assertThat(err.toString()).contains("ran out of memory").doesNotContain("OutOfMemoryError",
        "java.lang", "\tat ");
  }

  /** A command that runs out of memory. */
  @CommandLine.Command(name = "ancm-diagnose")
  static final class Exhausting implements Callable<Integer> {
    @Override
    public Integer call() {
      throw new OutOfMemoryError("Java heap space");
    }
  }
}
