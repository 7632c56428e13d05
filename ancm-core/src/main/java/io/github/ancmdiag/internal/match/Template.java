package io.github.ancmdiag.internal.match;

import io.github.ancmdiag.internal.text.TextNormalizer;
import io.github.ancmdiag.model.CaptureType;
import io.github.ancmdiag.model.HResult;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

/**
 * A parsed message template: folded literal runs and typed captures, in order. Literal runs of at
 * least {@link #MIN_ANCHOR} folded characters are anchors, searched for by {@link CompiledMatcher}
 * in one pass; everything between anchors is checked in place. Immutable.
 *
 * <p>Syntax: literal text, {@code {name:TYPE}}, {@code {name:TYPE=value}} (the value must equal),
 * {@code {name:TYPE~fragment}} (the value must contain), {@code {{} for a literal brace. A name
 * of {@code _} captures nothing. Two captures must be separated by literal text.
 */
public final class Template {
  /** The shortest literal run, in folded characters, that is searched for as an anchor. */
  public static final int MIN_ANCHOR = 4;
  /**
   * Longer literal runs are cut into anchors of {@value #CHUNK} characters (the last one up to
   * {@value #MAX_LAST_CHUNK}), so a message cut off inside a long literal still shows how much of
   * it was seen.
   */
  static final int CHUNK = 16;

  static final int MAX_LAST_CHUNK = 24;

  /** How a capture constrains its value. */
  public enum Op {
    /** Any value of the type. */
    ANY,
    /** The value must equal the constraint (typed for HRESULT, HEX, INT and PORT). */
    EQUALS,
    /** The folded value must contain the folded constraint. */
    CONTAINS
  }

  /** One part of a template: a literal run or a capture. */
  public abstract static class Item {
    private Item() {}
  }

  /** A folded literal run. */
  public static final class Literal extends Item {
    final char[] chars;
    final boolean anchor;
    /** The template has a line break right before this literal: a new line of the message. */
    final boolean breakBefore;

    Literal(String folded, boolean breakBefore) {
      this.chars = folded.toCharArray();
      this.anchor = chars.length >= MIN_ANCHOR;
      this.breakBefore = breakBefore;
    }

    /** Returns the folded text. */
    public String text() {
      return new String(chars);
    }
  }

  /** A typed capture. */
  public static final class Capture extends Item {
    final String name;
    final CaptureType type;
    final Op op;
    final String value;
    final char[] foldedValue;
    final HResult hresult;
    /** {@link #hresult} as {@code 0x} and eight lower-case hex digits, or null. */
    final char[] canonicalHresult;
    final long number;
    final int ordinal;

    Capture(String name, CaptureType type, Op op, String value, HResult hresult, long number,
        int ordinal) {
      this.name = name;
      this.type = type;
      this.op = op;
      this.value = value;
      this.foldedValue = TextNormalizer.normalizeLiteral(value).toCharArray();
      this.hresult = hresult;
      this.canonicalHresult = hresult == null ? null
          : String.format("0x%08x", hresult.value()).toCharArray();
      this.number = number;
      this.ordinal = ordinal;
    }

    /** Returns the capture name; {@code _} for a wildcard. */
    public String name() {
      return name;
    }

    /** Returns the capture type. */
    public CaptureType type() {
      return type;
    }

    /** Returns the constraint operator. */
    public Op op() {
      return op;
    }

    /** Returns the constraint value, or the empty string. */
    public String value() {
      return value;
    }

    boolean isWildcard() {
      return name.equals("_");
    }
  }

  private final String source;
  private final List<Item> items;
  private final List<Capture> captures;
  private final int[] anchorItems;
  private final int anchorChars;
  private final int constraintCount;

  private Template(String source, List<Item> items) {
    this.source = source;
    this.items = List.copyOf(items);
    List<Capture> caps = new ArrayList<>();
    List<Integer> anchors = new ArrayList<>();
    int chars = 0;
    int constraints = 0;
    for (int i = 0; i < items.size(); i++) {
      Item it = items.get(i);
      if (it instanceof Capture) {
        Capture c = (Capture) it;
        caps.add(c);
        if (c.op != Op.ANY) {
          constraints++;
        }
      } else if (((Literal) it).anchor) {
        anchors.add(i);
        chars += ((Literal) it).chars.length;
      }
    }
    this.captures = List.copyOf(caps);
    this.anchorItems = anchors.stream().mapToInt(Integer::intValue).toArray();
    this.anchorChars = chars;
    this.constraintCount = constraints;
  }

  /**
   * Parses a template.
   *
   * @param template the template text
   * @return the parsed template
   * @throws TemplateSyntaxException with a sentence naming the problem
   */
  public static Template parse(String template) {
    List<Item> items = new ArrayList<>();
    StringBuilder literal = new StringBuilder();
    int ordinal = 0;
    int i = 0;
    int n = template.length();
    while (i < n) {
      char c = template.charAt(i);
      if (c == '{' && i + 1 < n && template.charAt(i + 1) == '{') {
        literal.append('{');
        i += 2;
        continue;
      }
      if (c != '{') {
        literal.append(c);
        i++;
        continue;
      }
      int close = template.indexOf('}', i);
      if (close < 0) {
        throw new TemplateSyntaxException("a capture opened at index " + i + " is never closed");
      }
      String spec = template.substring(i + 1, close);
      String folded = TextNormalizer.normalizeLiteral(literal);
      if (!folded.isEmpty()) {
        addLiteral(items, literal);
      } else if (!items.isEmpty() && items.get(items.size() - 1) instanceof Capture) {
        throw new TemplateSyntaxException(
            "the capture {" + spec + "} follows another capture with no literal text between");
      }
      literal.setLength(0);
      Capture cap = parseCapture(spec, ordinal);
      if (!cap.isWildcard()) {
        for (Item it : items) {
          if (it instanceof Capture && ((Capture) it).name.equals(cap.name)) {
            throw new TemplateSyntaxException("the capture name '" + cap.name + "' is used twice");
          }
        }
      }
      items.add(cap);
      ordinal++;
      i = close + 1;
    }
    String folded = TextNormalizer.normalizeLiteral(literal);
    if (!folded.isEmpty()) {
      addLiteral(items, literal);
    }
    Template t = new Template(template, items);
    if (t.anchorItems.length == 0) {
      throw new TemplateSyntaxException("the template has no literal run of at least "
          + MIN_ANCHOR + " characters to search for");
    }
    return t;
  }

