package io.github.ancmdiag.internal.match;

import io.github.ancmdiag.internal.template.Template;
import io.github.ancmdiag.internal.text.Normalized;
import io.github.ancmdiag.model.CaptureType;
import io.github.ancmdiag.model.HResult;
import java.util.List;

/**
 * Checks the items of a template (literals and typed captures) in place against one folded text:
 * forward from an anchor, backward from the first anchor, or strictly up to the text's end for a
 * truncated message. A capture runs over the characters its type accepts, up to its type's
 * longest, so every check is linear; its span is recorded when the caller asks for spans. Reset
 * for each text by {@link #on}; not thread-safe.
 */
final class ItemMatcher {
  /** The items do not fit the text. */
  static final int MISMATCH = -1;
  /** The text ends while the items still fit. */
  static final int NEED_MORE = -2;
  /** {@link #forwardStrict}: the template and the text both start a new line, with other words. */
  static final int NEW_LINE_DIFFERS = Integer.MIN_VALUE;

  private Normalized norm;
  private char[] s;
  private int n;

  /** Reads {@code text} from now on. */
  void on(Normalized text) {
    this.norm = text;
    this.s = text.chars();
    this.n = text.length();
  }

  /** Drops the reference to the last text. */
  void forget() {
    norm = null;
    s = null;
    n = 0;
  }

  /**
   * Checks items {@code [i0, i1)} forward from {@code pos}. Closed ({@code open == false}): they
   * must fill {@code [pos, limit)} exactly. Open: they run from {@code pos} as far as they match,
   * a final literal being optional. Returns the end, {@link #MISMATCH} or {@link #NEED_MORE}.
   */
  int forward(Template tpl, int i0, int i1, int pos, int limit, boolean open, int[] spans) {
    List<Template.Item> items = tpl.items();
    int p = pos;
    for (int i = i0; i < i1; i++) {
      Template.Item it = items.get(i);
      if (it instanceof Template.Literal literal) {
        char[] lit = literal.chars();
        int m = compareAt(lit, p, limit);
        if (m == lit.length) {
          p += lit.length;
        } else if (open && i == i1 - 1 && (p + m >= limit || m == 0)) {
          return p; // a final literal is optional
        } else if (p + m >= limit) {
          return open ? NEED_MORE : MISMATCH;
        } else {
          return MISMATCH;
        }
        continue;
      }
      Template.Capture cap = (Template.Capture) it; // Item is sealed: not a literal, a capture
      CaptureType type = cap.type();
      int min = type == CaptureType.TEXT ? 0 : 1;
      int max = type.maxLength();
      if (i + 1 < i1) {
        char[] lit = ((Template.Literal) items.get(i + 1)).chars(); // a capture's terminator
        boolean finalLiteral = i + 2 == i1;
        // A value may be wrapped over lines when its terminator follows; when the terminator
        // never comes (an optional final literal), the value ends at its first line break.
        int firstBreak = open && finalLiteral ? norm.nextLineBreak(p + 1) : Integer.MAX_VALUE;
        int q = p;
        while (true) {
          if (q - p >= min && compareAt(lit, q, limit) == lit.length) {
            break;
          }
          if (q >= limit) {
            if (open && finalLiteral && q - p >= min) {
              return finish(cap, p, Math.min(firstBreak, q), spans);
            }
            return open ? NEED_MORE : MISMATCH;
          }
          if (!accepts(type, s[q]) || q - p >= max
              || (q > p && isToken(type) && norm.gapBefore(q))) {
            if (open && finalLiteral && q - p >= min) {
              return finish(cap, p, Math.min(firstBreak, q), spans);
            }
            return MISMATCH;
          }
          q++;
        }
        if (!satisfies(cap, p, q)) {
          return MISMATCH;
        }
        record(cap, p, q, spans);
        p = q + lit.length;
        i++;
        continue;
      }
      // The last item is a capture.
      int q;
      if (open) {
        // It ends at the text's end, its type's longest, or the next line break, whichever
        // comes first, or earlier at a character its type refuses.
        int stop = Math.min(norm.nextLineBreak(p + 1), limit - p > max ? p + max : limit);
        q = p;
        if (type == CaptureType.TEXT) {
          q = Math.max(p, stop); // text takes every character
        }
        while (q < stop && accepts(type, s[q])
            && !(q > p && isToken(type) && norm.gapBefore(q))) {
          q++;
        }
        if (q - p < min) {
          return q >= limit ? NEED_MORE : MISMATCH;
        }
      } else {
        q = limit;
        if (q - p < min || q - p > max) {
          return MISMATCH;
        }
        for (int x = p; x < q; x++) {
          if (!accepts(type, s[x]) || (x > p && isToken(type) && norm.gapBefore(x))) {
            return MISMATCH;
          }
        }
      }
      if (!satisfies(cap, p, q)) {
        return open && q >= limit ? NEED_MORE : MISMATCH;
      }
      record(cap, p, q, spans);
      p = q;
    }
    return open || p == limit ? p : MISMATCH;
  }

