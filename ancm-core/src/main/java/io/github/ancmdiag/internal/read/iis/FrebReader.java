package io.github.ancmdiag.internal.read.iis;

import io.github.ancmdiag.internal.io.XmlMessages;
import io.github.ancmdiag.internal.read.events.EventXmlReader;
import io.github.ancmdiag.internal.read.text.DeclarationEnd;
import io.github.ancmdiag.internal.read.text.EncodingDecoder;
import io.github.ancmdiag.internal.read.text.RawRecord;
import io.github.ancmdiag.internal.read.text.RecordReader;
import io.github.ancmdiag.model.Channel;
import io.github.ancmdiag.model.HResult;
import io.github.ancmdiag.model.HttpStatus;
import java.io.IOException;
import java.io.Reader;
import java.time.Instant;
import java.util.ArrayDeque;
import java.util.Deque;
import java.util.LinkedHashMap;
import java.util.Locale;
import java.util.Map;
import javax.xml.stream.XMLInputFactory;
import javax.xml.stream.XMLStreamConstants;
import javax.xml.stream.XMLStreamException;
import javax.xml.stream.XMLStreamReader;
import org.jetbrains.annotations.Nullable;

/**
 * Reads {@link io.github.ancmdiag.input.Format#FREB_XML}: an IIS failed request trace ({@code fr000001.xml}), a {@code
 * <failedRequest>} root holding the trace events of one request. Called by {@link io.github.ancmdiag.input.LogReader}.
 *
 * <p>Parsed as it streams with the JDK's StAX parser, set up as {@link EventXmlReader} sets it up:
 * DTDs and external entities off, so an XXE payload or an entity bomb is never expanded (an
 * entity reference ends the reading with a {@link io.github.ancmdiag.input.SkippedRecord}; a DTD is reported and never
 * read). The {@code <?xml-stylesheet href="freb.xsl"?>} instruction and comments are passed over.
 *
 * <p>Records, all of {@link Channel#BROWSER} (the trace is what IIS did with one client request),
 * each with a typed {@link io.github.ancmdiag.input.LogRecord#httpStatus()}:
 *
 * <ul>
 *   <li>first, the request summary from the root's attributes: text {@code Failed request GET
 *       http://host/path: HTTP 500.30, failureReason STATUS_CODE, ...}, status {@code
 *       statusCode}, provider {@value #SUMMARY_PROVIDER}, no level and no time (the root gives
 *       neither);
 *   <li>then one record per {@code <Event>}, every event, informational ones included, so that
 *       nothing read goes unaccounted for and the caller filters by {@link io.github.ancmdiag.input.LogRecord#level()}
 *       (Critical, Error, Warning, Information, Verbose, from the event's {@code Level}). Its text
 *       is the opcode ({@code RenderingInfo/Opcode}) and the event's data as {@code
 *       Name="value"} pairs, as IIS's {@code freb.xsl} shows them: {@code
 *       MODULE_SET_RESPONSE_ERROR_STATUS ModuleName="AspNetCoreModuleV2", Notification=
 *       "EXECUTE_REQUEST_HANDLER", HttpStatus="500", ...}. A value with a rendered description
 *       ({@code freb:Description}) shows the description ({@code Notification="128"} shows {@code
 *       EXECUTE_REQUEST_HANDLER}); a decimal {@code ErrorCode} shows its HRESULT form with the
 *       decimal after it: {@code ErrorCode="0x80004005" (2147500037)}, or with the description
 *       when IIS rendered one ({@code ErrorCode="Unspecified error (0x80004005)" (2147500037)}).
 *       {@code ContextId}, the same request id on every event, is left out. Its status is the
 *       event's own {@code HttpStatus} and {@code HttpSubStatus} when it has them (as {@code
 *       MODULE_SET_RESPONSE_ERROR_STATUS} does), else the request's final status. Provider,
 *       time and line come from the event.
 * </ul>
 *
 * <p>Accounting: an input cut off inside an event (a truncated trace) gives every event before
 * the cut and one {@link io.github.ancmdiag.input.SkippedRecord} for the event it ends in; any other malformation gives
 * the records before it and one skip saying where reading stopped. Byte offsets are those of the
 * line the problem is on.
 */
