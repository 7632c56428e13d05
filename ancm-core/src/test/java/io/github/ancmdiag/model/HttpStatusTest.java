package io.github.ancmdiag.model;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatExceptionOfType;
import static org.assertj.core.api.Assertions.assertThatIllegalArgumentException;
import static org.assertj.core.api.Assertions.assertThatNullPointerException;

import java.util.Arrays;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.ValueSource;

class HttpStatusTest {

  @ParameterizedTest(name = "{0}")
  @CsvSource(delimiter = '|', quoteCharacter = '~', textBlock = """
      500.30                                                  | 500 | 30
      503                                                     | 503 | -1
      403.14                                                  | 403 | 14
      500.0                                                   | 500 | 0
      HTTP Error 502.5 - Process Failure                      | 502 | 5
      HTTP Error 503. The service is unavailable.             | 503 | -1
      500.19 Internal Server Error                            | 500 | 19
      HTTP Error 500.0 – ANCM In-Process Handler Load Failure | 500 | 0
      Error 500.30                                            | 500 | 30
      http error 500.31                                       | 500 | 31
      HTTP/1.1 500 Internal Server Error                      | 500 | -1
      HTTP 404                                                | 404 | -1
      ~  HTTP   Error\t500.32 ~                               | 500 | 32
      200                                                     | 200 | -1
      599.999                                                 | 599 | 999
      503.                                                    | 503 | -1
      500.30, then more text                                  | 500 | 30
      """)
  void should_read_status_and_substatus_when_text_starts_with_a_status(
      String text, int status, int substatus) {
    // given
    String input = text.replace("\\t", "\t");

    // when
    HttpStatus parsed = HttpStatus.parse(input);

    // then
    assertThat(parsed).isEqualTo(HttpStatus.of(status, substatus));
  }

  @ParameterizedTest(name = "[{0}] {1}")
  @CsvSource(delimiter = '|', quoteCharacter = '~', textBlock = """
      ~~                              | empty
      ~   ~                           | blank
      abc                             | no number
      50                              | two digits
      5000                            | four digits
      500.1234                        | four-digit substatus
      500.30.1                        | a version
      500x                            | letter after
      500.htm                         | a file name
      0x500                           | hex
      HTTP Error                      | introducer only
      Error: 500                      | colon is not an introducer
      The page said HTTP Error 500.30 | not at the start
      600                             | above 599
      099                             | below 100
      -500                            | negative
      ErrorCode 500                   | not an introducer
      """)
  void should_throw_naming_the_text_when_text_does_not_start_with_a_status(
      String text, String why) {
    // given
    String input = text;

    // when / then
    assertThatIllegalArgumentException()
        .as(why)
        .isThrownBy(() -> HttpStatus.parse(input))
        .withMessageContaining("'" + input + "'");
  }

  @ParameterizedTest(name = "of({0}, {1})")
  @CsvSource({
      "100, -1, true", "599, 999, true", "500, 0, true",
      "99, -1, false", "600, -1, false", "500, -2, false", "500, 1000, false", "0, 0, false"})
  void should_accept_only_valid_ranges_when_built_from_parts(
      int status, int substatus, boolean valid) {
    // given / when / then
    if (valid) {
      assertThat(HttpStatus.of(status, substatus).status()).isEqualTo(status);
    } else {
      assertThatIllegalArgumentException()
          .isThrownBy(() -> HttpStatus.of(status, substatus))
          .withMessageContaining("but was");
    }
  }

  @Test
  void should_have_no_substatus_when_built_from_status_only() {
    // given
    HttpStatus status = HttpStatus.of(503);

    // when / then
    assertThat(status.substatus()).isEqualTo(HttpStatus.NO_SUBSTATUS);
    assertThat(status.hasSubstatus()).isFalse();
    assertThat(HttpStatus.of(500, 0).hasSubstatus()).isTrue();
  }

  @ParameterizedTest(name = "{0} -> {1}")
  @CsvSource({"500, 30, 500.30", "503, -1, 503", "500, 0, 500.0", "502, 5, 502.5"})
  void should_print_as_iis_does_when_converted_to_string(
      int status, int substatus, String expected) {
    // given
    HttpStatus value = HttpStatus.of(status, substatus);

    // when
    String text = value.toString();

    // then
    assertThat(text).isEqualTo(expected);
    assertThat(HttpStatus.parse(text)).isEqualTo(value);
  }

  @ParameterizedTest(name = "{0} ~ {1} = {2}")
  @CsvSource({
      "500.30, 500.30, true", "500.30, 500, true", "500, 500.30, true", "500, 500, true",
      "500.30, 500.31, false", "500.30, 502.5, false", "500, 502, false",
      "500.0, 500, true", "500.0, 500.30, false"})
  void should_tell_compatibility_when_comparing_statuses(
      String left, String right, boolean expected) {
    // given
    HttpStatus a = HttpStatus.parse(left);
    HttpStatus b = HttpStatus.parse(right);

    // when
    boolean compatible = a.isCompatibleWith(b);

    // then
    assertThat(compatible).isEqualTo(expected);
    assertThat(b.isCompatibleWith(a)).isEqualTo(expected);
  }

