package io.github.ancmdiag.internal.read.text;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/**
 * {@link EncodingDecoder}: the encoding chosen from the bytes, the text, and the byte offset after
 * it. Inputs are hex strings.
 */
class EncodingDecoderTest {
  @ParameterizedTest(name = "{0}")
  @CsvSource({
      // bytes, encoding, text, end offset
      "41c3a942, UTF_8, AéB, 4",
      "efbbbf41c3a9, UTF_8, Aé, 6",
      "fffe4100e900, UTF_16LE, Aé, 6",
      "feff004100e9, UTF_16BE, Aé, 6",
      "4100e9004200, UTF_16LE, AéB, 6",
      "41e942, WINDOWS_1252, AéB, 3",
      "4180e2829c, WINDOWS_1252, A€â‚œ, 5",
      "41f09f9880, UTF_8, A\uD83D\uDE00, 5",
      "41f09f98, WINDOWS_1252, AðŸ˜, 4"})
  void should_choose_the_encoding_and_count_bytes(String hex, EncodingDecoder.Kind kind,
      String text, long end) throws IOException {
    // given
    byte[] bytes = java.util.HexFormat.of().parseHex(hex);

    // when
    EncodingDecoder in = new EncodingDecoder(new ByteArrayInputStream(bytes));
    StringBuilder sb = new StringBuilder();
    for (int c = in.read(); c >= 0; c = in.read()) {
      sb.append((char) c);
    }

    // then
    assertThat(in.kind()).isEqualTo(kind);
    assertThat(sb.toString()).isEqualTo(text);
    assertThat(in.byteOffset()).isEqualTo(end);
  }
}
