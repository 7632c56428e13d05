package io.github.ancmdiag.model;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatIllegalArgumentException;
import static org.assertj.core.api.Assertions.assertThatNullPointerException;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.MethodSource;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * Tests {@link HResult}. The fixture {@code /model/ground-truth-codes.txt} lists every code of
 * {@code shared/reference/ancm-ground-truth.json} (sections {@code hresults} and
 * {@code hostfxrCodes}), one per line as the reference spells it; lines starting with {@code #}
 * are comments.
 */
class HResultTest {

  @ParameterizedTest(name = "[{0}]")
  @CsvSource(delimiter = '|', quoteCharacter = '~', textBlock = """
      0x8007023E          | 0x8007023e
      0x8007023e          | 0x8007023e
      0X8007023E          | 0x8007023e
      8007023e            | 0x8007023e
      8007023E            | 0x8007023e
      80070003            | 0x80070003
      2147942974          | 0x8007023e
      -2147024322         | 0x8007023e
      -2147024893         | 0x80070003
      2147942403          | 0x80070003
      2147954552          | 0x80072f78
      -2147012744         | 0x80072f78
      3762504530          | 0xe0434352
      -532462766          | 0xe0434352
      2147516566          | 0x80008096
      '0x8007023e'.       | 0x8007023e
      ~  0x8007023e  ~    | 0x8007023e
      "0x80070005"        | 0x80070005
      `0x80070005`        | 0x80070005
      ‘0x80004005’        | 0x80004005
      “0x80004005”.       | 0x80004005
      0x80070002.         | 0x80070002
      0x0                 | 0x00000000
      0x1                 | 0x00000001
      0                   | 0x00000000
      574                 | 0x0000023e
      1234567             | 0x0012d687
      12345678            | 0x12345678
      e0434352            | 0xe0434352
      4294967295          | 0xffffffff
      -1                  | 0xffffffff
      -2147483648         | 0x80000000
      2147483647          | 0x7fffffff
      0x00000000          | 0x00000000
      """)
  void should_parse_every_form_users_meet_when_text_is_a_code(String text, String canonical) {
    // given
    String input = text;

    // when
    HResult parsed = HResult.parse(input);

    // then
    assertThat(parsed.toString()).isEqualTo(canonical);
    assertThat(HResult.tryParse(input)).contains(parsed);
  }

  @ParameterizedTest(name = "[{0}] {1}")
  @CsvSource(delimiter = '|', quoteCharacter = '~', textBlock = """
      ~~           | empty
      ~ ~          | blank
      ''           | only quotes
      .            | only a period
      0x           | no digits after 0x
      0X           | no digits after 0X
      0x123456789  | 9 hex digits
      123456789abc | 12 hex digits
      8007023e0    | 9 hex digits
      zz           | not hex
      0xzz         | not hex after 0x
      99999999999  | 11 decimal digits
      4294967296   | above 32 bits unsigned
      -2147483649  | below 32 bits signed
      -            | sign only
      --1          | two signs
      +1           | plus sign
      0x-1         | sign after 0x
      1.5          | decimal point
      0x8007 023e  | space inside
      0x8007023g   | g is not hex
      8007023g     | g is not hex
      ０x1          | fullwidth zero
      ١٢٣          | Arabic-Indic digits
      12a45678z    | z is not hex
      -0x1         | negative hex
      -abc         | negative letters
      """)
  void should_throw_naming_the_text_when_text_is_not_a_code(String text, String why) {
    // given
    String input = text;

    // when / then
    assertThatIllegalArgumentException()
        .as(why)
        .isThrownBy(() -> HResult.parse(input))
        .withMessageContaining("'" + input + "'");
    assertThat(HResult.tryParse(input)).isEmpty();
  }

  @Test
  void should_ignore_tabs_and_line_breaks_when_they_surround_the_code() {
    // given
    String text = "\t0x8007023e\r\n";

    // when
    HResult parsed = HResult.parse(text);

    // then
    assertThat(parsed).isEqualTo(HResult.fromWin32(574));
  }

  @Test
  void should_be_equal_when_forms_differ() {
    // given
    List<HResult> forms = List.of(
        HResult.parse("0x80070003"), HResult.parse("80070003"), HResult.parse("-2147024893"),
        HResult.parse("2147942403"), HResult.fromWin32(3), HResult.of(0x80070003));

    // when / then
    assertThat(forms).allSatisfy(form -> {
      assertThat(form).isEqualTo(HResult.of(-2147024893));
      assertThat(form).hasSameHashCodeAs(HResult.of(-2147024893));
    });
  }

  @ParameterizedTest(name = "{0} -> {1}")
  @CsvSource({
      "574, 0x8007023e", "2, 0x80070002", "3, 0x80070003", "5, 0x80070005", "193, 0x800700c1",
      "12152, 0x80072f78", "14, 0x8007000e", "0, 0x00000000", "65535, 0x8007ffff"})
  void should_apply_hresult_from_win32_when_given_a_win32_code(int win32, String expected) {
    // given / when
    HResult hresult = HResult.fromWin32(win32);

    // then
    assertThat(hresult).hasToString(expected);
    if (win32 != 0) {
      assertThat(hresult.win32Code()).hasValue(win32);
      assertThat(hresult.isWin32()).isTrue();
    }
  }

  @ParameterizedTest(name = "{0}")
  @ValueSource(ints = {-1, 65536, Integer.MIN_VALUE, Integer.MAX_VALUE})
  void should_throw_when_win32_code_is_out_of_range(int win32) {
    // given / when / then
    assertThatIllegalArgumentException()
        .isThrownBy(() -> HResult.fromWin32(win32))
        .withMessageContaining(Integer.toString(win32));
  }

  @ParameterizedTest(name = "{0}")
  @CsvSource({
      // code,      unsigned,   failure, facility, code, win32
      "0x8007023e, 2147942974, true,  7,    574,   574",
      "0x80008096, 2147516566, true,  0,    32918, -1",
      "0xe0434352, 3762504530, true,  67,   17234, -1",
      "0x8027025b, 2150040155, true,  39,   603,   -1",
      "0x00000000, 0,          false, 0,    0,     -1",
      "0x00000001, 1,          false, 0,    1,     -1",
      "0x8000ffff, 2147549183, true,  0,    65535, -1"})
  void should_decompose_the_code_when_reading_its_fields(
      String text, long unsigned, boolean failure, int facility, int code, int win32) {
    // given
    HResult hresult = HResult.parse(text);

    // when / then
    assertThat(hresult.unsignedValue()).isEqualTo(unsigned);
    assertThat(hresult.isFailure()).isEqualTo(failure);
    assertThat(hresult.facility()).isEqualTo(facility);
    assertThat(hresult.code()).isEqualTo(code);
    assertThat(hresult.isWin32()).isEqualTo(win32 >= 0);
    if (win32 >= 0) {
      assertThat(hresult.win32Code()).hasValue(win32);
    } else {
      assertThat(hresult.win32Code()).isEmpty();
    }
  }

  @ParameterizedTest(name = "{0} = {1}")
  @CsvSource(delimiter = '|', textBlock = """
      0x8007023e | HRESULT_FROM_WIN32(ERROR_UNHANDLED_EXCEPTION) | false
      0x80070005 | E_ACCESSDENIED                                | false
      0x8000ffff | E_UNEXPECTED                                  | false
      0xe0434352 | EXCEPTION_COMPLUS                             | false
      0x80008081 | InvalidArgFailure                             | true
      0x80008096 | FrameworkMissingFailure                       | true
      0x80008085 | CurrentHostFindFailure                        | true
      0x8000808f | LibHostMuxFailure                             | true
      0x800080a7 | HostFeatureDisabled                           | true
      0x00000000 | Success                                       | false
      0x00000001 | Success_HostAlreadyInitialized                | false
      """)
  void should_name_the_code_when_it_is_known(String text, String name, boolean hostStatus) {
    // given
    HResult hresult = HResult.parse(text);

    // when / then
    assertThat(hresult.name()).contains(name);
    assertThat(hresult.description()).get().asString().isNotBlank();
    assertThat(hresult.isHostStatus()).isEqualTo(hostStatus);
  }

  @ParameterizedTest(name = "{0}")
  @ValueSource(strings = {"0x80070001", "0x12345678", "0x800080a8", "0x80008080", "0xffffffff"})
  void should_have_no_name_when_code_is_unknown(String text) {
    // given
    HResult hresult = HResult.parse(text);

    // when / then
    assertThat(hresult.name()).isEmpty();
    assertThat(hresult.description()).isEmpty();
    assertThat(hresult.isHostStatus()).isFalse();
  }

  @Test
  void should_describe_in_the_references_words_when_code_is_known() {
    // given
    HResult frameworkMissing = HResult.parse("0x80008096");

    // when
    String description = frameworkMissing.description().orElseThrow();

    // then
    assertThat(description).startsWith("No compatible framework version found");
  }

  @ParameterizedTest(name = "{0}")
  @MethodSource("groundTruthCodes")
  void should_know_name_and_meaning_when_code_is_in_the_ground_truth(String code) {
    // given
    HResult hresult = HResult.parse(code);

    // when / then
    assertThat(hresult.description()).as("meaning of %s", code).get().asString().isNotBlank();
    if (code.equals("0x8000809e")) {
      // the reference: "(unused)", with no name in any header it examined
      assertThat(hresult.name()).isEmpty();
    } else {
      assertThat(hresult.name()).as("name of %s", code).get().asString().isNotBlank();
    }
    boolean hostFailure = hresult.unsignedValue() >= 0x80008081L
        && hresult.unsignedValue() <= 0x800080a7L;
    assertThat(hresult.isHostStatus()).as("host status %s", code).isEqualTo(hostFailure);
  }

  @Test
  void should_list_exactly_the_ground_truth_codes_when_loading_the_table() throws IOException {
    // given
    List<HResult> expected = groundTruthCodes().stream().map(HResult::parse).toList();

    // when
    List<HResult> known = KnownCodes.all().keySet().stream().map(HResult::of)
        .collect(Collectors.toList());

    // then
    assertThat(expected).hasSize(23 + 42).doesNotHaveDuplicates();
    assertThat(known).containsExactlyInAnyOrderElementsOf(expected);
  }

  @ParameterizedTest(name = "{0}")
  @CsvSource({
      "0x8007023e", "0x00000000", "0xffffffff", "0x00000001", "0x0000023e", "0x80000000"})
  void should_print_canonical_lowercase_hex_when_converted_to_string(String canonical) {
    // given
    HResult hresult = HResult.parse(canonical.toUpperCase().replace("0X", "0x"));

    // when / then
    assertThat(hresult).hasToString(canonical);
    assertThat(HResult.parse(hresult.toString())).isEqualTo(hresult);
  }

  @Test
  void should_throw_npe_when_text_is_null() {
    // given / when / then
    assertThatNullPointerException().isThrownBy(() -> HResult.parse(null));
    assertThatNullPointerException().isThrownBy(() -> HResult.tryParse(null));
  }

  static List<String> groundTruthCodes() throws IOException {
    try (InputStream in = HResultTest.class.getResourceAsStream("/model/ground-truth-codes.txt")) {
      assertThat(in).as("/model/ground-truth-codes.txt").isNotNull();
      BufferedReader reader = new BufferedReader(new InputStreamReader(in, StandardCharsets.UTF_8));
      return reader.lines().filter(line -> !line.isBlank() && !line.startsWith("#"))
          .map(String::strip).toList();
    }
  }
}
