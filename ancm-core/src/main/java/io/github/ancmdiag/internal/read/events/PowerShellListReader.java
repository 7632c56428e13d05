package io.github.ancmdiag.internal.read.events;

import io.github.ancmdiag.internal.read.text.EncodingDecoder;
import io.github.ancmdiag.internal.read.text.RawRecord;
import io.github.ancmdiag.internal.read.text.RecordReader;
import io.github.ancmdiag.model.Channel;
import java.io.IOException;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.jetbrains.annotations.Nullable;

/**
 * Reads {@link io.github.ancmdiag.input.Format#POWERSHELL_LIST}: the console text of {@code Get-WinEvent | Format-List}
 * (or {@code fl *}, or {@code Get-EventLog | Format-List}), one block of {@code Name : value}
 * lines per event, blocks separated by blank lines:
 *
 * <pre>
 * TimeCreated  : 1/19/2023 3:05:45 PM
 * ProviderName : IIS AspNetCore Module V2
 * Id           : 1011
 * Message      : Application '/LM/W3SVC/2/ROOT' with physical root 'C:\inetpub\app\' has
 *                exited from Program.Main with exit code = '-532462766'. Please check the
 *                stderr logs for more information.
 * </pre>
 *
 * <p>Used properties: {@code Id} ({@code EventID}, then {@code InstanceId}), {@code
 * ProviderName} ({@code Source}), {@code LevelDisplayName} ({@code EntryType}, then {@code
 * Level}) and {@code Message}. Time stamps are local time without a zone, so records carry no
 * time. A block ends at a property seen in it already, or after blank lines at a property whose
 * label is padded to another width (another object's listing; a value that ends with a line
 * break leaves a blank line inside a block). A block with neither an id nor a message is
 * reported, as are lines outside blocks (a prompt, a command). Called by {@link io.github.ancmdiag.input.LogReader}.
 *
 * <p><b>Wrapped values.</b> PowerShell prints a value's own lines, and wraps each one at the
 * console width, on lines indented to the value column; the two kinds of line break look alike.
 * With English, French, German, Italian, Portuguese or Spanish culture it wraps after a space,
 * which it leaves at the end of the line; a word longer than the width is cut where the line is
 * full. So a value is rebuilt line by line: after a line ending in a space the next follows
 * directly; after a line as long as the widest value line seen so far in the input (the width,
 * as best as it is known) the next follows directly (a cut word); after a line whose trailing
 * space a copy from the console dropped (the next word would not have fitted) a space is put
 * back (only in an input where no line kept one); otherwise the break was the value's own and
 * is kept as the input's line break. The estimated width is never more than the real one, so a
 * break judged the value's own truly was; the reverse can fail: in a copy without trailing
 * spaces, a break of the value's own after the widest line becomes a space. A cut word is only
 * assumed once two lines were that wide.
 *
 * <p>Memory: one block at a time, its values bounded by the record limit (the block is then
 * returned cut and the rest reported).
 */
public final class PowerShellListReader extends RecordReader {
  private static final String GET_EVENTLOG_WRAPPER = "The description for Event ID '";
  private static final String GET_EVENTLOG_INSERTS = "The following information is part of "
      + "the event:";
  private static final int MAX_PROPERTIES = 256;

  /** One physical line without its terminator. */
  private record Line(String text, String end, long number, long byteOffset, long cutOffset) {}

  /** One property being read: its lines after the value column. */
  private static final class Property {
    final String name;
    final List<String> lines = new ArrayList<>();
    final List<String> ends = new ArrayList<>();

    Property(String name) {
      this.name = name;
    }
  }

  private @Nullable Line pending;
  private boolean inputEnded;
  private boolean sawBlock;
  /** The widest value line so far: the wrap width as best as it is known. */
  private int width;
  /** How many value lines are exactly {@link #width} wide. */
  private int widthHits;
  /** True once a wrapped line kept its trailing space: this capture keeps them. */
  private boolean spacesKept;

