package io.github.ancmdiag.internal.text;

import java.util.Arrays;

/**
 * Folds text into the canonical form the matcher compares: lower case, no white space at all, one
 * kind of dash and quote, a few HTML entities decoded. Templates and evidence are folded the same
 * way, so a message wrapped over lines, pasted with doubled spaces, en dashes, typographic quotes or
 * upper-case hex still compares equal to the template. Called by the template parser and by {@code
 * CompiledMatcher}.
 *
 * <p>Dropping white space entirely (rather than collapsing it) also makes {@code ErrorCode='0x1'}
 * equal {@code ErrorCode = '0x1'} and survives line breaks inside words; the anchors the matcher
 * looks for are long enough that joining words never creates false matches in practice. Each folded
 * character remembers the span of original characters it came from, so captures and spans are
 * reported from the original text.
 */
public final class TextNormalizer {
  /** Marks a character that folding drops. */
  public static final char DROP = '\uFFFF';

  private static final char[] FOLD = buildFoldTable();
  private static final int[] NO_BREAKS = new int[0];

  private static final String[][] ENTITIES = {
    {"&amp;", "&"}, {"&lt;", "<"}, {"&gt;", ">"}, {"&quot;", "\""}, {"&apos;", "'"},
    {"&#39;", "'"}, {"&#039;", "'"}, {"&#x27;", "'"}, {"&#34;", "\""}, {"&#x22;", "\""},
    {"&nbsp;", ""}, {"&#160;", ""}, {"&ndash;", "-"}, {"&mdash;", "-"}, {"&#8211;", "-"},
    {"&#8212;", "-"}, {"&lsquo;", "'"}, {"&rsquo;", "'"}, {"&ldquo;", "\""}, {"&rdquo;", "\""},
    {"&#92;", "\\"}, {"&#x5c;", "\\"},
  };

  /** The length of the longest entity in {@link #ENTITIES}. */
  private static final int MAX_ENTITY = maxEntity();

  private static int maxEntity() {
    int max = 0;
    for (String[] e : ENTITIES) {
      max = Math.max(max, e[0].length());
    }
    return max;
  }

  private TextNormalizer() {}

  /**
   * Folds one character without lookahead: the fast path of the matcher. HTML entities and the
   * ellipsis character need {@link #normalize(CharSequence)}.
   *
   * @param c a character
   * @return the folded character, or {@link #DROP} when the character is dropped
   */
  public static char fold(char c) {
    return FOLD[c];
  }

  /**
   * Folds a template literal.
   *
   * @param s the literal as written in the catalog
   * @return the folded literal
   */
  public static String normalizeLiteral(CharSequence s) {
    Normalized n = normalize(s);
    return new String(n.chars(), 0, n.length());
  }

  /**
   * Folds a whole text, remembering where each folded character came from.
   *
   * @param s the text
   * @return the folded text with its offset map
   */
  public static Normalized normalize(CharSequence s) {
    return normalize(s, null);
  }

  /**
   * Folds a whole text into a reused instance: the same result as {@link
   * #normalize(CharSequence)}, written over {@code into}'s buffers when they are large enough.
   * What {@code into} held before is gone.
   *
   * @param s the text
   * @param into an instance to refill, or null for a new one
   * @return {@code into} refilled, or a new instance when it is null
   */
  public static Normalized normalize(CharSequence s, Normalized into) {
    int len = s.length();
    char[] out;
    int[] from;
    int[] to;
    if (into != null && into.charBuffer().length >= len + 8) {
      out = into.charBuffer();
      from = into.fromBuffer();
      to = into.toBuffer();
    } else {
      out = new char[len + 8];
      from = new int[len + 8];
      to = new int[len + 8];
    }
    // Line breaks, as the folded index after them: a value that must not cross a line finds
    // its end by a search here instead of a look at the dropped characters of every gap.
    int[] breaks = into != null ? into.breakBuffer() : NO_BREAKS;
    int breakCount = 0;
    int n = 0;
    for (int i = 0; i < len; i++) {
      char c = s.charAt(i);
      if (c == '&') {
        int consumed = matchEntity(s, i);
        if (consumed > 0) {
          String rep = entityReplacement(s, i);
          if (!rep.isEmpty()) {
            if (n + 1 >= out.length) {
              out = grow(out);
              from = grow(from);
              to = grow(to);
            }
            out[n] = fold(rep.charAt(0));
            from[n] = i;
            to[n] = i + consumed;
            n++;
          }
          i += consumed - 1;
          continue;
        }
      }
      if (c == '\u2026') {
        if (n + 3 >= out.length) {
          out = grow(out);
          from = grow(from);
          to = grow(to);
        }
        for (int k = 0; k < 3; k++) {
          out[n] = '.';
          from[n] = i;
          to[n] = i + 1;
          n++;
        }
        continue;
      }
      char f = FOLD[c];
      if (f == DROP) {
        if ((c == '\n' || c == '\r') && n > 0
            && (breakCount == 0 || breaks[breakCount - 1] != n)) {
          if (breakCount == breaks.length) {
            breaks = Arrays.copyOf(breaks, Math.max(16, 2 * breakCount));
          }
          breaks[breakCount++] = n;
        }
        continue;
      }
      if (n >= out.length) {
        out = grow(out);
        from = grow(from);
        to = grow(to);
      }
      out[n] = f;
      from[n] = i;
      to[n] = i + 1;
      n++;
    }
    if (breakCount > 0 && breaks[breakCount - 1] == n) {
      breakCount--; // a break after the last folded character is before none
    }
    if (into == null) {
      return new Normalized(s, out, from, to, n, breaks, breakCount);
    }
    into.reset(s, out, from, to, n, breaks, breakCount);
    return into;
  }

