package io.github.ancmdiag.fuzz;

import static org.assertj.core.api.Assertions.assertThat;

import com.code_intelligence.jazzer.junit.FuzzTest;
import io.github.ancmdiag.input.Format;
import io.github.ancmdiag.input.LogReader;
import io.github.ancmdiag.input.LogRecord;
import io.github.ancmdiag.input.ReadLimits;
import io.github.ancmdiag.input.SkippedRecord;
import io.github.ancmdiag.input.WebConfigReader;
import io.github.ancmdiag.model.Channel;
import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;

/**
 * Coverage-guided fuzz targets for format detection and every reader. In a normal build each
 * replays its committed seeds (src/test/resources/io/github/ancmdiag/fuzz/ReaderFuzzTestInputs/
 * METHOD/); with {@code JAZZER_FUZZ=1} Jazzer mutates them (one target per run, see the README's
 * "Building" section). Every target checks the readers' promises, which a finding breaks:
 *
 * <ul>
 *   <li>nothing is thrown, for any bytes;
 *   <li>{@code recordsRead()} equals the records returned; every record is within the record
 *       limit and has a line; every skip has a reason in words (no "internal error") and a byte
 *       offset inside the input or -1;
 *   <li>the accounting, by lines (records and skips carry a start line, not a byte range, so
 *       this is what can be proven): every record's and skip's line lies inside the input (at
 *       most its line breaks, LF, CRLF or a lone CR, plus one); an input holding any non-blank text gives at least one record
 *       or one skip (nothing is lost silently); and for the line formats (stdout, debug, plain
 *       text) every non-blank line of an ASCII input shows up in a record's text or lies at or
 *       after a skip's line (what a cut record's rest reports).
 * </ul>
 */
class ReaderFuzzTest {
  private static final ReadLimits LIMITS = ReadLimits.of(4096);

  @FuzzTest(maxDuration = "10m")
  void detectFormat(byte[] input) throws IOException {
    check(input, Format.AUTO, null);
    check(input, Format.AUTO, Channel.STDOUT_LOG);
  }

  @FuzzTest(maxDuration = "10m")
  void eventXml(byte[] input) throws IOException {
    check(input, Format.EVENT_XML, null);
  }

  @FuzzTest(maxDuration = "10m")
  void eventText(byte[] input) throws IOException {
    check(input, Format.EVENT_TEXT, null);
  }

  @FuzzTest(maxDuration = "10m")
  void eventCsv(byte[] input) throws IOException {
    check(input, Format.EVENT_CSV, null);
  }

  @FuzzTest(maxDuration = "10m")
  void powerShellJson(byte[] input) throws IOException {
    check(input, Format.POWERSHELL_JSON, null);
  }

  @FuzzTest(maxDuration = "10m")
  void powerShellList(byte[] input) throws IOException {
    check(input, Format.POWERSHELL_LIST, null);
  }

  @FuzzTest(maxDuration = "10m")
  void w3cLog(byte[] input) throws IOException {
    check(input, Format.W3C_LOG, null);
  }

  @FuzzTest(maxDuration = "10m")
  void frebXml(byte[] input) throws IOException {
    check(input, Format.FREB_XML, null);
  }

  @FuzzTest(maxDuration = "10m")
  void errorPage(byte[] input) throws IOException {
    check(input, Format.ERROR_PAGE, null);
  }

  @FuzzTest(maxDuration = "10m")
  void stdoutLog(byte[] input) throws IOException {
    check(input, Format.STDOUT_LOG, null);
  }

  @FuzzTest(maxDuration = "10m")
  void debugLog(byte[] input) throws IOException {
    check(input, Format.DEBUG_LOG, null);
  }

  @FuzzTest(maxDuration = "10m")
  void plainText(byte[] input) throws IOException {
    check(input, Format.PLAIN_TEXT, Channel.BROWSER);
  }

  @FuzzTest(maxDuration = "10m")
  void webConfig(byte[] input) {
    String xml = new String(input, StandardCharsets.UTF_8);
    WebConfigReader.Result r = WebConfigReader.parse(xml, "web.config");
    assertThat(r.problems()).allSatisfy(p -> assertNoJargon(p.message()));
    assertThat(r.records()).allSatisfy(rec -> assertThat(rec.channel())
        .isEqualTo(Channel.WEB_CONFIG));
  }

