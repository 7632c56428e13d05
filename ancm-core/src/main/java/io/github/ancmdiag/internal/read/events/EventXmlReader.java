package io.github.ancmdiag.internal.read.events;

import io.github.ancmdiag.internal.io.XmlMessages;
import io.github.ancmdiag.internal.read.text.DeclarationEnd;
import io.github.ancmdiag.internal.read.text.EncodingDecoder;
import io.github.ancmdiag.internal.read.text.RawRecord;
import io.github.ancmdiag.internal.read.text.RecordReader;
import io.github.ancmdiag.model.Channel;
import java.io.IOException;
import java.io.StringReader;
import java.time.Instant;
import java.time.LocalDateTime;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.time.format.DateTimeParseException;
import java.util.ArrayDeque;
import java.util.Deque;
import java.util.Locale;
import javax.xml.stream.XMLInputFactory;
import javax.xml.stream.XMLStreamConstants;
import javax.xml.stream.XMLStreamException;
import javax.xml.stream.XMLStreamReader;
import org.jetbrains.annotations.Nullable;

/**
 * Reads {@link io.github.ancmdiag.input.Format#EVENT_XML}: Windows event XML, with or without an {@code <Events>} root.
 * Called by {@link io.github.ancmdiag.input.LogReader}.
 *
 * <p>Two stages. A small hand-written scanner walks the characters, skipping comments, CDATA,
 * processing instructions and document type declarations, and cuts out the markup of each
 * top-level {@code <Event>} element (bounded by the record limit), with the line and byte offset
 * of its start; so a file without a root, or truncated in the middle of an event, still yields
 * every complete event before the break. Then each event alone is parsed with the JDK's StAX
 * parser, DTDs and external entities off: an entity reference (the only way an XXE payload or a
 * "billion laughs" DTD could act) makes that event a {@link io.github.ancmdiag.input.SkippedRecord}, and a DTD outside the
 * events is reported and never read.
 */
public final class EventXmlReader extends RecordReader {
  private static final XMLInputFactory FACTORY = secureFactory();
  private static final DateTimeFormatter US_TIME =
      DateTimeFormatter.ofPattern("M/d/yyyy h:mm:ss[.SSSSSSS][.SSS] a", Locale.ROOT);

  private int events;
  private boolean ended;

  // the event being cut out
  private @Nullable StringBuilder event;
  private long cutOffset;
  private int depth;
  /** The elements open in the event being cut out, innermost first. */
  private final Deque<String> open = new ArrayDeque<>();
  /** At the cut: the end tags that close what was open, so the kept part can be parsed. */
  private String closing = "";

  public EventXmlReader(EncodingDecoder in, String source, int maxChars,
      RecordReader.Skips skips) {
    super(in, source, maxChars, skips);
  }

  /** The StAX factory with DTDs, external entities and entity replacement off. */
  public static XMLInputFactory secureFactory() {
    XMLInputFactory f = XMLInputFactory.newDefaultFactory();
    f.setProperty(XMLInputFactory.SUPPORT_DTD, false);
    f.setProperty(XMLInputFactory.IS_SUPPORTING_EXTERNAL_ENTITIES, false);
    f.setProperty(XMLInputFactory.IS_REPLACING_ENTITY_REFERENCES, false);
    f.setProperty(XMLInputFactory.IS_NAMESPACE_AWARE, true);
    f.setProperty(XMLInputFactory.IS_COALESCING, true);
    return f;
  }

  @Override
  public @Nullable RawRecord next() throws IOException {
    while (!ended) {
      Chunk chunk = nextEvent();
      if (chunk == null) {
        ended = true;
        if (events == 0) {
          skip(1, 0, "no <Event> element was found: this is not Windows event XML");
        }
        return null;
      }
      events++;
      RawRecord record = parse(chunk);
      if (record != null) {
        return record;
      }
    }
    return null;
  }

