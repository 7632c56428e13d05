package io.github.ancmdiag.internal.match;

import static org.assertj.core.api.Assertions.assertThat;

import io.github.ancmdiag.internal.template.Template;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.ValueSource;

class CompiledMatcherTest {
  private static final String ADD_APP_FFFF =
      "Failed to start application '{appId:APP_ID}', ErrorCode '{hresult:HRESULT=0x8000ffff}'.";
  private static final String ADD_APP_23E =
      "Failed to start application '{appId:APP_ID}', ErrorCode '{hresult:HRESULT=0x8007023e}'.";
  private static final String V1_START = "Application '{appId:APP_ID}' with physical root "
      + "'{physicalRoot:PATH}' failed to start process with commandline '{commandLine:TEXT}', "
      + "ErrorCode = '{hresult:HRESULT=0x80070002} : {exitCode:HEX=0}.";
  private static final String FRAMEWORK = "The specified framework '{frameworkName:NAME}', "
      + "version '{frameworkVersion:VERSION}' was not found.";
  private static final String CLR = "Application '{appId:APP_ID}' with physical root "
      + "'{physicalRoot:PATH}' failed to load clr and managed application. "
      + "CLR worker thread exited prematurely";

  private static final String TITLE = "HTTP Error 500.0 - ANCM In-Process Handler Load Failure";

  private static final String DEBUG_HR = "Failed HRESULT returned: {hresult:HRESULT=0x8000ffff}";
  private static final String V2_RETRIES = "Application '{appId:APP_ID}' with physical root "
      + "'{physicalRoot:PATH}' failed to start process with commandline '{commandLine:TEXT}' "
      + "with multiple retries. Failed to bind to port '{port:PORT}'.";

  /** The {@link #CLR} message with an end that does not fit, so its chain is disproven. */
  private static final String CLR_DISPROVEN = "Application '/LM/W3SVC/1/ROOT' with physical root "
      + "'C:\\a\\' failed to load clr and managed application. CLR worker thread exited later. ";
  /** The {@link #CLR} message after its opening, with its expected end. */
  private static final String CLR_REST = " with physical root 'C:\\b\\' failed to load clr and "
      + "managed application. CLR worker thread exited prematurely";

  private final List<Template> templates = List.of(Template.parse(ADD_APP_FFFF),
      Template.parse(ADD_APP_23E), Template.parse(V1_START), Template.parse(FRAMEWORK),
      Template.parse(CLR), Template.parse(TITLE), Template.parse(DEBUG_HR),
      Template.parse(V2_RETRIES));
  private final CompiledMatcher matcher = new CompiledMatcher(templates);

  private List<CompiledMatcher.Hit> hits(String text) {
    return matcher.match(text);
  }

  private static String capture(CompiledMatcher.Hit hit, Template t, String name) {
    for (Template.Capture c : t.captures()) {
      if (c.name().equals(name)) {
        return hit.capture(c.ordinal()).orElse(null);
      }
    }
    throw new AssertionError("no capture " + name);
  }

  @Test
  void should_start_a_new_chain_at_an_opening_met_after_a_disproven_message() {
    // given: a message whose end does not fit, then the same message in full; templates that
    // share their opening record it once for all of them
    String text = CLR_DISPROVEN + "Application '/LM/W3SVC/2/ROOT'" + CLR_REST;
    CompiledMatcher.Scratch scratch = matcher.newScratch();

    // when
    List<CompiledMatcher.Hit> found = matcher.matchAll(text, scratch);

    // then: the second message, with its own values
    Template clr = templates.get(4);
    assertThat(found).filteredOn(h -> h.template() == 4 && h.completeness() == 1.0)
        .singleElement()
        .satisfies(h -> assertThat(capture(h, clr, "appId")).isEqualTo("/LM/W3SVC/2/ROOT"));
  }

  @Test
  void should_not_revive_an_opening_seen_before_its_message_was_disproven() {
    // given: one opening, a disproven end, then the rest of the message again without an opening
    String text = CLR_DISPROVEN + CLR_REST;
    CompiledMatcher.Scratch scratch = matcher.newScratch();

    // when
    List<CompiledMatcher.Hit> found = matcher.matchAll(text, scratch);
    List<CompiledMatcher.Hit> fresh = matcher.matchAll(text);

    // then: no full match, the same with reused state as without
    assertThat(found).noneMatch(h -> h.template() == 4 && h.completeness() == 1.0);
    assertThat(found).extracting(CompiledMatcher.Hit::template, CompiledMatcher.Hit::completeness)
        .containsExactlyElementsOf(fresh.stream()
            .map(h -> org.assertj.core.groups.Tuple.tuple(h.template(), h.completeness()))
            .toList());
  }

