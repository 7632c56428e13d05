package io.github.ancmdiag.internal.read.events;

import io.github.ancmdiag.internal.read.text.EncodingDecoder;
import io.github.ancmdiag.internal.read.text.RawRecord;
import io.github.ancmdiag.internal.read.text.RecordReader;
import io.github.ancmdiag.model.Channel;
import java.io.IOException;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import org.jetbrains.annotations.Nullable;

/**
 * Reads {@link io.github.ancmdiag.input.Format#EVENT_TEXT}: Event Viewer's "Copy details as text", one or more blocks of
 *
 * <pre>
 * Log Name:      Application
 * Source:        IIS AspNetCore Module V2
 * Date:          1/19/2023 3:05:45 PM
 * Event ID:      1011
 * Task Category: None
 * Level:         Error
 * Keywords:      Classic
 * User:          N/A
 * Computer:      WEB01
 * Description:
 * the message, on as many lines as it takes
 * Event Xml:            (optional, to the next block)
 * </pre>
 *
 * <p>A header is recognised by its English labels in any order, or, in another language, by its
 * shape: ten {@code label: value} lines whose fourth value is a number and whose tenth has no
 * value; fields are then taken by position. The description runs to the next header, to an
 * {@code Event Xml:} line (or a value-less label followed by {@code <Event}), or to the end.
 * {@code Date:} is local time without a zone, so records carry no time. The "The description
 * for Event ID N from source S cannot be found" wrapper is replaced by the inserted message.
 * Called by {@link io.github.ancmdiag.input.LogReader}; looks at most {@value #LOOKAHEAD} lines ahead.
 */
public final class EventTextReader extends RecordReader {
  static final int LOOKAHEAD = 14;
  private static final String WRAPPER_START = "The description for Event ID ";
  private static final String WRAPPER_INSERTS =
      "the following information was included with the event:";

  /** One line: its text without the terminator, the terminator, where it starts. */

  private final List<CappedLine> ahead = new ArrayList<>();
  private boolean inputEnded;
  private boolean started;

  public EventTextReader(EncodingDecoder in, String source, int maxChars,
      RecordReader.Skips skips) {
    super(in, source, maxChars, skips);
  }

  @Override
  public @Nullable RawRecord next() throws IOException {
    if (!started) {
      started = true;
      skipToFirstHeader();
    }
    fill();
    if (ahead.isEmpty()) {
      return null;
    }
    List<String> texts = texts();
    int headerLines = headerLength(texts, 0);
    if (headerLines == 0) {
      return null; // not reached: blocks end only at a header or the end
    }
    List<CappedLine> header = new ArrayList<>(ahead.subList(0, headerLines));
    ahead.subList(0, headerLines).clear();
    CappedLine first = header.get(0);
    String[] fields = fields(header);

    StringBuilder description = new StringBuilder();
    long cutOffset = -1;
    boolean inXml = false;
    while (true) {
      fill();
      if (ahead.isEmpty() || headerLength(texts(), 0) > 0) {
        break;
      }
      CappedLine line = ahead.remove(0);
      if (!inXml && isXmlMarker(line, ahead)) {
        inXml = true;
      }
      if (inXml) {
        continue;
      }
      if (line.cutOffset() >= 0 && cutOffset < 0) {
        cutOffset = line.cutOffset();
      }
      int room = maxChars - description.length();
      String piece = line.text() + line.end();
      if (piece.length() <= room) {
        description.append(piece);
      } else {
        description.append(piece, 0, Math.max(0, room));
        if (cutOffset < 0) {
          cutOffset = line.byteOffset() + (long) Math.max(0, room);
        }
      }
    }
    if (cutOffset >= 0) {
      skipCut(first.number(), cutOffset);
    }
    String text = unwrapMissingDescription(description.toString().strip());
    RawRecord.Builder b = RawRecord.builder(Channel.EVENT_LOG, text).source(source)
        .line(first.number()).provider(fields[1]).level(fields[5]);
    int id = EventXmlReader.eventId(fields[3]);
    if (id > 0) {
      b.eventId(id);
    }
    return b.build();
  }

  /** Drops and reports the lines before the first header; reports a file with none. */
  private void skipToFirstHeader() throws IOException {
    CappedLine firstJunk = null;
    int junk = 0;
    while (true) {
      fill();
      if (ahead.isEmpty() || headerLength(texts(), 0) > 0) {
        break;
      }
      CappedLine line = ahead.remove(0);
      if (!line.text().isBlank()) {
        junk++;
        if (firstJunk == null) {
          firstJunk = line;
        }
      }
    }
    if (ahead.isEmpty()) {
      skip(firstJunk == null ? 1 : firstJunk.number(), firstJunk == null ? 0 : firstJunk.byteOffset(),
          "no Event Viewer event header (Log Name: ... Description:) was found: this is not an "
          + "Event Viewer text copy");
    } else if (firstJunk != null) {
      skip(firstJunk.number(), firstJunk.byteOffset(), junk + " non-blank line(s) before the first "
          + "event header are not part of an event");
    }
  }