  /** The markup of one event and where it starts. */
  private record Chunk(String xml, long line, long byteOffset, long cutOffset, String closing) {}

  private @Nullable Chunk nextEvent() throws IOException {
    event = null;
    long startLine = 0;
    long startOffset = 0;
    while (true) {
      long line = in.line();
      long offset = in.byteOffset();
      int c = read();
      if (c < 0) {
        if (event != null) {
          events++; // an event was found, though cut off: the input is event XML
          skip(startLine, startOffset, "the input ends inside the event that starts here "
              + "(a truncated file); that event was not read");
        }
        return null;
      }
      if (c != '<') {
        continue;
      }
      int k = read();
      if (k < 0) {
        continue;
      }
      if (k == '!') {
        markupDeclaration(line, offset);
      } else if (k == '?') {
        until("?>");
      } else if (k == '/') {
        String name = name(-1);
        int last = restOfTag();
        if (last >= 0 && event != null) {
          open.poll();
          if (isEvent(name) && --depth == 0) {
            String xml = event.toString();
            event = null;
            return new Chunk(xml, startLine, startOffset, cutOffset, closing);
          }
        }
      } else {
        boolean outside = event == null;
        StringBuilder opening = outside ? new StringBuilder("<") : null;
        String name = name(k);
        if (opening != null) {
          opening.append(name);
        }
        boolean eventTag = isEvent(name);
        if (outside && eventTag) {
          event = opening;
          if (pending >= 0) {
            event.append((char) pending);
          }
          cutOffset = -1;
          depth = 0;
          open.clear();
          closing = "";
          startLine = line;
          startOffset = offset;
        }
        int last = restOfTag();
        if (event != null && last >= 0 && last != '/' && open.size() < 256) {
          open.push(name);
        }
        if (eventTag && event != null) {
          if (last == '/') {
            if (depth == 0) {
              String xml = event.toString();
              event = null;
              return new Chunk(xml, startLine, startOffset, cutOffset, closing);
            }
          } else if (last >= 0) {
            depth++;
          }
        }
      }
    }
  }

  private static boolean isEvent(String name) {
    int colon = name.indexOf(':');
    return name.substring(colon + 1).equals("Event");
  }

  /** Reads one char, appending it to the event being cut out (up to the limit). */
  private int read() throws IOException {
    long offset = in.byteOffset();
    int c = in.read();
    if (c >= 0 && event != null) {
      if (event.length() < maxChars) {
        event.append((char) c);
      } else if (cutOffset < 0) {
        cutOffset = offset;
        StringBuilder end = new StringBuilder();
        for (String name : open) {
          end.append("</").append(name).append('>');
        }
        closing = end.toString();
      }
    }
    return c;
  }

  /** Reads a tag name starting with {@code first} (or the next char when -1); keeps 64 chars. */
  private String name(int first) throws IOException {
    StringBuilder name = new StringBuilder();
    int c = first;
    if (c < 0) {
      c = read();
    }
    while (c >= 0 && !Character.isWhitespace(c) && c != '>' && c != '/') {
      if (name.length() < 64) {
        name.append((char) c);
      }
      c = read();
    }
    pending = c;
    return name.toString();
  }

  /** The char that ended the last name, already consumed. */
  private int pending;

  /**
   * Reads to the end of a tag, quotes respected; returns the last char before {@code >} ('/' for
   * an empty-element tag), or -1 when the input ended first.
   */
  private int restOfTag() throws IOException {
    int c = pending;
    int last = ' ';
    int quote = 0;
    while (c >= 0) {
      if (quote != 0) {
        if (c == quote) {
          quote = 0;
        }
      } else if (c == '"' || c == '\'') {
        quote = c;
      } else if (c == '>') {
        return last;
      } else if (!Character.isWhitespace(c)) {
        last = c;
      }
      c = read();
    }
    return -1;
  }

