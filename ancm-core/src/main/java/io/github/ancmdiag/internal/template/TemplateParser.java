package io.github.ancmdiag.internal.template;

import io.github.ancmdiag.internal.template.Template.Capture;
import io.github.ancmdiag.internal.template.Template.Item;
import io.github.ancmdiag.internal.template.Template.Literal;
import io.github.ancmdiag.internal.template.Template.Op;
import io.github.ancmdiag.internal.text.TextNormalizer;
import io.github.ancmdiag.model.CaptureType;
import io.github.ancmdiag.model.HResult;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

/**
 * Parses the template syntax ({@link Template}) into items: literal text folded and cut into runs,
 * captures with their type and constraint checked. Every refusal is a {@link
 * TemplateSyntaxException} whose sentence names the problem.
 */
final class TemplateParser {
  /**
   * Longer literal runs are cut into anchors of this many characters (the last one up to {@link
   * #MAX_LAST_CHUNK}), so a message cut off inside a long literal still shows how much of it was
   * seen.
   */
  private static final int CHUNK = 16;

  private static final int MAX_LAST_CHUNK = 24;

  private TemplateParser() {}

  /**
   * Parses a template.
   *
   * @param template the template text
   * @return the parsed template
   * @throws TemplateSyntaxException with a sentence naming the problem
   */
  static Template parse(String template) {
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
          if (it instanceof Capture other && other.name().equals(cap.name())) {
            throw new TemplateSyntaxException(
                "the capture name '" + cap.name() + "' is used twice");
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
    if (t.anchorCount() == 0) {
      throw new TemplateSyntaxException("the template has no literal run of at least "
          + Template.MIN_ANCHOR + " characters to search for");
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
   * @param ordinal the capture's position among its template's captures
   * @return the capture
   * @throws TemplateSyntaxException if the spec is not a valid capture
   */
  static Capture parseCapture(String spec, int ordinal) {
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
          case HRESULT -> hr = HResult.parse(value);
          case HEX -> number = Long.parseLong(value.trim(), 16);
          case INT, PORT -> number = Long.parseLong(value.trim());
          default -> { }
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
}