  @Test
  void should_not_extend_a_chain_from_an_opening_its_message_already_used() {
    // given: one full message, then its middle and end again; two templates share the opening
    CompiledMatcher m = new CompiledMatcher(List.of(
        Template.parse("Starting worker {text:TEXT} middle part {n:INT} the end."),
        Template.parse("Starting worker {text:TEXT} other part {n:INT} the end.")));
    String text = "Starting worker abc middle part 1 the end. middle part 2 the end.";

    // when
    List<CompiledMatcher.Hit> found = m.matchAll(text, m.newScratch());

    // then: one full message; the second middle has no opening of its own
    assertThat(found).filteredOn(h -> h.completeness() == 1.0).singleElement()
        .satisfies(h -> assertThat(h.template()).isZero());
  }

  @Test
  void should_check_a_gap_by_its_own_items_when_templates_share_the_anchors_around_it() {
    // given: the same anchors around gaps that differ in type, pin and literal, in both orders
    List<Template> shared = List.of(
        Template.parse("Application '{appId:APP_ID}' with physical root '{root:PATH}' stopped."),
        Template.parse("Application '{port:PORT}' with physical root '{root:PATH}' stopped."),
        Template.parse("Application '{code:HEX=ff}' with physical root '{root:PATH}' stopped."),
        Template.parse("Application '{code:HEX=fe}' with physical root '{root:PATH}' stopped."),
        Template.parse("Application '{appId:APP_ID}'!with physical root '{root:PATH}' stopped."));
    CompiledMatcher m = new CompiledMatcher(shared);
    CompiledMatcher.Scratch scratch = m.newScratch();

    // when, then: each text matches exactly the templates whose gap fits it, with reused state
    // and without
    String[] texts = {
      "Application '/LM/W3SVC/1/ROOT' with physical root 'C:\\app\\' stopped.",
      "Application '8080' with physical root 'C:\\app\\' stopped.",
      "Application 'ff' with physical root 'C:\\app\\' stopped.",
      "Application 'fe' with physical root 'C:\\app\\' stopped.",
      "Application '/LM/W3SVC/1/ROOT'! with physical root 'C:\\app\\' stopped.",
    };
    // (an APP_ID takes '8080', 'ff' and 'fe' too)
    List<List<Integer>> expected = List.of(List.of(0), List.of(0, 1), List.of(0, 2),
        List.of(0, 3), List.of(4));
    for (int round = 0; round < 2; round++) {
      for (int i = 0; i < texts.length; i++) {
        assertThat(full(m.matchAll(texts[i], scratch))).as("text %d, round %d", i, round)
            .containsExactlyInAnyOrderElementsOf(expected.get(i));
        assertThat(full(m.matchAll(texts[i]))).as("text %d, fresh", i)
            .containsExactlyInAnyOrderElementsOf(expected.get(i));
      }
    }
  }

  /** The templates matched in full (a gap that does not fit may still leave a cut-off match). */
  private static List<Integer> full(List<CompiledMatcher.Hit> hits) {
    return hits.stream().filter(h -> h.completeness() == 1.0).map(CompiledMatcher.Hit::template)
        .toList();
  }

  @Test
  void should_not_keep_the_room_of_a_huge_text_once_a_later_text_or_the_pool_is_done_with_it() {
    // given: a reused scratch that has matched a 2,000,000-character text
    CompiledMatcher.Scratch scratch = matcher.newScratch();
    String huge = "Failed to start application '/LM/W3SVC/2/ROOT', ErrorCode '0x8007023e'. "
        .repeat(27_000);
    assertThat(matcher.matchAll(huge, scratch)).isNotEmpty();
    assertThat(scratch.retainedChars()).isGreaterThan(huge.length());

    // when: an ordinary text follows
    String ordinary = "Failed to start application '/LM/W3SVC/2/ROOT', ErrorCode '0x8007023e'.";
    List<CompiledMatcher.Hit> hits = matcher.matchAll(ordinary, scratch);

    // then: it matches as ever, and the scratch keeps room for ordinary texts only
    assertThat(hits).extracting(CompiledMatcher.Hit::template).containsExactly(1);
    assertThat(scratch.retainedChars()).isLessThanOrEqualTo(ScratchPool.KEEP_CHARS);

    // and a pooled scratch lets go of a huge text when it is given back
    CompiledMatcher.Scratch pooled = matcher.borrowScratch();
    matcher.matchAll(huge, pooled);
    matcher.release(pooled);
    assertThat(pooled.retainedChars()).isLessThanOrEqualTo(ScratchPool.KEEP_CHARS);
  }