  /** After {@code <!}: a comment, CDATA section, DOCTYPE or other declaration. */
  private void markupDeclaration(long line, long offset) throws IOException {
    StringBuilder head = new StringBuilder();
    int c = read();
    while (c >= 0 && head.length() < 7) {
      head.append((char) c);
      String h = head.toString();
      if (h.equals("--")) {
        until("-->");
        return;
      }
      if (h.equals("[CDATA[")) {
        until("]]>");
        return;
      }
      if (c == '>') {
        return;
      }
      c = read();
    }
    if (c < 0) {
      return;
    }
    boolean doctype = head.toString().equalsIgnoreCase("DOCTYPE") && event == null;
    DeclarationEnd declaration = new DeclarationEnd();
    while (c >= 0 && !declaration.isEnd(c)) {
      c = read();
    }
    if (doctype && declaration.hasSubset()) {
      skip(line, offset, "a document type declaration (DTD) was ignored: DTDs and entities "
          + "are never read");
    }
  }

  private void until(String end) throws IOException {
    int matched = 0;
    int c;
    while ((c = read()) >= 0) {
      if (c == end.charAt(matched)) {
        if (++matched == end.length()) {
          return;
        }
      } else {
        matched = c == end.charAt(0) ? 1 : 0;
      }
    }
  }

  /** The fields of one event, filled while parsing. */
  private static final class Fields {
    String provider = "";
    String eventId = "";
    String level = "";
    String renderedLevel = "";
    String time = "";
    @Nullable String message;
    @Nullable String data;
  }

  private @Nullable RawRecord parse(Chunk chunk) {
    Fields f = new Fields();
    String problem = null;
    boolean cut = chunk.cutOffset >= 0;
    try {
      read(cut ? closeCut(chunk.xml, chunk.closing) : chunk.xml, f);
    } catch (XMLStreamException | RuntimeException e) {
      problem = reason(e);
    }
    String text = f.message != null && !f.message.isBlank() ? f.message : f.data;
    if (problem != null && !(cut && text != null)) {
      skip(chunk.line, chunk.byteOffset, cut
          ? "the event starting here is longer than the limit of " + maxChars
              + " characters and no message was found before the cut"
          : "the event starting here is not well-formed XML: " + problem);
      return null;
    }
    if (cut) {
      skipCut(chunk.line, chunk.cutOffset);
    }
    RawRecord.Builder b = RawRecord.builder(Channel.EVENT_LOG,
            EventTextReader.unwrapMissingDescription(text == null ? "" : text.strip()))
        .source(source).line(Math.max(1, chunk.line)).provider(f.provider.strip())
        .level(levelName(f.level.strip(), f.renderedLevel.strip()));
    int id = eventId(f.eventId);
    if (id > 0) {
      b.eventId(id);
    }
    Instant time = parseTime(f.time);
    if (time != null) {
      b.time(time);
    }
    return b.build();
  }

  /** Drops a partial tag or reference at the end of a cut event and closes what is open. */
  static String closeCut(String xml, String closing) {
    String kept = xml;
    int lt = kept.lastIndexOf('<');
    if (lt >= 0 && kept.indexOf('>', lt) < 0) {
      kept = kept.substring(0, lt);
    }
    int amp = kept.lastIndexOf('&');
    if (amp >= 0 && kept.indexOf(';', amp) < 0) {
      kept = kept.substring(0, amp);
    }
    return kept + closing;
  }

  private static String reason(Exception e) {
    return XmlMessages.inWords(e.getMessage());
  }