  public PowerShellListReader(EncodingDecoder in, String source, int maxChars,
      RecordReader.Skips skips) {
    super(in, source, maxChars, skips);
  }

  @Override
  public @Nullable RawRecord next() throws IOException {
    while (true) {
      Line first = skipToBlock();
      if (first == null) {
        if (!sawBlock) {
          skip(1, 0, "no Format-List block (Id, ProviderName and Message as 'Name : value' "
              + "lines) was found: this is not PowerShell Format-List output");
          sawBlock = true;
        }
        return null;
      }
      sawBlock = true;
      RawRecord record = block(first);
      if (record != null) {
        return record;
      }
    }
  }

  /** Drops blank lines and reports other lines until a property line; null at the end. */
  private @Nullable Line skipToBlock() throws IOException {
    Line junk = null;
    int junkLines = 0;
    while (true) {
      Line line = readLine();
      if (line == null || valueColumn(line.text) > 0) {
        if (junk != null) {
          skip(junk.number, junk.byteOffset, junkLines + " line(s) from here are not part of a"
              + " Format-List block and were not read as events");
        }
        return line;
      }
      if (!line.text.isBlank()) {
        junkLines++;
        if (junk == null) {
          junk = line;
        }
      }
    }
  }

  /** Reads the block that starts with the property line {@code first}. */
  private @Nullable RawRecord block(Line first) throws IOException {
    List<Property> properties = new ArrayList<>();
    Map<String, Property> byName = new HashMap<>();
    Property current = null;
    int column = 0;
    int kept = 0;
    long cut = -1;
    int blanks = 0;
    String blankEnd = "";
    Line line = first;
    while (line != null) {
      int value = valueColumn(line.text);
      String text = line.text;
      if (value > 0) {
        String name = text.substring(0, text.indexOf(':')).strip();
        if (byName.containsKey(name) || blanks > 0 && value != column) {
          break; // the next block: a name seen again, or labels padded to another width
        }
        blanks = 0;
        column = value;
        current = new Property(name);
        if (properties.size() < MAX_PROPERTIES) {
          properties.add(current);
          byName.put(name, current);
        }
        text = value <= text.length() ? text.substring(value) : "";
      } else if (text.isBlank()) {
        blanks++;
        blankEnd = line.end;
        line = readLine();
        continue;
      } else if (Character.isWhitespace(text.charAt(0)) && current != null) {
        for (int k = 0; k < blanks; k++) {
          if (kept < maxChars) {
            kept++; // an empty line of the value counts as its line break
            add(current, "", blankEnd);
          } else if (cut < 0) {
            cut = line.byteOffset;
          }
        }
        blanks = 0;
        int indent = 0;
        while (indent < text.length() && indent < column && text.charAt(indent) == ' ') {
          indent++;
        }
        text = text.substring(indent);
      } else {
        break; // a line outside any block
      }
      if (line.cutOffset >= 0 && cut < 0) {
        cut = line.cutOffset;
      }
      int room = maxChars - kept;
      if (text.length() > room) {
        if (cut < 0) {
          cut = line.byteOffset + Math.max(0, room);
        }
        text = text.substring(0, Math.max(0, room));
      }
      if (room > 0) {
        kept += text.length() + 1; // the line break counts too: lines are bounded as well
        measure(text);
        add(current, text, line.end);
      }
      line = readLine();
    }
    pending = line;
    if (cut >= 0) {
      skipCut(first.number, cut);
    }
    return record(byName, first);
  }

  private static void add(Property p, String text, String end) {
    p.lines.add(text);
    p.ends.add(end);
  }