  private int finish(Template.Capture cap, int p, int q, int[] spans) {
    if (!satisfies(cap, p, q)) {
      return q >= n ? NEED_MORE : MISMATCH;
    }
    record(cap, p, q, spans);
    return q;
  }

  /**
   * Checks items {@code [i0, i1)} (the last one a literal) forward from {@code pos} to the end
   * of the text. Returns {@link #NEED_MORE} when the text ends while they still fit, {@link
   * #NEW_LINE_DIFFERS}, or {@code -3 - p} for a mismatch at {@code p}.
   */
  int forwardStrict(Template tpl, int i0, int i1, int pos) {
    List<Template.Item> items = tpl.items();
    int p = pos;
    for (int i = i0; i < i1; i++) {
      Template.Item it = items.get(i);
      if (it instanceof Template.Literal literal) {
        char[] lit = literal.chars();
        int m = compareAt(lit, p, n);
        if (m == lit.length) {
          p += lit.length;
          continue;
        }
        if (p + m >= n) {
          return NEED_MORE;
        }
        // The template starts a new line here and so does the text, with other words: this is
        // another message that shares a first line, not a cut-off one.
        if (m == 0 && literal.breakBefore() && norm.lineBreakBefore(p)) {
          return NEW_LINE_DIFFERS;
        }
        return -3 - (p + m);
      }
      Template.Capture cap = (Template.Capture) it; // Item is sealed: not a literal, a capture
      char[] next = i + 1 < i1 && items.get(i + 1) instanceof Template.Literal terminator
          ? terminator.chars() : null;
      int q = p;
      while (q < n && q - p < cap.type().maxLength() && accepts(cap.type(), s[q])
          && !(q > p && isToken(cap.type()) && norm.gapBefore(q))) {
        if (next != null && q > p && s[q] == next[0]) {
          // An apparent terminator: the capture ends here, and the literal must follow.
          int m = compareAt(next, q, n);
          if (m == next.length || q + m >= n) {
            break;
          }
          return -3 - (q + m);
        }
        q++;
      }
      if (q >= n) {
        return NEED_MORE;
      }
      p = q;
    }
    return -3 - p;
  }

  /**
   * Tells whether the text before {@code start} on its line is the tail of the items before
   * anchor {@code firstAnchor}: a message cut at the front, not another message that ends alike.
   */
  boolean startsLine(Template tpl, int firstAnchor, int start) {
    int lineStart = norm.previousLineBreak(start);
    List<Template.Item> items = tpl.items();
    int p = start;
    for (int i = tpl.anchorItem(firstAnchor) - 1; i >= 0 && p > lineStart; i--) {
      Template.Item it = items.get(i);
      if (it instanceof Template.Literal literal) {
        char[] lit = literal.chars();
        for (int k = lit.length - 1; k >= 0 && p > lineStart; k--) {
          if (s[p - 1] != lit[k]) {
            return false;
          }
          p--;
        }
        continue;
      }
      Template.Capture cap = (Template.Capture) it; // Item is sealed: not a literal, a capture
      char[] prev = i > 0 ? ((Template.Literal) items.get(i - 1)).chars() : null;
      int q = p;
      while (q > lineStart && p - q < cap.type().maxLength() && accepts(cap.type(), s[q - 1])) {
        if (prev != null && q < p && s[q - 1] == prev[prev.length - 1]) {
          break; // the previous literal may end here
        }
        q--;
      }
      p = q;
    }
    return p <= lineStart;
  }

  /**
   * Checks the items before the first anchor backward from {@code pos}; a leading literal is
   * optional. Returns where the match starts, or {@link #MISMATCH}.
   */
  int backward(Template tpl, int firstAnchorItem, int pos, int[] spans) {
    List<Template.Item> items = tpl.items();
    int p = pos;
    for (int i = firstAnchorItem - 1; i >= 0; i--) {
      Template.Item it = items.get(i);
      if (it instanceof Template.Literal literal) {
        char[] lit = literal.chars();
        int from = p - lit.length;
        if (from >= 0 && compareAt(lit, from, p) == lit.length) {
          p = from;
        } else if (i == 0) {
          return p;
        } else {
          return MISMATCH;
        }
        continue;
      }
      Template.Capture cap = (Template.Capture) it; // Item is sealed: not a literal, a capture
      CaptureType type = cap.type();
      int min = type == CaptureType.TEXT ? 0 : 1;
      int max = type.maxLength();
      if (i - 1 >= 0) {
        char[] lit = ((Template.Literal) items.get(i - 1)).chars(); // what ends before it
        boolean leadingLiteral = i - 1 == 0;
        int lineStart = norm.previousLineBreak(p - 1);
        int q = p;
        while (true) {
          if (p - q >= min && q - lit.length >= 0
              && compareAt(lit, q - lit.length, q) == lit.length) {
            break;
          }
          if (q <= 0 || !accepts(type, s[q - 1]) || p - q >= max || q == lineStart
              || (q < p && isToken(type) && norm.gapBefore(q))) {
            if (leadingLiteral && p - q >= min && satisfies(cap, q, p)) {
              record(cap, q, p, spans);
              return q;
            }
            return MISMATCH;
          }
          q--;
        }
        if (!satisfies(cap, q, p)) {
          return MISMATCH;
        }
        record(cap, q, p, spans);
        p = q - lit.length;
        i--;
        continue;
      }
      int lineStart = norm.previousLineBreak(p - 1);
      int q = p;
      while (q > 0 && p - q < max && accepts(type, s[q - 1]) && q != lineStart
          && !(q < p && isToken(type) && norm.gapBefore(q))) {
        q--;
      }
      if (p - q < min || !satisfies(cap, q, p)) {
        return MISMATCH;
      }
      record(cap, q, p, spans);
      p = q;
    }
    return p;
  }

