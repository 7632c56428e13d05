package io.github.ancmdiag.internal.read.events;

import io.github.ancmdiag.internal.read.text.EncodingDecoder;
import io.github.ancmdiag.internal.read.text.RawRecord;
import io.github.ancmdiag.internal.read.text.RecordReader;
import io.github.ancmdiag.internal.read.text.Sniff;
import io.github.ancmdiag.model.Channel;
import java.io.IOException;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.format.DateTimeParseException;
import org.jetbrains.annotations.Nullable;

/**
 * Reads {@link io.github.ancmdiag.input.Format#POWERSHELL_JSON}: {@code Get-WinEvent | ConvertTo-Json} or {@code
 * Get-EventLog | ConvertTo-Json}, a JSON array of event objects (a single object for one event;
 * objects one after another are read too). Called by {@link io.github.ancmdiag.input.LogReader}.
 *
 * <p>A small iterative tokenizer reads one top-level element at a time, so memory is bounded by
 * the record limit whatever the file's size: only the values used are kept (each cut at the
 * limit), every other value is read past. Nesting deeper than {@value #MAX_DEPTH} levels is
 * reported, never recursed into. Used properties, at the top of each object: {@code Id} ({@code
 * EventID}, then {@code InstanceId}, for {@code Get-EventLog}), {@code ProviderName} ({@code
 * Source}), {@code LevelDisplayName} ({@code EntryType}, by name or number, then {@code Level}),
 * {@code TimeCreated} ({@code TimeGenerated}), {@code Message}, and the first insertion string
 * of {@code Properties} ({@code [{"Value": "..."}]}) or {@code ReplacementStrings}.
 *
 * <p>The text is the message; when it is null or empty (the provider's message file is missing)
 * or is {@code Get-EventLog}'s "The description for Event ID '...' in Source '...' cannot be
 * found" wrapper, it is the first insertion string, which for ANCM is the module's message. The
 * time is filled from Windows PowerShell's {@code "\/Date(1674140745123)\/"} (milliseconds
 * since the epoch, UTC) or PowerShell 7's ISO text when it carries an offset; ISO text without
 * an offset is local time and gives no time.
 *
 * <p>A malformed element is reported with its line and byte offset and reading resumes after
 * it: from the error, brackets are counted (outside strings, a string also ending at a line
 * break) until the element closes. The end of the input inside an element (a truncated file)
 * reports that element after every complete one was returned.
 */
public final class PowerShellJsonReader extends RecordReader {
  /** The deepest nesting read; deeper elements are reported. */
  public static final int MAX_DEPTH = 64;
  /** The most characters kept of a property name or an unused value. */
  private static final int SMALL = 256;

  private static final int KEY_OR_END = 0;
  private static final int KEY = 1;
  private static final int COLON = 2;
  private static final int VALUE_OR_END = 3;
  private static final int VALUE = 4;
  private static final int COMMA_OR_END = 5;

  private boolean inArray;
  private boolean ended;
  private long elements;
  private boolean truncatedReported;

  // the element being read
  private final boolean[] isObject = new boolean[MAX_DEPTH + 2];
  private final String[] keyAt = new String[MAX_DEPTH + 2];
  private final String[] openedUnder = new String[MAX_DEPTH + 2];
  private int depth;
  private Fields fields = new Fields();
  private long elementLine;
  private long elementOffset;

  /** Thrown inside one element; the element is then skipped. */
  private static final class Malformed extends Exception {
    private static final long serialVersionUID = 1L;
    final long line;
    final long byteOffset;
    final boolean endOfInput;

    Malformed(String message, long line, long byteOffset, boolean endOfInput) {
      super(message, null, false, false);
      this.line = line;
      this.byteOffset = byteOffset;
      this.endOfInput = endOfInput;
    }
  }

  /** The values of one event object that make its record. */
  private static final class Fields {
    @Nullable String id;
    @Nullable String eventId;
    @Nullable String instanceId;
    @Nullable String providerName;
    @Nullable String sourceName;
    @Nullable String levelDisplayName;
    @Nullable String entryType;
    @Nullable String level;
    @Nullable String timeCreated;
    @Nullable String timeGenerated;
    @Nullable String message;
    @Nullable String insertion;
    long cutOffset = -1;
  }

  public PowerShellJsonReader(EncodingDecoder in, String source, int maxChars,
      RecordReader.Skips skips) {
    super(in, source, maxChars, skips);
  }