public final class FrebReader extends RecordReader {
  /** The provider of the summary record. */
  static final String SUMMARY_PROVIDER = "IIS Failed Request Tracing";
  private static final XMLInputFactory FACTORY = EventXmlReader.secureFactory();
  /** How many line starts are remembered to give a record's byte offset. */
  private static final int LINE_MEMORY = 1 << 16;

  private final Lines lines;
  private @Nullable XMLStreamReader xml;
  private boolean ended;
  private boolean rootSeen;
  private @Nullable HttpStatus requestStatus;

  public FrebReader(EncodingDecoder in, String source, int maxChars,
      RecordReader.Skips skips) {
    super(in, source, maxChars, skips);
    this.lines = new Lines(in);
  }

  /**
   * Tells whether text looks like a failed request trace: its root element, after the XML
   * declaration, processing instructions and comments, is {@code <failedRequest>}. Used by {@link
   * FormatDetector}.
   */
  public static boolean looksLike(String head) {
    int i = 0;
    int n = head.length();
    while (true) {
      while (i < n && (Character.isWhitespace(head.charAt(i)) || head.charAt(i) == '\uFEFF')) {
        i++;
      }
      if (head.startsWith("<?", i)) {
        int end = head.indexOf("?>", i);
        if (end < 0) {
          return false;
        }
        i = end + 2;
      } else if (head.startsWith("<!--", i)) {
        int end = head.indexOf("-->", i);
        if (end < 0) {
          return false;
        }
        i = end + 3;
      } else {
        return head.startsWith("<failedRequest", i) && i + 14 < n
            && (Character.isWhitespace(head.charAt(i + 14)) || head.charAt(i + 14) == '>');
      }
    }
  }

  @Override
  public @Nullable RawRecord next() throws IOException {
    if (ended) {
      return null;
    }
    long eventLine = 0;
    try {
      if (xml == null) {
        xml = FACTORY.createXMLStreamReader(lines);
      }
      XMLStreamReader r = xml;
      while (r.hasNext()) {
        int type = r.next();
        if (type == XMLStreamConstants.DTD) {
          long line = Math.max(0, r.getLocation().getLineNumber());
          skip(line, lines.offsetOf(line), "a document type declaration (DTD) was ignored: DTDs"
              + " and entities are never read");
        } else if (type == XMLStreamConstants.ENTITY_REFERENCE) {
          throw new XMLStreamException("the entity reference &" + r.getLocalName()
              + "; is not allowed (DTDs and entities are never read)");
        } else if (type == XMLStreamConstants.START_ELEMENT) {
          String name = r.getLocalName();
          if (!rootSeen) {
            rootSeen = true;
            if (!name.equals("failedRequest")) {
              long line = Math.max(0, r.getLocation().getLineNumber());
              skip(line, lines.offsetOf(line), "the root element is <" + name + ">, not "
                  + "<failedRequest>: this is not an IIS failed request trace; nothing was read");
              return finish();
            }
            return summary(r);
          }
          if (name.equals("Event")) {
            eventLine = Math.max(1, r.getLocation().getLineNumber());
            RawRecord record = event(r, eventLine);
            eventLine = 0;
            return record;
          }
        }
      }
      if (!rootSeen) {
        skip(1, 0, "no <failedRequest> element was found: this is not an IIS failed request "
            + "trace");
      }
      return finish();
    } catch (XMLStreamException e) {
      long line = e.getLocation() != null ? e.getLocation().getLineNumber() : 0;
      return stopped(eventLine, line, reason(e));
    } catch (RuntimeException e) {
      // the JDK parser throws some syntax errors unchecked (a MissingResourceException for a
      // bad character in a DTD): the input is at fault, not the reader
      return stopped(eventLine, 0, "the XML parser failed: " + reason(e));
    }
  }

