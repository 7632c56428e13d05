package io.github.ancmdiag;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import io.github.ancmdiag.input.LogRecord;
import io.github.ancmdiag.input.SkippedRecord;
import io.github.ancmdiag.model.Channel;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;

/**
 * Evidence under inputs an attacker would pick: more records and skips than a heap holds,
 * symbolic links to files and folders (and their loops), pipes and devices inside an incident
 * folder. Each is bounded or reported, with its location; none hangs.
 */
@Timeout(value = 30, unit = TimeUnit.SECONDS)
class HostileEvidenceTest {
  private static final String FAILED_START =
      "Failed to start application '/LM/W3SVC/2/ROOT', ErrorCode '0x8000ffff'.";

  @Test
  void should_keep_a_bounded_number_of_records_per_source_and_say_how_many_it_dropped() {
    // given
    Evidence.Builder b = Evidence.builder();
    for (int i = 0; i < 150_000; i++) {
      b.record(LogRecord.builder(Channel.EVENT_LOG, "event " + i).source("Application.xml")
          .line(i + 1).build());
    }
    b.record(LogRecord.builder(Channel.BROWSER, "page").source("browser.txt").build());

    // when
    Evidence e = b.build();

    // then: the other source is still kept
    assertThat(e.records()).hasSize(100_001);
    assertThat(e.records()).extracting(LogRecord::source).contains("browser.txt");
    assertThat(e.skipped()).singleElement().satisfies(s -> {
      assertThat(s.source()).isEqualTo("Application.xml");
      assertThat(s.reason()).startsWith("50,000 more record(s) of this source were not kept");
    });
  }

  @Test
  void should_keep_a_bounded_number_of_characters_in_all_and_say_what_it_dropped() {
    // given: 40 records of 1 Mi characters each, one per source
    String mib = "x".repeat(1 << 20);
    Evidence.Builder b = Evidence.builder();
    for (int i = 0; i < 40; i++) {
      b.record(LogRecord.builder(Channel.STDOUT_LOG, mib).source("stdout-" + i + ".log").build());
    }

    // when
    Evidence e = b.build();

    // then
    assertThat(e.records()).hasSize(32);
    assertThat(e.skipped()).hasSize(8).allSatisfy(s -> assertThat(s.reason())
        .contains("not kept for the diagnosis").contains("characters in all"));
  }

  @Test
  void should_list_a_thousand_skipped_records_and_count_the_rest_in_the_last() {
    // given
    Evidence.Builder b = Evidence.builder();
    for (int i = 0; i < 5_000; i++) {
      b.skipped(new SkippedRecord("Application.xml", i + 1, i * 10L, "bad event " + i));
    }

    // when
    Evidence e = b.build();

    // then
    assertThat(e.skipped()).hasSize(1000);
    assertThat(e.skipped().get(998).reason()).isEqualTo("bad event 998");
    assertThat(e.skipped().get(999)).satisfies(s -> {
      assertThat(s.line()).isEqualTo(1000);
      assertThat(s.reason()).isEqualTo("4,001 more part(s) could not be read and are not listed"
          + " (the first 999 are); the first of them: bad event 999");
    });
  }

  @Test
  void should_read_symlinked_files_and_folders_and_report_loops_and_dangling_links(
      @TempDir Path dir) throws IOException {
    // given: a page and a LogFiles folder kept elsewhere, linked into the incident folder
    Path elsewhere = Files.createDirectories(dir.resolve("elsewhere/LogFiles"));
    Files.writeString(elsewhere.resolve("eventlog.txt"), FAILED_START);
    Path page = Files.writeString(dir.resolve("elsewhere/page.html"),
        "<html><head><title>HTTP Error 500.30 - ASP.NET Core app failed to start</title></head>"
            + "<body><h1>HTTP Error 500.30 - ASP.NET Core app failed to start</h1></body></html>");
    Path incident = Files.createDirectories(dir.resolve("incident"));
    Files.createSymbolicLink(incident.resolve("browser.txt"), page);
    Files.createSymbolicLink(incident.resolve("LogFiles"), elsewhere);
    Files.createSymbolicLink(elsewhere.resolve("back"), incident);
    Files.createSymbolicLink(incident.resolve("event-gone.txt"), dir.resolve("nothing"));

    // when
    Evidence e = Evidence.fromFolder(incident);

    // then
    assertThat(e.records()).extracting(LogRecord::channel)
        .contains(Channel.BROWSER, Channel.EVENT_LOG);
    assertThat(e.records()).extracting(LogRecord::source)
        .contains(incident.resolve("browser.txt").toString(),
            incident.resolve("LogFiles/eventlog.txt").toString());
    assertThat(e.skipped()).extracting(SkippedRecord::reason)
        .anySatisfy(r -> assertThat(r).contains("symbolic link loops back"))
        .anySatisfy(r -> assertThat(r).contains("a symbolic link to nothing"))
        .allSatisfy(r -> assertThat(r).doesNotContain("Exception", "java."));
  }

  @Test
  void should_report_a_fifo_in_the_folder_as_skipped_and_not_wait_for_a_writer(
      @TempDir Path dir) throws Exception {
    // given
    Files.writeString(dir.resolve("event.txt"), FAILED_START);
    Path fifo = dir.resolve("stdout.log");
    Process p;
    try {
      p = new ProcessBuilder("mkfifo", fifo.toString()).start();
    } catch (IOException x) {
      assumeTrue(false, "mkfifo is not available");
      return;
    }
    assumeTrue(p.waitFor() == 0, "mkfifo failed");

    // when
    Evidence e = Evidence.fromFolder(dir);

    // then
    assertThat(e.records()).hasSize(1);
    assertThat(e.skipped()).singleElement().satisfies(s -> {
      assertThat(s.source()).isEqualTo(fifo.toString());
      assertThat(s.reason()).isEqualTo("not a regular file (a pipe, socket or device); not read");
    });
  }
}
