package io.github.ancmdiag.internal.template;

import io.github.ancmdiag.internal.text.TextNormalizer;
import io.github.ancmdiag.model.CaptureType;
import io.github.ancmdiag.model.HResult;
import java.util.ArrayList;
import java.util.List;
import org.jetbrains.annotations.Nullable;

/**
 * A parsed message template: folded literal runs and typed captures, in order. Literal runs of at
 * least {@link #MIN_ANCHOR} folded characters are anchors, which the matcher searches for in one
 * pass; everything between anchors is checked in place. Immutable.
 *
 * <p>Syntax: literal text, {@code {name:TYPE}}, {@code {name:TYPE=value}} (the value must equal),
 * {@code {name:TYPE~fragment}} (the value must contain), {@code {{} for a literal brace. A name
 * of {@code _} captures nothing. Two captures must be separated by literal text.
 */
public final class Template {
  /** The shortest literal run, in folded characters, that is searched for as an anchor. */
  public static final int MIN_ANCHOR = 4;
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
  public sealed interface Item permits Literal, Capture {}

  /**
   * A folded literal run. Its characters are an array shared with the matcher, which reads them
   * in its inner loops: never written after parsing.
   */
  public static final class Literal implements Item {
    private final char[] chars;
    private final boolean anchor;
    private final boolean breakBefore;

    Literal(String folded, boolean breakBefore) {
      this.chars = folded.toCharArray();
      this.anchor = chars.length >= MIN_ANCHOR;
      this.breakBefore = breakBefore;
    }

    /**
     * Returns the folded characters, shared: read them, never write them.
     *
     * @return the folded characters
     */
    public char[] chars() {
      return chars;
    }

    /**
     * Returns whether this run is long enough to be searched for.
     *
     * @return true for an anchor
     */
    public boolean isAnchor() {
      return anchor;
    }

    /**
     * Returns whether the template has a line break right before this literal: a new line of the
     * message.
     *
     * @return true after a line break
     */
    public boolean breakBefore() {
      return breakBefore;
    }

    /**
     * Returns the folded text.
     *
     * @return the folded text
     */
    public String text() {
      return new String(chars);
    }
  }

  /** A typed capture. Its arrays are shared with the matcher: never written after parsing. */
  public static final class Capture implements Item {
    private final String name;
    private final CaptureType type;
    private final Op op;
    private final String value;
    private final char[] foldedValue;
    private final @Nullable HResult hresult;
    private final char @Nullable [] canonicalHresult;
    private final long number;
    private final int ordinal;

    Capture(String name, CaptureType type, Op op, String value, @Nullable HResult hresult,
        long number, int ordinal) {
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

    /**
     * Returns the capture name; {@code _} for a wildcard.
     *
     * @return the name
     */
    public String name() {
      return name;
    }

    /**
     * Returns the capture type.
     *
     * @return the type
     */
    public CaptureType type() {
      return type;
    }

    /**
     * Returns the constraint operator.
     *
     * @return the operator
     */
    public Op op() {
      return op;
    }

    /**
     * Returns the constraint value, or the empty string.
     *
     * @return the value as written
     */
    public String value() {
      return value;
    }

    /**
     * Returns the constraint value folded as text is, shared: read it, never write it.
     *
     * @return the folded value, empty for none
     */
    public char[] foldedValue() {
      return foldedValue;
    }

    /**
     * Returns the HRESULT an {@code HRESULT=} constraint names.
     *
     * @return the HRESULT, or null for any other capture
     */
    public @Nullable HResult hresult() {
      return hresult;
    }

    /**
     * Returns {@link #hresult()} as {@code 0x} and eight lower-case hex digits, shared: read it,
     * never write it.
     *
     * @return the canonical spelling, or null without an HRESULT
     */
    public char @Nullable [] canonicalHresult() {
      return canonicalHresult;
    }

    /**
     * Returns the number an {@code =} constraint of a HEX, INT or PORT capture names.
     *
     * @return the number, 0 for any other capture
     */
    public long number() {
      return number;
    }

    /**
     * Returns the capture's position among the template's captures.
     *
     * @return the position, from 0
     */
    public int ordinal() {
      return ordinal;
    }

    /**
     * Returns whether this capture keeps no value (its name is {@code _}).
     *
     * @return true for a wildcard
     */
    public boolean isWildcard() {
      return name.equals("_");
    }
  }

  private final String source;
  private final List<Item> items;
  private final List<Capture> captures;
  private final int[] anchorItems;
  private final int anchorChars;
  private final int constraintCount;

  Template(String source, List<Item> items) {
    this.source = source;
    this.items = List.copyOf(items);
    List<Capture> caps = new ArrayList<>();
    List<Integer> anchors = new ArrayList<>();
    int chars = 0;
    int constraints = 0;
    for (int i = 0; i < items.size(); i++) {
      Item it = items.get(i);
      if (it instanceof Capture c) {
        caps.add(c);
        if (c.op != Op.ANY) {
          constraints++;
        }
      } else if (it instanceof Literal l && l.anchor) {
        anchors.add(i);
        chars += l.chars.length;
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
    return TemplateParser.parse(template);
  }

  /**
   * Parses one capture's spec, what stands between its braces ({@code hresult:HRESULT=0x8000ffff}).
   *
   * @param spec the spec
   * @return the capture
   * @throws TemplateSyntaxException if the spec is not a valid capture
   */
  public static Capture capture(String spec) {
    return TemplateParser.parseCapture(spec, 0);
  }

  /**
   * Returns the template as written.
   *
   * @return the source text
   */
  public String source() {
    return source;
  }

  /**
   * Returns the parts in order.
   *
   * @return the items, unmodifiable
   */
  public List<Item> items() {
    return items;
  }

  /**
   * Returns the captures in order.
   *
   * @return the captures, unmodifiable
   */
  public List<Capture> captures() {
    return captures;
  }

  /**
   * Returns the names of the non-wildcard captures.
   *
   * @return the names, in order
   */
  public List<String> captureNames() {
    List<String> names = new ArrayList<>();
    for (Capture c : captures) {
      if (!c.isWildcard()) {
        names.add(c.name);
      }
    }
    return names;
  }

  /**
   * Returns how many anchors the template has (at least one).
   *
   * @return the anchor count
   */
  public int anchorCount() {
    return anchorItems.length;
  }

  /**
   * Returns the position in {@link #items()} of an anchor.
   *
   * @param k the anchor's index among the anchors
   * @return its item index
   */
  public int anchorItem(int k) {
    return anchorItems[k];
  }

  /**
   * Returns an anchor.
   *
   * @param k the anchor's index among the anchors
   * @return the literal
   */
  public Literal anchor(int k) {
    return (Literal) items.get(anchorItems[k]);
  }

  /**
   * Returns the folded characters of all anchors together.
   *
   * @return the anchor character count
   */
  public int anchorChars() {
    return anchorChars;
  }

  /**
   * Returns how many captures constrain their value; more constraints mean a more specific message.
   *
   * @return the constraint count
   */
  public int constraintCount() {
    return constraintCount;
  }

  /**
   * Returns a key equal for templates that match exactly the same texts with the same
   * constraints, whatever their capture names.
   *
   * @return the key
   */
  public String matchKey() {
    StringBuilder sb = new StringBuilder();
    for (Item it : items) {
      if (it instanceof Literal l) {
        sb.append(l.chars);
      } else if (it instanceof Capture c) {
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
