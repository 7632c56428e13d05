package io.github.ancmdiag.model;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatIllegalArgumentException;
import static org.assertj.core.api.Assertions.assertThatNullPointerException;

import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Random;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class AspNetCoreVersionTest {

  @ParameterizedTest(name = "[{0}]")
  @CsvSource(delimiter = '|', quoteCharacter = '~', textBlock = """
      2.1                         | 2 | 1  | -1 |                         | 2.1
      3.1.32                      | 3 | 1  | 32 |                         | 3.1.32
      8.0.0-preview.1             | 8 | 0  | 0  | preview.1               | 8.0.0-preview.1
      2.2.0-preview-18579-0056    | 2 | 2  | 0  | preview-18579-0056      | 2.2.0-preview-18579-0056
      v3.1                        | 3 | 1  | -1 |                         | 3.1
      V6.0.36                     | 6 | 0  | 36 |                         | 6.0.36
      ~ 6.0 ~                     | 6 | 0  | -1 |                         | 6.0
      3.0.0-preview6.19307.2      | 3 | 0  | 0  | preview6.19307.2        | 3.0.0-preview6.19307.2
      5.0.0-rc.2.20475.17         | 5 | 0  | 0  | rc.2.20475.17           | 5.0.0-rc.2.20475.17
      6.0.0+abc123                | 6 | 0  | 0  |                         | 6.0.0
      7.0.0-rc.1+build.5          | 7 | 0  | 0  | rc.1                    | 7.0.0-rc.1
      3.1-preview                 | 3 | 1  | -1 | preview                 | 3.1-preview
      10.0.100                    | 10 | 0 | 100 |                        | 10.0.100
      03.01                       | 3 | 1  | -1 |                         | 3.1
      999999999.0                 | 999999999 | 0 | -1 |                 | 999999999.0
      """)
  void should_read_the_parts_when_text_is_a_version(
      String text, int major, int minor, int patch, String prerelease, String canonical) {
    // given
    String expectedPrerelease = prerelease == null ? "" : prerelease;

    // when
    AspNetCoreVersion version = AspNetCoreVersion.parse(text);

    // then
    assertThat(version).isEqualTo(new AspNetCoreVersion(major, minor, patch, expectedPrerelease));
    assertThat(version).hasToString(canonical);
    assertThat(version.isPrerelease()).isEqualTo(!expectedPrerelease.isEmpty());
  }

  @ParameterizedTest(name = "[{0}] {1}")
  @CsvSource(delimiter = '|', quoteCharacter = '~', textBlock = """
      ~~           | empty
      ~ ~          | blank
      3            | no minor
      abc          | no numbers
      3.x          | wildcard minor
      -1.0         | negative major
      3.           | empty minor
      3.1.         | empty patch
      .1           | empty major
      3..1         | empty minor
      3.1.32.0     | four parts (a file version)
      v            | v alone
      vv3.1        | two v
      3.1-         | empty prerelease
      3.1.0-       | empty prerelease
      3.1.0-pre..1 | empty identifier
      3.1.0-01     | numeric identifier with a leading zero
      3.1.0-pre_1  | underscore
      3.1.0+       | empty build metadata
      3.1.0+a..b   | empty build identifier
      1234567890.0 | 10-digit number
      3.1 .0       | space inside
      3 .1         | space inside
      3.1.0-beta+  | empty build metadata
      x3.1         | leading x
      3,1          | comma
      ３.1          | fullwidth digit
      """)
  void should_throw_naming_the_text_when_text_is_not_a_version(String text, String why) {
    // given
    String input = text;

    // when / then
    assertThatIllegalArgumentException()
        .as(why)
        .isThrownBy(() -> AspNetCoreVersion.parse(input))
        .withMessageContaining("'" + input + "'");
  }

  @ParameterizedTest(name = "{0} < {1}")
  @CsvSource({
      "2.1, 2.2",
      "2.2, 3.0",
      "3.1, 3.1.1",
      "3.1.9, 3.1.10",
      "8.0.0-preview.1, 8.0.0",
      "8.0.0-preview.1, 8.0",
      "8.0.0-alpha, 8.0.0-alpha.1",
      "8.0.0-alpha.1, 8.0.0-alpha.beta",
      "8.0.0-alpha.beta, 8.0.0-beta",
      "8.0.0-beta, 8.0.0-beta.2",
      "8.0.0-beta.2, 8.0.0-beta.11",
      "8.0.0-beta.11, 8.0.0-rc.1",
      "8.0.0-rc.1, 8.0.0",
      "2.2.0-preview-18579-0056, 2.2.0",
      "2.2.0-preview1, 2.2.0-preview2",
      "3.0.0-preview9, 3.0",
      "2.2.9, 3.0.0-preview1",
      "1.0.0-2, 1.0.0-10",
      "1.0.0-99999999999999999999, 1.0.0-100000000000000000000",
      "1.0.0-9, 1.0.0-a"})
  void should_order_by_semver_precedence_when_comparing(String lower, String higher) {
    // given
    AspNetCoreVersion low = AspNetCoreVersion.parse(lower);
    AspNetCoreVersion high = AspNetCoreVersion.parse(higher);

    // when / then
    assertThat(low.compareTo(high)).isNegative();
    assertThat(high.compareTo(low)).isPositive();
  }

  @ParameterizedTest(name = "{0} = {1}")
  @CsvSource({"3.1, 3.1.0", "v3.1, 3.1", "6.0.0+abc, 6.0.0", "8.0.0-rc.1, 8.0.0-rc.1+b"})
  void should_compare_equal_when_only_the_text_precision_differs(String left, String right) {
    // given
    AspNetCoreVersion a = AspNetCoreVersion.parse(left);
    AspNetCoreVersion b = AspNetCoreVersion.parse(right);

    // when / then
    assertThat(a.compareTo(b)).isZero();
    assertThat(b.compareTo(a)).isZero();
  }

  @Test
  void should_keep_the_text_precision_when_checking_equality() {
    // given
    AspNetCoreVersion short31 = AspNetCoreVersion.parse("3.1");
    AspNetCoreVersion long31 = AspNetCoreVersion.parse("3.1.0");

    // when / then
    assertThat(short31).isNotEqualTo(long31);
    assertThat(short31).isEqualTo(AspNetCoreVersion.of(3, 1));
    assertThat(long31).isEqualTo(AspNetCoreVersion.of(3, 1, 0));
  }

  @Test
  void should_sort_the_semver_example_when_shuffled() {
    // given
    List<String> ordered = List.of(
        "1.0.0-alpha", "1.0.0-alpha.1", "1.0.0-alpha.beta", "1.0.0-beta", "1.0.0-beta.2",
        "1.0.0-beta.11", "1.0.0-rc.1", "1.0.0", "1.0.1", "1.1", "2.0.0");
    List<AspNetCoreVersion> shuffled = new ArrayList<>();
    ordered.forEach(text -> shuffled.add(AspNetCoreVersion.parse(text)));
    Collections.shuffle(shuffled, new Random(42));

    // when
    Collections.sort(shuffled);

    // then
    assertThat(shuffled).extracting(AspNetCoreVersion::toString).containsExactlyElementsOf(ordered);
  }

  @ParameterizedTest(name = "({0}, {1}, {2}, [{3}])")
  @CsvSource(delimiter = '|', quoteCharacter = '~', textBlock = """
      -1 | 0  | 0  | ~~
      0  | -1 | 0  | ~~
      0  | 0  | -2 | ~~
      1  | 0  | 0  | pre..1
      1  | 0  | 0  | 01
      1  | 0  | 0  | a b
      """)
  void should_throw_when_parts_are_invalid(int major, int minor, int patch, String prerelease) {
    // given / when / then
    assertThatIllegalArgumentException()
        .isThrownBy(() -> new AspNetCoreVersion(major, minor, patch, prerelease));
  }

  @Test
  void should_throw_npe_when_argument_is_null() {
    // given / when / then
    assertThatNullPointerException().isThrownBy(() -> AspNetCoreVersion.parse(null));
    assertThatNullPointerException().isThrownBy(() -> new AspNetCoreVersion(1, 0, 0, null));
    assertThatNullPointerException()
        .isThrownBy(() -> AspNetCoreVersion.of(1, 0).compareTo(null));
  }
}
