package io.github.ancmdiag.internal.read.iis;

import io.github.ancmdiag.internal.read.text.EncodingDecoder;
import io.github.ancmdiag.internal.read.text.RawRecord;
import io.github.ancmdiag.internal.read.text.RecordReader;
import io.github.ancmdiag.model.Channel;
import io.github.ancmdiag.model.HttpStatus;
import java.io.IOException;
import java.time.LocalDate;
import java.time.LocalTime;
import java.time.ZoneOffset;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import org.jetbrains.annotations.Nullable;

/**
 * Reads {@link io.github.ancmdiag.input.Format#W3C_LOG}: IIS logs in the W3C extended format ({@code u_ex*.log}) and Azure
 * App Service's {@code LogFiles/http/RawLogs/*.log}, which are the same format with more fields.
 * Called by {@link io.github.ancmdiag.input.LogReader}.
 *
 * <p>A line starting with {@code #} is a directive. {@code #Fields:} names the fields of the data
 * lines that follow, in order; a later {@code #Fields:} (IIS writes a new directive block after a
 * restart or a logging change) replaces it from there on. Fields are found by name, never by
 * position, so any subset and order works. {@code #Date:} gives the date of lines without a
 * {@code date} field; {@code #Software:}, {@code #Version:}, {@code #Remark:} and other
 * directives are read and carry no record.
 *
 * <p>Each data line, whatever its status (the caller asked for the file; a 200 is evidence too),
 * is one record of {@link Channel#BROWSER}, since it says what the client got:
 *
 * <ul>
 *   <li>text: the line as written (without its line break);
 *   <li>{@link io.github.ancmdiag.input.LogRecord#httpStatus()}: {@code sc-status} with {@code sc-substatus} ({@code 500}
 *       and {@code 0} give {@code 500.0}); without an {@code sc-substatus} field, or with
 *       {@code -}, the status has no substatus; none when {@code sc-status} is absent or not a
 *       status;
 *   <li>{@link io.github.ancmdiag.input.LogRecord#win32Status()}: {@code sc-win32-status}, decimal (a negative value is
 *       read as its unsigned 32-bit form);
 *   <li>time: {@code date} and {@code time}, which are UTC in W3C logs;
 *   <li>provider {@value #PROVIDER}; level empty.
 * </ul>
 *
 * <p>Accounting: a data line with more or fewer fields than its {@code #Fields:} names, and a
 * line longer than the record limit, are each one {@link io.github.ancmdiag.input.SkippedRecord} with the line, its byte
 * offset and the reason. The data lines before the first {@code #Fields:} (a file cut at its
 * head, or not a W3C log at all) are one skip at the first of them that says how many there
 * are. Blank lines hold no data and are passed over. Field values are left as written ({@code -} for empty, {@code +} for a space in
 * {@code cs(User-Agent)}), since the text is the line itself.
 */
public final class W3cLogReader extends RecordReader {
  /** The provider of every record. */
  static final String PROVIDER = "IIS W3C";
  private static final String SOFTWARE = "#Software: Microsoft Internet Information Services";

  private @Nullable Map<String, Integer> fields;
  private int fieldCount;
  private long fieldsLine;
  private @Nullable LocalDate directiveDate;
  private boolean ended;
  /** Data lines before the first {@code #Fields:}: how many, and where the first is. */
  private long headless;
  private long headlessLine;
  private long headlessOffset;

  public W3cLogReader(EncodingDecoder in, String source, int maxChars,
      RecordReader.Skips skips) {
    super(in, source, maxChars, skips);
  }

  /**
   * Tells whether text looks like a W3C extended log: one of its first 20 lines is an IIS
   * {@code #Software:} directive or a {@code #Fields:} directive. Used by {@link io.github.ancmdiag.internal.read.FormatDetector}.
   */
  public static boolean looksLike(String head) {
    int start = 0;
    for (int n = 0; n < 20 && start < head.length(); n++) {
      int end = head.indexOf('\n', start);
      String line = head.substring(start, end < 0 ? head.length() : end);
      if (line.startsWith(SOFTWARE) || line.startsWith("#Fields:")) {
        return true;
      }
      if (end < 0) {
        break;
      }
      start = end + 1;
    }
    return false;
  }

  @Override
  public @Nullable RawRecord next() throws IOException {
    while (!ended) {
      long number = in.line();
      long offset = in.byteOffset();
      StringBuilder sb = new StringBuilder();
      boolean cut = false;
      int c;
      while (true) {
        c = in.read();
        if (c < 0 || c == '\n') {
          break;
        }
        if (sb.length() < maxChars) {
          sb.append((char) c);
        } else {
          cut = true;
        }
      }
      if (c < 0) {
        ended = true;
        if (sb.length() == 0) {
          break;
        }
      }
      if (sb.length() > 0 && sb.charAt(sb.length() - 1) == '\r') {
        sb.setLength(sb.length() - 1);
      }
      String line = sb.toString();
      if (cut) {
        skip(number, offset, "the line is longer than the limit of " + maxChars
            + " characters, so its fields cannot be told apart; it was not read");
      } else if (line.startsWith("#")) {
        directive(line, number);
      } else if (!line.isBlank()) {
        RawRecord record = data(line, number, offset);
        if (record != null) {
          return record;
        }
      }
    }
    reportHeadless();
    return null;
  }