  /** Reports where reading stopped, in the event that starts on {@code eventLine} if any. */
  private @Nullable RawRecord stopped(long eventLine, long line, String reason) {
    if (eventLine > 0) {
      skip(eventLine, lines.offsetOf(eventLine), "the event starting here could not be read ("
          + reason + "); a truncated or damaged trace: reading stopped here");
    } else {
      long at = Math.max(0, line);
      skip(at, lines.offsetOf(at == 0 ? Long.MAX_VALUE : at), "the trace is not well-formed XML"
          + " here (" + reason + "); reading stopped here");
    }
    return finish();
  }

  private @Nullable RawRecord finish() {
    ended = true;
    if (xml != null) {
      try {
        xml.close();
      } catch (XMLStreamException e) {
        // nothing held: the stream is closed by LogReader
      }
    }
    return null;
  }

  private RawRecord summary(XMLStreamReader r) {
    long line = Math.max(1, r.getLocation().getLineNumber());
    String status = attr(r, "statusCode");
    requestStatus = status(status);
    StringBuilder text = new StringBuilder("Failed request ");
    String verb = attr(r, "verb");
    if (!verb.isEmpty()) {
      text.append(verb).append(' ');
    }
    text.append(attr(r, "url")).append(": HTTP ").append(status.isEmpty() ? "-" : status);
    for (String name : new String[] {"failureReason", "triggerStatusCode", "timeTaken",
        "siteId", "appPoolId", "processId"}) {
      String v = attr(r, name);
      if (!v.isEmpty()) {
        text.append(", ").append(name).append(' ').append(v);
      }
    }
    RawRecord.Builder b = RawRecord.builder(Channel.BROWSER, cut(text.toString(), line))
        .source(source).line(Math.max(1, line)).provider(SUMMARY_PROVIDER);
    if (requestStatus != null) {
      b.httpStatus(requestStatus);
    }
    return b.build();
  }

