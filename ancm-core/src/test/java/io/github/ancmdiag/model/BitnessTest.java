package io.github.ancmdiag.model;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatIllegalArgumentException;
import static org.assertj.core.api.Assertions.assertThatNullPointerException;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.ValueSource;

class BitnessTest {

  @ParameterizedTest(name = "[{0}] -> {1}")
  @CsvSource(quoteCharacter = '~', textBlock = """
      x86, X86
      X86, X86
      32-bit, X86
      32bit, X86
      32 bit, X86
      win-x86, X86
      Win32, X86
      i386, X86
      i686, X86
      x64, X64
      64-bit, X64
      64bit, X64
      win-x64, X64
      AMD64, X64
      x86_64, X64
      x86-64, X64
      arm64, ARM64
      ARM64, ARM64
      win-arm64, ARM64
      aarch64, ARM64
      ~  x64  ~, X64
      """)
  void should_read_the_bitness_when_text_names_one(String text, Bitness expected) {
    // given
    String input = text;

    // when
    Bitness bitness = Bitness.parse(input);

    // then
    assertThat(bitness).isEqualTo(expected);
  }

  @ParameterizedTest(name = "[{0}]")
  @ValueSource(strings = {"", " ", "win", "arm", "win-arm", "16-bit", "128", "x32", "ia64", "any",
      "AnyCPU", "true", "x 8 6 x"})
  void should_throw_naming_the_text_when_text_names_no_bitness(String text) {
    // given
    String input = text;

    // when / then
    assertThatIllegalArgumentException()
        .isThrownBy(() -> Bitness.parse(input))
        .withMessageContaining("'" + input + "'");
  }

  @Test
  void should_throw_npe_when_text_is_null() {
    // given / when / then
    assertThatNullPointerException().isThrownBy(() -> Bitness.parse(null));
  }
}