  @Override
  public @Nullable RawRecord next() throws IOException {
    while (!ended) {
      skipWhitespace();
      long line = in.line();
      long offset = in.byteOffset();
      int c = in.read();
      if (c < 0) {
        ended = true;
        if (elements == 0 && !truncatedReported) {
          skip(line, offset, "no JSON object was found: this is not PowerShell ConvertTo-Json "
              + "output");
        } else if (inArray && !truncatedReported) {
          skip(line, offset, "the input ends before the closing ] of the array (a truncated "
              + "file); every complete event before it was read");
        }
        return null;
      }
      if (elements == 0 && !inArray && c != '[' && c != '{') {
        ended = true;
        skip(line, offset, "the input starts with neither [ nor {: this is not PowerShell "
            + "ConvertTo-Json output; nothing was read");
        return null;
      }
      if (c == '[' && !inArray) {
        inArray = true;
      } else if (c == ']' && inArray) {
        inArray = false;
      } else if (c == ',' && inArray) {
        continue;
      } else if (c == '{') {
        elements++;
        RawRecord record = element(line, offset);
        if (record != null) {
          return record;
        }
      } else {
        elements++;
        junk(c, line, offset);
      }
    }
    return null;
  }

  /** Reads past a top-level value that is not an object, or stray characters, and reports it. */
  private void junk(int first, long line, long offset) throws IOException {
    String what;
    if (first == '[' || first == '"' || first == '-' || first >= '0' && first <= '9'
        || first == 't' || first == 'f' || first == 'n') {
      what = "a JSON value that is not an object";
    } else {
      what = "characters that are not JSON";
    }
    int c = first;
    long depthCount = first == '[' ? 1 : 0;
    boolean string = first == '"';
    while (true) {
      if (depthCount == 0 && !string) {
        String next = in.peek(1);
        if (next.isEmpty() || next.charAt(0) == ',' || next.charAt(0) == '{'
            || next.charAt(0) == ']' && inArray) {
          break;
        }
      }
      c = in.read();
      if (c < 0) {
        break;
      }
      if (string) {
        if (c == '\\') {
          in.read();
        } else if (c == '"' || c == '\n') {
          string = false;
        }
      } else if (c == '"') {
        string = true;
      } else if (c == '[' || c == '{') {
        depthCount++;
      } else if ((c == ']' || c == '}') && depthCount > 0) {
        depthCount--;
      }
    }
    boolean end = in.peek(1).isEmpty();
    if (end) {
      truncatedReported = true;
    }
    skip(line, offset, what + " starts here; it is not an event and was read past, to "
        + (end ? "the end of the input" : "byte " + in.byteOffset()));
  }

  /** Reads one event object whose '{' was just read; null when it was skipped. */
  private @Nullable RawRecord element(long line, long offset) throws IOException {
    elementLine = line;
    elementOffset = offset;
    fields = new Fields();
    depth = 1;
    isObject[1] = true;
    keyAt[1] = null;
    openedUnder[1] = null;
    try {
      parse();
    } catch (Malformed m) {
      if (m.endOfInput) {
        truncatedReported = true;
        ended = true;
        skip(line, offset, "the input ends inside the event object that starts here (a "
            + "truncated file); that event was not read");
        return null;
      }
      boolean closed = resync();
      skip(line, offset, "the event object that starts here is not valid JSON (" + m.getMessage()
          + " at line " + m.line + ", byte " + m.byteOffset + "); "
          + (closed ? "it was read past to its end, at byte " + in.byteOffset()
              : "the rest of the input, to its end, could not be read"));
      if (!closed) {
        truncatedReported = true;
        ended = true;
      }
      return null;
    }
    return record(fields);
  }

