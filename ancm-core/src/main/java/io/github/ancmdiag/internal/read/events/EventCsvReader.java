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
 * Reads {@link io.github.ancmdiag.input.Format#EVENT_CSV}: Event Viewer's "Save All Events As..." in CSV, a header row of
 * five names ({@code Level,Date and Time,Source,Event ID,Task Category}, translated on a
 * non-English Windows) and one row per event with a sixth, unnamed field: the message. Called by
 * {@link io.github.ancmdiag.input.LogReader}.
 *
 * <p>Rows follow RFC 4180: a field in double quotes may hold commas, line breaks and {@code ""}
 * for a quote; CRLF or LF ends a row. A quote inside an unquoted field is kept as a character.
 * The header is recognised by its English names or, in another language, by its shape: five (or
 * six) non-empty names whose fourth is not a number. A row of six fields is an event, a row of
 * five an event without a message (empty text), a blank line is nothing; any other row is
 * reported with its line. The date is local time without a zone, so records carry no time.
 * Event Viewer's "The description for Event ID N from source S cannot be found" wrapper is
 * replaced by the inserted message, as for {@link io.github.ancmdiag.input.Format#EVENT_TEXT}.
 *
 * <p>Memory is bounded by the record limit: a row's characters beyond it are not kept (the row
 * is returned cut and its rest reported), and at most {@value #MAX_FIELDS} fields are kept. A
 * quoted field still open at the end of the input (a truncated file, or a stray quote) makes its
 * row one skip, after every complete row before it was returned.
 */
public final class EventCsvReader extends RecordReader {
  static final int MAX_FIELDS = 64;
  private static final String[] ENGLISH =
      {"level", "date and time", "source", "event id", "task category"};

  private boolean started;
  private boolean ended;

  /** One row as read: its fields, where it starts, and how reading it ended. */
  private record Row(List<String> fields, int fieldCount, long line, long byteOffset,
      long cutOffset, boolean unclosed) {}

  public EventCsvReader(EncodingDecoder in, String source, int maxChars,
      RecordReader.Skips skips) {
    super(in, source, maxChars, skips);
  }

  @Override
  public @Nullable RawRecord next() throws IOException {
    while (!ended) {
      Row row = readRow();
      if (row == null) {
        ended = true;
        if (!started) {
          skip(1, 0, "no Event Viewer CSV header (Level,Date and Time,Source,Event ID,"
              + "Task Category) was found: this is not an Event Viewer CSV export");
        }
        return null;
      }
      if (isBlank(row)) {
        continue;
      }
      if (row.unclosed) {
        ended = true;
        skip(row.line, row.byteOffset, "the input ends inside a quoted field of the row that"
            + " starts here (an unclosed quote, or a truncated file); that row was not read");
        return null;
      }
      if (!started) {
        started = true;
        if (isHeader(row.fields, row.fieldCount)) {
          continue;
        }
        if (!isEventRow(row.fields, row.fieldCount)) {
          ended = true;
          skip(row.line, row.byteOffset, "the first row is no Event Viewer CSV header (Level,"
              + "Date and Time,Source,Event ID,Task Category) and no event: this is not an "
              + "Event Viewer CSV export; nothing was read");
          return null;
        }
      }
      if (row.fieldCount < 5 || row.fieldCount > 6) {
        skip(row.line, row.byteOffset, "the row that starts here has " + row.fieldCount
            + " field(s) where an Event Viewer CSV row has 6 (level, date and time, source, "
            + "event id, task category, message); it was not read");
        continue;
      }
      return record(row);
    }
    return null;
  }

  private RawRecord record(Row row) {
    if (row.cutOffset >= 0) {
      skipCut(row.line, row.cutOffset);
    }
    List<String> f = row.fields;
    String message = row.fieldCount == 6 ? f.get(5) : "";
    RawRecord.Builder b = RawRecord.builder(Channel.EVENT_LOG,
            EventTextReader.unwrapMissingDescription(message.strip()))
        .source(source).line(Math.max(1, row.line)).provider(f.get(2).strip())
        .level(f.get(0).strip());
    int id = EventXmlReader.eventId(f.get(3));
    if (id > 0) {
      b.eventId(id);
    }
    return b.build();
  }

  private static boolean isBlank(Row row) {
    return row.fieldCount == 1 && !row.unclosed && row.fields.get(0).isBlank();
  }

  /**
   * Reads one row: fields split at commas outside quotes, up to a line break outside quotes or
   * the end of the input; null when the input has ended.
   */
  private @Nullable Row readRow() throws IOException {
    long line = in.line();
    long offset = in.byteOffset();
    List<String> fields = new ArrayList<>();
    int fieldCount = 0;
    StringBuilder field = new StringBuilder();
    int kept = 0;
    long cut = -1;
    boolean inQuotes = false;
    boolean quoted = false;
    boolean any = false;
    while (true) {
      long at = in.byteOffset();
      int c = in.read();
      if (c < 0) {
        if (!any) {
          return null;
        }
        fieldCount = endField(fields, field, fieldCount);
        return new Row(fields, fieldCount, line, offset, cut, inQuotes);
      }
      any = true;
      boolean keep;
      if (inQuotes) {
        if (c == '"') {
          if (peekIs('"')) {
            in.read();
            keep = true;
          } else {
            inQuotes = false;
            keep = false;
          }
        } else {
          keep = true;
        }
      } else if (c == ',') {
        fieldCount = endField(fields, field, fieldCount);
        field.setLength(0);
        quoted = false;
        continue;
      } else if (c == '\r' && peekIs('\n')) {
        keep = false;
      } else if (c == '\n') {
        fieldCount = endField(fields, field, fieldCount);
        return new Row(fields, fieldCount, line, offset, cut, false);
      } else if (c == '"' && field.length() == 0 && !quoted) {
        inQuotes = true;
        quoted = true;
        keep = false;
      } else {
        keep = true;
      }
      if (keep) {
        if (kept < maxChars && fieldCount < MAX_FIELDS) {
          field.append((char) c);
          kept++;
        } else if (cut < 0 && fieldCount < MAX_FIELDS) {
          cut = at;
        }
      }
    }
  }

  /** Keeps a field while fewer than {@value #MAX_FIELDS} are kept; counts without overflow. */
  private static int endField(List<String> fields, StringBuilder field, int count) {
    if (count < MAX_FIELDS) {
      fields.add(field.toString());
    }
    return count == Integer.MAX_VALUE ? count : count + 1;
  }

  private boolean peekIs(char c) throws IOException {
    String next = in.peek(1);
    return !next.isEmpty() && next.charAt(0) == c;
  }

  /** True for a header row: Event Viewer's English names, or five non-empty non-numbers. */
  static boolean isHeader(List<String> fields, int count) {
    if (count < 5 || count > 6 || fields.size() < 5) {
      return false;
    }
    boolean english = true;
    for (int i = 0; i < 5; i++) {
      String name = fields.get(i).strip();
      if (!name.toLowerCase(Locale.ROOT).equals(ENGLISH[i])) {
        english = false;
      }
      if (name.isEmpty() || name.length() > 64 || isNumber(name)) {
        return false;
      }
    }
    return english || count == 5 || fields.get(5).strip().length() <= 64;
  }

  /** True for the shape of an event row: 5 or 6 fields, a date with digits, an id. */
  static boolean isEventRow(List<String> fields, int count) {
    return count >= 5 && count <= 6 && fields.size() >= 5 && isNumber(fields.get(3).strip())
        && hasDigit(fields.get(1)) && !fields.get(2).isBlank();
  }

  private static boolean isNumber(String s) {
    if (s.isEmpty() || s.length() > 10) {
      return false;
    }
    for (int i = 0; i < s.length(); i++) {
      if (s.charAt(i) < '0' || s.charAt(i) > '9') {
        return false;
      }
    }
    return true;
  }

  private static boolean hasDigit(String s) {
    for (int i = 0; i < s.length(); i++) {
      if (Character.isDigit(s.charAt(i))) {
        return true;
      }
    }
    return false;
  }

  /**
   * True when {@code head} starts with an Event Viewer CSV header: English names, or a header of
   * that shape followed by an event row. Used by {@link io.github.ancmdiag.internal.read.FormatDetector}.
   */
  public static boolean looksLike(String head) {
    List<List<String>> rows = new ArrayList<>(2);
    int i = 0;
    int n = head.length();
    while (rows.size() < 2 && i < n) {
      List<String> fields = new ArrayList<>();
      StringBuilder field = new StringBuilder();
      boolean inQuotes = false;
      boolean ended = false;
      for (; i < n && fields.size() < MAX_FIELDS; i++) {
        char c = head.charAt(i);
        if (inQuotes) {
          if (c == '"' && i + 1 < n && head.charAt(i + 1) == '"') {
            field.append('"');
            i++;
          } else if (c == '"') {
            inQuotes = false;
          } else if (field.length() < 256) {
            field.append(c);
          }
        } else if (c == ',') {
          fields.add(field.toString());
          field.setLength(0);
        } else if (c == '\n') {
          i++;
          ended = true;
          break;
        } else if (c == '"' && field.length() == 0) {
          inQuotes = true;
        } else if (c != '\r' && field.length() < 256) {
          field.append(c);
        }
      }
      if (!ended && i < n) {
        return false; // too many fields
      }
      fields.add(field.toString());
      if (!(fields.size() == 1 && fields.get(0).isBlank())) {
        rows.add(fields);
      }
      if (!ended) {
        break;
      }
    }
    if (rows.isEmpty() || !isHeader(rows.get(0), rows.get(0).size())) {
      return false;
    }
    List<String> header = rows.get(0);
    boolean english = true;
    for (int k = 0; k < 5; k++) {
      english &= header.get(k).strip().equalsIgnoreCase(ENGLISH[k]);
    }
    return english || rows.size() > 1 && isEventRow(rows.get(1), rows.get(1).size());
  }
}
