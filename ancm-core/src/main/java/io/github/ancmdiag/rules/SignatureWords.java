package io.github.ancmdiag.rules;

import io.github.ancmdiag.internal.template.Template;
import io.github.ancmdiag.internal.template.TemplateSyntaxException;
import io.github.ancmdiag.model.Channel;
import io.github.ancmdiag.model.HttpStatus;
import io.github.ancmdiag.model.Observation;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;

/**
 * Puts a {@link Signature} into words for people, the one place where template syntax becomes a
 * sentence: {@code the debug log line "Failed HRESULT returned: 0x8000ffff at ..."}, {@code an
 * event "Application '<app id>' ..." (ID 1010)}, {@code the browser showing HTTP 500.31}, {@code
 * the stdout log being empty}.
 *
 * <p>In a template, a capture that requires a value shows the value; one that requires a fragment
 * shows {@code <words with fragment>}; a free capture shows its name in words ({@code appId} is
 * {@code <app id>}, {@code physicalRoot} is {@code <path>}; names not known here are named by
 * their type); a wildcard ({@code _}) is {@code ...}. Line breaks and runs of white space become
 * one space, {@code {{} is a brace. A message that goes on after the template (it ends with a
 * colon or a word such as "at") ends with {@code ...}; one longer than {@value #MAX} characters
 * keeps its start and the part around the first required value after it (or its end), with
 * {@code ...} for what is left out. The syntax it reads is {@code docs/catalog-format.md}'s; text
 * that does not follow it is shown as written.
 */
final class SignatureWords {
  /** Longer descriptions of a message are cut. */
  static final int MAX = 110;
  /** A cut description keeps at most this many characters of the message's start. */
  static final int HEAD = 75;
  /** ... and at most this many of its later part. */
  static final int TAIL = 42;
  /** A gap of at most this many characters is not worth a {@code ...}. */
  static final int MIN_GAP = 20;

  /** Capture names whose words are not their type's. */
  private static final Map<String, String> NAMES = Map.ofEntries(
      Map.entry("appId", "app id"),
      Map.entry("physicalRoot", "path"),
      Map.entry("commandLine", "command line"),
      Map.entry("hresult", "error code"),
      Map.entry("exitCode", "exit code"),
      Map.entry("exceptionCode", "exception code"),
      Map.entry("frameworkName", "framework"),
      Map.entry("frameworkVersion", "version"),
      Map.entry("processPath", "process path"),
      Map.entry("stdoutLogFile", "log file"),
      Map.entry("stdoutLogFolder", "folder"),
      Map.entry("assembly", "assembly"),
      Map.entry("assemblyPath", "path"),
      Map.entry("modulePath", "path"),
      Map.entry("hostfxrPath", "path"),
      Map.entry("requestHandlerPath", "path"),
      Map.entry("sourceLocation", "path"),
      Map.entry("parentConfig", "path"),
      Map.entry("handlerName", "handler name"),
      Map.entry("hostingModel", "hosting model"),
      Map.entry("startupTimeLimitMs", "milliseconds"),
      Map.entry("arguments", "arguments"),
      Map.entry("library", "library"),
      Map.entry("stage", "stage"),
      Map.entry("section", "section"),
      Map.entry("element", "element"),
      Map.entry("attribute", "attribute"),
      Map.entry("port", "port"),
      Map.entry("detail", "details"));

  /** A message that ends with one of these words goes on after the template. */
  private static final Set<String> DANGLING = Set.of("a", "an", "and", "at", "by", "for", "from",
      "in", "is", "of", "on", "or", "the", "to", "with");

  /** Marks, within the words being built, a space that must not be cut (inside a placeholder). */
  private static final char KEEP = '\u0000';
  /** Marks the start of a required value, so a cut keeps it. */
  private static final char PINNED = '\u0001';

  private SignatureWords() {}

  /** Describes a signature in one line; see the class comment. */
  static String describe(Signature s) {
    return switch (s.kind()) {
      case TEXT -> text(s.channel(), s.texts().get(0), s.eventId());
      case STATUS -> "the browser showing HTTP " + statuses(s.statuses());
      case OBSERVATION -> observation(s.observation().orElseThrow());
    };
  }

  private static String text(Channel channel, String template, int eventId) {
    String words = words(template);
    if (channel == Channel.WEB_CONFIG && words.regionMatches(true, 0, "web.config: ", 0, 12)
        && words.length() > 12) {
      words = words.substring(12);
    }
    String quoted = "\"" + words + "\"";
    return switch (channel) {
      case BROWSER -> "the browser showing " + quoted;
      case EVENT_LOG -> "an event " + quoted + (eventId > 0 ? " (ID " + eventId + ")" : "");
      case STDOUT_LOG -> "the stdout log line " + quoted;
      case DEBUG_LOG -> "the debug log line " + quoted;
      case WEB_CONFIG -> "the web.config fact " + quoted;
      default -> "the Windows message " + quoted;
    };
  }

  private static String statuses(List<HttpStatus> statuses) {
    StringBuilder sb = new StringBuilder();
    for (HttpStatus st : statuses) {
      sb.append(sb.length() == 0 ? "" : " or ").append(st);
    }
    return sb.toString();
  }

