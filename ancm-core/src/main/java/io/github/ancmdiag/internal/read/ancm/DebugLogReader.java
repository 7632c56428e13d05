package io.github.ancmdiag.internal.read.ancm;

import io.github.ancmdiag.internal.read.text.EncodingDecoder;
import io.github.ancmdiag.internal.read.text.LineCursor;
import io.github.ancmdiag.internal.read.text.LineGroupReader;
import io.github.ancmdiag.internal.read.text.RawRecord;
import io.github.ancmdiag.internal.read.text.RecordReader;
import io.github.ancmdiag.model.Channel;
import java.io.IOException;
import java.time.DateTimeException;
import java.time.Instant;
import java.time.LocalDateTime;
import java.time.ZoneOffset;
import java.util.Locale;
import org.jetbrains.annotations.Nullable;

/**
 * Reads {@link io.github.ancmdiag.input.Format#DEBUG_LOG}: the ANCM V2 debug log ({@code aspnetcore-debug.log}, enabled by
 * the {@code debugLevel}/{@code debugFile} handler settings). One record of {@link
 * Channel#DEBUG_LOG} per entry. The module writes each entry ({@code DebugPrintW}) in one of two
 * line formats:
 *
 * <pre>
 * [aspnetcorev2_inprocess.dll] Loading request handler:  'C:\...\aspnetcorev2_inprocess.dll'
 *                                                           (2.2 to 5.0: "[%S] %s")
 * [2024-05-01T10:11:12.345Z, PID: 4242] [aspnetcorev2.dll] Initializing logs for '...'.
 *                                                           (newer: "[%s, PID: %u] [%S] %s")
 * </pre>
 *
 * <p>{@code %S} is the module's label, such as {@code aspnetcorev2.dll}, {@code
 * aspnetcorev2_inprocess.dll} or {@code aspnetcorev2_outofprocess.dll}. A line without that prefix
 * continues the entry before it, as when a message holds line breaks (the {@code Event Log: '...'
 * \r\nEnd Event Log Message.} mirror of an event, an exception text, captured hostfxr output);
 * blank lines inside such an entry are kept, blank lines after it are dropped. Lines before the
 * first entry (a log whose start was cut) are grouped up to a blank line.
 *
 * <p>The record's text is the entry's lines as written, prefix included, joined by their own
 * terminators. The newer format's timestamp is UTC ({@code Z}), so it becomes the record's time;
 * the older format has none. Neither format carries a level, so records have none. Accounting is
 * as {@link LineGroupReader} says. Any text fits this format, so a forced {@code DEBUG_LOG} never
 * reports a misfit. Called by {@link io.github.ancmdiag.input.LogReader}.
 */
public final class DebugLogReader extends LineGroupReader {
  private static final String PID = ", PID: ";
  /** How many non-blank lines {@link #looksLike} looks at. */
  static final int DETECT_LINES = 3;

  public DebugLogReader(EncodingDecoder in, String source, int maxChars,
      RecordReader.Skips skips) {
    super(in, source, maxChars, skips);
  }

  @Override
  public @Nullable RawRecord next() throws IOException {
    LineCursor.Head head = nextTextLine();
    if (head == null) {
      return null;
    }
    boolean entry = module(head.text()) != null;
    Instant time = time(head.text());
    Group group = new Group(head);
    while (true) {
      LineCursor.Head next = lines.peek();
      while (entry && next != null && next.isBlank()) {
        group.addBlankLine();
        next = lines.peek();
      }
      if (next == null || next.isBlank() || next.isBinary() || module(next.text()) != null) {
        break;
      }
      group.addLine();
    }
    RawRecord.Builder b = RawRecord.builder(Channel.DEBUG_LOG, group.finish()).source(source)
        .line(group.line);
    if (time != null) {
      b.time(time);
    }
    return b.build();
  }