  private List<String> texts() {
    List<String> texts = new ArrayList<>(ahead.size());
    for (CappedLine l : ahead) {
      texts.add(l.text());
    }
    return texts;
  }

  private void fill() throws IOException {
    while (ahead.size() < LOOKAHEAD && !inputEnded) {
      CappedLine line = readCappedLine();
      if (line == null) {
        inputEnded = true;
      } else {
        ahead.add(line);
      }
    }
  }

  private static final String[] ENGLISH = {"log name", "source", "date", "event id",
      "task category", "level", "keywords", "user", "computer", "description"};

  /**
   * Returns the number of header lines starting at {@code lines[i]}, or 0 when no header starts
   * there. Used by {@link io.github.ancmdiag.internal.read.FormatDetector} too.
   */
  public static int headerLength(List<String> lines, int i) {
    if (i >= lines.size() || label(lines.get(i)) == null) {
      return 0;
    }
    if ("log name".equals(label(lines.get(i)))) {
      for (int k = i + 1; k < lines.size() && k < i + 14; k++) {
        String label = label(lines.get(k));
        if (label == null) {
          return 0;
        }
        if (label.equals("description") && value(lines.get(k)).isEmpty()) {
          return k - i + 1;
        }
      }
      return 0;
    }
    if (i + 10 > lines.size()) {
      return 0;
    }
    for (int k = i; k < i + 10; k++) {
      if (label(lines.get(k)) == null) {
        return 0;
      }
    }
    boolean shape = EventXmlReader.eventId(value(lines.get(i + 3))) > 0
        && value(lines.get(i + 9)).isEmpty() && !value(lines.get(i)).isEmpty()
        && !value(lines.get(i + 1)).isEmpty();
    return shape ? 10 : 0;
  }

  /** The lower-case label of a {@code label: value} line, or null when it is not one. */
  static @Nullable String label(String line) {
    int colon = colon(line);
    if (colon <= 0 || Character.isWhitespace(line.charAt(0))) {
      return null;
    }
    return line.substring(0, colon).strip().toLowerCase(Locale.ROOT);
  }

  private static int colon(String line) {
    int n = Math.min(line.length(), 41);
    for (int k = 0; k < n; k++) {
      char c = line.charAt(k);
      if (c == ':' || c == '\uFF1A') {
        return k;
      }
    }
    return -1;
  }

  private static String value(String line) {
    int colon = colon(line);
    return colon < 0 ? "" : line.substring(colon + 1).strip();
  }

  /** The ten fields by English label, else by position; "" when absent. */
  private static String[] fields(List<CappedLine> header) {
    String[] fields = new String[ENGLISH.length];
    java.util.Arrays.fill(fields, "");
    boolean english = "log name".equals(label(header.get(0).text()));
    for (int k = 0; k < header.size(); k++) {
      String text = header.get(k).text();
      if (english) {
        for (int f = 0; f < ENGLISH.length; f++) {
          if (ENGLISH[f].equals(label(text))) {
            fields[f] = value(text);
          }
        }
      } else if (k < fields.length) {
        fields[k] = value(text);
      }
    }
    return fields;
  }

  private static boolean isXmlMarker(CappedLine line, List<CappedLine> next) {
    if (line.text().strip().equalsIgnoreCase("Event Xml:")) {
      return true;
    }
    String label = label(line.text());
    return label != null && value(line.text()).isEmpty() && !next.isEmpty()
        && next.get(0).text().strip().startsWith("<Event");
  }

  /**
   * Replaces Event Viewer's "The description for Event ID N from source S cannot be found ..."
   * wrapper by the first inserted string (the module's message): the lines after "the following
   * information was included with the event:", up to V2's {@code Process Id: N.} line or the
   * closing "The message resource ..." sentence. Other text is returned unchanged.
   */
  public static String unwrapMissingDescription(String text) {
    if (!text.startsWith(WRAPPER_START)) {
      return text;
    }
    int at = text.toLowerCase(Locale.ROOT).indexOf(WRAPPER_INSERTS);
    if (at < 0) {
      return text;
    }
    String inserts = text.substring(at + WRAPPER_INSERTS.length());
    String[] lines = inserts.split("(?<=\n)", -1);
    StringBuilder out = new StringBuilder();
    for (String l : lines) {
      String s = l.strip();
      if (s.matches("Process Id: \\d+\\.") || s.startsWith("The message resource ")
          || s.startsWith("The specified resource ") || s.startsWith("the message resource ")) {
        break;
      }
      out.append(l);
    }
    String message = out.toString().strip();
    return message.isEmpty() ? text : message;
  }
}
