package io.github.ancmdiag.model;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatIllegalArgumentException;
import static org.assertj.core.api.Assertions.assertThatNullPointerException;

import java.util.Optional;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class VersionRangeTest {

  @ParameterizedTest(name = "[{0}] -> {1}")
  @CsvSource(delimiter = '|', quoteCharacter = '~', textBlock = """
      >= 2.2          | [2.2,)
      >=2.2           | [2.2,)
      > 2.1           | (2.1,)
      < 2.2           | (,2.2)
      <= 3.1          | (,3.1]
      [2.2,)          | [2.2,)
      (,2.2)          | (,2.2)
      [2.2, 3.0)      | [2.2,3.0)
      ~ [ 2.2 , 3.0 ) ~ | [2.2,3.0)
      (2.1,3.1]       | (2.1,3.1]
      [2.1]           | [2.1]
      [2.1,2.1]       | [2.1]
      [ 3.1.32 ]      | [3.1.32]
      2.2             | [2.2,)
      [,2.2)          | (,2.2)
      (2.2,]          | (2.2,)
      *               | *
      ~~              | *
      ~   ~           | *
      [8.0.0-preview.1,) | [8.0.0-preview.1,)
      """)
  void should_read_the_range_when_text_is_valid(String text, String canonical) {
    // given
    String input = text == null ? "" : text;

    // when
    VersionRange range = VersionRange.parse(input);

    // then
    assertThat(range).hasToString(canonical);
    assertThat(VersionRange.parse(range.toString())).isEqualTo(range);
  }

  @ParameterizedTest(name = "[{0}] {1}")
  @CsvSource(delimiter = '|', quoteCharacter = '~', textBlock = """
      [3.0,2.2)     | lower above upper
      [,)           | no bound: write *
      (,)           | no bound: write *
      [,]           | no bound: write *
      >=            | comparison without version
      >             | comparison without version
      <=            | comparison without version
      <             | comparison without version
      [2.2          | unclosed
      2.2,)         | unopened
      (2.1)         | exclusive single version (NuGet: invalid)
      [2.1)         | half-open single version
      (2.1]         | half-open single version
      [2.2,2.2)     | empty
      (2.2,2.2]     | empty
      (2.2,2.2)     | empty
      [2.2,3.0,4.0) | two commas
      [abc,)        | bad version
      => 2.2        | unknown operator
      == 2.2        | unknown operator
      >= 2          | version without minor
      []            | empty brackets
      ()            | empty parentheses
      [             | lone bracket
      **            | two stars
      all           | a word
      [2.2,)x       | text after the interval
      >= 2.2 <3.0   | two comparisons
      """)
  void should_throw_naming_the_text_when_text_is_not_a_range(String text, String why) {
    // given
    String input = text;

    // when / then
    assertThatIllegalArgumentException()
        .as(why)
        .isThrownBy(() -> VersionRange.parse(input))
        .withMessageContaining("'" + input + "'");
  }

  @ParameterizedTest(name = "{1} in {0} = {2}")
  @CsvSource(delimiter = '|', textBlock = """
      [2.2,)       | 2.2                   | true
      [2.2,)       | 2.2.0                 | true
      [2.2,)       | 3.1.32                | true
      [2.2,)       | 2.1.30                | false
      [2.2,)       | 2.2.0-preview1        | false
      (2.2,)       | 2.2.0                 | false
      (2.2,)       | 2.2.1                 | true
      (,2.2)       | 2.2.0-preview1        | true
      (,2.2)       | 2.1.30                | true
      (,2.2)       | 2.2                   | false
      (,2.2]       | 2.2.0                 | true
      [2.2,3.0)    | 3.0.0-preview9        | true
      [2.2,3.0)    | 3.0.0                 | false
      [2.2,3.0)    | 2.2.8                 | true
      [2.1]        | 2.1.0                 | true
      [2.1]        | 2.1.1                 | false
      [2.2.0-preview1,) | 2.2.0-preview1   | true
      [2.2.0-preview1,) | 2.2.0-preview2   | true
      *            | 1.0                   | true
      *            | 9.0.0-rc.1            | true
      """)
  void should_tell_membership_when_asked_about_a_version(
      String range, String version, boolean expected) {
    // given
    VersionRange parsed = VersionRange.parse(range);

    // when
    boolean contains = parsed.contains(AspNetCoreVersion.parse(version));

    // then
    assertThat(contains).isEqualTo(expected);
  }

  @ParameterizedTest(name = "{0} & {1} = {2}")
  @CsvSource(delimiter = '|', textBlock = """
      [2.2,)     | (,3.0)     | [2.2,3.0)
      [2.2,)     | [3.0,)     | [3.0,)
      (,2.2)     | (,3.0]     | (,2.2)
      [2.2,3.0)  | [2.2,3.0)  | [2.2,3.0)
      [2.2,3.0]  | (2.2,3.0)  | (2.2,3.0)
      [2.2,3.0]  | [3.0,)     | [3.0]
      *          | [2.1]      | [2.1]
      *          | *          | *
      [2.2,)     | *          | [2.2,)
      [2.2,)     | (,2.2)     | -
      [2.2,)     | (,2.2]     | [2.2]
      (2.2,)     | (,2.2]     | -
      [3.0,)     | (,2.2)     | -
      [2.1]      | [2.2]      | -
      [2.1]      | [2.1.0]    | [2.1]
      """)
  void should_compute_the_overlap_when_intersecting(String left, String right, String expected) {
    // given
    VersionRange a = VersionRange.parse(left);
    VersionRange b = VersionRange.parse(right);
    Optional<VersionRange> overlap =
        expected.equals("-") ? Optional.empty() : Optional.of(VersionRange.parse(expected));

    // when
    Optional<VersionRange> ab = a.intersection(b);
    Optional<VersionRange> ba = b.intersection(a);

    // then
    assertThat(ab).isEqualTo(overlap);
    assertThat(ba).isEqualTo(overlap);
    assertThat(a.intersects(b)).isEqualTo(overlap.isPresent());
    assertThat(b.intersects(a)).isEqualTo(overlap.isPresent());
  }

  @Test
  void should_expose_bounds_when_range_has_them() {
    // given
    VersionRange range = VersionRange.parse("[2.2, 3.0)");

    // when / then
    assertThat(range.lowerBound()).contains(AspNetCoreVersion.of(2, 2));
    assertThat(range.upperBound()).contains(AspNetCoreVersion.of(3, 0));
    assertThat(range.isLowerInclusive()).isTrue();
    assertThat(range.isUpperInclusive()).isFalse();
  }

  @Test
  void should_have_no_bounds_when_range_is_all() {
    // given
    VersionRange range = VersionRange.ALL;

    // when / then
    assertThat(range.lowerBound()).isEmpty();
    assertThat(range.upperBound()).isEmpty();
    assertThat(range.isLowerInclusive()).isFalse();
    assertThat(range.isUpperInclusive()).isFalse();
    assertThat(range).isEqualTo(VersionRange.parse("*")).isEqualTo(VersionRange.parse(""));
  }

  @Test
  void should_ignore_brackets_when_bound_is_missing() {
    // given
    VersionRange bracketed = VersionRange.parse("[,2.2)");

    // when / then
    assertThat(bracketed.isLowerInclusive()).isFalse();
    assertThat(bracketed).isEqualTo(VersionRange.parse("(,2.2)"));
    assertThat(VersionRange.of(null, true, AspNetCoreVersion.of(2, 2), false))
        .isEqualTo(bracketed);
  }

  @ParameterizedTest(name = "{0} = {1}")
  @CsvSource(delimiter = '|', textBlock = """
      [3.1,)   | [3.1.0,)
      >= 3.1   | 3.1
      [2.1]    | [2.1.0,2.1]
      (,3.0)   | < 3.0.0
      """)
  void should_be_equal_when_bounds_have_the_same_precedence(String left, String right) {
    // given
    VersionRange a = VersionRange.parse(left);
    VersionRange b = VersionRange.parse(right);

    // when / then
    assertThat(a).isEqualTo(b);
    assertThat(a).hasSameHashCodeAs(b);
  }

  @ParameterizedTest(name = "{0} != {1}")
  @CsvSource(delimiter = '|', textBlock = """
      [3.1,)   | (3.1,)
      [3.1,)   | [3.1.1,)
      (,3.0)   | (,3.0]
      [2.2,)   | *
      [2.2,)   | [2.2.0-preview1,)
      """)
  void should_differ_when_bounds_or_inclusiveness_differ(String left, String right) {
    // given
    VersionRange a = VersionRange.parse(left);
    VersionRange b = VersionRange.parse(right);

    // when / then
    assertThat(a).isNotEqualTo(b);
  }

  @Test
  void should_throw_when_built_empty_from_parts() {
    // given
    AspNetCoreVersion v30 = AspNetCoreVersion.of(3, 0);
    AspNetCoreVersion v22 = AspNetCoreVersion.of(2, 2);

    // when / then
    assertThatIllegalArgumentException()
        .isThrownBy(() -> VersionRange.of(v30, true, v22, false))
        .withMessageContaining("[3.0,2.2)");
    assertThatIllegalArgumentException()
        .isThrownBy(() -> VersionRange.of(v22, true, v22, false))
        .withMessageContaining("[2.2,2.2)");
  }

  @Test
  void should_throw_npe_when_argument_is_null() {
    // given
    VersionRange range = VersionRange.parse("[2.2,)");

    // when / then
    assertThatNullPointerException().isThrownBy(() -> VersionRange.parse(null));
    assertThatNullPointerException().isThrownBy(() -> range.contains(null));
    assertThatNullPointerException().isThrownBy(() -> range.intersection(null));
    assertThatNullPointerException().isThrownBy(() -> range.intersects(null));
  }
}
