package io.github.ancmdiag.internal.read.evtx;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.HexFormat;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.api.Test;

/** The text of each value type, as Windows event XML shows it. */
class ValuesTest {
  private static String text(int type, byte[] b) throws BinXmlException {
    StringBuilder sb = new StringBuilder();
    Values.append(b, 0, b.length, type, sb);
    return sb.toString();
  }

  private static byte[] hex(String hex) {
    return HexFormat.of().parseHex(hex);
  }

  @ParameterizedTest(name = "type {0}: {1} -> {2}")
  @CsvSource(delimiter = '|', value = {
      "3  | ff               | -1",
      "4  | ff               | 255",
      "5  | feff             | -2",
      "6  | feff             | 65534",
      "7  | fbffffff         | -5",
      "8  | ffffffff         | 4294967295",
      "9  | ffffffffffffffff | -1",
      "10 | ffffffffffffffff | 18446744073709551615",
      "12 | 000000000000f83f | 1.5",
      "13 | 01000000         | true",
      "13 | 00000000         | false",
      "14 | 00ff10           | 00FF10",
      "20 | e7030000         | 0x3e7",
      "20 | 00000000         | 0x0",
      "21 | 0000000000000080 | 0x8000000000000000",
      "16 | e703000000000000 | 0x00000000000003e7",
      "2  | 4163636580004243 | Acce\u20ac",
      "1  | 41004200000043   | AB"})
  void should_render_a_value_as_windows_event_xml_shows_it(int type, String bytes, String text)
      throws BinXmlException {
    assertThat(text(type, hex(bytes.strip()))).isEqualTo(text.strip());
  }

  @Test
  void should_render_guids_sids_and_times() throws BinXmlException {
    // given
    byte[] guid = hex("83b3e9db f37c 3143 91cc a3cb16a3b538".replace(" ", ""));
    byte[] sid = hex("010500000000000515000000fab37b697cbe1da7ee9e4a1dea030000");
    Instant t = Instant.parse("2021-03-31T23:51:45.018767400Z");
    long ticks = (t.getEpochSecond() + 11_644_473_600L) * 10_000_000L + t.getNano() / 100;
    byte[] fileTime = ByteBuffer.allocate(8).order(ByteOrder.LITTLE_ENDIAN).putLong(ticks)
        .array();
    byte[] systemTime = ByteBuffer.allocate(16).order(ByteOrder.LITTLE_ENDIAN)
        .putShort((short) 2024).putShort((short) 5).putShort((short) 3).putShort((short) 1)
        .putShort((short) 10).putShort((short) 11).putShort((short) 12).putShort((short) 7)
        .array();

    // then
    assertThat(text(Values.GUID, guid)).isEqualTo("{DBE9B383-7CF3-4331-91CC-A3CB16A3B538}");
    assertThat(text(Values.SID, sid)).isEqualTo("S-1-5-21-1769714682-2803744380-491429614-1002");
    assertThat(text(Values.FILETIME, fileTime)).isEqualTo("2021-03-31T23:51:45.018767400Z");
    assertThat(Values.fileTimeInstant(ticks)).isEqualTo(t);
    assertThat(text(Values.SYSTEMTIME, systemTime)).isEqualTo("2024-05-01T10:11:12.007Z");
  }

  @Test
  void should_render_arrays_item_by_item() throws BinXmlException {
    // given
    byte[] strings = "one\0two\0".getBytes(StandardCharsets.UTF_16LE);
    byte[] ints = hex("0100000002000000");

    // then
    assertThat(text(Values.STRING | Values.ARRAY, strings)).isEqualTo("one, two");
    assertThat(Values.items(strings, 0, strings.length, Values.STRING)).containsExactly(0, 6, 8, 14);
    assertThat(text(Values.UINT32 | Values.ARRAY, ints)).isEqualTo("1, 2");
  }

  @Test
  void should_refuse_a_size_that_does_not_fit_the_type() {
    assertThatThrownBy(() -> text(Values.UINT32, hex("0100")))
        .isInstanceOf(BinXmlException.class).hasMessageContaining("2 bytes instead of 4");
    assertThatThrownBy(() -> text(Values.SID, hex("0105000000000005")))
        .isInstanceOf(BinXmlException.class).hasMessageContaining("sub-authorities");
    assertThatThrownBy(() -> text(0x30, hex("00")))
        .isInstanceOf(BinXmlException.class).hasMessageContaining("unknown value type 0x30");
  }
}