  /** Returns how many characters of {@code lit} match at {@code at}, within {@code limit}. */
  private int compareAt(char[] lit, int at, int limit) {
    int m = 0;
    while (m < lit.length && at + m < limit && s[at + m] == lit[m]) {
      m++;
    }
    return m;
  }

  private static void record(Template.Capture cap, int from, int to, int[] spans) {
    if (spans != null) {
      spans[2 * cap.ordinal()] = from;
      spans[2 * cap.ordinal() + 1] = to;
    }
  }

  /** Tells whether folded text {@code [from, to)} meets the capture's constraint. */
  private boolean satisfies(Template.Capture cap, int from, int to) {
    return switch (cap.op()) {
      case ANY -> true;
      case CONTAINS -> indexOf(cap.foldedValue(), from, to) >= 0;
      case EQUALS -> equalsValue(cap, from, to);
    };
  }

  private boolean equalsValue(Template.Capture cap, int from, int to) {
    char[] value = cap.foldedValue();
    return switch (cap.type()) {
      case HRESULT -> {
        char[] canonical = cap.canonicalHresult();
        if (canonical != null && isCanonicalHex(from, to)) {
          // 0x and eight hex digits, folded to lower case: equal text is equal value
          yield compareAt(canonical, from, to) == 10;
        }
        yield HResult.tryParse(new String(s, from, to - from))
            .map(h -> h.equals(cap.hresult())).orElse(false);
      }
      case HEX -> parse(from, to, 16) == cap.number();
      case INT, PORT -> parse(from, to, 10) == cap.number();
      default -> to - from == value.length && compareAt(value, from, to) == value.length;
    };
  }

  /** Tells whether folded text {@code [from, to)} is {@code 0x} and eight hex digits. */
  private boolean isCanonicalHex(int from, int to) {
    if (to - from != 10 || s[from] != '0' || s[from + 1] != 'x') {
      return false;
    }
    for (int i = from + 2; i < to; i++) {
      char c = s[i];
      if (!(c >= '0' && c <= '9' || c >= 'a' && c <= 'f')) {
        return false;
      }
    }
    return true;
  }

  private long parse(int from, int to, int radix) {
    if (to - from == 0 || to - from > 16) {
      return Long.MIN_VALUE;
    }
    try {
      return Long.parseLong(new String(s, from, to - from), radix);
    } catch (NumberFormatException e) {
      return Long.MIN_VALUE;
    }
  }

  private int indexOf(char[] needle, int from, int to) {
    outer:
    for (int i = from; i + needle.length <= to; i++) {
      for (int k = 0; k < needle.length; k++) {
        if (s[i + k] != needle[k]) {
          continue outer;
        }
      }
      return i;
    }
    return -1;
  }

  /** Types whose values never contain white space: a value ends where the original had a space. */
  static boolean isToken(CaptureType type) {
    return switch (type) {
      case VERSION, HRESULT, HEX, INT, PORT, NAME -> true;
      case PATH, APP_ID, TEXT -> false;
    };
  }

  /** Tells whether a capture of {@code type} takes folded character {@code c}. */
  static boolean accepts(CaptureType type, char c) {
    return switch (type) {
      case PATH -> c != '\'' && c != '"' && c != '<' && c != '>' && c != '|';
      case APP_ID -> c != '\'' && c != '"' && c != '<' && c != '>' && c != '|' && c != ',';
      case VERSION -> (c >= '0' && c <= '9') || (c >= 'a' && c <= 'z') || c == '.' || c == '-'
          || c == '+' || c == '*' || c == '_';
      case HRESULT -> (c >= '0' && c <= '9') || (c >= 'a' && c <= 'f') || c == 'x' || c == '-';
      case HEX -> (c >= '0' && c <= '9') || (c >= 'a' && c <= 'f');
      case INT -> (c >= '0' && c <= '9') || c == '-';
      case PORT -> c >= '0' && c <= '9';
      case NAME -> c != '\'' && c != '"' && c != '<' && c != '>' && c != '|' && c != '/'
          && c != '\\' && c != ':' && c != ',' && c != ';';
      case TEXT -> true;
    };
  }
}
