package io.github.ancmdiag.rules;

import static org.assertj.core.api.Assertions.assertThat;

import io.github.ancmdiag.model.Channel;
import io.github.ancmdiag.model.HttpStatus;
import io.github.ancmdiag.model.Observation;
import java.util.Arrays;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/** {@link Signature#describe()}: evidence in words, never in template syntax. */
class SignatureDescribeTest {

  private static String describe(Channel channel, String template) {
    return Signature.text("sig", channel, List.of(template)).describe();
  }

  @Test
  void should_show_a_pinned_hresult_and_that_the_line_goes_on_when_the_template_ends_with_at() {
    // given
    Signature s = Signature.text("debug-hresult", Channel.DEBUG_LOG,
        List.of("Failed HRESULT returned: {hresult:HRESULT=0x8000ffff} at"));

    // when
    String words = s.describe();

    // then
    assertThat(words)
        .isEqualTo("the debug log line \"Failed HRESULT returned: 0x8000ffff at ...\"");
  }

  @Test
  void should_name_free_captures_in_words_and_add_the_event_id_when_the_message_is_an_event() {
    // given
    Signature s = Signature.text("clr-failed", Channel.EVENT_LOG, List.of(
        "Application '{appId:APP_ID}' with physical root '{physicalRoot:PATH}' failed to load"
            + " clr and managed application."))
        .withEventId(1005);

    // when
    String words = s.describe();

    // then
    assertThat(words).isEqualTo("an event \"Application '<app id>' with physical root '<path>'"
        + " failed to load clr and managed application.\" (ID 1005)");
  }

  @ParameterizedTest(name = "{0} -> {1}")
  @CsvSource(delimiter = '|', value = {
      "Port {fooBar:PORT} is taken             | Port <port> is taken",
      "Loading {thing:PATH} failed             | Loading <path> failed",
      "Code {x:HRESULT} came back              | Code <error code> came back",
      "Exit {x:HEX} came back                  | Exit <hex code> came back",
      "After {x:INT} tries                     | After <number> tries",
      "Named {x:NAME} here                     | Named <name> here",
      "Said {x:TEXT} there                     | Said <text> there",
      "Said {x} there                          | Said <text> there",
      "Host {x:APP_ID} down                    | Host <app id> down",
      "Runtime {x:VERSION} gone                | Runtime <version> gone",
      "version '{frameworkVersion:VERSION~preview}' was not found"
          + " | version '<version with preview>' was not found",
      "Could not stop stdout in '{_:PATH}' now | Could not stop stdout in '...' now",
      "Literal {{braces} stay                  | Literal {braces} stay",
  })
  void should_render_each_capture_kind_in_words_when_a_template_has_it(String template,
      String expected) {
    // when
    String words = describe(Channel.STDOUT_LOG, template.strip());

    // then
    assertThat(words).isEqualTo("the stdout log line \"" + expected.strip() + "\"");
  }

  @Test
  void should_join_the_lines_of_a_message_with_one_space_when_the_template_has_line_breaks() {
    // when
    String words = describe(Channel.EVENT_LOG,
        "Application '{physicalRoot:PATH}' failed to start. Exception message:\r\n"
            + "Application   arguments are empty");

    // then
    assertThat(words).isEqualTo("an event \"Application '<path>' failed to start. Exception"
        + " message: Application arguments are empty\"");
  }

  @Test
  void should_say_that_the_message_goes_on_when_the_template_ends_with_a_colon() {
    // when
    String words = describe(Channel.STDOUT_LOG,
        "Did you mean to run dotnet SDK commands? Please install dotnet SDK from:");

    // then
    assertThat(words).isEqualTo("the stdout log line \"Did you mean to run dotnet SDK commands?"
        + " Please install dotnet SDK from: ...\"");
  }

  @Test
  void should_keep_the_start_and_the_pinned_codes_when_a_long_template_is_cut() {
    // given
    Signature s = Signature.text("exit-ff", Channel.EVENT_LOG, List.of(
        "Application '{appId:APP_ID}' with physical root '{physicalRoot:PATH}' failed to start"
            + " process with commandline '{commandLine:TEXT}', ErrorCode ="
            + " '{hresult:HRESULT=0x80004005} : {exitCode:HEX=ff}."))
        .withEventId(1000);

    // when
    String words = s.describe();

    // then
    assertThat(words).isEqualTo("an event \"Application '<app id>' with physical root '<path>'"
        + " failed to start process ... ErrorCode = '0x80004005 : ff.\" (ID 1000)");
  }