  /** Reports the data lines before the first {@code #Fields:} as one skip. */
  private void reportHeadless() {
    if (headless > 0) {
      skip(headlessLine, headlessOffset, headless + " data line(s) from here come before any "
          + "#Fields: directive: their fields have no names, so they were not read");
      headless = 0;
    }
  }

  private void directive(String line, long number) {
    int colon = line.indexOf(':');
    String name = colon < 0 ? line.substring(1) : line.substring(1, colon);
    String value = colon < 0 ? "" : line.substring(colon + 1).strip();
    if (name.equalsIgnoreCase("Fields")) {
      reportHeadless();
      Map<String, Integer> byName = new HashMap<>();
      String[] names = split(value);
      for (int i = 0; i < names.length; i++) {
        byName.putIfAbsent(names[i].toLowerCase(Locale.ROOT), i);
      }
      fields = byName;
      fieldCount = names.length;
      fieldsLine = number;
    } else if (name.equalsIgnoreCase("Date")) {
      directiveDate = date(value.length() >= 10 ? value.substring(0, 10) : value);
    }
  }

  private @Nullable RawRecord data(String line, long number, long offset) {
    if (fields == null) {
      if (headless++ == 0) {
        headlessLine = number;
        headlessOffset = offset;
      }
      return null;
    }
    String[] values = split(line);
    if (values.length != fieldCount) {
      skip(number, offset, "the line has " + values.length + " fields but the #Fields: directive"
          + " on line " + fieldsLine + " names " + fieldCount + "; it was not read");
      return null;
    }
    RawRecord.Builder b = RawRecord.builder(Channel.BROWSER, line).source(source).line(number)
        .provider(PROVIDER);
    HttpStatus status = status(value(values, "sc-status"), value(values, "sc-substatus"));
    if (status != null) {
      b.httpStatus(status);
    }
    long win32 = win32(value(values, "sc-win32-status"));
    if (win32 >= 0) {
      b.win32Status(win32);
    }
    String dateText = value(values, "date");
    LocalDate date = dateText == null ? directiveDate : date(dateText);
    LocalTime time = time(value(values, "time"));
    if (date != null && time != null) {
      b.time(date.atTime(time).toInstant(ZoneOffset.UTC));
    }
    return b.build();
  }

  private @Nullable String value(String[] values, String field) {
    Integer at = fields == null ? null : fields.get(field);
    return at == null ? null : values[at];
  }

  /** Splits on runs of spaces and tabs; IIS writes one space and never an empty field. */
  private static String[] split(String line) {
    List<String> parts = new ArrayList<>();
    int i = 0;
    int n = line.length();
    while (i < n) {
      while (i < n && (line.charAt(i) == ' ' || line.charAt(i) == '\t')) {
        i++;
      }
      int start = i;
      while (i < n && line.charAt(i) != ' ' && line.charAt(i) != '\t') {
        i++;
      }
      if (i > start) {
        parts.add(line.substring(start, i));
      }
    }
    return parts.toArray(new String[0]);
  }

  /** The status, with the substatus when one is given; null when the field is not a status. */
  static @Nullable HttpStatus status(@Nullable String status, @Nullable String substatus) {
    int code = number(status, 599);
    if (code < 100) {
      return null;
    }
    int sub = number(substatus, 999);
    return HttpStatus.of(code, sub < 0 ? HttpStatus.NO_SUBSTATUS : sub);
  }

  /** A decimal of at most {@code max}, or -1. */
  private static int number(@Nullable String text, int max) {
    if (text == null || text.isEmpty() || text.length() > 3) {
      return -1;
    }
    int v = 0;
    for (int i = 0; i < text.length(); i++) {
      char c = text.charAt(i);
      if (c < '0' || c > '9') {
        return -1;
      }
      v = v * 10 + (c - '0');
    }
    return v <= max ? v : -1;
  }

  /** The Win32 status as an unsigned 32-bit value, or -1 when absent or not a number. */
  static long win32(@Nullable String text) {
    if (text == null) {
      return -1;
    }
    try {
      long v = Long.parseLong(text);
      if (v < Integer.MIN_VALUE || v > 0xFFFF_FFFFL) {
        return -1;
      }
      return v & 0xFFFF_FFFFL;
    } catch (NumberFormatException e) {
      return -1;
    }
  }

  private static @Nullable LocalDate date(String text) {
    try {
      return LocalDate.parse(text);
    } catch (DateTimeParseException e) {
      return null;
    }
  }

  private static @Nullable LocalTime time(@Nullable String text) {
    if (text == null) {
      return null;
    }
    try {
      return LocalTime.parse(text);
    } catch (DateTimeParseException e) {
      return null;
    }
  }
}
