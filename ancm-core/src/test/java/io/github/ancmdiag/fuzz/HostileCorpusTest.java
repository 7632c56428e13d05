package io.github.ancmdiag.fuzz;

import static org.assertj.core.api.Assertions.assertThat;

import io.github.ancmdiag.Evidence;
import io.github.ancmdiag.input.Format;
import io.github.ancmdiag.input.LogReader;
import io.github.ancmdiag.input.LogRecord;
import io.github.ancmdiag.input.ReadLimits;
import io.github.ancmdiag.input.SkippedRecord;
import io.github.ancmdiag.model.Channel;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * Replays the hostile corpus (src/test/resources/hostile/, and inputs too big to commit, made
 * here at run time) through every reader and {@link Evidence#fromFolder}: XXE, external DTDs,
 * parameter entities, XInclude and entity expansion; invalid UTF-8, unpaired surrogates, NUL
 * bytes, lying byte order marks, files cut inside a character or an event; a 100 MB line;
 * 1,000,000-deep XML and JSON; an MHTML header folded over a million lines; ten million tiny
 * events. Each ends with records or located skips within the promises {@link ReaderFuzzTest}
 * checks, never an exception, a hang or an unbounded list; nothing outside the input is read.
 */
class HostileCorpusTest {
  static final Path CORPUS = Path.of("src", "test", "resources", "hostile");
  private static final String SECRET = "root:x:0:0";

  static Stream<Arguments> corpusTimesFormats() throws IOException {
    List<Arguments> all = new ArrayList<>();
    try (Stream<Path> files = Files.list(CORPUS)) {
      for (Path f : files.sorted().toList()) {
        for (Format format : Format.values()) {
          all.add(Arguments.of(f.getFileName().toString(), format));
        }
      }
    }
    return all.stream();
  }

  @ParameterizedTest(name = "{0} as {1}")
  @MethodSource("corpusTimesFormats")
  @Timeout(value = 10, unit = TimeUnit.SECONDS, threadMode = Timeout.ThreadMode.SEPARATE_THREAD)
  void should_read_each_hostile_file_in_every_format_within_the_promises(String file,
      Format format) throws IOException {
    // given
    byte[] bytes = Files.readAllBytes(CORPUS.resolve(file));

    // when / then: records and located skips only, within the limits
    ReaderFuzzTest.check(bytes, format, format == Format.PLAIN_TEXT ? Channel.EVENT_LOG : null);
    try (LogReader reader = LogReader.of(file, new java.io.ByteArrayInputStream(bytes), format,
        format == Format.PLAIN_TEXT ? Channel.EVENT_LOG : null, ReadLimits.defaults())) {
      for (LogRecord r : reader) {
        assertThat(r.text()).doesNotContain(SECRET);
      }
    }
  }

  @Test
  @Timeout(value = 30, unit = TimeUnit.SECONDS, threadMode = Timeout.ThreadMode.SEPARATE_THREAD)
  void should_read_the_hostile_corpus_as_one_incident_folder() throws IOException {
    // when
    Evidence e = Evidence.fromFolder(CORPUS);

    // then
    assertThat(e.records()).isNotEmpty().allSatisfy(r -> assertThat(r.text())
        .doesNotContain(SECRET));
    assertThat(e.skipped()).allSatisfy(s -> {
      assertThat(s.source()).startsWith(CORPUS.toString());
      ReaderFuzzTest.assertNoJargon(s.reason());
    });
  }

  @Test
  @Timeout(value = 60, unit = TimeUnit.SECONDS, threadMode = Timeout.ThreadMode.SEPARATE_THREAD)
  void should_cut_a_100_mb_single_line_as_detected_and_as_event_text() throws IOException {
    for (Format format : new Format[] {Format.AUTO, Format.EVENT_TEXT}) {
      // given
      InputStream in = Generated.repeat("Failed to start application '/LM/W3SVC/2/ROOT' ",
          "", 100_000_000L, "");

      // when
      List<Integer> lengths = new ArrayList<>();
      List<SkippedRecord> skipped;
      try (LogReader reader = LogReader.of("line.log", in, format, Channel.STDOUT_LOG,
          ReadLimits.defaults())) {
        reader.forEach(r -> lengths.add(r.text().length()));
        skipped = List.copyOf(reader.skipped());
      }

      // then: what was kept is within the limit and the rest is reported
      assertThat(lengths).as(format.name()).allSatisfy(n -> assertThat(n)
          .isLessThanOrEqualTo(ReadLimits.DEFAULT_MAX_RECORD_CHARS));
      assertThat(skipped).as(format.name()).isNotEmpty().hasSizeLessThanOrEqualTo(1000);
    }
  }

  @Test
  @Timeout(value = 30, unit = TimeUnit.SECONDS, threadMode = Timeout.ThreadMode.SEPARATE_THREAD)
  void should_answer_a_million_deep_xml_nesting_with_a_located_skip() throws IOException {
    for (Format format : new Format[] {Format.AUTO, Format.EVENT_XML, Format.FREB_XML,
        Format.ERROR_PAGE}) {
      // given
      InputStream in = Generated.repeat("<?xml version=\"1.0\"?>\n<Events><Event>", "<a>",
          1_000_000L * 3, "</Event></Events>\n");

      // when / then
      readBounded(in, format);
    }
  }

  @Test
  @Timeout(value = 30, unit = TimeUnit.SECONDS, threadMode = Timeout.ThreadMode.SEPARATE_THREAD)
  void should_answer_a_million_deep_json_nesting_with_a_located_skip() throws IOException {
    for (Format format : new Format[] {Format.AUTO, Format.POWERSHELL_JSON}) {
      // given
      InputStream in = Generated.repeat("[", "[", 1_000_000L, "]");

      // when / then
      readBounded(in, format);
    }
  }

  @Test
  @Timeout(value = 60, unit = TimeUnit.SECONDS, threadMode = Timeout.ThreadMode.SEPARATE_THREAD)
  void should_keep_at_most_a_thousand_skips_for_millions_of_tiny_or_malformed_records()
      throws IOException {
    // given: two million numbers and a million {} in a PowerShell export, 200,000 <Event/> and
    // 20,000 malformed events (the event reader's pace, about 100,000 events a second, sets
    // these sizes: the caps hold from the 1,000th skip on, whatever the count)
    InputStream[] inputs = {
        Generated.repeat("[", "12345,", 12_000_000L, "1]"),
        Generated.repeat("[", "{},", 3_000_000L, "{}]"),
        Generated.repeat("<Events>", "<Event/>", 1_600_000L, "</Events>"),
        Generated.repeat("<Events>", "<Event><System><EventID>x</EventID></Event>",
            20_000L * 44, "</Events>")};
    Format[] formats = {Format.POWERSHELL_JSON, Format.POWERSHELL_JSON, Format.AUTO,
        Format.AUTO};
    for (int i = 0; i < inputs.length; i++) {
      // when / then
      readBounded(inputs[i], formats[i]);
    }
  }

  @Test
  @Timeout(value = 20, unit = TimeUnit.SECONDS, threadMode = Timeout.ThreadMode.SEPARATE_THREAD)
  void should_read_an_mhtml_header_folded_over_a_million_lines_in_linear_time()
      throws IOException {
    // given: each continuation used to be appended to the header string (quadratic: 400,000
    // lines took 16 s)
    InputStream in = new java.io.SequenceInputStream(Generated.repeat("From: <Saved by Blink>\r\n"
        + "MIME-Version: 1.0\r\nContent-Type: multipart/related; boundary=\"B\"\r\n"
        + "Subject: x\r\n", " folded\r\n", 9_000_000L, ""),
        new java.io.ByteArrayInputStream(("\r\n--B\r\nContent-Type: text/html\r\n\r\n<html>"
            + "<title>HTTP Error 500.30 - ASP.NET Core app failed to start</title></html>\r\n"
            + "--B--\r\n").getBytes(StandardCharsets.UTF_8)));

    // when
    List<LogRecord> records = new ArrayList<>();
    List<SkippedRecord> skipped;
    try (LogReader reader = LogReader.of("page.mhtml", in, Format.ERROR_PAGE, null,
        ReadLimits.defaults())) {
      reader.forEach(records::add);
      skipped = List.copyOf(reader.skipped());
    }

    // then: the long header is reported where it grows too long, and the page is still read
    assertThat(records).singleElement().satisfies(r -> assertThat(r.text())
        .contains("HTTP Error 500.30"));
    assertThat(skipped).singleElement().satisfies(s -> {
      assertThat(s.line()).isGreaterThan(3);
      assertThat(s.reason()).contains("MIME header folded over many lines");
    });
  }

  @Test
  void should_read_text_behind_a_lying_byte_order_mark_as_what_it_is_and_say_so()
      throws IOException {
    for (String file : new String[] {"lying-bom-utf16le-before-utf8.log",
        "lying-bom-utf16be-before-utf16le.xml", "lying-bom-utf8-before-utf16le.log"}) {
      // when
      List<LogRecord> records = new ArrayList<>();
      List<SkippedRecord> skipped;
      try (LogReader reader = LogReader.open(CORPUS.resolve(file), Format.AUTO,
          Channel.EVENT_LOG)) {
        reader.forEach(records::add);
        skipped = List.copyOf(reader.skipped());
      }

      // then
      assertThat(records).as(file).isNotEmpty().anySatisfy(r -> assertThat(r.text())
          .containsPattern("Failed to start|failed to start process"));
      assertThat(skipped).as(file).anySatisfy(s -> {
        assertThat(s.line()).isEqualTo(1);
        assertThat(s.byteOffset()).isZero();
        assertThat(s.reason()).startsWith("the byte order mark says");
      });
    }
  }

  @Test
  @Timeout(value = 60, unit = TimeUnit.SECONDS, threadMode = Timeout.ThreadMode.SEPARATE_THREAD)
  void should_bound_the_evidence_of_a_folder_holding_120_000_events(@TempDir Path dir)
      throws IOException {
    // given
    try (OutputStream out = Files.newOutputStream(dir.resolve("Application.xml"));
        InputStream in = Generated.repeat("<Events>", "<Event><System><EventID>1000</EventID>"
            + "<Provider Name=\"x\"/></System><EventData><Data>d</Data></EventData></Event>\n",
            120_000L * 113, "</Events>\n")) {
      in.transferTo(out);
    }

    // when
    Evidence e = Evidence.fromFolder(dir);

    // then
    assertThat(e.records()).hasSizeLessThanOrEqualTo(100_000);
    assertThat(e.skipped()).anySatisfy(s -> assertThat(s.reason())
        .contains("more record(s) of this source were not kept"));
  }

  /** Reads to the end, checking that the skips stay listed within their cap and located. */
  private static void readBounded(InputStream in, Format format) throws IOException {
    long records = 0;
    try (LogReader reader = LogReader.of("generated", in, format, null,
        ReadLimits.defaults())) {
      for (LogRecord r : reader) {
        records++;
        assertThat(r.text().length()).isLessThanOrEqualTo(ReadLimits.DEFAULT_MAX_RECORD_CHARS);
      }
      assertThat(reader.skipped()).as(format.name()).hasSizeLessThanOrEqualTo(1000)
          .allSatisfy(s -> ReaderFuzzTest.assertNoJargon(s.reason()));
      assertThat(records + reader.skipped().size()).as(format.name()).isPositive();
    }
  }

  /** Streams made on the fly, so that no big input is ever held or committed. */
  static final class Generated extends InputStream {
    private final byte[] head;
    private final byte[] unit;
    private final long body;
    private final byte[] tail;
    private long pos;

    private Generated(String head, String unit, long body, String tail) {
      this.head = head.getBytes(StandardCharsets.UTF_8);
      this.unit = unit.getBytes(StandardCharsets.UTF_8);
      this.body = unit.isEmpty() ? 0 : body;
      this.tail = tail.getBytes(StandardCharsets.UTF_8);
    }

    /**
     * Returns {@code head}, then {@code unit} repeated up to {@code bodyBytes} bytes, then
     * {@code tail}; with an empty unit, the head is repeated instead.
     */
    static InputStream repeat(String head, String unit, long bodyBytes, String tail) {
      return unit.isEmpty() ? new Generated("", head, bodyBytes, tail)
          : new Generated(head, unit, bodyBytes, tail);
    }

    @Override
    public int read() {
      byte[] one = new byte[1];
      return read(one, 0, 1) < 0 ? -1 : one[0] & 0xff;
    }

    @Override
    public int read(byte[] b, int off, int len) {
      long total = head.length + body + tail.length;
      if (pos >= total) {
        return -1;
      }
      int n = 0;
      while (n < len && pos < total) {
        byte v;
        if (pos < head.length) {
          v = head[(int) pos];
        } else if (pos < head.length + body) {
          v = unit[(int) ((pos - head.length) % unit.length)];
        } else {
          v = tail[(int) (pos - head.length - body)];
        }
        b[off + n++] = v;
        pos++;
      }
      return n;
    }
  }
}