  private static String observation(Observation o) {
    return switch (o) {
      case NO_EVENT_LOG_ENTRY -> "the event log having no ASP.NET Core Module entry";
      case STDOUT_LOG_NOT_CREATED -> "the stdout log file not being created";
      case STDOUT_LOG_EMPTY -> "the stdout log being empty";
      case STDOUT_LOG_HAS_OUTPUT -> "the stdout log having output";
      case DEBUG_LOG_NOT_CREATED -> "the debug log file not being created";
      case SUB_APP_LOG_NOT_CREATED ->
          "the sub-application's log file not being created while the root app logs";
      case APP_RESPONDS_NORMALLY -> "the app responding normally";
      case CONNECTION_REFUSED -> "the browser not connecting at all";
      default -> "the observation " + o.key();
    };
  }

  /** Renders a template: placeholders in words, white space folded, long messages cut. */
  static String words(String template) {
    StringBuilder sb = new StringBuilder();
    int i = 0;
    int n = template.length();
    while (i < n) {
      char c = template.charAt(i);
      if (c == '{' && i + 1 < n && template.charAt(i + 1) == '{') {
        sb.append('{');
        i += 2;
        continue;
      }
      int close = c == '{' ? template.indexOf('}', i) : -1;
      if (close < 0) {
        sb.append(Character.isWhitespace(c) || c == KEEP || c == PINNED ? ' ' : c);
        i++;
        continue;
      }
      sb.append(capture(template.substring(i + 1, close)));
      i = close + 1;
    }
    String folded = sb.toString().replaceAll(" {2,}", " ").strip();
    if (continues(folded)) {
      folded = folded + " ...";
    }
    return cut(folded).replace(KEEP, ' ').replace(String.valueOf(PINNED), "");
  }

  /** Renders one capture's spec (what is between the braces), parsed as the matcher parses it. */
  private static String capture(String spec) {
    Template.Capture c;
    try {
      c = Template.capture(spec.strip());
    } catch (TemplateSyntaxException e) {
      return ("<" + spec.strip() + ">").replace(' ', KEEP); // not a capture the matcher knows
    }
    String value = c.value().strip();
    if (c.op() == Template.Op.EQUALS) {
      return PINNED + value.replace(' ', KEEP);
    }
    if (c.name().equals("_") && c.op() == Template.Op.ANY) {
      return "...";
    }
    String words = NAMES.getOrDefault(c.name(), typeWords(c.type().name()));
    if (c.op() == Template.Op.CONTAINS) {
      return (PINNED + "<" + words + " with " + value + ">").replace(' ', KEEP);
    }
    return ("<" + words + ">").replace(' ', KEEP);
  }

  /** Words for a free capture of a name not known here, by its type. */
  static String typeWords(String type) {
    return switch (type) {
      case "PATH" -> "path";
      case "APP_ID" -> "app id";
      case "VERSION" -> "version";
      case "HRESULT" -> "error code";
      case "HEX" -> "hex code";
      case "INT" -> "number";
      case "PORT" -> "port";
      case "NAME" -> "name";
      default -> "text";
    };
  }

  /** Tells whether the message goes on after this text: it ends with a colon or a small word. */
  private static boolean continues(String text) {
    if (text.endsWith(":")) {
      return true;
    }
    int space = text.lastIndexOf(' ');
    String last = text.substring(space + 1);
    return DANGLING.contains(last.toLowerCase(Locale.ROOT));
  }

  /**
   * Cuts a long text at spaces: its start, then the words around the first required value after
   * it (or the end when there is none), with {@code ...} for what is left out; a gap of a word or
   * two is not left out.
   */
  private static String cut(String text) {
    if (length(text) <= MAX) {
      return text;
    }
    List<String> tokens = List.of(text.split(" "));
    int head = 0;
    int chars = -1;
    while (head < tokens.size() && (head == 0 || chars + 1 + length(tokens.get(head)) <= HEAD)) {
      chars += 1 + length(tokens.get(head));
      head++;
    }
    int pinned = -1;
    for (int k = head; k < tokens.size() && pinned < 0; k++) {
      pinned = tokens.get(k).indexOf(PINNED) >= 0 ? k : -1;
    }
    int from;
    int to;
    if (pinned >= 0) {
      // two words before the value, then as much as fits
      from = Math.max(head, pinned - 2);
      to = pinned + 1;
      chars = span(tokens, from, to);
      while (to < tokens.size() && chars + 1 + length(tokens.get(to)) <= TAIL) {
        chars += 1 + length(tokens.get(to));
        to++;
      }
    } else {
      // the end, as much as fits
      to = tokens.size();
      from = to - 1;
      chars = length(tokens.get(from));
      while (from > head && chars + 1 + length(tokens.get(from - 1)) <= TAIL) {
        chars += 1 + length(tokens.get(from - 1));
        from--;
      }
      if (from > head && to - from == 1 && tokens.get(from).equals("...")) {
        from--;
      }
    }
    if (from > head && span(tokens, head, from) <= MIN_GAP) {
      from = head;
    }
    StringBuilder sb = new StringBuilder(String.join(" ", tokens.subList(0, head)));
    if (from > head) {
      sb.append(" ...");
    }
    if (from < to) {
      sb.append(' ').append(String.join(" ", tokens.subList(from, to)));
    }
    if (to < tokens.size() && !tokens.get(to - 1).equals("...")) {
      sb.append(" ...");
    }
    return sb.toString();
  }

  /** Counts the characters of tokens {@code from} (inclusive) to {@code to}, spaces between. */
  private static int span(List<String> tokens, int from, int to) {
    int n = -1;
    for (int k = from; k < to; k++) {
      n += 1 + length(tokens.get(k));
    }
    return Math.max(n, 0);
  }

  /** Counts the characters a person sees. */
  private static int length(String s) {
    int n = 0;
    for (int i = 0; i < s.length(); i++) {
      if (s.charAt(i) != PINNED) {
        n++;
      }
    }
    return n;
  }
}