  /** The module label of an entry's first line, or null when the line starts no entry. */
  public static @Nullable String module(String line) {
    if (!line.startsWith("[")) {
      return null;
    }
    int at = 1;
    int timeEnd = timeEnd(line);
    if (timeEnd > 0) {
      int close = line.indexOf(']', timeEnd);
      if (close < 0 || !digits(line, timeEnd + PID.length(), close)
          || !line.startsWith(" [", close + 1)) {
        return null;
      }
      at = close + 3;
    }
    int close = line.indexOf(']', at);
    if (close < 0 || close - at > 100 || close + 1 < line.length()
        && line.charAt(close + 1) != ' ') {
      return null;
    }
    String label = line.substring(at, close);
    boolean dll = label.length() > 4
        && label.regionMatches(true, label.length() - 4, ".dll", 0, 4);
    return dll && label.indexOf('[') < 0 ? label : null;
  }

  /** The UTC time of a newer-format entry line, or null (also when not a valid time). */
  public static @Nullable Instant time(String line) {
    if (module(line) == null || timeEnd(line) < 0) {
      return null;
    }
    try {
      LocalDateTime t = LocalDateTime.of(number(line, 1, 5), number(line, 6, 8),
          number(line, 9, 11), number(line, 12, 14), number(line, 15, 17), number(line, 18, 20));
      int nanos = 0;
      int end = line.indexOf(PID) - 1; // the Z
      if (end > 20) {
        String fraction = line.substring(21, end);
        nanos = Integer.parseInt(fraction) * (int) Math.pow(10, 9 - fraction.length());
      }
      return t.withNano(nanos).toInstant(ZoneOffset.UTC);
    } catch (DateTimeException e) {
      return null; // the shape of a time but not a valid one (month 13): an entry without time
    }
  }

  /**
   * Where {@code , PID: } starts after {@code [yyyy-MM-ddTHH:mm:ss[.f{1,9}]Z} at the start of the
   * line, or -1 when the line does not start so.
   */
  private static int timeEnd(String line) {
    String shape = "[dddd-dd-ddTdd:dd:dd";
    if (line.length() < shape.length() + 1 + PID.length()) {
      return -1;
    }
    for (int i = 0; i < shape.length(); i++) {
      char want = shape.charAt(i);
      char c = line.charAt(i);
      if (want == 'd' ? c < '0' || c > '9' : Character.toUpperCase(c) != want) {
        return -1;
      }
    }
    int i = shape.length();
    if (line.charAt(i) == '.') {
      int digitsEnd = i + 1;
      while (digitsEnd < line.length() && digitsEnd - i <= 9
          && Character.isDigit(line.charAt(digitsEnd)) && line.charAt(digitsEnd) < 128) {
        digitsEnd++;
      }
      if (digitsEnd == i + 1 || digitsEnd - i > 10) {
        return -1;
      }
      i = digitsEnd;
    }
    if (i >= line.length() || Character.toUpperCase(line.charAt(i)) != 'Z'
        || !line.startsWith(PID, i + 1)) {
      return -1;
    }
    return i + 1;
  }

  private static boolean digits(String s, int from, int to) {
    if (to <= from || to - from > 10) {
      return false;
    }
    for (int i = from; i < to; i++) {
      if (s.charAt(i) < '0' || s.charAt(i) > '9') {
        return false;
      }
    }
    return true;
  }

  private static int number(String s, int from, int to) {
    return Integer.parseInt(s, from, to, 10);
  }

  /**
   * Whether {@code head}, the first characters of an input, look like an ANCM debug log: one of
   * its first {@value #DETECT_LINES} non-blank lines starts with either entry prefix and a module
   * label starting {@code aspnetcore}. Used by {@link io.github.ancmdiag.internal.read.FormatDetector}.
   */
  public static boolean looksLike(String head) {
    int seen = 0;
    for (String line : head.split("\r?\n", -1)) {
      if (line.isBlank()) {
        continue;
      }
      String module = module(line);
      if (module != null && module.toLowerCase(Locale.ROOT).startsWith("aspnetcore")) {
        return true;
      }
      if (++seen == DETECT_LINES) {
        return false;
      }
    }
    return false;
  }
}