  private @Nullable RawRecord record(Map<String, Property> byName, Line first) {
    String id = firstOf(byName, "Id", "EventID", "InstanceId");
    String message = firstOf(byName, "Message");
    if (id.isEmpty() && !byName.containsKey("Message")) {
      skip(first.number, first.byteOffset, "the Format-List block that starts here has no Id "
          + "and no Message: it is not an event and was not read");
      return null;
    }
    RawRecord.Builder b = RawRecord.builder(Channel.EVENT_LOG,
            unwrapMissingDescription(message.strip()))
        .source(source).line(first.number).provider(firstOf(byName, "ProviderName", "Source"))
        .level(level(firstOf(byName, "LevelDisplayName"), firstOf(byName, "EntryType"),
            firstOf(byName, "Level")));
    int eventId = EventXmlReader.eventId(id);
    if (eventId > 0) {
      b.eventId(eventId);
    }
    return b.build();
  }

  private String firstOf(Map<String, Property> byName, String... names) {
    for (String name : names) {
      Property p = byName.get(name);
      if (p != null) {
        String v = join(p);
        if (!v.isBlank()) {
          return v.strip();
        }
      }
    }
    return "";
  }

  /** Updates the estimated width from one value line. */
  private void measure(String text) {
    if (text.length() > width) {
      width = text.length();
      widthHits = 1;
    } else if (text.length() == width) {
      widthHits++;
    }
    if (text.endsWith(" ") && !text.isBlank()) {
      spacesKept = true;
    }
  }

  /** Joins a value's lines back, telling wraps from the value's own line breaks. */
  private String join(Property p) {
    StringBuilder sb = new StringBuilder(p.lines.get(0));
    for (int i = 1; i < p.lines.size(); i++) {
      String prev = p.lines.get(i - 1);
      String next = p.lines.get(i);
      if (!next.isEmpty() && !prev.isEmpty()) {
        if (prev.endsWith(" ") || prev.length() >= width && widthHits > 1) {
          sb.append(next); // a wrap after a space, or a word cut where the line was full
          continue;
        }
        int space = next.indexOf(' ');
        int word = space < 0 ? next.length() : space + 1;
        if (!spacesKept && prev.length() + 1 + word > width) {
          sb.append(' ').append(next); // a wrap whose space was dropped by a console copy
          continue;
        }
      }
      sb.append(p.ends.get(i - 1).isEmpty() ? "\n" : p.ends.get(i - 1)).append(next);
    }
    return sb.toString();
  }

  private @Nullable Line readLine() throws IOException {
    if (pending != null) {
      Line l = pending;
      pending = null;
      return l;
    }
    if (inputEnded) {
      return null;
    }
    long number = in.line();
    long offset = in.byteOffset();
    StringBuilder sb = new StringBuilder();
    long cut = -1;
    int c;
    while (true) {
      long at = in.byteOffset();
      c = in.read();
      if (c < 0 || c == '\n') {
        break;
      }
      if (c == 0x1B) {
        skipEscape(); // PowerShell 7 colours labels with VT sequences on a console
        continue;
      }
      if (sb.length() < maxChars) {
        sb.append((char) c);
      } else if (cut < 0) {
        cut = at;
      }
    }
    if (c < 0) {
      inputEnded = true;
      if (sb.length() == 0 && cut < 0) {
        return null;
      }
    }
    String end = c < 0 ? "" : "\n";
    if (sb.length() > 0 && sb.charAt(sb.length() - 1) == '\r') {
      sb.setLength(sb.length() - 1);
      end = "\r" + end;
    }
    return new Line(sb.toString(), end, number, offset, cut);
  }

  /** Skips a CSI sequence ({@code ESC [ params final}) after its ESC. */
  private void skipEscape() throws IOException {
    String next = in.peek(1);
    if (next.isEmpty() || next.charAt(0) != '[') {
      return;
    }
    in.read();
    for (int k = 0; k < 32; k++) {
      next = in.peek(1);
      if (next.isEmpty() || next.charAt(0) == '\n') {
        return;
      }
      char c = in.peek(1).charAt(0);
      in.read();
      if (c >= 0x40 && c <= 0x7E) {
        return;
      }
    }
  }

