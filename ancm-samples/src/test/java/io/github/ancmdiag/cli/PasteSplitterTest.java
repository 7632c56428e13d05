package io.github.ancmdiag.cli;

import static org.assertj.core.api.Assertions.assertThat;

import io.github.ancmdiag.input.Format;
import io.github.ancmdiag.input.LogRecord;
import io.github.ancmdiag.model.Channel;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

/** A paste of several kinds of evidence is split by what each part looks like. */
class PasteSplitterTest {
  private static String fixture(String name) throws IOException {
    return Files.readString(Path.of("src/test/resources/paste", name));
  }

  private static final String EVENT = String.join("\n",
      "Log Name:      Application",
      "Source:        IIS AspNetCore Module V2",
      "Date:          11/30/2026 4:41:09 PM",
      "Event ID:      1000",
      "Task Category: None",
      "Level:         Error",
      "Keywords:      Classic",
      "User:          N/A",
      "Computer:      WEB-EU-07",
      "Description:",
      "Application '/LM/W3SVC/7/ROOT' with physical root 'E:\\apps\\ledger\\' failed to start"
          + " process with commandline '\"dotnet\" .\\Ledger.Api.dll', ErrorCode = '0x80004005 :"
          + " 80008083.") + "\n";

  @Test
  void should_split_a_page_an_event_with_empty_lines_inside_stdout_and_debug_lines()
      throws IOException {
    // given a page, an event whose text has empty lines inside, stdout and debug log lines
    String paste = fixture("page-event-stdout-debug.txt");

    // when
    List<PasteSplitter.Part> parts = PasteSplitter.split(paste);

    // then the event's "Event Xml:" tail and the page's second paragraph stay with their part
    assertThat(parts).extracting(p -> p.format().orElseThrow()).containsExactly(
        Format.ERROR_PAGE, Format.EVENT_TEXT, Format.STDOUT_LOG, Format.DEBUG_LOG);
    assertThat(parts).extracting(PasteSplitter.Part::firstLine).containsExactly(1, 7, 24, 27);
    assertThat(parts.get(0).text()).contains("The app started but then stopped");
    assertThat(parts.get(1).text()).startsWith("Log Name:").contains("Event Xml:", "</Event>");
  }

  @Test
  void should_keep_each_record_at_its_line_in_the_whole_paste() throws IOException {
    // when
    PastedText pasted = PastedText.of(fixture("page-event-stdout-debug.txt"), false);

    // then
    assertThat(pasted.records()).extracting(LogRecord::channel).contains(Channel.BROWSER,
        Channel.EVENT_LOG, Channel.STDOUT_LOG, Channel.DEBUG_LOG);
    LogRecord event = pasted.records().stream().filter(r -> r.channel() == Channel.EVENT_LOG)
        .findFirst().orElseThrow();
    assertThat(event.line()).isEqualTo(7);
    assertThat(event.eventId()).isEqualTo(1000);
    assertThat(event.text()).contains("failed to start process with commandline");
    LogRecord stdout = pasted.records().stream().filter(r -> r.channel() == Channel.STDOUT_LOG)
        .findFirst().orElseThrow();
    assertThat(stdout.line()).isEqualTo(24);
    assertThat(stdout.text()).contains("FileNotFoundException", "Program.Main");
    assertThat(pasted.records()).allMatch(r -> r.source().equals(PastedText.SOURCE));
  }

  @Test
  void should_start_an_event_at_its_log_name_line_without_an_empty_line_before_it() {
    // given a page line and an event pasted with no empty line between them
    String paste = "HTTP Error 502.5 - Process Failure\n" + EVENT;

    // when
    List<PasteSplitter.Part> parts = PasteSplitter.split(paste);

    // then
    assertThat(parts).extracting(PasteSplitter.Part::format).containsExactly(
        Optional.of(Format.ERROR_PAGE), Optional.of(Format.EVENT_TEXT));
    assertThat(parts.get(1).firstLine()).isEqualTo(2);
  }

  @Test
  void should_split_a_page_title_from_the_log_lines_right_under_it() {
    // given a page title and a host message pasted with no empty line between them
    String paste = "HTTP Error 500.31 - Failed to load ASP.NET Core runtime\n"
        + "The framework 'Microsoft.AspNetCore.App', version '8.0.4' (x64) was not found.\n";

    // when
    List<PasteSplitter.Part> parts = PasteSplitter.split(paste);

    // then
    assertThat(parts).extracting(PasteSplitter.Part::format).containsExactly(
        Optional.of(Format.ERROR_PAGE), Optional.of(Format.STDOUT_LOG));
    assertThat(parts).extracting(PasteSplitter.Part::firstLine).containsExactly(1, 2);
  }

  @Test
  void should_keep_two_events_one_after_the_other_in_one_part() {
    // when
    List<PasteSplitter.Part> parts = PasteSplitter.split(EVENT + "\n" + EVENT + EVENT);

    // then
    assertThat(parts).hasSize(1);
    assertThat(PastedText.of(EVENT + "\n" + EVENT + EVENT, false).records()).hasSize(3);
  }

  @Test
  void should_read_text_of_no_known_format_as_one_event_text() {
    // given a message pasted alone, without its event's header
    String paste = "\n\nApplication '/LM/W3SVC/2/ROOT' with physical root 'C:\\inetpub\\shop\\'"
        + " failed to start process with commandline 'dotnet .\\Shop.dll', ErrorCode ="
        + " '0x80004005 : 80008083.\n\n";

    // when
    List<PasteSplitter.Part> parts = PasteSplitter.split(paste);
    PastedText pasted = PastedText.of(paste, false);

    // then
    assertThat(parts).singleElement().satisfies(p -> {
      assertThat(p.format()).isEmpty();
      assertThat(p.firstLine()).isEqualTo(3);
    });
    assertThat(pasted.records()).singleElement().satisfies(r -> {
      assertThat(r.channel()).isEqualTo(Channel.EVENT_LOG);
      assertThat(r.line()).isEqualTo(3);
    });
  }

  @Test
  void should_give_no_part_for_empty_or_blank_text() {
    // then
    assertThat(PasteSplitter.split("")).isEmpty();
    assertThat(PasteSplitter.split(" \n\r\n\t\n")).isEmpty();
  }

  @Test
  void should_say_so_when_standard_input_was_cut() {
    // when
    PastedText pasted = PastedText.of("HTTP Error 500.30 - ANCM In-Process Start Failure\n", true);

    // then
    assertThat(pasted.skipped()).singleElement()
        .satisfies(s -> assertThat(s.reason()).contains("only its first"));
  }

  @Test
  @Timeout(value = 20, unit = TimeUnit.SECONDS)
  void should_split_many_small_blocks_in_linear_time() {
    // given 50,000 debug log blocks separated by empty lines
    String block = "[aspnetcorev2.dll] Initializing logs for 'C:\\x\\aspnetcorev2.dll'.\n\n";
    String paste = block.repeat(50_000);

    // when
    List<PasteSplitter.Part> parts = PasteSplitter.split(paste);

    // then
    assertThat(parts).singleElement()
        .satisfies(p -> assertThat(p.format()).contains(Format.DEBUG_LOG));
  }
}
