package io.github.ancmdiag.benchmarks.baselines;

import io.github.ancmdiag.benchmarks.Engine;
import io.github.ancmdiag.benchmarks.TemplateSyntax.Capture;
import io.github.ancmdiag.benchmarks.TemplateSyntax.Literal;
import io.github.ancmdiag.benchmarks.TemplateSyntax.Part;
import io.github.ancmdiag.benchmarks.TemplateSyntax;
import io.github.ancmdiag.model.CaptureType;
import io.github.ancmdiag.model.HResult;
import io.github.ancmdiag.rules.Catalog;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The obvious alternative to a compiled catalog: one {@link java.util.regex.Pattern} per distinct
 * catalog template, each tried with {@link Matcher#find()} on every line, in turn.
 *
 * <p>How a template becomes a pattern, to match what the catalog format promises as closely as a
 * regex can:
 *
 * <ul>
 *   <li>literal text is quoted ({@link Pattern#quote}); where the template has white space the
 *       pattern has any run of white space or none (so a line break or a missing space matches
 *       too); a quote, dash, {@code &}, {@code <}, {@code >} or backslash matches its typographic
 *       variants and HTML entities too ({@link #equivalents}), as the catalog format promises;
 *   <li>a capture becomes a lazy capturing group over its type's characters, with the type's
 *       length bound: {@code PATH} {@code ([^'"<>|]{1,400}?)}, {@code TEXT} {@code (.{0,2000}?)},
 *       and so on ({@link #charClass});
 *   <li>{@code {x:TYPE=value}} becomes an alternation of the spellings the engine accepts as equal
 *       (an HRESULT in hex, bare hex, unsigned and signed decimal; a hex or decimal number with
 *       leading zeros), followed for these number types by a word boundary, since a number token
 *       ends only where its characters end ({@code ff} is not {@code ffffffff}); {@code {x:TYPE~fragment}} a lazy group around the quoted fragment;
 *   <li>a short final literal (1 to 3 characters on its last line, such as a trailing {@code at})
 *       is optional, as the catalog format makes it ({@link #optionalTail});
 *   <li>flags {@code CASE_INSENSITIVE | DOTALL} (ASCII case folding: the corpus is ASCII).
 * </ul>
 *
 * <p>To be fair to it, each pattern's {@link Matcher} is made once and {@link Matcher#reset} per
 * line (so no allocation per template and line), and a line that matches nothing returns the shared
 * empty set. That makes instances not thread-safe.
 *
 * <p>What it does not do that ours does: white space inside words or next to a capture where the
 * template has none, the ellipsis and other rarer foldings, truncated messages and HTTP statuses.
 * The agreement check therefore compares complete template matches only.
 */
public final class JdkRegexEach implements Engine {
  private final Matcher[] matchers;
  private final List<Set<String>> entryIds;
  private final List<String> templates;

  /**
   * Compiles one pattern per distinct text template of a catalog.
   *
   * @param catalog the catalog
   */
  public JdkRegexEach(Catalog catalog) {
    Map<String, Set<String>> byTemplate = TemplateSyntax.entriesByTemplate(catalog);
    this.matchers = new Matcher[byTemplate.size()];
    this.entryIds = new ArrayList<>(byTemplate.size());
    this.templates = new ArrayList<>(byTemplate.size());
    int i = 0;
    for (Map.Entry<String, Set<String>> e : byTemplate.entrySet()) {
      Pattern p = Pattern.compile(toRegex(e.getKey()), Pattern.CASE_INSENSITIVE | Pattern.DOTALL);
      matchers[i++] = p.matcher("");
      entryIds.add(e.getValue());
      templates.add(e.getKey());
    }
  }

  @Override
  public Set<String> classify(String line) {
    Set<String> found = null;
    for (int i = 0; i < matchers.length; i++) {
      if (matchers[i].reset(line).find()) {
        if (found == null) {
          found = new LinkedHashSet<>();
        }
        found.addAll(entryIds.get(i));
      }
    }
    return found == null ? Set.of() : found;
  }

  /**
   * Returns the number of patterns, one per distinct template.
   *
   * @return the pattern count
   */
  public int patternCount() {
    return matchers.length;
  }

  /**
   * Returns the pattern made from each template, for reports.
   *
   * @return one line per template: the template, then its pattern
   */
  public List<String> describe() {
    List<String> out = new ArrayList<>();
    for (int i = 0; i < matchers.length; i++) {
      out.add(templates.get(i) + "\n    -> " + matchers[i].pattern().pattern());
    }
    return out;
  }

  /**
   * Translates a template into a regular expression.
   *
   * @param template the catalog template
   * @return the regular expression, for {@code CASE_INSENSITIVE | DOTALL}
   */
  public static String toRegex(String template) {
    return toRegex(template, Bounds.EXACT, true);
  }

  /** How a translation writes the length bound of a capture. */
  public enum Bounds {
    /** {@code {0,2000}?}: the type's bound, as the engine applies it. */
    EXACT,
    /**
     * The same bound written as repeats of at most 1,000 ({@code .{0,1000}?.{0,1000}?}), because
     * RE2 and RE2/J refuse a repeat count above 1,000. Same language as {@link #EXACT}.
     */
    SPLIT_1000,
    /**
     * No bound ({@code *?}, {@code +?}): a superset of {@link #EXACT}, for a prefilter whose hits
     * are confirmed with the exact patterns. Keeps an automaton small.
     */
    LOOSE
  }

  /**
   * Translates a template into a regular expression, for any engine with the common syntax
   * (java.util.regex, RE2/J).
   *
   * @param template the catalog template
   * @param bounds how to write a capture's length bound
   * @param groups whether a capture becomes a capturing group ({@code false}: a non-capturing one,
   *     for an alternation whose own groups name the template)
   * @return the regular expression, for case-insensitive matching where {@code .} matches any
   *     character
   */
  public static String toRegex(String template, Bounds bounds, boolean groups) {
    StringBuilder re = new StringBuilder();
    List<Part> parts = TemplateSyntax.parse(template);
    for (int i = 0; i < parts.size(); i++) {
      Part part = parts.get(i);
      if (part instanceof Literal) {
        String text = ((Literal) part).text();
        int tail = i == parts.size() - 1 && i > 0 ? optionalTail(text) : text.length();
        literal(re, text.substring(0, tail));
        if (tail < text.length()) {
          re.append("(?:");
          literal(re, text.substring(tail));
          re.append(")?");
        }
      } else {
        capture(re, (Capture) part, bounds, groups);
      }
    }
    return re.toString();
  }

  /**
   * Where the optional end of a template's final literal starts, or its length if it has none.
   * The catalog format makes a short final literal optional (the engine searches for literal runs
   * of at least 4 characters without white space, and a shorter run after the last one, such as
   * the {@code at} of {@code Failed HRESULT returned: {hresult:HRESULT} at}, may be cut off by the
   * writer): the last line of the final literal, if it has 1 to 3 characters that are not white
   * space.
   */
  static int optionalTail(String finalLiteral) {
    int lineStart = Math.max(finalLiteral.lastIndexOf('\n'), finalLiteral.lastIndexOf('\r')) + 1;
    int visible = 0;
    for (int i = lineStart; i < finalLiteral.length(); i++) {
      if (!isSpace(finalLiteral.charAt(i))) {
        visible++;
      }
    }
    return visible >= 1 && visible <= 3 ? lineStart : finalLiteral.length();
  }

  private static void literal(StringBuilder re, String text) {
    int i = 0;
    while (i < text.length()) {
      if (isSpace(text.charAt(i))) {
        while (i < text.length() && isSpace(text.charAt(i))) {
          i++;
        }
        re.append(SPACE);
      } else {
        StringBuilder plain = new StringBuilder();
        while (i < text.length() && !isSpace(text.charAt(i))) {
          String same = equivalents(text.charAt(i));
          if (same == null) {
            plain.append(text.charAt(i));
          } else {
            if (plain.length() > 0) {
              re.append(Pattern.quote(plain.toString()));
              plain.setLength(0);
            }
            re.append(same);
          }
          i++;
        }
        if (plain.length() > 0) {
          re.append(Pattern.quote(plain.toString()));
        }
      }
    }
  }

  /** Any run of white space, or none (the engine drops white space before comparing). */
  private static final String SPACE = "[\\s\\x{00A0}\\x{2000}-\\x{200B}\\x{202F}]*";

  /**
   * The spellings a text may use for a template character that has several (typographic quotes and
   * dashes, HTML entities as error pages write them), as an alternation; null for any other
   * character. The same equivalences as the catalog format promises (docs/catalog-format.md).
   */
  static String equivalents(char c) {
    switch (c) {
      case '\'':
        return "(?:['\\x{2018}\\x{2019}\\x{201A}\\x{201B}\\x{2032}\\x{2035}\\x{00B4}`\\x{FF07}]|&#39;|&#039;"
            + "|&#x27;|&apos;|&lsquo;|&rsquo;)";
      case '"':
        return "(?:[\"\\x{201C}\\x{201D}\\x{201E}\\x{201F}\\x{2033}\\x{2036}\\x{00AB}\\x{00BB}\\x{FF02}]|&quot;"
            + "|&#34;|&#x22;|&ldquo;|&rdquo;)";
      case '-':
        return "(?:[-\\x{2010}-\\x{2015}\\x{2212}\\x{FE58}\\x{FE63}\\x{FF0D}]|&ndash;|&mdash;|&#8211;"
            + "|&#8212;)";
      case '&':
        return "(?:&|&amp;)";
      case '<':
        return "(?:<|&lt;)";
      case '>':
        return "(?:>|&gt;)";
      case '\\':
        return "(?:\\\\|&#92;|&#x5c;)";
      default:
        return null;
    }
  }

  private static boolean isSpace(char c) {
    return Character.isWhitespace(c) || c == '\u00A0';
  }

  private static void capture(StringBuilder re, Capture c, Bounds bounds, boolean groups) {
    String cls = charClass(c.type());
    int max = c.type().maxLength();
    int min = c.type() == CaptureType.TEXT ? 0 : 1;
    re.append(groups ? "(" : "(?:");
    if (c.op() == '=') {
      re.append("(?:").append(equalSpellings(c.type(), c.value())).append(')');
      if (c.type() == CaptureType.HRESULT || c.type() == CaptureType.HEX
          || c.type() == CaptureType.INT || c.type() == CaptureType.PORT) {
        // a number token ends where its characters end, as for ours: 'ff' is not 'ffffffff'
        re.append("\\b");
      }
    } else if (c.op() == '~') {
      repeat(re, cls, 0, max, bounds);
      literal(re, c.value());
      repeat(re, cls, 0, max, bounds);
    } else {
      repeat(re, cls, min, max, bounds);
    }
    re.append(')');
  }

  /** Appends a lazy repeat of a character class, {@code min} to {@code max} times. */
  private static void repeat(StringBuilder re, String cls, int min, int max, Bounds bounds) {
    switch (bounds) {
      case LOOSE:
        re.append(cls).append(min == 0 ? "*?" : "+?");
        break;
      case SPLIT_1000: {
        int lo = min;
        int hi = max;
        do {
          int chunk = Math.min(hi, 1000);
          int chunkMin = Math.min(lo, chunk);
          re.append(cls).append('{').append(chunkMin).append(',').append(chunk).append("}?");
          lo -= chunkMin;
          hi -= chunk;
        } while (hi > 0);
        break;
      }
      default:
        re.append(cls).append('{').append(min).append(',').append(max).append("}?");
    }
  }

  /**
   * Returns the characters a capture of a type may hold (white space included where the engine
   * drops it before checking: paths, app ids, text).
   *
   * @param type the capture type
   * @return a regex character class
   */
  static String charClass(CaptureType type) {
    switch (type) {
      case PATH:
        return "[^'\"<>|\\x{2018}\\x{2019}\\x{201C}\\x{201D}]";
      case APP_ID:
        return "[^'\"<>|,\\x{2018}\\x{2019}\\x{201C}\\x{201D}]";
      case VERSION:
        return "[0-9a-z.+*_-]";
      case HRESULT:
        return "[0-9a-fx-]";
      case HEX:
        return "[0-9a-f]";
      case INT:
        return "[0-9-]";
      case PORT:
        return "[0-9]";
      case NAME:
        return "[^'\"<>|/\\\\:,;\\s\\x{2018}\\x{2019}\\x{201C}\\x{201D}]";
      default:
        return ".";
    }
  }

  /** The spellings the engine takes as equal to a constraint value, as an alternation. */
  private static String equalSpellings(CaptureType type, String value) {
    switch (type) {
      case HRESULT: {
        long unsigned = HResult.parse(value).unsignedValue();
        String stripped = Long.toHexString(unsigned);
        String hex8 = String.format(Locale.ROOT, "%08x", unsigned);
        int pad = 8 - stripped.length();
        StringBuilder alt = new StringBuilder();
        alt.append("0x0{0,").append(pad).append('}').append(stripped).append('|').append(hex8);
        if (!stripped.matches("[0-9]+")) {
          alt.append('|').append("0{0,").append(pad).append('}').append(stripped);
        }
        alt.append('|').append(unsigned);
        if (unsigned > Integer.MAX_VALUE) {
          alt.append("|-").append(0x1_0000_0000L - unsigned);
        }
        return alt.toString();
      }
      case HEX: {
        long n = Long.parseLong(value.trim(), 16);
        return n == 0 ? "0{1,8}" : "0{0,7}" + Long.toHexString(n);
      }
      case INT:
      case PORT: {
        long n = Long.parseLong(value.trim());
        return n < 0 ? "-0*" + -n : "0*" + n;
      }
      default: {
        StringBuilder lit = new StringBuilder();
        literal(lit, value);
        return lit.toString();
      }
    }
  }
}