  @ParameterizedTest(name = "{0}")
  @CsvSource(delimiter = '|', quoteCharacter = '~', textBlock = """
      <title>HTTP Error 500.30 - ASP.NET Core app failed to start</title> | 500.30
      HTTP Error 502.5 - ANCM Out-Of-Process Startup Failure              | 502.5
      The site returned http   error  500.31 after deploy                 | 500.31
      HTTP/1.1 503 Service Unavailable                                    | 503
      IIS 10.0 Detailed Error - 500.19 - Internal Server Error            | 500.19
      got 403.14 Forbidden                                                | 403.14
      status 404 not found                                                | 404
      a 400 Bad Request came back                                         | 400
      we saw 502 – Bad Gateway                                            | 502
      HTTP Error 503. The service is unavailable.                         | 503
      HTTP Error 500.0 – ANCM In-Process Handler Load Failure             | 500.0
      Error 500.30 in the browser                                         | 500.30
      HTTP 200 then 'HTTP Error 500.30'                                   | 200;500.30
      """)
  void should_find_introduced_statuses_when_strict(String text, String expected) {
    // given
    List<HttpStatus> expectedStatuses = parseList(expected);

    // when
    List<HttpStatus> found = HttpStatus.findAll(text, false);

    // then
    assertThat(found).containsExactlyElementsOf(expectedStatuses);
  }

  @ParameterizedTest(name = "{0}")
  @ValueSource(strings = {
      "the page said 500.30",
      "500",
      "Process Id: 4242, 503 requests",
      "ErrorCode 500.30",
      "<h1>500.30</h1>",
      "error. 500 things",
      "HTTP/x 500"})
  void should_find_nothing_when_strict_and_status_is_bare(String text) {
    // given
    String input = text;

    // when
    List<HttpStatus> found = HttpStatus.findAll(input, false);

    // then
    assertThat(found).isEmpty();
  }

  @ParameterizedTest(name = "{0}")
  @CsvSource(delimiter = '|', quoteCharacter = '~', textBlock = """
      the page said 500.30                   | 500.30
      500                                    | 500
      <h1>502.5</h1>                         | 502.5
      (403.14)                               | 403.14
      got 500.31, then 500.30, then 500.31   | 500.31;500.30
      it was 'HTTP Error 200' and 404        | 200;404
      500 ms                                 | 500
      "503"                                  | 503
      """)
  void should_also_find_bare_statuses_when_lenient(String text, String expected) {
    // given
    List<HttpStatus> expectedStatuses = parseList(expected);

    // when
    List<HttpStatus> found = HttpStatus.findAll(text, true);

    // then
    assertThat(found).containsExactlyElementsOf(expectedStatuses);
  }

  @ParameterizedTest(name = "{0}")
  @ValueSource(strings = {
      "port '5000'",
      "ErrorCode = '0x80070005'",
      "0x80070005",
      "5.0.503",
      "C:\\500\\x",
      "version '3.1.500'",
      "stdout_500_2018.log",
      "1.500.30",
      "500.30.1",
      "500.1234",
      "500.htm",
      "500-error.html",
      "/errors/500",
      "http://localhost:500/",
      "2018-500",
      "#500",
      "500%",
      "5000",
      "50",
      "a500",
      "500a",
      "350",
      "399",
      "600",
      "Process Id: 2600.",
      "File Version: 13.1.20169.6"})
  void should_find_nothing_when_number_is_part_of_something_longer_even_lenient(String text) {
    // given
    String input = text;

    // when
    List<HttpStatus> lenient = HttpStatus.findAll(input, true);
    List<HttpStatus> strict = HttpStatus.findAll(input, false);

    // then
    assertThat(lenient).isEmpty();
    assertThat(strict).isEmpty();
  }

  @Test
  void should_keep_first_occurrence_order_when_statuses_repeat() {
    // given
    String text = "HTTP Error 502.5, then HTTP Error 500.30, then HTTP Error 502.5 and Error 502";

    // when
    List<HttpStatus> found = HttpStatus.findAll(text, false);

    // then
    assertThat(found).containsExactly(
        HttpStatus.of(502, 5), HttpStatus.of(500, 30), HttpStatus.of(502));
  }

  @Test
  void should_return_unmodifiable_list_when_finding() {
    // given
    List<HttpStatus> found = HttpStatus.findAll("HTTP Error 500.30", false);

    // when / then
    assertThatExceptionOfType(UnsupportedOperationException.class)
        .isThrownBy(() -> found.add(HttpStatus.of(500)));
  }

  @Test
  void should_throw_npe_when_text_is_null() {
    // given / when / then
    assertThatNullPointerException().isThrownBy(() -> HttpStatus.parse(null));
    assertThatNullPointerException().isThrownBy(() -> HttpStatus.findAll(null, true));
    assertThatNullPointerException().isThrownBy(() -> HttpStatus.of(500).isCompatibleWith(null));
  }

  private static List<HttpStatus> parseList(String statuses) {
    return Arrays.stream(statuses.split(";")).map(HttpStatus::parse).toList();
  }
}
