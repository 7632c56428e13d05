package io.github.ancmdiag.internal.match;

import static org.assertj.core.api.Assertions.assertThat;

import io.github.ancmdiag.internal.template.Template;
import java.util.List;
import java.util.Random;
import org.junit.jupiter.api.Test;

/**
 * The scan of a long string walks the automaton in two lanes that meet in the middle; any other
 * character sequence is walked in one. These tests hold the two-lane answer to the one-lane
 * answer where the lanes meet: occurrences across the middle (the first lane goes on past it while
 * its state holds characters from before it), white space piled up after it (which that lane
 * counts in folded characters, not raw ones), one anchor seen by both lanes (counted once),
 * keywords and entities on either side.
 */
class TwoLaneScanTest {
  private static final String MESSAGE = "Application '/LM/W3SVC/2/ROOT' with physical root "
      + "'C:\\inetpub\\site\\' failed to start process with commandline '\"dotnet\" .\\App.dll', "
      + "ErrorCode = '0x80070002 : 0.";

  private final List<Template> templates = List.of(
      Template.parse("Application '{appId:APP_ID}' with physical root '{physicalRoot:PATH}' "
          + "failed to start process with commandline '{commandLine:TEXT}', ErrorCode = "
          + "'{hresult:HRESULT} : {exitCode:HEX}."),
      Template.parse("The specified framework '{frameworkName:NAME}', version "
          + "'{frameworkVersion:VERSION}' was not found."));
  private final CompiledMatcher matcher =
      new CompiledMatcher(templates, List.of("http/", "error5", "internalservererror"));

  /** The one-lane answer: the same scan over a sequence that is not a string. */
  private int oneLane(String text) {
    return matcher.scan(new StringBuilder(text), null);
  }

  @Test
  void should_find_a_message_wherever_it_stands_relative_to_the_middle() {
    String filler = "x".repeat(400);
    CompiledMatcher.Scratch scratch = matcher.newScratch();
    for (int shift = 0; shift <= MESSAGE.length() + 40; shift++) {
      // given: the message moved across the middle of an 800-character text, one step at a time
      String text = filler.substring(shift) + MESSAGE + filler.substring(0, shift);

      // when
      int twoLanes = matcher.scan(text, scratch);

      // then
      assertThat(twoLanes).as("shift %d", shift).isEqualTo(oneLane(text))
          .isEqualTo(CompiledMatcher.MAY_MATCH | CompiledMatcher.KEYWORD);
      assertThat(matcher.scan(text, null)).as("shift %d", shift).isEqualTo(twoLanes);
    }
  }

  @Test
  void should_find_a_keyword_wherever_it_stands_relative_to_the_middle() {
    String keyword = " Internal Server Error. ";
    for (int shift = 0; shift <= keyword.length() + 2; shift++) {
      // given: one keyword, the only pattern in a 600-character text, moved across the middle
      String text = "x".repeat(300 - shift) + keyword
          + "x".repeat(300 - keyword.length() + shift);

      // when
      int twoLanes = matcher.scan(text, null);

      // then
      assertThat(twoLanes).as("shift %d", shift).isEqualTo(oneLane(text))
          .isEqualTo(CompiledMatcher.KEYWORD);
    }
  }

  @Test
  void should_find_a_keyword_split_by_a_long_run_of_white_space_at_the_middle() {
    for (int spaces = 30; spaces <= 150; spaces += 10) {
      // given: "Internal Server" and "Error" with the middle of the text inside the white space
      // between them, which the first lane, going on past the middle, must not count as read
      String head = "x".repeat(300) + " Internal Server";
      String tail = "Error. ";
      int n = 2 * (head.length() + spaces / 2);
      String text = head + " ".repeat(spaces) + tail + "y".repeat(n - head.length() - spaces
          - tail.length());

      // when
      int twoLanes = matcher.scan(text, null);

      // then: the keyword is seen, as the one-lane walk sees it
      assertThat(text.length() / 2).isBetween(head.length(), head.length() + spaces);
      assertThat(twoLanes).as("%d spaces", spaces).isEqualTo(oneLane(text))
          .isEqualTo(CompiledMatcher.KEYWORD);
    }
  }

  @Test
  void should_count_an_anchor_both_lanes_see_once() {
    // given: only the message's opening anchors, too few for a hit; near the middle they are
    // read by both lanes
    String part = "Application '/LM/W3SVC/2/ROOT' with physical root ";
    String filler = "q".repeat(300);
    for (int shift = 0; shift < 60; shift++) {
      String text = filler.substring(shift) + part + filler.substring(0, shift);

      // when
      int twoLanes = matcher.scan(text, null);

      // then
      assertThat(twoLanes).as("shift %d", shift).isEqualTo(oneLane(text))
          .isEqualTo(CompiledMatcher.NONE);
    }
  }

  @Test
  void should_give_the_one_lane_answer_on_random_long_texts() {
    Random r = new Random(20261204L);
    String[] pieces = {"Application '", "with physical root", "failed to start process",
        "commandline", "ErrorCode = '", "0x80070002", "HTTP/1.1 ", "okhttp/4.12 ", "Error 502.5",
        "Internal Server Error", "&amp;", "&#39;", "&x=1", "\u2026", "\u001f", "framework '",
        "was not found.", " ", "\r\n", "\u00a0", "\u200b", "App", "lication", "root", "'", "."};
    CompiledMatcher.Scratch scratch = matcher.newScratch();
    int may = 0;
    int keywordOnly = 0;
    for (int n = 0; n < 3_000; n++) {
      // given: 64 to 2,000 characters of message pieces, words and white space
      StringBuilder sb = new StringBuilder();
      int length = 64 + r.nextInt(1_937);
      while (sb.length() < length) {
        switch (r.nextInt(4)) {
          case 0:
            sb.append(MESSAGE, r.nextInt(MESSAGE.length() / 2),
                MESSAGE.length() / 2 + r.nextInt(MESSAGE.length() / 2 + 1));
            break;
          case 1:
            sb.append(" ".repeat(r.nextInt(40)));
            break;
          default:
            sb.append(pieces[r.nextInt(pieces.length)]);
        }
      }
      String text = sb.toString();

      // when
      int twoLanes = matcher.scan(text, scratch);

      // then
      assertThat(twoLanes).as("case %d: %s", n, text).isEqualTo(oneLane(text))
          .isEqualTo(matcher.scan(text, null));
      if ((twoLanes & CompiledMatcher.MAY_MATCH) != 0) {
        may++;
      } else if (twoLanes == CompiledMatcher.KEYWORD) {
        keywordOnly++;
      }
    }
    // Every kind of answer was drawn.
    assertThat(may).isGreaterThan(100);
    assertThat(keywordOnly).isGreaterThan(10);
    assertThat(3_000 - may - keywordOnly).isGreaterThan(10);
  }
}