  private static void read(String xml, Fields f) throws XMLStreamException {
    XMLStreamReader r = FACTORY.createXMLStreamReader(new StringReader(xml));
    try {
      Deque<String> path = new ArrayDeque<>();
      StringBuilder text = null;
      String capture = null;
      while (r.hasNext()) {
        int type = r.next();
        switch (type) {
          case XMLStreamConstants.START_ELEMENT: {
            String name = r.getLocalName();
            String parent = path.isEmpty() ? "" : path.peek();
            path.push(name);
            if (text != null) {
              break; // inside a captured element: its children's text is part of it
            }
            if (parent.equals("System")) {
              if (name.equals("Provider")) {
                f.provider = attr(r, "Name");
              } else if (name.equals("TimeCreated")) {
                f.time = attr(r, "SystemTime");
              } else if (name.equals("EventID") || name.equals("Level")) {
                capture = name;
              }
            } else if (parent.equals("RenderingInfo")
                && (name.equals("Message") || name.equals("Level"))) {
              capture = "Rendering" + name;
            } else if (parent.equals("EventData") && name.equals("Data") && f.data == null) {
              capture = "Data";
            }
            if (capture != null) {
              text = new StringBuilder();
            }
            break;
          }
          case XMLStreamConstants.CHARACTERS:
          case XMLStreamConstants.CDATA:
          case XMLStreamConstants.SPACE:
            if (text != null) {
              text.append(r.getText());
            }
            break;
          case XMLStreamConstants.ENTITY_REFERENCE:
            throw new XMLStreamException("the entity reference &" + r.getLocalName()
                + "; is not allowed (DTDs and entities are never read)");
          case XMLStreamConstants.DTD:
            throw new XMLStreamException("a DTD inside an event is not allowed");
          case XMLStreamConstants.END_ELEMENT: {
            path.pop();
            if (text != null && path.size() == 2) { // back in System, RenderingInfo, EventData
              store(f, capture, text.toString());
              text = null;
              capture = null;
            }
            break;
          }
          default:
            break;
        }
      }
    } finally {
      r.close();
    }
  }

  private static void store(Fields f, String capture, String value) {
    switch (capture) {
      case "EventID":
        f.eventId = value;
        break;
      case "Level":
        f.level = value;
        break;
      case "RenderingMessage":
        f.message = value;
        break;
      case "RenderingLevel":
        f.renderedLevel = value;
        break;
      default:
        f.data = value;
        break;
    }
  }

  private static String attr(XMLStreamReader r, String name) {
    String v = r.getAttributeValue(null, name);
    return v == null ? "" : v;
  }

  /** The low 16 bits of the event id (some tools write the whole 32-bit id), 0 if none. */
  public static int eventId(String text) {
    try {
      long v = Long.parseLong(text.strip());
      int id = (int) (v & 0xFFFF);
      return v < 0 ? 0 : id;
    } catch (NumberFormatException e) {
      return 0;
    }
  }

  /**
   * The level's name, as Event Viewer shows it in English: 1 Critical, 2 Error, 3 Warning, 0 and
   * 4 Information (0 is what classic {@code ReportEvent} success events carry), 5 Verbose;
   * otherwise the rendered name, else the text as written.
   */
  public static String levelName(String number, String rendered) {
    switch (number) {
      case "0":
      case "4":
        return "Information";
      case "1":
        return "Critical";
      case "2":
        return "Error";
      case "3":
        return "Warning";
      case "5":
        return "Verbose";
      default:
        return rendered.isEmpty() ? number : rendered;
    }
  }

  /**
   * Parses a {@code SystemTime}: ISO-8601 with or without an offset (UTC when absent, as
   * SystemTime always is), or {@code M/d/yyyy h:mm:ss AM} (UTC); null when unreadable.
   */
  public static @Nullable Instant parseTime(String text) {
    String t = text.strip();
    if (t.isEmpty()) {
      return null;
    }
    try {
      return OffsetDateTime.parse(t).toInstant();
    } catch (DateTimeParseException e) {
      // next form
    }
    try {
      return LocalDateTime.parse(t).toInstant(ZoneOffset.UTC);
    } catch (DateTimeParseException e) {
      // next form
    }
    try {
      return LocalDateTime.parse(t.toUpperCase(Locale.ROOT), US_TIME).toInstant(ZoneOffset.UTC);
    } catch (DateTimeParseException e) {
      return null;
    }
  }
}