  /** Reads one {@code <Event>}, the reader on its start tag, to its end tag. */
  private RawRecord event(XMLStreamReader r, long line) throws XMLStreamException {
    String provider = "";
    String level = "";
    String renderedLevel = "";
    String opcode = "";
    String opcodeNumber = "";
    String time = "";
    Map<String, String> data = new LinkedHashMap<>();
    Map<String, String> descriptions = new LinkedHashMap<>();
    Deque<String> path = new ArrayDeque<>();
    StringBuilder text = null;
    String capture = null;
    String key = null;
    long kept = 0; // characters of data kept: an event with endless data is cut at the limit
    boolean dropped = false;
    while (true) {
      int type = r.next();
      if (type == XMLStreamConstants.START_ELEMENT) {
        String name = r.getLocalName();
        String parent = path.isEmpty() ? "" : path.peek();
        path.push(name);
        if (text != null) {
          continue;
        }
        if (parent.equals("System") && name.equals("Provider")) {
          provider = attr(r, "Name");
        } else if (parent.equals("System") && name.equals("TimeCreated")) {
          time = attr(r, "SystemTime");
        } else if (parent.equals("System") && (name.equals("Level") || name.equals("Opcode"))) {
          capture = "System" + name;
        } else if (parent.equals("EventData") && name.equals("Data")) {
          capture = "Data";
          key = attr(r, "Name");
        } else if (parent.equals("RenderingInfo")
            && (name.equals("Opcode") || name.equals("Level"))) {
          capture = "Rendering" + name;
        } else if (parent.equals("RenderingInfo") && name.equals("Description")) {
          capture = "Description";
          key = attr(r, "Data");
        }
        if (capture != null) {
          text = new StringBuilder();
        }
      } else if (type == XMLStreamConstants.CHARACTERS || type == XMLStreamConstants.CDATA
          || type == XMLStreamConstants.SPACE) {
        if (text != null && text.length() < maxChars) {
          text.append(r.getText());
        }
      } else if (type == XMLStreamConstants.ENTITY_REFERENCE) {
        throw new XMLStreamException("the entity reference &" + r.getLocalName()
            + "; is not allowed (DTDs and entities are never read)", r.getLocation());
      } else if (type == XMLStreamConstants.END_ELEMENT) {
        if (path.isEmpty()) {
          break; // </Event>
        }
        path.pop();
        if (text != null && path.size() == 1) {
          String value = text.toString();
          switch (capture) {
            case "SystemLevel":
              level = value.strip();
              break;
            case "SystemOpcode":
              opcodeNumber = value.strip();
              break;
            case "RenderingOpcode":
              opcode = value.strip();
              break;
            case "RenderingLevel":
              renderedLevel = value.strip();
              break;
            default: // Data or Description
              if (kept < maxChars) {
                kept += key.length() + value.length() + 4;
                (capture.equals("Data") ? data : descriptions).putIfAbsent(key,
                    capture.equals("Data") ? value : oneLine(value));
              } else {
                dropped = true;
              }
              break;
          }
          text = null;
          capture = null;
          key = null;
        }
      } else if (type == XMLStreamConstants.END_DOCUMENT) {
        throw new XMLStreamException("the input ends inside an event", r.getLocation());
      }
    }
    StringBuilder out = new StringBuilder(opcode.isEmpty()
        ? (opcodeNumber.isEmpty() ? "Event" : "Opcode " + opcodeNumber) : opcode);
    String separator = " ";
    for (Map.Entry<String, String> d : data.entrySet()) {
      if (d.getKey().equals("ContextId")) {
        continue;
      }
      out.append(separator).append(d.getKey()).append("=\"")
          .append(shown(d.getKey(), d.getValue(), descriptions.get(d.getKey())));
      separator = ", ";
    }
    String shownText = out.toString();
    if (dropped && shownText.length() <= maxChars) {
      skip(line, lines.offsetOf(line), "the event starting on line " + line + " holds more data"
          + " than the limit of " + maxChars + " characters; the data past it was not kept");
    }
    RawRecord.Builder b = RawRecord.builder(Channel.BROWSER, cut(shownText, line))
        .source(source).line(Math.max(1, line)).provider(provider.strip())
        .level(EventXmlReader.levelName(level, renderedLevel));
    HttpStatus own = data.containsKey("HttpStatus")
        ? W3cLogReader.status(data.get("HttpStatus").strip(),
            data.getOrDefault("HttpSubStatus", "").strip())
        : null;
    HttpStatus status = own != null ? own : requestStatus;
    if (status != null) {
      b.httpStatus(status);
    }
    Instant at = EventXmlReader.parseTime(time);
    if (at != null) {
      b.time(at);
    }
    return b.build();
  }

  /** A value as shown after {@code Name="}, with its closing quote and any decimal note. */
  private static String shown(String name, String raw, @Nullable String description) {
    String value = oneLine(raw);
    if (name.equals("ErrorCode") && isDecimal(value)) {
      long v = Long.parseLong(value);
      if (v >= Integer.MIN_VALUE && v <= 0xFFFF_FFFFL) {
        String hex = HResult.of((int) v).toString();
        boolean rendered = description != null
            && description.toLowerCase(Locale.ROOT).contains(hex);
        return (rendered ? description : hex) + "\" (" + value + ")";
      }
    }
    return (description != null && !description.isEmpty() ? description : value) + "\"";
  }

  private static boolean isDecimal(String s) {
    int start = s.startsWith("-") ? 1 : 0;
    if (s.length() <= start || s.length() > 11) {
      return false;
    }
    for (int i = start; i < s.length(); i++) {
      if (s.charAt(i) < '0' || s.charAt(i) > '9') {
        return false;
      }
    }
    return true;
  }