  /**
   * Adds a raw literal: cut at its line breaks (each line of a message starts an anchor that
   * remembers the break), folded, and long lines cut into chunks.
   */
  private static void addLiteral(List<Item> items, CharSequence raw) {
    boolean pendingBreak = false;
    for (String line : raw.toString().split("\r\n|\n|\r", -1)) {
      String folded = TextNormalizer.normalizeLiteral(line);
      if (folded.isEmpty()) {
        pendingBreak = true;
        continue;
      }
      boolean breakBefore = pendingBreak;
      int i = 0;
      while (folded.length() - i > MAX_LAST_CHUNK) {
        items.add(new Literal(folded.substring(i, i + CHUNK), breakBefore));
        breakBefore = false;
        i += CHUNK;
      }
      items.add(new Literal(folded.substring(i), breakBefore));
      pendingBreak = true;
    }
  }

  /**
   * Parses one capture's spec, what stands between its braces ({@code hresult:HRESULT=0x8000ffff}).
   *
   * @param spec the spec
   * @return the capture
   * @throws TemplateSyntaxException if the spec is not a valid capture
   */
  public static Capture capture(String spec) {
    return parseCapture(spec, 0);
  }

  private static Capture parseCapture(String spec, int ordinal) {
    String name = spec;
    String typeText = "TEXT";
    Op op = Op.ANY;
    String value = "";
    int colon = spec.indexOf(':');
    if (colon >= 0) {
      name = spec.substring(0, colon);
      String rest = spec.substring(colon + 1);
      int eq = rest.indexOf('=');
      int tilde = rest.indexOf('~');
      int cut = eq >= 0 && (tilde < 0 || eq < tilde) ? eq : tilde;
      if (cut >= 0) {
        op = cut == eq ? Op.EQUALS : Op.CONTAINS;
        value = rest.substring(cut + 1);
        typeText = rest.substring(0, cut);
        if (value.isEmpty()) {
          throw new TemplateSyntaxException("the capture {" + spec + "} has an empty constraint");
        }
      } else {
        typeText = rest;
      }
    }
    if (!name.equals("_") && !isName(name)) {
      throw new TemplateSyntaxException("the capture name '" + name
          + "' must be a camelCase identifier or _");
    }
    CaptureType type;
    try {
      type = CaptureType.valueOf(typeText.trim().toUpperCase(Locale.ROOT));
    } catch (IllegalArgumentException e) {
      throw new TemplateSyntaxException("the capture {" + spec + "} has an unknown type '"
          + typeText + "'");
    }
    HResult hr = null;
    long number = 0;
    if (op == Op.EQUALS) {
      try {
        switch (type) {
          case HRESULT:
            hr = HResult.parse(value);
            break;
          case HEX:
            number = Long.parseLong(value.trim(), 16);
            break;
          case INT:
          case PORT:
            number = Long.parseLong(value.trim());
            break;
          default:
            break;
        }
      } catch (IllegalArgumentException e) {
        throw new TemplateSyntaxException("the capture {" + spec + "} constrains a "
            + type + " to '" + value + "', which is not a valid " + type);
      }
    }
    return new Capture(name, type, op, value, hr, number, ordinal);
  }

  private static boolean isName(String s) {
    if (s.isEmpty() || !Character.isLetter(s.charAt(0))) {
      return false;
    }
    for (int i = 1; i < s.length(); i++) {
      if (!Character.isLetterOrDigit(s.charAt(i))) {
        return false;
      }
    }
    return true;
  }

  /** Returns the template as written. */
  public String source() {
    return source;
  }

  /** Returns the parts in order. */
  public List<Item> items() {
    return items;
  }

  /** Returns the captures in order. */
  public List<Capture> captures() {
    return captures;
  }

  /** Returns the names of the non-wildcard captures. */
  public List<String> captureNames() {
    List<String> names = new ArrayList<>();
    for (Capture c : captures) {
      if (!c.isWildcard()) {
        names.add(c.name);
      }
    }
    return names;
  }

  int anchorCount() {
    return anchorItems.length;
  }

  int anchorItem(int k) {
    return anchorItems[k];
  }

  Literal anchor(int k) {
    return (Literal) items.get(anchorItems[k]);
  }

  int anchorChars() {
    return anchorChars;
  }

  /** Returns how many captures constrain their value; more constraints mean a more specific message. */
  public int constraintCount() {
    return constraintCount;
  }

  /**
   * Returns a key equal for templates that match exactly the same texts with the same
   * constraints, whatever their capture names.
   */
  public String matchKey() {
    StringBuilder sb = new StringBuilder();
    for (Item it : items) {
      if (it instanceof Literal) {
        sb.append(((Literal) it).chars);
      } else {
        Capture c = (Capture) it;
        sb.append('{').append(c.type).append(c.op == Op.ANY ? "" : c.op + ":" + c.value)
            .append('}');
      }
    }
    return sb.toString();
  }

  @Override
  public String toString() {
    return source;
  }
}
