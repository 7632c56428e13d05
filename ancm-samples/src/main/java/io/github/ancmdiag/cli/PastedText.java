package io.github.ancmdiag.cli;

import io.github.ancmdiag.input.Format;
import io.github.ancmdiag.input.LogReader;
import io.github.ancmdiag.input.LogRecord;
import io.github.ancmdiag.input.ReadLimits;
import io.github.ancmdiag.input.SkippedRecord;
import io.github.ancmdiag.model.Channel;
import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.Charset;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;

/**
 * Text from standard input ({@code ancm-diagnose -}, to its end) or pasted at the prompt of
 * {@code ancm-diagnose --paste} (to two empty lines in a row, or its end), split by {@link
 * PasteSplitter} into parts that are each read by the reader of its format. At most {@link
 * #LIMIT} bytes are read; a longer input is cut and says so as a skipped record. Records carry
 * the source {@value #SOURCE} and their line in the whole input.
 */
final class PastedText {
  /** The source name of every record read from standard input. */
  static final String SOURCE = "<stdin>";
  /** The most bytes read from standard input. */
  static final int LIMIT = 16 << 20;
  /** What {@code --paste} prints (to stderr) before reading. */
  static final String PROMPT = "Paste what you have: the error page's text, events copied from"
      + " Event Viewer (Copy > Copy details as text), stdout or debug log lines, in any order."
      + " End with two empty lines in a row (Enter twice more after the last line), or with"
      + " Ctrl-D (Ctrl-Z then Enter on Windows).";

  private final List<LogRecord> records = new ArrayList<>();
  private final List<SkippedRecord> skipped = new ArrayList<>();
  private final List<String> parts = new ArrayList<>();

  private PastedText() {}

  /** Reads standard input to its end. */
  static PastedText readAll(InputStream in) throws IOException {
    ByteArrayOutputStream bytes = new ByteArrayOutputStream();
    byte[] buffer = new byte[8192];
    boolean cut = false;
    for (int n = in.read(buffer); n >= 0; n = in.read(buffer)) {
      int room = LIMIT - bytes.size();
      bytes.write(buffer, 0, Math.min(n, room));
      if (n > room) {
        cut = true;
        break;
      }
    }
    return of(decode(bytes.toByteArray()), cut);
  }

  /**
   * Reads what is pasted: lines up to two empty lines in a row, or the end of the input. Reads
   * byte by byte, so nothing after the end is consumed.
   */
  static PastedText readPaste(InputStream in) throws IOException {
    ByteArrayOutputStream bytes = new ByteArrayOutputStream();
    int emptyLines = 0;
    int lineLength = 0;
    boolean cut = false;
    for (int b = in.read(); b >= 0; b = in.read()) {
      if (bytes.size() >= LIMIT) {
        cut = true;
        break;
      }
      bytes.write(b);
      if (b == '\n') {
        emptyLines = lineLength == 0 ? emptyLines + 1 : 0;
        lineLength = 0;
        if (emptyLines == 2) {
          break;
        }
      } else if (b != '\r') {
        lineLength++;
      }
    }
    return of(decode(bytes.toByteArray()), cut);
  }

  /** Reads already decoded text; {@code cut} says the input went on past {@link #LIMIT}. */
  static PastedText of(String text, boolean cut) {
    PastedText pasted = new PastedText();
    for (PasteSplitter.Part part : PasteSplitter.split(text)) {
      pasted.read(part);
    }
    if (cut) {
      pasted.skipped.add(new SkippedRecord(SOURCE, 0, LIMIT, "standard input is longer than "
          + LIMIT + " bytes; only its first " + LIMIT + " bytes were read"));
    }
    return pasted;
  }

  private void read(PasteSplitter.Part part) {
    int offset = part.firstLine() - 1;
    int last = offset + part.text().split("\n", -1).length - 1;
    parts.add((last == part.firstLine() ? "line " + last : "lines " + part.firstLine() + "-"
        + last) + ": "
        + part.format().map(Format::name).orElse("text of no known format (one event's text)"));
    try (LogReader reader = LogReader.of(SOURCE, new ByteArrayInputStream(
        part.text().getBytes(StandardCharsets.UTF_8)), Format.AUTO, Channel.EVENT_LOG,
        ReadLimits.defaults())) {
      for (LogRecord r : reader) {
        records.add(moved(r, offset));
      }
      for (SkippedRecord s : reader.skipped()) {
        skipped.add(new SkippedRecord(s.source(), s.line() > 0 ? s.line() + offset : s.line(),
            -1, s.reason()));
      }
    } catch (IOException e) {
      skipped.add(new SkippedRecord(SOURCE, part.firstLine(), -1, "cannot be read: "
          + TextFiles.reason(e)));
    }
  }

  /** Returns the record with its line counted from the start of the whole input. */
  private static LogRecord moved(LogRecord r, int offset) {
    LogRecord.Builder b = LogRecord.builder(r.channel(), r.text()).source(r.source())
        .line(r.line() > 0 ? r.line() + offset : r.line()).provider(r.provider())
        .level(r.level());
    if (r.eventId() > 0) {
      b.eventId(r.eventId());
    }
    r.time().ifPresent(b::time);
    r.httpStatus().ifPresent(b::httpStatus);
    r.win32Status().ifPresent(b::win32Status);
    return b.build();
  }

  /** Decodes bytes as text files are: UTF-8 or UTF-16 by byte order mark, UTF-8, windows-1252. */
  static String decode(byte[] b) {
    Charset bom = TextFiles.bomCharset(b, b.length);
    if (bom != null) {
      int skip = bom == StandardCharsets.UTF_8 ? 3 : 2;
      return new String(b, skip, b.length - skip, bom);
    }
    return TextFiles.decodeUtf8Or1252(b, 0, b.length);
  }

  /** Returns the records read, in input order. */
  List<LogRecord> records() {
    return records;
  }

  /** Returns what could not be read. */
  List<SkippedRecord> skipped() {
    return skipped;
  }

  /** Describes each part found (its lines and format), for the user. */
  List<String> parts() {
    return parts;
  }
}
