package io.github.ancmdiag.model;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatIllegalArgumentException;
import static org.assertj.core.api.Assertions.assertThatNullPointerException;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.ValueSource;

class ProcessFailureCodeTest {

  @ParameterizedTest(name = "[{0}]")
  @CsvSource(delimiter = '|', quoteCharacter = '~', textBlock = """
      0x80004005 : ff            | 0x80004005 | 255
      '0x80070002 : 0.           | 0x80070002 | 0
      '0x80004005' : 80008081.   | 0x80004005 | 2147516545
      0x80004005:ff              | 0x80004005 | 255
      ‘0x80004005 : ff’          | 0x80004005 | 255
      ‘0x80004005’ : ‘ff’.       | 0x80004005 | 255
      “0x80004005 : e0434352”    | 0x80004005 | 3762504530
      '0x80004005 : 1.'          | 0x80004005 | 1
      0x80004005 : 0xFF          | 0x80004005 | 255
      0x80004005 : 10            | 0x80004005 | 16
      0x80004005 : ffffffff      | 0x80004005 | 4294967295
      ~  0x80004005  :  ff  ~    | 0x80004005 | 255
      """)
  void should_read_hresult_and_hex_exit_code_when_text_is_as_ancm_prints_it(
      String text, String hresult, long exitCode) {
    // given
    String input = text;

    // when
    ProcessFailureCode parsed = ProcessFailureCode.parse(input);

    // then
    assertThat(parsed.hresult()).isEqualTo(HResult.parse(hresult));
    assertThat(parsed.exitCode()).isEqualTo(exitCode);
  }

  @ParameterizedTest(name = "[{0}] {1}")
  @CsvSource(delimiter = '|', quoteCharacter = '~', textBlock = """
      ~~                     | empty
      0x80004005             | no colon
      0x80004005 :           | no exit code
      : ff                   | no HRESULT
      0x80004005 : ff : 1    | two colons
      0x80004005 : gg        | exit code not hex
      0x80004005 : 123456789 | 9 hex digits
      zz : ff                | HRESULT not hex
      0x80004005 ; ff        | semicolon
      0x80004005 : -1        | negative exit code
      0x80004005 : 0x        | no digits after 0x
      0x80004005 : f f       | space inside
      """)
  void should_throw_naming_the_text_when_text_is_not_a_pair(String text, String why) {
    // given
    String input = text;

    // when / then
    assertThatIllegalArgumentException()
        .as(why)
        .isThrownBy(() -> ProcessFailureCode.parse(input))
        .withMessageContaining("'" + input + "'");
  }

  @ParameterizedTest(name = "{0}")
  @CsvSource({
      "80008081, 0x80008081, InvalidArgFailure",
      "80008083, 0x80008083, CoreHostLibMissingFailure",
      "80008096, 0x80008096, FrameworkMissingFailure",
      "8000809a, 0x8000809a, AppPathFindFailure"})
  void should_name_the_host_status_when_exit_code_is_one(
      String exitCode, String hostStatus, String name) {
    // given
    ProcessFailureCode code = ProcessFailureCode.parse("0x80004005 : " + exitCode);

    // when / then
    assertThat(code.exitCodeAsHostStatus()).contains(HResult.parse(hostStatus));
    assertThat(code.exitCodeAsHostStatus().flatMap(HResult::name)).contains(name);
  }

  @ParameterizedTest(name = "{0}")
  @ValueSource(strings = {"0", "1", "2", "ff", "e0434352", "80070002", "800080a8", "c0000005"})
  void should_have_no_host_status_when_exit_code_is_not_one(String exitCode) {
    // given
    ProcessFailureCode code = ProcessFailureCode.parse("0x80004005 : " + exitCode);

    // when / then
    assertThat(code.exitCodeAsHostStatus()).isEmpty();
  }

  @ParameterizedTest(name = "{0}")
  @CsvSource(delimiter = '|', textBlock = """
      '0x80004005 : ff.'         | 0x80004005 : ff
      0X80004005:FF              | 0x80004005 : ff
      '0x80004005' : 80008081.   | 0x80004005 : 80008081
      -2147024894 : 0            | 0x80070002 : 0
      """)
  void should_print_as_ancm_does_when_converted_to_string(String text, String expected) {
    // given
    ProcessFailureCode code = ProcessFailureCode.parse(text);

    // when / then
    assertThat(code).hasToString(expected);
    assertThat(ProcessFailureCode.parse(code.toString())).isEqualTo(code);
  }

  @ParameterizedTest(name = "{0}")
  @ValueSource(longs = {-1L, 0x1_0000_0000L, Long.MAX_VALUE, Long.MIN_VALUE})
  void should_throw_when_exit_code_is_out_of_range(long exitCode) {
    // given
    HResult hresult = HResult.parse("0x80004005");

    // when / then
    assertThatIllegalArgumentException()
        .isThrownBy(() -> ProcessFailureCode.of(hresult, exitCode))
        .withMessageContaining(Long.toString(exitCode));
  }

  @Test
  void should_throw_npe_when_argument_is_null() {
    // given / when / then
    assertThatNullPointerException().isThrownBy(() -> ProcessFailureCode.parse(null));
    assertThatNullPointerException().isThrownBy(() -> ProcessFailureCode.of(null, 0));
  }
}
