package io.github.ancmdiag.internal.read.pages;

import java.nio.charset.Charset;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * Turns HTML into the text a browser shows, fed one character at a time, in memory bounded by the
 * text limit: no tree is built and no tag is kept beyond its first {@value #MAX_NAME} name
 * characters. Called by {@link ErrorPageReader}.
 *
 * <p>A small tokenizer after the WHATWG states that matter for error pages: text, tag, comment
 * ({@code <!-- ... -->}), markup declaration ({@code <!DOCTYPE ...>}, {@code <?xml ...?>}), raw
 * text ({@code <script>}, {@code <style>}: dropped) and escapable raw text ({@code <title>},
 * {@code <textarea>}: entities decoded, tags not). Entities are decoded: the named ones error pages
 * use and every numeric one; a numeric reference outside Unicode, to a surrogate or to NUL becomes
 * U+FFFD, as in browsers. Whitespace collapses to one space outside {@code <pre>}; block elements
 * and {@code <br>} end the line; a table row becomes one line, its first cell a label: {@code
 * <tr><th>Module</th><td>&nbsp;IIS Web Core</td></tr>} reads {@code Module: IIS Web Core}. The
 * {@code <title>} is the first line; a later line equal to it (the page's {@code <h1>}) is dropped
 * so that the title appears once.
 *
 * <p>A {@code <script>}, {@code <style>}, comment or quoted attribute value never closed takes
 * the rest of the input, as in a browser; {@link #unclosed()} says which and where it opened.
 *
 * <p>Invariants: the text kept ({@code out}, the open row's cells and the pending separators)
 * never exceeds {@code max} characters; once a character does not fit, {@link #isFull()} is true,
 * {@link #cutOffset()} is the byte offset of that character and nothing more is kept.
 */
public final class HtmlText {
  static final int MAX_NAME = 16;
  private static final int MAX_ENTITY = 32;
  private static final char REPLACEMENT = '\uFFFD';
  private static final Charset WINDOWS_1252 = Charset.forName("windows-1252");

  private static final Set<String> BLOCKS = Set.of("address", "article", "aside", "blockquote",
      "body", "br", "caption", "center", "dd", "details", "dialog", "dir", "div", "dl", "dt",
      "fieldset", "figcaption", "figure", "footer", "form", "frameset", "h1", "h2", "h3", "h4",
      "h5", "h6", "head", "header", "hgroup", "hr", "html", "legend", "li", "listing", "main",
      "menu", "nav", "noscript", "ol", "option", "p", "plaintext", "section", "select", "summary",
      "ul", "xmp");

  /** Named references: those error pages and saved pages use; others are kept as written. */
  private static final Map<String, String> ENTITIES = Map.ofEntries(Map.entry("amp", "&"),
      Map.entry("lt", "<"), Map.entry("gt", ">"), Map.entry("quot", "\""),
      Map.entry("apos", "'"), Map.entry("nbsp", "\u00A0"), Map.entry("raquo", "\u00BB"),
      Map.entry("laquo", "\u00AB"), Map.entry("copy", "\u00A9"), Map.entry("reg", "\u00AE"),
      Map.entry("trade", "\u2122"), Map.entry("hellip", "\u2026"), Map.entry("mdash", "\u2014"),
      Map.entry("ndash", "\u2013"), Map.entry("lsquo", "\u2018"), Map.entry("rsquo", "\u2019"),
      Map.entry("ldquo", "\u201C"), Map.entry("rdquo", "\u201D"), Map.entry("bull", "\u2022"),
      Map.entry("middot", "\u00B7"), Map.entry("times", "\u00D7"), Map.entry("euro", "\u20AC"),
      Map.entry("shy", ""), Map.entry("zwnj", "\u200C"), Map.entry("zwj", "\u200D"),
      Map.entry("ensp", "\u2002"), Map.entry("emsp", "\u2003"), Map.entry("thinsp", "\u2009"),
      Map.entry("sect", "\u00A7"), Map.entry("para", "\u00B6"), Map.entry("deg", "\u00B0"),
      Map.entry("larr", "\u2190"), Map.entry("rarr", "\u2192"), Map.entry("auml", "\u00E4"),
      Map.entry("ouml", "\u00F6"), Map.entry("uuml", "\u00FC"), Map.entry("Auml", "\u00C4"),
      Map.entry("Ouml", "\u00D6"), Map.entry("Uuml", "\u00DC"), Map.entry("szlig", "\u00DF"),
      Map.entry("eacute", "\u00E9"), Map.entry("egrave", "\u00E8"), Map.entry("agrave", "\u00E0"),
      Map.entry("ccedil", "\u00E7"));

  /** Legacy names browsers also accept without the semicolon. */
  private static final Set<String> LEGACY = Set.of("amp", "lt", "gt", "quot", "nbsp", "copy",
      "reg");

  /** An element or comment the input never closed, which swallowed the rest of it. */
  record Unclosed(String what, long line, long byteOffset) {}

  private enum State {
    TEXT, TAG_OPEN, END_TAG_OPEN, TAG_NAME, IN_TAG, MARKUP, COMMENT, DECLARATION, RAW, ENTITY,
    NUMERIC, NUMERIC_DIGITS
  }

  private final int max;
  private final StringBuilder out = new StringBuilder();
  private final List<StringBuilder> cells = new ArrayList<>();
  private int cellChars;
  private boolean inRow;
  private boolean inCell;

  private State state = State.TEXT;
  private final StringBuilder name = new StringBuilder();
  private boolean closing;
  private char quote;
  private long quoteLine;
  private long quoteOffset;
  private int dashes;
  private String markup = "";

  /** The raw-text element being read ({@code script}, {@code title}...), else null. */
  private String raw;
  private String rawEnd = "";
  private boolean rawEscapable;
  private int rawMatched;
  private long rawLine;
  private long rawOffset;
  private long tagLine;
  private long tagOffset;
  private long commentLine;
  private long commentOffset;

  private State entityReturn = State.TEXT;
  private final StringBuilder entity = new StringBuilder();
  private boolean hex;
  private long numeric;
  private int digits;

  private int pre;
  private boolean skipNewline;
  private boolean pendingSpace;
  private boolean pendingBreak;

  private int titleStart = -1;
  private String title;

  private long cutOffset = -1;
  private Unclosed unclosed;

  private long offset;
  private long line;

  HtmlText(int max) {
    this.max = max;
  }

  /** True once a character did not fit in the limit. */
  boolean isFull() {
    return cutOffset >= 0;
  }

  /** The byte offset of the first character that did not fit, or -1. */
  long cutOffset() {
    return cutOffset;
  }

  /** The element or comment left open at the end, which swallowed the rest, or null. */
  Unclosed unclosed() {
    return unclosed;
  }

  /** Feeds the next character, found at {@code byteOffset} on {@code lineNumber}. */
  void feed(char c, long byteOffset, long lineNumber) {
    if (isFull()) {
      return;
    }
    this.offset = byteOffset;
    this.line = lineNumber;
    step(c);
  }

  private void step(char c) {
    switch (state) {
      case TEXT:
        if (c == '<') {
          tagLine = line;
          tagOffset = offset;
          state = State.TAG_OPEN;
        } else if (c == '&') {
          startEntity(State.TEXT);
        } else {
          text(c);
        }
        break;
      case TAG_OPEN:
        if (isLetter(c)) {
          startTag(false, c);
        } else if (c == '/') {
          state = State.END_TAG_OPEN;
        } else if (c == '!') {
          markup = "";
          state = State.MARKUP;
        } else if (c == '?') {
          state = State.DECLARATION;
        } else {
          text('<');
          state = State.TEXT;
          step(c);
        }
        break;
      case END_TAG_OPEN:
        if (isLetter(c)) {
          startTag(true, c);
        } else if (c == '>') {
          state = State.TEXT; // "</>" is ignored
        } else {
          state = State.DECLARATION; // "</ 3" is a bogus comment
        }
        break;
      case TAG_NAME:
        if (c == '>') {
          endTag();
        } else if (Character.isWhitespace(c) || c == '/') {
          quote = 0;
          state = State.IN_TAG;
        } else if (name.length() < MAX_NAME) {
          name.append(Character.toLowerCase(c));
        } else {
          name.setLength(MAX_NAME);
          name.setCharAt(MAX_NAME - 1, '?'); // too long to be an element we know
        }
        break;
      case IN_TAG:
        inTag(c);
        break;
      case MARKUP:
        markup(c);
        break;
      case COMMENT:
        if (c == '>' && dashes >= 2) {
          state = State.TEXT;
        }
        dashes = c == '-' ? dashes + 1 : 0;
        break;
      case DECLARATION:
        if (c == '>') {
          state = State.TEXT;
        }
        break;
      case RAW:
        rawText(c);
        break;
      case ENTITY:
        entityName(c);
        break;
      case NUMERIC:
        if (c == 'x' || c == 'X') {
          hex = true;
          state = State.NUMERIC_DIGITS;
        } else {
          state = State.NUMERIC_DIGITS;
          step(c);
        }
        break;
      case NUMERIC_DIGITS:
        numericDigit(c);
        break;
      default:
        throw new AssertionError(state);
    }
  }

  private static boolean isLetter(char c) {
    return c >= 'a' && c <= 'z' || c >= 'A' && c <= 'Z';
  }

  private void startTag(boolean isClosing, char first) {
    closing = isClosing;
    name.setLength(0);
    name.append(Character.toLowerCase(first));
    state = State.TAG_NAME;
  }

  private void inTag(char c) {
    if (quote != 0) {
      if (c == quote) {
        quote = 0;
      }
    } else if (c == '"' || c == '\'') {
      quote = c; // as in browsers, a quote never closed takes the rest of the input
      quoteLine = line;
      quoteOffset = offset;
    } else if (c == '>') {
      endTag();
    }
  }

  /** After {@code <!}: a comment, a CDATA section or a declaration. */
  private void markup(char c) {
    markup += c;
    if (markup.equals("--")) {
      dashes = 2; // "<!-->" and "<!--->" close at once, as in browsers
      commentLine = tagLine;
      commentOffset = tagOffset;
      state = State.COMMENT;
    } else if (!"--".startsWith(markup)) {
      state = State.DECLARATION;
      step(c);
    }
  }

  private void endTag() {
    state = State.TEXT;
    String tag = name.toString();
    if (!closing && (tag.equals("script") || tag.equals("style") || tag.equals("title")
        || tag.equals("textarea"))) {
      raw = tag;
      rawEnd = "</" + tag;
      rawEscapable = tag.equals("title") || tag.equals("textarea");
      rawMatched = 0;
      rawLine = tagLine;
      rawOffset = tagOffset;
      state = State.RAW;
      if (tag.equals("title")) {
        block();
        flushBreak();
        titleStart = out.length();
      }
      return;
    }
    switch (tag) {
      case "tr":
        endRow();
        inRow = !closing;
        break;
      case "td":
      case "th":
        endCell();
        if (!closing) {
          inRow = true;
          inCell = true;
          cells.add(new StringBuilder());
          pendingSpace = false;
        }
        break;
      case "table":
      case "tbody":
      case "thead":
      case "tfoot":
        endRow();
        block();
        break;
      case "pre":
      case "listing":
        block();
        if (closing) {
          pre = Math.max(0, pre - 1);
        } else {
          pre++;
          skipNewline = true;
        }
        break;
      default:
        if (BLOCKS.contains(tag)) {
          block();
        }
    }
  }

  /** In {@code <script>}, {@code <style>}, {@code <title>}: looks for the end tag. */
  private void rawText(char c) {
    String end = rawEnd;
    if (rawMatched < end.length()) {
      if (Character.toLowerCase(c) == end.charAt(rawMatched)) {
        rawMatched++;
        return;
      }
    } else if (c == '>' || c == '/' || Character.isWhitespace(c)) {
      // the end tag: skip its attributes, if any, as a closing tag
      boolean wasTitle = raw.equals("title");
      raw = null;
      name.setLength(0);
      closing = true;
      quote = 0;
      state = State.IN_TAG;
      if (wasTitle) {
        endTitle();
      }
      if (c == '>') {
        state = State.TEXT;
      }
      return;
    }
    // not the end tag: what was matched is content
    if (rawEscapable) {
      String matched = end.substring(0, rawMatched);
      rawMatched = 0;
      for (int i = 0; i < matched.length(); i++) {
        text(matched.charAt(i));
      }
      if (c == '&') {
        startEntity(State.RAW);
      } else if (c == '<') {
        rawMatched = 1;
      } else {
        text(c);
      }
    } else {
      rawMatched = c == '<' ? 1 : 0;
    }
  }

  private void endTitle() {
    if (titleStart >= 0 && titleStart <= out.length()) {
      title = out.substring(titleStart).strip();
    }
    block();
  }

  private void startEntity(State back) {
    entityReturn = back;
    entity.setLength(0);
    hex = false;
    numeric = 0;
    digits = 0;
    state = State.ENTITY;
  }

  private void entityName(char c) {
    if (entity.length() == 0 && c == '#') {
      state = State.NUMERIC;
      return;
    }
    boolean nameChar = isLetter(c) || c >= '0' && c <= '9';
    if (nameChar && entity.length() < MAX_ENTITY) {
      entity.append(c);
      return;
    }
    state = entityReturn;
    String value = ENTITIES.get(entity.toString());
    if (c == ';' && value != null) {
      texts(value);
      return;
    }
    if (value != null && LEGACY.contains(entity.toString())) {
      texts(value);
    } else {
      text('&');
      texts(entity.toString());
    }
    step(c);
  }

  private void numericDigit(char c) {
    int d = Character.digit(c, hex ? 16 : 10);
    if (d >= 0 && c < 128) {
      digits++;
      if (numeric <= 0x10FFFF) {
        numeric = numeric * (hex ? 16 : 10) + d; // stays below 2^36: no overflow
      }
      return;
    }
    state = entityReturn;
    if (digits == 0) {
      texts(hex ? "&#x" : "&#");
      step(c);
      return;
    }
    if (numeric == 0 || numeric > 0x10FFFF || numeric >= 0xD800 && numeric <= 0xDFFF) {
      text(REPLACEMENT);
    } else if (numeric >= 0x80 && numeric <= 0x9F) {
      // as browsers do: C1 references mean the windows-1252 character of that byte
      text(new String(new byte[] {(byte) numeric}, WINDOWS_1252).charAt(0));
    } else {
      texts(new String(Character.toChars((int) numeric)));
    }
    if (c != ';') {
      step(c);
    }
  }

  private void texts(String s) {
    for (int i = 0; i < s.length(); i++) {
      text(s.charAt(i));
    }
  }

  /** One character of content. */
  private void text(char c) {
    if (raw != null && !rawEscapable) {
      return;
    }
    if (pre > 0 && !inCell) {
      if (skipNewline) {
        skipNewline = false;
        if (c == '\n') {
          return;
        }
      }
      if (c == '\r' || Character.isISOControl(c) && c != '\n' && c != '\t') {
        return; // CR LF reads as LF, as browsers normalize it; other controls show nothing
      }
      flushBreak();
      put(c == '\u00A0' ? ' ' : c);
      return;
    }
    skipNewline = false;
    if (c == ' ' || c == '\t' || c == '\n' || c == '\r' || c == '\f' || c == '\u00A0') {
      pendingSpace = true;
      return;
    }
    if (Character.isISOControl(c)) {
      return;
    }
    if (inCell) {
      StringBuilder cell = cells.get(cells.size() - 1);
      if (pendingSpace && cell.length() > 0) {
        putCell(cell, ' ');
      }
      pendingSpace = false;
      putCell(cell, c);
      return;
    }
    flushBreak();
    if (pendingSpace && out.length() > 0 && out.charAt(out.length() - 1) != '\n') {
      put(' ');
    }
    pendingSpace = false;
    put(c);
  }

  private void block() {
    if (inCell) {
      pendingSpace = true;
    } else {
      pendingBreak = true;
      pendingSpace = false;
    }
  }

  private void flushBreak() {
    if (pendingBreak) {
      pendingBreak = false;
      pendingSpace = false;
      if (out.length() > 0 && out.charAt(out.length() - 1) != '\n') {
        put('\n');
      }
    }
  }

  private int used() {
    return out.length() + cellChars + 2 * cells.size();
  }

  private void put(char c) {
    if (used() + 1 > max) {
      full();
      return;
    }
    out.append(c);
  }

  private void putCell(StringBuilder cell, char c) {
    if (used() + 1 > max) {
      full();
      return;
    }
    cell.append(c);
    cellChars++;
  }

  private void full() {
    if (cutOffset < 0) {
      cutOffset = offset;
    }
  }

  private void endCell() {
    inCell = false;
    pendingSpace = false;
  }

  /** Writes the open row as one line: {@code label: value} for two cells or more. */
  private void endRow() {
    endCell();
    inRow = false;
    if (cells.isEmpty()) {
      return;
    }
    List<String> texts = new ArrayList<>();
    for (StringBuilder cell : cells) {
      texts.add(cell.toString().strip());
    }
    cells.clear();
    cellChars = 0;
    StringBuilder row = new StringBuilder(texts.get(0));
    if (texts.size() > 1) {
      if (row.length() > 0 && row.charAt(row.length() - 1) == ':') {
        row.setLength(row.length() - 1);
      }
      row.append(':');
      for (String value : texts.subList(1, texts.size())) {
        if (!value.isEmpty()) {
          row.append(' ').append(value);
        }
      }
    }
    if (row.length() == 1 && row.charAt(0) == ':' || row.toString().isBlank()) {
      return;
    }
    pendingBreak = true;
    flushBreak();
    for (int i = 0; i < row.length(); i++) {
      put(row.charAt(i));
    }
    pendingBreak = true;
  }

  /**
   * Ends the input: closes an open row, notes a script, style or comment left open, and returns
   * the text, its title line once.
   */
  String finish() {
    if (!isFull()) {
      if (state == State.ENTITY || state == State.NUMERIC || state == State.NUMERIC_DIGITS) {
        step(' '); // a reference cut by the end of the input is written as it stands
      }
      if (state == State.RAW && raw != null) {
        if (raw.equals("title") || raw.equals("textarea")) {
          endTitle(); // its text was kept
        } else {
          unclosed = new Unclosed("<" + raw + "> element", rawLine, rawOffset);
        }
      } else if (state == State.COMMENT) {
        unclosed = new Unclosed("comment (<!--)", commentLine, commentOffset);
      } else if (state == State.IN_TAG && quote != 0) {
        unclosed = new Unclosed("quoted attribute value", quoteLine, quoteOffset);
      }
      if (inRow || !cells.isEmpty()) {
        endRow();
      }
    }
    String text = out.toString().strip();
    return dropRepeatedTitle(text);
  }

  private String dropRepeatedTitle(String text) {
    if (title == null || title.isEmpty()) {
      return text;
    }
    List<String> lines = new ArrayList<>(List.of(text.split("\n", -1)));
    int first = lines.indexOf(title);
    if (first >= 0) {
      int again = lines.subList(first + 1, lines.size()).indexOf(title);
      if (again >= 0) {
        lines.remove(first + 1 + again);
        return String.join("\n", lines);
      }
    }
    return text;
  }

  @Override
  public String toString() {
    return "HtmlText[" + state + ", " + out.length() + " chars" + (raw == null ? "" : ", in <"
        + raw + ">") + "]";
  }
}