  @Test
  void should_keep_the_start_and_the_end_when_a_long_template_has_no_pinned_value_to_keep() {
    // when
    String words = describe(Channel.EVENT_LOG, "Application '{appId:APP_ID}' with physical root"
        + " '{physicalRoot:PATH}' created process with commandline '{commandLine:TEXT}' but"
        + " either crashed or did not respond or did not listen on the given port '{port:PORT}',"
        + " ErrorCode = '{hresult:HRESULT}'");

    // then
    assertThat(words).isEqualTo("an event \"Application '<app id>' with physical root '<path>'"
        + " created process with ... port '<port>', ErrorCode = '<error code>'\"");
  }

  @Test
  void should_not_cut_a_word_or_two_when_only_that_much_is_over_the_limit() {
    // when
    String words = describe(Channel.EVENT_LOG, "Unable to load '{modulePath:PATH}'. This might"
        + " be caused by a bitness mismatch between IIS application pool and published"
        + " application");

    // then
    assertThat(words).isEqualTo("an event \"Unable to load '<path>'. This might be caused by a"
        + " bitness mismatch between IIS application pool and published application\"");
  }

  @Test
  void should_say_which_status_the_browser_shows_when_the_signature_is_a_status() {
    // given
    Signature one = Signature.status("page", List.of(HttpStatus.parse("500.31")));
    Signature two = Signature.status("page", List.of(HttpStatus.parse("500.30"),
        HttpStatus.parse("500.32")));

    // then
    assertThat(one.describe()).isEqualTo("the browser showing HTTP 500.31");
    assertThat(two.describe()).isEqualTo("the browser showing HTTP 500.30 or 500.32");
  }

  @Test
  void should_describe_an_observation_as_what_was_found_when_the_signature_is_one() {
    // given
    Signature empty = Signature.observation("empty", Channel.STDOUT_LOG,
        Observation.STDOUT_LOG_EMPTY);

    // then
    assertThat(empty.describe()).isEqualTo("the stdout log being empty");
    assertThat(Arrays.stream(Observation.values())
        .map(o -> Signature.observation("o", Channel.EVENT_LOG, o).describe()))
        .doesNotHaveDuplicates()
        .allSatisfy(w -> assertThat(w).startsWith("the ").doesNotContain("-log-", "observation"));
  }

  @Test
  void should_quote_the_page_and_the_web_config_fact_without_its_prefix_when_asked() {
    // then
    assertThat(describe(Channel.BROWSER, "HTTP Error 500.30 - ANCM In-Process Start Failure"))
        .isEqualTo("the browser showing \"HTTP Error 500.30 - ANCM In-Process Start Failure\"");
    assertThat(describe(Channel.WEB_CONFIG,
        "web.config: arguments of=dotnet value='{arguments:TEXT}' dll=none"))
        .isEqualTo("the web.config fact \"arguments of=dotnet value='<arguments>' dll=none\"");
    assertThat(describe(Channel.OS_MESSAGE, "The IIS 7.0 CoreWebEngine and W3SVC features must"
        + " be installed")).isEqualTo("the Windows message \"The IIS 7.0 CoreWebEngine and W3SVC"
        + " features must be installed\"");
  }

  @Test
  void should_show_the_text_as_written_when_a_brace_is_never_closed() {
    // when
    String words = describe(Channel.STDOUT_LOG, "Broken {capture: here");

    // then
    assertThat(words).isEqualTo("the stdout log line \"Broken {capture: here\"");
  }

  @Test
  void should_keep_the_template_syntax_in_texts_and_to_string_show_the_id_when_described() {
    // given
    String template = "Failed HRESULT returned: {hresult:HRESULT=0x8007023e} at";
    Signature s = Signature.text("debug-hresult", Channel.DEBUG_LOG, List.of(template));

    // then
    assertThat(s.texts()).containsExactly(template);
    assertThat(s).hasToString("debug-hresult (the debug log line \"Failed HRESULT returned:"
        + " 0x8007023e at ...\")");
  }
}
