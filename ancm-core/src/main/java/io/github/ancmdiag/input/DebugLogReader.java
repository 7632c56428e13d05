package io.github.ancmdiag.input;

import io.github.ancmdiag.Channel;
import java.io.IOException;
import java.time.Instant;
import java.time.format.DateTimeParseException;
import java.util.Locale;
import java.util.function.Consumer;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.jetbrains.annotations.Nullable;

/**
 * Reads {@link Format#DEBUG_LOG}: the ANCM V2 debug log ({@code aspnetcore-debug.log}, enabled by
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
 * reports a misfit. Called by {@link LogReader}.
 */
final class DebugLogReader extends LineGroupReader {
  private static final String MODULE = "\\[([^\\[\\]\\r\\n]{1,100}?\\.dll)\\](?: |$)";
  private static final Pattern NEWER = Pattern.compile("\\[(\\d{4}-\\d\\d-\\d\\dT\\d\\d:\\d\\d:"
      + "\\d\\d(?:\\.\\d{1,9})?Z), PID: \\d{1,10}\\] " + MODULE, Pattern.CASE_INSENSITIVE);
  private static final Pattern OLDER = Pattern.compile(MODULE, Pattern.CASE_INSENSITIVE);
  /** How many non-blank lines {@link #looksLike} looks at. */
  static final int DETECT_LINES = 3;

  DebugLogReader(EncodingDecoder in, String source, ReadLimits limits,
      Consumer<SkippedRecord> skips) {
    super(in, source, limits, skips);
  }

  @Override
  @Nullable LogRecord next() throws IOException {
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
    LogRecord.Builder b = LogRecord.builder(Channel.DEBUG_LOG, group.finish()).source(source)
        .line(group.line);
    if (time != null) {
      b.time(time);
    }
    return b.build();
  }

  /** The module label of an entry's first line, or null when the line starts no entry. */
  static @Nullable String module(String line) {
    if (!line.startsWith("[")) {
      return null;
    }
    Matcher m = NEWER.matcher(line);
    if (m.lookingAt()) {
      return m.group(2);
    }
    m = OLDER.matcher(line);
    return m.lookingAt() ? m.group(1) : null;
  }

  /** The UTC time of a newer-format entry line, or null. */
  static @Nullable Instant time(String line) {
    Matcher m = NEWER.matcher(line);
    if (!m.lookingAt()) {
      return null;
    }
    try {
      return Instant.parse(m.group(1).toUpperCase(Locale.ROOT));
    } catch (DateTimeParseException e) {
      return null; // the shape of a time but not a valid one (month 13): an entry without time
    }
  }

  /**
   * Whether {@code head}, the first characters of an input, look like an ANCM debug log: one of
   * its first {@value #DETECT_LINES} non-blank lines starts with either entry prefix and a module
   * label starting {@code aspnetcore}. Used by {@link FormatDetector}.
   */
  static boolean looksLike(String head) {
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