  /** The state machine over one element; returns when its closing brace is read. */
  private void parse() throws IOException, Malformed {
    int state = KEY_OR_END;
    while (true) {
      skipWhitespace();
      long line = in.line();
      long at = in.byteOffset();
      int c = in.read();
      if (c < 0) {
        throw new Malformed("the input ends", line, at, true);
      }
      switch (state) {
        case KEY_OR_END:
        case KEY:
          if (c == '}' && state == KEY_OR_END) {
            if (close()) {
              return;
            }
            state = COMMA_OR_END;
          } else if (c == '"') {
            StringBuilder key = new StringBuilder();
            readString(key, SMALL, false);
            keyAt[depth] = key.toString();
            state = COLON;
          } else {
            throw malformed(c, "a property name", line, at);
          }
          break;
        case COLON:
          if (c != ':') {
            throw malformed(c, "':'", line, at);
          }
          state = VALUE;
          break;
        case VALUE_OR_END:
        case VALUE:
          if (c == ']' && state == VALUE_OR_END) {
            if (close()) {
              return;
            }
            state = COMMA_OR_END;
          } else if (c == '{' || c == '[') {
            if (depth == MAX_DEPTH) {
              depth++;
              throw new Malformed("nesting deeper than " + MAX_DEPTH + " levels", line, at,
                  false);
            }
            String under = isObject[depth] ? keyAt[depth] : "[" + openedUnder[depth];
            depth++;
            isObject[depth] = c == '{';
            keyAt[depth] = null;
            openedUnder[depth] = under;
            state = c == '{' ? KEY_OR_END : VALUE_OR_END;
          } else if (c == '"') {
            string();
            state = COMMA_OR_END;
          } else if (c == '-' || c >= '0' && c <= '9' || c >= 'a' && c <= 'z') {
            literal(c, line, at);
            state = COMMA_OR_END;
          } else {
            throw malformed(c, "a value", line, at);
          }
          break;
        default: // COMMA_OR_END
          if (c == ',') {
            state = isObject[depth] ? KEY : VALUE;
          } else if (c == (isObject[depth] ? '}' : ']')) {
            if (close()) {
              return;
            }
          } else {
            throw malformed(c, isObject[depth] ? "',' or '}'" : "',' or ']'", line, at);
          }
          break;
      }
    }
  }

  private boolean close() {
    depth--;
    return depth == 0;
  }

  private Malformed malformed(int c, String expected, long line, long at) {
    if ((c == '}' || c == ']') && depth > 0) {
      depth--; // it closes something; resync counts from there
    }
    String shown = c < 0x20 ? String.format("U+%04X", c) : "'" + (char) c + "'";
    return new Malformed(expected + " was expected but " + shown + " was found", line, at, false);
  }

  /** Reads a string value and stores it when it is one of the used ones. */
  private void string() throws IOException, Malformed {
    String name = isObject[depth] ? keyAt[depth] : null;
    String under = openedUnder[depth];
    Fields f = fields;
    if (depth == 1 && name != null) {
      switch (name) {
        case "Message":
          f.message = keep(true);
          return;
        case "Id":
          f.id = keep(false);
          return;
        case "EventID":
          f.eventId = keep(false);
          return;
        case "InstanceId":
          f.instanceId = keep(false);
          return;
        case "ProviderName":
          f.providerName = keep(false);
          return;
        case "Source":
          f.sourceName = keep(false);
          return;
        case "LevelDisplayName":
          f.levelDisplayName = keep(false);
          return;
        case "EntryType":
          f.entryType = keep(false);
          return;
        case "Level":
          f.level = keep(false);
          return;
        case "TimeCreated":
          f.timeCreated = keep(false);
          return;
        case "TimeGenerated":
          f.timeGenerated = keep(false);
          return;
        default:
          break;
      }
    } else if (depth == 2 && name == null && f.insertion == null
        && ("Properties".equals(under) || "ReplacementStrings".equals(under))) {
      String s = keep(true);
      if (!s.startsWith("System.Diagnostics.Eventing.Reader.")) {
        f.insertion = s; // not the type name ConvertTo-Json writes below its depth
      }
      return;
    } else if (depth == 2 && "value".equals(name)
        && ("TimeCreated".equals(under) || "TimeGenerated".equals(under))) {
      String s = keep(false);
      if ("TimeCreated".equals(under)) {
        f.timeCreated = s;
      } else {
        f.timeGenerated = s;
      }
      return;
    } else if (depth == 3 && "Value".equals(name) && "[Properties".equals(under)
        && f.insertion == null) {
      f.insertion = keep(true);
      return;
    }
    readString(null, 0, false);
  }

  /** Reads a string, keeping up to the record limit (a text) or {@value #SMALL} characters. */
  private String keep(boolean text) throws IOException, Malformed {
    StringBuilder sb = new StringBuilder();
    readString(sb, text ? maxChars : SMALL, text);
    return sb.toString();
  }

  /**
   * Reads the rest of a string whose opening quote was read, appending up to {@code limit}
   * characters to {@code out} (none when null); past the limit of a kept text, records the cut.
   */
  private void readString(@Nullable StringBuilder out, int limit, boolean text)
      throws IOException, Malformed {
    while (true) {
      long line = in.line();
      long at = in.byteOffset();
      int c = in.read();
      if (c < 0) {
        throw new Malformed("the input ends inside a string", line, at, true);
      }
      if (c == '"') {
        return;
      }
      if (c == '\n' || c == '\r') {
        throw new Malformed("a string is not closed before the end of its line", line, at,
            false);
      }
      if (c == '\\') {
        c = in.read();
        switch (c) {
          case '"':
          case '\\':
          case '/':
            break;
          case 'b':
            c = '\b';
            break;
          case 'f':
            c = '\f';
            break;
          case 'n':
            c = '\n';
            break;
          case 'r':
            c = '\r';
            break;
          case 't':
            c = '\t';
            break;
          case 'u':
            c = hex4(line, at);
            break;
          case -1:
            throw new Malformed("the input ends inside a string", line, at, true);
          default:
            throw new Malformed("the escape \\" + (char) c + " is not JSON", line, at, false);
        }
      }
      if (out != null) {
        if (out.length() < limit) {
          out.append((char) c);
        } else if (text && fields.cutOffset < 0) {
          fields.cutOffset = at;
        }
      }
    }
  }