  /**
   * Returns the column where the value of a {@code Name : value} line starts, or 0 when the line
   * is not one: a name of letters, digits and {@code _ . -} at the start of the line, spaces,
   * then {@code :} followed by a space or the end of the line.
   */
  static int valueColumn(String line) {
    int n = line.length();
    int i = 0;
    while (i < n && i < 80) {
      char c = line.charAt(i);
      if (!(Character.isLetterOrDigit(c) || c == '_' || c == '.' || c == '-')) {
        break;
      }
      i++;
    }
    if (i == 0 || !Character.isLetter(line.charAt(0))) {
      return 0;
    }
    int spaces = 0;
    while (i < n && line.charAt(i) == ' ') {
      i++;
      spaces++;
    }
    if (spaces == 0 || i >= n || line.charAt(i) != ':') {
      return 0;
    }
    if (i + 1 < n && line.charAt(i + 1) != ' ') {
      return 0;
    }
    return i + 2;
  }

  /**
   * True when {@code head} holds a Format-List block (after blank lines and at most a few other
   * lines, such as a prompt) with an id ({@code Id}, {@code EventID} or {@code InstanceId}), a
   * provider ({@code ProviderName} or {@code Source}) and a {@code Message}. Used by {@link
   * FormatDetector}.
   */
  public static boolean looksLike(String head) {
    String[] lines = head.split("\r?\n", 400);
    boolean id = false;
    boolean provider = false;
    boolean message = false;
    boolean inBlock = false;
    boolean blank = false;
    int junk = 0;
    for (int i = 0; i < lines.length - 1; i++) { // the last line may be cut by the sniff
      String line = lines[i];
      int value = valueColumn(line);
      if (value > 0) {
        if (inBlock && blank) {
          break;
        }
        inBlock = true;
        blank = false;
        String name = line.substring(0, line.indexOf(':')).strip();
        id |= name.equals("Id") || name.equals("EventID") || name.equals("InstanceId");
        provider |= name.equals("ProviderName") || name.equals("Source");
        message |= name.equals("Message");
      } else if (line.isBlank()) {
        blank = true;
      } else if (!inBlock && ++junk > 3 || inBlock && !Character.isWhitespace(line.charAt(0))) {
        break;
      }
    }
    return id && provider && message;
  }

  /**
   * The level: the display name when there is one, else {@code EntryType} (its .NET name, or the
   * name of its number), else the name of the numeric {@code Level}.
   */
  static String level(String displayName, String entryType, String level) {
    if (!displayName.isBlank()) {
      return displayName.strip();
    }
    switch (entryType.strip()) {
      case "":
        break;
      case "1":
        return "Error";
      case "2":
        return "Warning";
      case "0":
      case "4":
        return "Information";
      case "8":
        return "SuccessAudit";
      case "16":
        return "FailureAudit";
      default:
        return entryType.strip();
    }
    return EventXmlReader.levelName(level.strip(), "");
  }

  /** True for {@code Get-EventLog}'s wrapper of a message whose text could not be found. */
  static boolean isMissingDescription(String message) {
    return message.startsWith(GET_EVENTLOG_WRAPPER);
  }

  /**
   * Replaces {@code Get-EventLog}'s "The description for Event ID '1011' in Source '...' cannot
   * be found. ... The following information is part of the event:'first', 'second'" by the
   * first inserted string, which ends at the first {@code ', '} (or at the last quote); and
   * Event Viewer's wording as {@link EventTextReader#unwrapMissingDescription(String)} does.
   * Other text is returned unchanged.
   */
  static String unwrapMissingDescription(String message) {
    if (!isMissingDescription(message)) {
      return EventTextReader.unwrapMissingDescription(message);
    }
    int at = message.indexOf(GET_EVENTLOG_INSERTS);
    if (at < 0) {
      return message;
    }
    String inserts = message.substring(at + GET_EVENTLOG_INSERTS.length()).strip();
    if (!inserts.startsWith("'")) {
      return message;
    }
    int end = inserts.indexOf("', '");
    if (end < 0) {
      end = inserts.lastIndexOf('\'');
    }
    String first = end > 0 ? inserts.substring(1, end).strip() : "";
    return first.isEmpty() ? message : first;
  }
}
