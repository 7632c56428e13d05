package io.github.ancmdiag.internal.read.evtx;

import java.time.Instant;
import org.jetbrains.annotations.Nullable;

/**
 * Collects, from the element events of one record's binary XML, the fields an XML export's reader
 * takes from the same event, by the same rules ({@code input.EventXmlReader}): {@code
 * System/Provider@Name}, {@code System/TimeCreated@SystemTime}, the text of {@code
 * System/EventID} and {@code System/Level}, and the text of the first {@code EventData/Data}
 * (with the text of any element inside it). A captured text is stored when the element three
 * levels down that started it ends, as that reader stores it. Line ends are normalized as an XML
 * parser normalizes them (so the text equals what the XML export of the event reads as). Text is
 * kept up to a limit. One instance per record.
 */
final class EventFields {
  private static final int PROVIDER = 1;
  private static final int TIME = 2;

  String provider = "";
  String eventId = "";
  String level = "";
  String time = "";
  /** The instant of {@link #time} when it was one FILETIME value, else null. */
  @Nullable Instant timeInstant;
  @Nullable String data;
  /** Whether a captured text passed the limit and was cut. */
  boolean cut;
  /** How many elements were started: a record must hold one. */
  int elements;
  /** The local name of the first element. */
  @Nullable String root;

  private final int maxChars;
  private final String[] path;
  private int depth;
  private @Nullable StringBuilder text;
  private @Nullable String capture;
  private int attributeTarget;

  EventFields(int maxChars, int maxDepth) {
    this.maxChars = maxChars;
    this.path = new String[maxDepth + 2];
  }

  /** An element starts; its attributes follow. */
  void start(String name) {
    String local = localName(name);
    if (elements++ == 0) {
      root = local;
    }
    String parent = depth == 0 ? "" : path[depth - 1];
    path[depth++] = local;
    attributeTarget = 0;
    if (text != null) {
      return; // inside a captured element: its children's text is part of it
    }
    if (parent.equals("System")) {
      if (local.equals("Provider")) {
        provider = "";
        attributeTarget = PROVIDER;
      } else if (local.equals("TimeCreated")) {
        time = "";
        timeInstant = null;
        attributeTarget = TIME;
      } else if (local.equals("EventID") || local.equals("Level")) {
        capture = local;
      }
    } else if (parent.equals("RenderingInfo")
        && (local.equals("Message") || local.equals("Level"))) {
      capture = "Rendering" + local;
    } else if (parent.equals("EventData") && local.equals("Data") && data == null) {
      capture = "Data";
    }
    if (capture != null) {
      text = new StringBuilder();
    }
  }

  /**
   * Returns where to write the value of the attribute {@code name} of the element just started,
   * or null when it is not wanted.
   */
  @Nullable StringBuilder attribute(String name) {
    String local = localName(name);
    if (attributeTarget == PROVIDER && local.equals("Name")
        || attributeTarget == TIME && local.equals("SystemTime")) {
      return new StringBuilder();
    }
    return null;
  }

  /**
   * The value of a wanted attribute is complete; {@code fileTime} is the FILETIME it is made of
   * alone, or -1.
   */
  void attributeValue(String name, StringBuilder value, long fileTime) {
    String v = attributeNormalized(limit(value));
    if (attributeTarget == PROVIDER) {
      provider = v;
    } else if (attributeTarget == TIME) {
      time = v;
      timeInstant = fileTime < 0 ? null : Values.fileTimeInstant(fileTime);
    }
  }

  /** Returns where to write the text of the content read now, or null when it is not kept. */
  @Nullable StringBuilder text() {
    StringBuilder t = text;
    if (t != null && t.length() > maxChars) {
      t.setLength(maxChars);
      cut = true;
    }
    return t;
  }

  /** The element last started ends. */
  void end() {
    attributeTarget = 0;
    if (depth > 0) {
      depth--;
    }
    if (text != null && depth == 2) { // back in System, RenderingInfo or EventData
      String value = lineEndsNormalized(limit(text));
      switch (capture == null ? "" : capture) {
        case "EventID":
          eventId = value;
          break;
        case "Level":
          level = value;
          break;
        case "Data":
          data = value;
          break;
        default:
          break; // a rendered message or level: not in an .evtx, and not needed
      }
      text = null;
      capture = null;
    }
  }

  private String limit(StringBuilder sb) {
    if (sb.length() > maxChars) {
      cut = true;
      return sb.substring(0, maxChars);
    }
    return sb.toString();
  }

  /** Line ends as an XML parser hands them over: CR LF and a lone CR become LF. */
  static String lineEndsNormalized(String s) {
    return s.indexOf('\r') < 0 ? s : s.replace("\r\n", "\n").replace('\r', '\n');
  }

  /** An attribute value as an XML parser hands it over: line ends and tabs become spaces. */
  static String attributeNormalized(String s) {
    String t = lineEndsNormalized(s);
    return t.indexOf('\n') < 0 && t.indexOf('\t') < 0 ? t : t.replace('\n', ' ').replace('\t', ' ');
  }

  private static String localName(String name) {
    int colon = name.indexOf(':');
    return colon < 0 ? name : name.substring(colon + 1);
  }
}