  /** Whitespace runs (FREB descriptions hold line breaks) as one space, trimmed. */
  private static String oneLine(String s) {
    StringBuilder sb = new StringBuilder(s.length());
    boolean space = false;
    for (int i = 0; i < s.length(); i++) {
      char c = s.charAt(i);
      if (Character.isWhitespace(c)) {
        space = sb.length() > 0;
      } else {
        if (space) {
          sb.append(' ');
          space = false;
        }
        sb.append(c);
      }
    }
    return sb.toString();
  }

  private String cut(String text, long line) {
    if (text.length() <= maxChars) {
      return text;
    }
    skip(line, lines.offsetOf(line), "the record starting on line " + line + " is longer than the limit of "
        + maxChars + " characters; it was cut there and the rest was not kept");
    return text.substring(0, maxChars);
  }

  private static @Nullable HttpStatus status(String text) {
    try {
      return text.isBlank() ? null : HttpStatus.parse(text);
    } catch (IllegalArgumentException e) {
      return null;
    }
  }

  private static String attr(XMLStreamReader r, String name) {
    String v = r.getAttributeValue(null, name);
    return v == null ? "" : v;
  }

  private static String reason(Exception e) {
    return XmlMessages.inWords(e.getMessage());
  }

  /**
   * The decoded characters as a {@link Reader} for StAX, remembering where recent lines start in
   * bytes so that a record or skip can carry its byte offset. Invariant: {@code starts} holds
   * (line, byte offset) pairs in increasing line order, at most {@value #LINE_MEMORY} of them.
   */
  private static final class Lines extends Reader {
    private static final String DOCTYPE = "<!DOCTYPE";
    private final EncodingDecoder in;
    private final Deque<long[]> starts = new ArrayDeque<>();
    private long lastLine;
    /**
     * Where the text is in a document type declaration: the JDK's parser prints a stack trace to
     * standard error when the input ends inside one (its DTD scanner catches the end of input
     * and calls {@code printStackTrace}), so this reader reports that end as an error instead.
     */
    private int doctypeMatched;
    /** The declaration the text is in, or null. */
    private DeclarationEnd doctype;

    Lines(EncodingDecoder in) {
      this.in = in;
    }

    @Override
    public int read(char[] buf, int off, int len) throws IOException {
      int n = 0;
      while (n < len) {
        long line = in.line();
        if (line != lastLine) {
          lastLine = line;
          if (starts.size() == LINE_MEMORY) {
            starts.pollFirst();
          }
          starts.addLast(new long[] {line, in.byteOffset()});
        }
        int c = in.read();
        if (c < 0) {
          break;
        }
        track(c);
        buf[off + n++] = (char) c;
      }
      if (n == 0 && len > 0 && doctype != null) {
        throw new IOException("the trace ends inside its document type declaration (DTD)");
      }
      return n == 0 && len > 0 ? -1 : n;
    }

    /** Follows whether the text is inside a {@code <!DOCTYPE ...>}. */
    private void track(int c) {
      if (doctype != null) {
        if (doctype.isEnd(c)) {
          doctype = null;
        }
      } else if (c == DOCTYPE.charAt(doctypeMatched)) {
        if (++doctypeMatched == DOCTYPE.length()) {
          doctype = new DeclarationEnd();
          doctypeMatched = 0;
        }
      } else {
        doctypeMatched = c == '<' ? 1 : 0;
      }
    }

    /**
     * The byte offset where {@code line} starts; when that line is no longer remembered (or the
     * parser counts lines differently, as it does for a lone CR), the start of the nearest
     * remembered line before it, else where decoding has got to.
     */
    long offsetOf(long line) {
      while (starts.size() > 1) {
        long[] first = starts.pollFirst();
        if (starts.peekFirst()[0] > line) {
          starts.addFirst(first);
          break;
        }
      }
      long[] first = starts.peekFirst();
      return first != null && first[0] <= line ? first[1] : in.byteOffset();
    }

    @Override
    public void close() {
      // LogReader closes the stream
    }
  }
}