  @Test
  void should_match_only_the_template_whose_code_constraint_holds_when_codes_differ() {
    // given
    String text = "Failed to start application '/LM/W3SVC/2/ROOT', ErrorCode '0x8007023e'.";

    // when
    List<CompiledMatcher.Hit> hits = hits(text);

    // then
    assertThat(hits).extracting(CompiledMatcher.Hit::template).containsExactly(1);
    assertThat(hits.get(0).completeness()).isEqualTo(1.0);
    assertThat(capture(hits.get(0), templates.get(1), "appId")).isEqualTo("/LM/W3SVC/2/ROOT");
    assertThat(capture(hits.get(0), templates.get(1), "hresult")).isEqualTo("0x8007023e");
  }

  @ParameterizedTest
  @ValueSource(strings = {
      "Failed to start application '/LM/W3SVC/2/ROOT', ErrorCode '0x8007023E'.",
      "failed to start application '/LM/W3SVC/2/ROOT', errorcode '0x8007023e'",
      "Failed to start\r\napplication  '/LM/W3SVC/2/ROOT',\nErrorCode '0x8007023e'.",
      "Failed to start application \u2018/LM/W3SVC/2/ROOT\u2019, ErrorCode \u20180x8007023e\u2019.",
      "Failed to start application &#39;/LM/W3SVC/2/ROOT&#39;, ErrorCode &#39;0x8007023e&#39;.",
      "Failed to start application '/LM/W3SVC/2/ROOT', ErrorCode '-2147024322'.",
      "Log Name: Application\nEvent ID: 1010\nDescription:\nFailed to start application "
          + "'/LM/W3SVC/2/ROOT', ErrorCode '0x8007023e'.\nProcess Id: 4242.",
  })
  void should_match_despite_noise_when_the_message_is_reformatted(String text) {
    // when
    List<CompiledMatcher.Hit> hits = hits(text);

    // then
    assertThat(hits).extracting(CompiledMatcher.Hit::template).containsExactly(1);
    assertThat(hits.get(0).completeness()).isEqualTo(1.0);
  }

  @ParameterizedTest
  @ValueSource(strings = {
      "HTTP Error 500.0 \u2013 ANCM In-Process Handler Load Failure",
      "HTTP Error 500.0 \u2014 ANCM In\u2010Process Handler Load Failure",
      "http error 500.0 - ancm in-process handler load failure",
      "<h1>HTTP Error 500.0 - ANCM In-Process Handler Load Failure</h1>",
      "HTTP\u00a0Error 500.0 - ANCM In-Process\nHandler Load Failure",
  })
  void should_match_a_page_title_when_dashes_case_and_markup_differ(String text) {
    // when
    List<CompiledMatcher.Hit> hits = hits(text);

    // then
    assertThat(hits).extracting(CompiledMatcher.Hit::template).containsExactly(5);
    assertThat(hits.get(0).completeness()).isEqualTo(1.0);
  }

  @Test
  void should_capture_paths_and_command_lines_from_the_original_text_when_v1_start_fails() {
    // given
    String text = "Application 'MACHINE/WEBROOT/APPHOST/SHOP' with physical root "
        + "'C:\\Program Files\\Shop\\' failed to start process with commandline "
        + "'\"dotnet\" .\\Shop.dll', ErrorCode = '0x80070002 : 0.";

    // when
    List<CompiledMatcher.Hit> hits = hits(text);

    // then
    assertThat(hits).extracting(CompiledMatcher.Hit::template).containsExactly(2);
    Template t = templates.get(2);
    assertThat(capture(hits.get(0), t, "physicalRoot")).isEqualTo("C:\\Program Files\\Shop\\");
    assertThat(capture(hits.get(0), t, "commandLine")).isEqualTo("\"dotnet\" .\\Shop.dll");
    assertThat(capture(hits.get(0), t, "exitCode")).isEqualTo("0");
  }