  /** Reads the input and checks every promise in the class comment. */
  static void check(byte[] input, Format format, Channel channel) throws IOException {
    List<LogRecord> records = new ArrayList<>();
    List<SkippedRecord> skipped;
    Format read;
    try (LogReader reader = LogReader.of("fuzz", new ByteArrayInputStream(input), format,
        channel, LIMITS)) {
      reader.forEach(records::add);
      assertThat(reader.recordsRead()).isEqualTo(records.size());
      skipped = List.copyOf(reader.skipped());
      read = reader.format().orElse(null);
    }
    long lines = 1;
    boolean blank = true;
    for (int i = 0; i < input.length; i++) {
      byte b = input[i];
      // a line ends at LF, CRLF or a lone CR (XML and the text readers count all three)
      if (b == '\n' || b == '\r' && (i + 1 == input.length || input[i + 1] != '\n')) {
        lines++;
      }
      if (b != ' ' && b != '\t' && b != '\r' && b != '\n' && b != 0) {
        blank = false;
      }
    }
    long maxLine = lines;
    for (LogRecord r : records) {
      assertThat(r.text().length()).isLessThanOrEqualTo(LIMITS.maxRecordChars());
      assertThat(r.line()).isBetween(1L, maxLine);
    }
    for (SkippedRecord s : skipped) {
      assertNoJargon(s.reason());
      assertThat(s.byteOffset()).isBetween(-1L, (long) input.length);
      assertThat(s.line()).isBetween(0L, maxLine);
    }
    boolean lineFormat = read == Format.STDOUT_LOG || read == Format.DEBUG_LOG
        || read == Format.PLAIN_TEXT;
    if (!blank && !startsWithBom(input) && (read == null || lineFormat)) {
      assertThat(records.size() + skipped.size()).as("records and skips of a non-blank input")
          .isPositive();
    }
    if (lineFormat) {
      linesAccountedFor(input, records, skipped);
    }
  }

  /** A Java class name, such as {@code java.io.IOException} or {@code com.x.ParseError}. */
  private static final java.util.regex.Pattern CLASS_NAME = java.util.regex.Pattern.compile(
      "\\b[a-z][a-z0-9_]*(\\.[a-z][a-z0-9_]*)+\\.[A-Z]\\w*(Exception|Error)\\b");

  /**
   * Checks that a reason is words for a user: not blank, no Java class name, no parser state, no
   * unknown location printed as -1, and not a bug's "internal error".
   */
  static void assertNoJargon(String reason) {
    assertThat(reason).isNotBlank().doesNotContain("internal error", "Scanner State",
        "REC-xml-names", "(byte -1)", "\tat ").doesNotContainPattern(CLASS_NAME);
  }

  private static boolean startsWithBom(byte[] b) {
    return b.length >= 2 && ((b[0] & 0xff) == 0xff || (b[0] & 0xff) == 0xfe
        || (b[0] & 0xff) == 0xef);
  }

  /** In an ASCII input, each non-blank line is in some record's text or at or after a skip. */
  private static void linesAccountedFor(byte[] input, List<LogRecord> records,
      List<SkippedRecord> skipped) {
    for (byte b : input) {
      if (b < 0x20 && b != '\n' && b != '\r' && b != '\t' || b >= 0x7f || b < 0) {
        return; // decoded text may differ from the bytes: not checked here
      }
    }
    long firstSkip = skipped.stream().mapToLong(SkippedRecord::line).filter(l -> l > 0).min()
        .orElse(Long.MAX_VALUE);
    if (skipped.stream().anyMatch(s -> s.line() == 0)) {
      return; // a skip of unknown place may stand for any line
    }
    String all = String.join("\n", records.stream().map(LogRecord::text).toList());
    String[] lines = new String(input, StandardCharsets.US_ASCII).split("\n", -1);
    for (int i = 0; i < lines.length; i++) {
      String line = lines[i].strip();
      if (!line.isEmpty() && i + 1 < firstSkip) {
        assertThat(all).as("line %d of the input is in a record or a skip", i + 1)
            .contains(line);
      }
    }
  }
}