  private int hex4(long line, long at) throws IOException, Malformed {
    int v = 0;
    for (int i = 0; i < 4; i++) {
      int c = in.read();
      int d = Character.digit(c < 0 ? 'x' : (char) c, 16);
      if (c < 0 || d < 0) {
        throw new Malformed("a \\u escape needs four hexadecimal digits", line, at, c < 0);
      }
      v = v << 4 | d;
    }
    return v;
  }

  /** Reads a number, true, false or null whose first character was read. */
  private void literal(int first, long line, long at) throws IOException, Malformed {
    StringBuilder sb = new StringBuilder().append((char) first);
    while (true) {
      String next = in.peek(1);
      if (next.isEmpty()) {
        break;
      }
      char c = next.charAt(0);
      if (!(c >= '0' && c <= '9' || c >= 'a' && c <= 'z' || c >= 'A' && c <= 'Z' || c == '.'
          || c == '-' || c == '+')) {
        break;
      }
      in.read();
      if (sb.length() < SMALL) {
        sb.append(c);
      }
    }
    String s = sb.toString();
    if (!s.equals("true") && !s.equals("false") && !s.equals("null") && !isNumber(s)) {
      throw new Malformed("'" + s + "' is not a JSON value", line, at, false);
    }
    if (s.equals("null")) {
      return;
    }
    String name = isObject[depth] ? keyAt[depth] : null;
    if (depth == 1 && name != null) {
      switch (name) {
        case "Id":
          fields.id = s;
          break;
        case "EventID":
          fields.eventId = s;
          break;
        case "InstanceId":
          fields.instanceId = s;
          break;
        case "EntryType":
          fields.entryType = s;
          break;
        case "Level":
          fields.level = s;
          break;
        default:
          break;
      }
    } else if (depth == 3 && "Value".equals(name) && "[Properties".equals(openedUnder[depth])
        && fields.insertion == null) {
      fields.insertion = s;
    }
  }

  static boolean isNumber(String s) {
    int i = s.startsWith("-") ? 1 : 0;
    int digits = 0;
    while (i < s.length() && Character.isDigit(s.charAt(i))) {
      i++;
      digits++;
    }
    if (digits == 0) {
      return false;
    }
    if (i < s.length() && s.charAt(i) == '.') {
      i++;
      int frac = 0;
      while (i < s.length() && Character.isDigit(s.charAt(i))) {
        i++;
        frac++;
      }
      if (frac == 0) {
        return false;
      }
    }
    if (i < s.length() && (s.charAt(i) == 'e' || s.charAt(i) == 'E')) {
      i++;
      if (i < s.length() && (s.charAt(i) == '+' || s.charAt(i) == '-')) {
        i++;
      }
      int exp = 0;
      while (i < s.length() && Character.isDigit(s.charAt(i))) {
        i++;
        exp++;
      }
      if (exp == 0) {
        return false;
      }
    }
    return i == s.length();
  }

  private void skipWhitespace() throws IOException {
    while (true) {
      String next = in.peek(1);
      if (next.isEmpty()) {
        return;
      }
      char c = next.charAt(0);
      if (c != ' ' && c != '\t' && c != '\r' && c != '\n') {
        return;
      }
      in.read();
    }
  }

  /**
   * After an error, reads on until the element's brackets close, counting them outside strings
   * (a string also ends at a line break, so an unclosed one does not swallow the file). Uses a
   * counter, not a stack: constant memory at any depth. Returns false at the end of the input.
   */
  private boolean resync() throws IOException {
    long open = depth;
    boolean string = false;
    while (open > 0) {
      int c = in.read();
      if (c < 0) {
        return false;
      }
      if (string) {
        if (c == '\\') {
          String next = in.peek(1);
          if (!next.isEmpty() && next.charAt(0) != '\n') {
            in.read();
          }
        } else if (c == '"' || c == '\n') {
          string = false;
        }
      } else if (c == '"') {
        string = true;
      } else if (c == '{' || c == '[') {
        open++;
      } else if (c == '}' || c == ']') {
        open--;
      }
    }
    return true;
  }