  @Test
  void should_reject_the_v1_template_when_the_exit_code_differs() {
    // given
    String text = "Application 'MACHINE/WEBROOT/APPHOST/SHOP' with physical root 'C:\\s\\' "
        + "failed to start process with commandline '\"C:\\s\\Shop.exe\" ', "
        + "ErrorCode = '0x80004005 : ff.";

    // when / then
    assertThat(hits(text)).isEmpty();
  }

  @Test
  void should_find_every_message_when_several_run_together() {
    // given
    String text = "Application '/LM/W3SVC/5/ROOT' with physical root 'C:\\app\\' failed to load"
        + " clr and managed application. CLR worker thread exited prematurely Failed to start "
        + "application '/LM/W3SVC/5/ROOT', ErrorCode '0x8000ffff'. The specified framework "
        + "'Microsoft.AspNetCore.App', version '2.2.0' was not found.";

    // when
    List<CompiledMatcher.Hit> hits = hits(text);

    // then
    assertThat(hits).extracting(CompiledMatcher.Hit::template).containsExactlyInAnyOrder(4, 0, 3);
    assertThat(hits).allSatisfy(h -> assertThat(h.completeness()).isEqualTo(1.0));
  }

  @Test
  void should_report_a_truncated_match_when_the_message_is_cut_off() {
    // given
    String text = "Application '/LM/W3SVC/5/ROOT' with physical root 'C:\\app\\' failed to load"
        + " clr and managed application. CLR worker thr";

    // when
    List<CompiledMatcher.Hit> hits = hits(text);

    // then
    assertThat(hits).extracting(CompiledMatcher.Hit::template).containsExactly(4);
    assertThat(hits.get(0).completeness()).isBetween(0.5, 0.99);
    assertThat(capture(hits.get(0), templates.get(4), "physicalRoot")).isEqualTo("C:\\app\\");
  }

  @Test
  void should_not_report_a_shared_prefix_alone_as_a_truncated_match() {
    // given: only the part every "Application '...' with physical root" message shares
    String text = "Application '/LM/W3SVC/5/ROOT' with physical root 'C:\\app\\'";

    // when / then
    assertThat(hits(text)).isEmpty();
  }

  @ParameterizedTest
  @ValueSource(strings = {"\n", "\r\n", " \r\n\t"})
  void should_end_an_open_value_at_its_line_break_and_take_it_from_there_backward(String eol) {
    // given: a last value with nothing after it, a value whose terminator never comes, and a
    // first value before the first anchor, each followed or preceded by another line
    Template detail = Template.parse("Application startup exception: {detail:TEXT}");
    Template file = Template.parse("Could not load file or assembly '{file:PATH}'.");
    Template site = Template.parse("{site:PATH} failed to start the worker process");
    CompiledMatcher m = new CompiledMatcher(List.of(detail, file, site));
    String text = "Application startup exception: System.IO.FileNotFoundException: x.dll" + eol
        + "   at Program.Main()" + eol + "Could not load file or assembly 'C:\\app\\x.dll"
        + eol + "next line" + eol + "Default Web Site failed to start the worker process";

    // when
    List<CompiledMatcher.Hit> hits = m.match(text);

    // then
    assertThat(hits).extracting(CompiledMatcher.Hit::template).containsExactly(0, 1, 2);
    assertThat(capture(hits.get(0), detail, "detail"))
        .isEqualTo("System.IO.FileNotFoundException: x.dll");
    assertThat(capture(hits.get(1), file, "file")).isEqualTo("C:\\app\\x.dll");
    assertThat(capture(hits.get(2), site, "site")).isEqualTo("Default Web Site");
  }