  /**
   * Tells whether one of the HTML entities the normalizer decodes starts at {@code i}.
   *
   * @param s the text
   * @param i an index into it
   * @return true for an entity such as {@code &#39;}
   */
  public static boolean isEntityAt(CharSequence s, int i) {
    return matchEntity(s, i) > 0;
  }

  private static int matchEntity(CharSequence s, int i) {
    // Every entity is '&', two to six characters and ';': most '&' (a URL's query) have no ';'
    // there, and need no comparison with each entity.
    boolean semicolon = false;
    for (int k = i + 3, end = Math.min(s.length(), i + MAX_ENTITY); k < end && !semicolon; k++) {
      semicolon = s.charAt(k) == ';';
    }
    if (!semicolon) {
      return 0;
    }
    for (String[] e : ENTITIES) {
      String ent = e[0];
      if (regionMatchesIgnoreCase(s, i, ent)) {
        return ent.length();
      }
    }
    return 0;
  }

  private static String entityReplacement(CharSequence s, int i) {
    for (String[] e : ENTITIES) {
      if (regionMatchesIgnoreCase(s, i, e[0])) {
        return e[1];
      }
    }
    return "";
  }

  private static boolean regionMatchesIgnoreCase(CharSequence s, int i, String lit) {
    if (i + lit.length() > s.length()) {
      return false;
    }
    for (int k = 0; k < lit.length(); k++) {
      if (Character.toLowerCase(s.charAt(i + k)) != lit.charAt(k)) {
        return false;
      }
    }
    return true;
  }

  private static char[] grow(char[] a) {
    return java.util.Arrays.copyOf(a, a.length * 2 + 8);
  }

  private static int[] grow(int[] a) {
    return java.util.Arrays.copyOf(a, a.length * 2 + 8);
  }

  private static char[] buildFoldTable() {
    char[] t = new char[65536];
    for (int c = 0; c < 65536; c++) {
      t[c] = (char) Character.toLowerCase(c);
    }
    // White space of every kind, and invisible characters: dropped.
    String drop = " \t\n\r\f\u000B\u00A0\u1680\u2028\u2029\u202F\u205F\u3000"
        + "\u200B\u200C\u200D\u2060\uFEFF\u00AD\u0000";
    for (int i = 0; i < drop.length(); i++) {
      t[drop.charAt(i)] = DROP;
    }
    for (int c = 0x2000; c <= 0x200A; c++) {
      t[c] = DROP;
    }
    String dashes = "\u2010\u2011\u2012\u2013\u2014\u2015\u2212\uFE58\uFE63\uFF0D";
    for (int i = 0; i < dashes.length(); i++) {
      t[dashes.charAt(i)] = '-';
    }
    String singles = "\u2018\u2019\u201A\u201B\u2032\u2035\u00B4\u0060\uFF07";
    for (int i = 0; i < singles.length(); i++) {
      t[singles.charAt(i)] = '\'';
    }
    String doubles = "\u201C\u201D\u201E\u201F\u2033\u2036\u00AB\u00BB\uFF02";
    for (int i = 0; i < doubles.length(); i++) {
      t[doubles.charAt(i)] = '"';
    }
    t[0xFFFF] = DROP;
    return t;
  }
}