  private RawRecord record(Fields f) {
    if (f.cutOffset >= 0) {
      skipCut(elementLine, f.cutOffset);
    }
    String message = f.message == null ? "" : f.message.strip();
    String insertion = f.insertion == null ? "" : f.insertion.strip();
    String text;
    if (!insertion.isEmpty()
        && (message.isEmpty() || PowerShellListReader.isMissingDescription(message))) {
      text = insertion;
    } else {
      text = PowerShellListReader.unwrapMissingDescription(message);
    }
    RawRecord.Builder b = RawRecord.builder(Channel.EVENT_LOG, text).source(source)
        .line(Math.max(1, elementLine))
        .provider(first(f.providerName, f.sourceName).strip())
        .level(PowerShellListReader.level(first(f.levelDisplayName, null), first(f.entryType,
            null), first(f.level, null)));
    int id = EventXmlReader.eventId(first(f.id, first(f.eventId, f.instanceId)));
    if (id > 0) {
      b.eventId(id);
    }
    Instant time = parseTime(first(f.timeCreated, f.timeGenerated));
    if (time != null) {
      b.time(time);
    }
    return b.build();
  }

  private static String first(@Nullable String a, @Nullable String b) {
    if (a != null && !a.isBlank()) {
      return a;
    }
    return b == null ? "" : b;
  }

  /**
   * Parses {@code /Date(1674140745123)/} (milliseconds since the epoch, UTC; an offset after
   * them, as some serializers add, does not change the instant) or ISO-8601 text with an
   * offset; null for ISO text without one (local time) or anything else.
   */
  public static @Nullable Instant parseTime(String text) {
    String t = text.strip();
    if (t.startsWith("/Date(") && t.endsWith(")/")) {
      String body = t.substring(6, t.length() - 2);
      int end = 1;
      while (end < body.length() && Character.isDigit(body.charAt(end))) {
        end++;
      }
      try {
        return Instant.ofEpochMilli(Long.parseLong(body.substring(0, end)));
      } catch (NumberFormatException | java.time.DateTimeException e) {
        return null;
      }
    }
    try {
      return OffsetDateTime.parse(t).toInstant();
    } catch (DateTimeParseException e) {
      return null;
    }
  }

  /**
   * True when {@code head} starts with {@code [} or <code>{</code> and its first object has an
   * {@code Id} or {@code EventID}, a {@code ProviderName} or {@code Source}, and a {@code Message}
   * property; or, when the head is a whole sniff long and ends inside the first object, when that
   * object's first property is {@code Message} (as PowerShell writes it: a message longer than
   * the sniff hides the other properties). Used by {@link io.github.ancmdiag.internal.read.FormatDetector}.
   */
  public static boolean looksLike(String head) {
    int i = 0;
    int n = head.length();
    while (i < n && Character.isWhitespace(head.charAt(i))) {
      i++;
    }
    if (i == n || head.charAt(i) != '[' && head.charAt(i) != '{') {
      return false;
    }
    int objectDepth = -1;
    int level = 0;
    boolean id = false;
    boolean provider = false;
    boolean message = false;
    boolean closed = false;
    boolean messageFirst = false;
    for (; i < n; i++) {
      char c = head.charAt(i);
      if (c == '"') {
        int start = i + 1;
        int j = start;
        while (j < n && head.charAt(j) != '"') {
          j += head.charAt(j) == '\\' ? 2 : 1;
        }
        if (j >= n) {
          break;
        }
        int k = j + 1;
        while (k < n && Character.isWhitespace(head.charAt(k))) {
          k++;
        }
        if (level == objectDepth && k < n && head.charAt(k) == ':') {
          String key = head.substring(start, j);
          messageFirst |= key.equals("Message") && !id && !provider && !message;
          id |= key.equals("Id") || key.equals("EventID");
          provider |= key.equals("ProviderName") || key.equals("Source");
          message |= key.equals("Message");
        }
        i = j;
      } else if (c == '{' || c == '[') {
        level++;
        if (c == '{' && objectDepth < 0) {
          objectDepth = level;
        }
      } else if (c == '}' || c == ']') {
        if (level == objectDepth) {
          closed = true;
          break;
        }
        level--;
      }
    }
    // PowerShell writes Message first: one longer than the sniff hides the other keys
    return id && provider && message
        || messageFirst && !closed && n >= Sniff.SNIFF_CHARS;
  }
}