  @ParameterizedTest
  @CsvSource(delimiter = '|', value = {
      "Listening on port 44321:12345 refused connections | true",
      "Listening on port 1:2 refused connections         | true",
      "Listening on port 443210:12345 refused connections| false",
      "Listening on port 44321: refused connections      | false",
      "Worker started  worker stopped                    | true",
      "Worker started: crashed, worker stopped           | true",
  })
  void should_take_a_gap_of_any_length_its_items_can_fill_and_no_other(String text,
      boolean matches) {
    // given: gaps as long as their items allow at most (5 + 1 + 5) and at least (an empty text)
    CompiledMatcher m = new CompiledMatcher(List.of(
        Template.parse("Listening on port {port:PORT}:{pid:PORT} refused connections"),
        Template.parse("Worker started{note:TEXT}worker stopped")));

    // when
    List<CompiledMatcher.Hit> hits = m.match(text);

    // then
    assertThat(hits.stream().anyMatch(h -> h.completeness() == 1.0)).isEqualTo(matches);
  }

  @Test
  void should_end_a_code_where_the_original_text_had_a_space() {
    // given: folding drops the space, but "0x8000ffffc..." must not be read as the code
    String text = "Failed HRESULT returned: 0x8000ffff Could not find inprocess request handler.";

    // when
    List<CompiledMatcher.Hit> hits = hits(text);

    // then
    assertThat(hits).extracting(CompiledMatcher.Hit::template).containsExactly(6);
    assertThat(capture(hits.get(0), templates.get(6), "hresult")).isEqualTo("0x8000ffff");
  }

  @Test
  void should_not_take_a_message_that_goes_on_differently_for_a_truncated_one() {
    // given: a V1 start error shares its first half with the V2 multiple-retries message
    String text = "Application 'MACHINE/WEBROOT/APPHOST/SHOP' with physical root 'C:\\s\\' "
        + "failed to start process with commandline '\"C:\\s\\Shop.exe\" ', "
        + "ErrorCode = '0x80004005 : ff.";

    // when / then: neither the V1 template (exit code differs) nor the V2 one is reported
    assertThat(hits(text)).isEmpty();
  }

  @Test
  void should_not_take_the_end_of_another_message_for_a_message_cut_at_the_front() {
    // given: the 500.37 title ends like nothing here, but its middle is the 500.0 title's tail
    String text = "HTTP Error 500.37 - ANCM In-Process Handler Load Failure";

    // when / then
    assertThat(hits(text)).isEmpty();
  }

  @Test
  void should_report_a_message_cut_at_the_front_when_it_starts_its_line() {
    // given
    String text = "Event 1007\nwith physical root 'C:\\app\\' failed to load clr and managed "
        + "application. CLR worker thread exited prematurely";

    // when
    List<CompiledMatcher.Hit> hits = hits(text);

    // then
    assertThat(hits).extracting(CompiledMatcher.Hit::template).containsExactly(4);
    assertThat(hits.get(0).completeness()).isLessThan(1.0);
  }

  @Test
  void should_not_take_another_message_with_the_same_first_line_for_a_truncated_one() {
    // given: the template's second line says something else than the text's second line
    CompiledMatcher m = new CompiledMatcher(List.of(Template.parse("Application '{path:PATH}' "
        + "failed to start. Exception message:\r\nApplication arguments are empty.")));
    String other = "Application 'C:\\app\\' failed to start. Exception message:\r\n"
        + "Executable was not found at 'C:\\app\\dotnet.exe'";
    String cut = "Application 'C:\\app\\' failed to start. Exception message:\r\nApplication ar";

    // when / then
    assertThat(m.match(other)).isEmpty();
    assertThat(m.match(cut)).hasSize(1);
    assertThat(m.match(cut).get(0).completeness()).isLessThan(1.0);
  }

  @Test
  void should_allocate_no_hits_when_the_text_is_unrelated() {
    // given
    String text = "2024-05-01 10:11:12 W3SVC1 GET /index.html - 443 - 10.0.0.1 Mozilla/5.0 200 0 0";

    // when / then
    assertThat(matcher.mayMatch(text)).isFalse();
    assertThat(hits(text)).isEmpty();
  }

  @Test
  void should_stay_linear_when_the_text_repeats_a_prefix_many_times() {
    // given
    StringBuilder sb = new StringBuilder();
    for (int i = 0; i < 20_000; i++) {
      sb.append("Application '/LM/W3SVC/5/ROOT' with physical root '");
    }
    sb.append("C:\\app\\' failed to load clr and managed application. "
        + "CLR worker thread exited prematurely");

    // when
    List<CompiledMatcher.Hit> hits = hits(sb.toString());

    // then
    assertThat(hits).extracting(CompiledMatcher.Hit::template).containsExactly(4);
  }
}
