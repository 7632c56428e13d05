package io.github.ancmdiag.input;

import static org.assertj.core.api.Assertions.assertThat;

import io.github.ancmdiag.model.Channel;
import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.nio.file.Files;
import java.util.List;
import java.util.Random;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/**
 * Random mutations of every fixture, with a fixed seed per fixture (jqwik is not available
 * offline, so this is a seeded loop): flipped, deleted, inserted and duplicated bytes, cuts, and
 * pure random bytes. For each input, under every format: no exception escapes, {@code
 * recordsRead()} equals the records returned, every skip has a reason and a plausible location,
 * and no record is longer than the limit.
 */
class LogReaderFuzzTest {
  private static final int ROUNDS = 300;
  private static final ReadLimits LIMITS = ReadLimits.of(4096);

  @ParameterizedTest(name = "{0}")
  @CsvSource({"wevtutil-v2.xml", "wevtutil-rendered.xml", "eventviewer-saved-utf16le.xml",
      "azure-eventlog.xml", "eventviewer-copy.txt", "eventviewer-copy-de.txt",
      "eventviewer-copy-missing-description.txt", "stdout-cp1252.log",
      "hostile/billion-laughs.xml", "binary.bin", "w3c/u_ex240305.log", "freb/fr000123.xml",
      "pages/ancm-500-30-3x.html",
      "pages/iis-500-19-section-missing.html", "pages/ancm-500-30-2-2-utf16le.html",
      "pages/truncated-500-31.html", "pages/pasted-500-30.txt", "pages/httpsys-503.html",
      "pages/ancm-500-30-net6.mhtml", "hostile/page-unclosed-script.html",
      "hostile/page-entity-bombs.html",
      "stdout/stdout_20240305091407_7412.log", "stdout/stdout_5128_20191120171241.log",
      "stdout/stdout_20240611081530_3316.log", "debug/aspnetcore-debug-3.1.log",
      "debug/aspnetcore-debug-8.0.log",
      "csv/eventviewer-en.csv", "csv/eventviewer-de.csv", "csv/eventviewer-truncated.csv",
      "powershell/get-winevent-ps51.json", "powershell/get-winevent-ps7.json",
      "powershell/get-eventlog-ps51.json", "powershell/get-winevent-malformed.json",
      "powershell/format-list-ps51.txt", "powershell/format-list-star-lf.txt"})
  void should_never_throw_and_keep_the_accounting_when_bytes_are_mutated(String fixture)
      throws IOException {
    // given
    byte[] original = Files.readAllBytes(LogReaderTest.DIR.resolve(fixture));
    Random random = new Random(fixture.hashCode());

    for (int round = 0; round < ROUNDS; round++) {
      byte[] bytes = round == 0 ? randomBytes(random) : mutate(original, random);
      for (Format format : Format.values()) {
        // when
        LogReader reader = LogReader.of(fixture, new ByteArrayInputStream(bytes), format,
            Channel.STDOUT_LOG, LIMITS);
        List<LogRecord> records = new java.util.ArrayList<>();
        reader.forEach(records::add);

        // then
        assertThat(reader.recordsRead()).isEqualTo(records.size());
        assertThat(records).allSatisfy(r -> {
          assertThat(r.text().length()).isLessThanOrEqualTo(LIMITS.maxRecordChars());
          assertThat(r.line()).isPositive();
        });
        assertThat(reader.skipped()).allSatisfy(s -> {
          assertThat(s.reason()).isNotBlank().doesNotContain("reader failed");
          assertThat(s.byteOffset()).isBetween(0L, (long) bytes.length);
        });
      }
    }
  }

  private static byte[] randomBytes(Random random) {
    byte[] b = new byte[random.nextInt(5000)];
    random.nextBytes(b);
    return b;
  }

  private static byte[] mutate(byte[] in, Random random) {
    byte[] b = in.clone();
    int edits = 1 + random.nextInt(8);
    for (int e = 0; e < edits && b.length > 0; e++) {
      int at = random.nextInt(b.length);
      switch (random.nextInt(5)) {
        case 0:
          b[at] = (byte) random.nextInt(256);
          break;
        case 1:
          b = concat(slice(b, 0, at), slice(b, Math.min(b.length, at + random.nextInt(64)),
              b.length));
          break;
        case 2:
          byte[] junk = "<>&;\"'/!-[]?\r\n\0".getBytes(java.nio.charset.StandardCharsets.UTF_8);
          b = concat(concat(slice(b, 0, at), new byte[] {junk[random.nextInt(junk.length)]}),
              slice(b, at, b.length));
          break;
        case 3:
          int to = Math.min(b.length, at + random.nextInt(200));
          b = concat(concat(slice(b, 0, to), slice(b, at, to)), slice(b, to, b.length));
          break;
        default:
          b = slice(b, 0, at);
          break;
      }
    }
    return b;
  }

  private static byte[] slice(byte[] b, int from, int to) {
    return java.util.Arrays.copyOfRange(b, from, to);
  }

  private static byte[] concat(byte[] a, byte[] c) {
    byte[] r = java.util.Arrays.copyOf(a, a.length + c.length);
    System.arraycopy(c, 0, r, a.length, c.length);
    return r;
  }
}
