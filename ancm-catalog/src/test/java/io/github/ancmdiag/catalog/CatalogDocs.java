package io.github.ancmdiag.catalog;

import io.github.ancmdiag.model.AspNetCoreVersion;
import io.github.ancmdiag.model.HttpStatus;
import io.github.ancmdiag.model.Observation;
import io.github.ancmdiag.model.VersionRange;
import io.github.ancmdiag.rules.Catalog;
import io.github.ancmdiag.rules.CatalogEntry;
import io.github.ancmdiag.rules.Category;
import io.github.ancmdiag.rules.Signature;
import io.github.ancmdiag.rules.Variant;
import java.io.IOException;
import java.math.BigDecimal;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import java.util.regex.Pattern;
import org.jetbrains.annotations.CheckReturnValue;
import org.jetbrains.annotations.Contract;
import org.jetbrains.annotations.NotNull;

/**
 * Renders a catalog as Markdown: the {@code CATALOG.md} at the root of the repository, which a
 * diagnosis points to as {@code (see CATALOG.md#<id>)}. The text holds an index grouped by
 * {@link Category}, then one section per entry under a {@code ## <id>} heading, so that GitHub's
 * anchor for the section is the id itself; each section gives the title, summary, category,
 * aliases, the signatures of every version range in a table, the fix steps and the sources.
 *
 * <p>The output depends on the catalog alone: the same catalog gives the same text, with LF line
 * ends and no timestamp. Quoted messages are shown in code spans exactly as the catalog holds them,
 * with a CR LF written visibly as {@code \r\n}; our own words (titles, summaries, fix steps,
 * sources) are escaped so that Markdown shows them as written.
 *
 * <p>{@code CatalogDocsTest} checks that the committed {@code CATALOG.md} is the rendering of the
 * bundled catalog, and rewrites it when asked to. After editing an entry's JSON, refresh the file
 * from the repository root with:
 *
 * <pre>{@code
 * mvn -q -pl ancm-catalog -am test -Dtest=CatalogDocsTest -Dsurefire.failIfNoSpecifiedTests=false \
 *     -Dcatalog.docs.update=true
 * }</pre>
 *
 * <p>A build tool kept with the tests, so it is not part of the shipped API. Stateless.
 */
final class CatalogDocs {
  /** The first line of the rendered text. */
  static final String GENERATED_NOTICE =
      "<!-- GENERATED from ancm-catalog entries; edit the JSON, not this file -->";

  /** An HTML character reference, which Markdown would turn into its character. */
  private static final Pattern ENTITY = Pattern.compile("&(#[0-9]{1,7}|#[xX][0-9a-fA-F]{1,6}"
      + "|[A-Za-z][A-Za-z0-9]{1,31});");

  private static final String READING_GUIDE = """
      Each section's heading is the id of one cause, the id a diagnosis prints as
      `[<id>] <summary> (see CATALOG.md#<id>)`. The entries are data, one JSON file per id, in the
      format described in [docs/catalog-format.md](docs/catalog-format.md).

      How to read a section:

      - Per range of ASP.NET Core versions, a table lists the evidence the cause leaves: the
        signature id, the channel where it shows (`BROWSER`, `EVENT_LOG`, `STDOUT_LOG`,
        `DEBUG_LOG`, `OS_MESSAGE`), the Windows event id if any, and, when a signature of the range
        does not count as much as usual, each signature's weight (a multiplier, 1 by default).
      - Evidence is a message, an HTTP status, or an observation: a fact about the incident
        rather than a message, such as `no-event-log-entry`.
      - Messages are quoted exactly as the software prints them; several in one cell are
        alternative wordings, any of which counts. `{name:TYPE}` captures a value and `\\r\\n`
        marks a line break (CR LF). The format lists the capture types and the observations.
      - In the fix steps, *italic* text stands for a value that a diagnosis fills in from the
        evidence when it has one, such as the version of a missing framework.

      """;

  private CatalogDocs() {}

  /**
   * Renders a catalog as Markdown.
   *
   * @param catalog the catalog to describe
   * @return the Markdown text, with LF line ends and a final newline; equal catalogs give equal
   *     text
   * @throws NullPointerException if {@code catalog} is null
   */
  @CheckReturnValue
  @Contract(pure = true)
  public static @NotNull String render(@NotNull Catalog catalog) {
    Objects.requireNonNull(catalog, "catalog");
    StringBuilder md = new StringBuilder(64 * 1024);
    header(md, catalog);
    index(md, catalog);
    for (CatalogEntry entry : catalog.entries()) {
      entry(md, entry);
    }
    // every block ends with a blank line; the file ends with one line end
    md.setLength(md.length() - 1);
    return md.toString();
  }

  /**
   * Writes the rendering of the bundled catalog to a file, replacing it.
   *
   * @param args the file to write as the first argument; {@code CATALOG.md} in the current folder
   *     when there is none
   * @throws IOException if the file cannot be written
   * @throws io.github.ancmdiag.rules.CatalogException if the bundled catalog is broken
   */
  public static void main(@NotNull String[] args) throws IOException {
    Path target = Path.of(args.length > 0 ? args[0] : "CATALOG.md");
    Files.writeString(target, render(BundledCatalog.load()));
  }

  private static void header(StringBuilder md, Catalog catalog) {
    md.append(GENERATED_NOTICE).append("\n\n");
    md.append("# ancm-diag catalog\n\n");
    md.append("Catalog version ").append(code(catalog.version())).append(": ")
        .append(catalog.entries().size())
        .append(catalog.entries().size() == 1 ? " cause" : " causes")
        .append(" of ASP.NET Core Module start-up failures.\n\n");
    md.append(READING_GUIDE);
  }

  private static void index(StringBuilder md, Catalog catalog) {
    md.append("## Index\n");
    for (Category category : Category.values()) {
      List<CatalogEntry> inCategory = new ArrayList<>();
      for (CatalogEntry entry : catalog.entries()) {
        if (entry.category() == category) {
          inCategory.add(entry);
        }
      }
      if (inCategory.isEmpty()) {
        continue;
      }
      md.append("\n### ").append(label(category)).append("\n\n");
      for (CatalogEntry entry : inCategory) {
        md.append("- [").append(entry.id()).append("](#").append(entry.id()).append(") — ")
            .append(prose(entry.summary(), false)).append('\n');
      }
    }
    md.append('\n');
  }

  private static void entry(StringBuilder md, CatalogEntry entry) {
    for (String alias : entry.aliases()) {
      // a link to a former id still lands here (GitHub keeps the id, prefixed, and resolves it)
      md.append("<a id=\"").append(alias).append("\"></a>\n");
    }
    md.append("## ").append(entry.id()).append("\n\n");
    md.append("**").append(prose(entry.title(), false)).append("**\n\n");
    md.append(prose(entry.summary(), true)).append("\n\n");
    md.append("- Category: ").append(code(entry.category().key())).append('\n');
    if (!entry.aliases().isEmpty()) {
      md.append("- Former ids: ");
      for (int i = 0; i < entry.aliases().size(); i++) {
        md.append(i == 0 ? "" : ", ").append(code(entry.aliases().get(i)));
      }
      md.append('\n');
    }
    md.append('\n');
    boolean sharedFixUsed = false;
    boolean ownFixUsed = false;
    for (Variant variant : entry.variants()) {
      variant(md, variant);
      sharedFixUsed |= variant.fix().isEmpty();
      ownFixUsed |= !variant.fix().isEmpty();
    }
    if (sharedFixUsed) {
      md.append("### Fix\n\n");
      if (ownFixUsed) {
        md.append("For the version ranges above that have no steps of their own:\n\n");
      }
      steps(md, entry.fix());
    }
    md.append("### Sources\n\n");
    for (String source : entry.sources()) {
      md.append("- ").append(prose(source, true)).append('\n');
    }
    md.append('\n');
  }

  private static void variant(StringBuilder md, Variant variant) {
    md.append("### ").append(versionsHeading(variant.versions())).append(": ")
        .append(code(variant.versions().toString())).append("\n\n");
    boolean events = false;
    boolean weights = false;
    boolean priors = false;
    for (Signature sig : variant.signatures()) {
      events |= sig.eventId() > 0;
      weights |= Double.compare(sig.weight(), 1.0) != 0 || sig.isContrary();
      priors |= Double.compare(sig.prior(), 1.0) != 0;
    }
    md.append("| Signature | Channel |").append(events ? " Event |" : "")
        .append(weights ? " Weight |" : "").append(priors ? " Prior |" : "")
        .append(" Evidence |\n");
    md.append("|---|---|").append(events ? "---|" : "").append(weights ? "---|" : "")
        .append(priors ? "---|" : "").append("---|\n");
    List<String> priorSources = new ArrayList<>();
    for (Signature sig : variant.signatures()) {
      md.append("| ").append(code(sig.id())).append(" | ").append(sig.channel().name())
          .append(" |");
      if (events) {
        md.append(' ').append(sig.eventId() > 0 ? Integer.toString(sig.eventId()) : "-")
            .append(" |");
      }
      if (weights) {
        md.append(' ').append(sig.isContrary() ? "against, " : "")
            .append(BigDecimal.valueOf(sig.weight()).stripTrailingZeros().toPlainString())
            .append(" |");
      }
      if (priors) {
        md.append(' ').append(BigDecimal.valueOf(sig.prior()).stripTrailingZeros()
            .toPlainString()).append(" |");
      }
      md.append(' ').append(evidence(sig)).append(" |\n");
      sig.priorSource().ifPresent(src -> priorSources.add(code(sig.id()) + ": " + prose(src,
          true)));
    }
    md.append('\n');
    if (!priorSources.isEmpty()) {
      md.append("Priors (how often this cause is behind the evidence, among the causes that"
          + " leave it):\n\n");
      for (String line : priorSources) {
        md.append("- ").append(line).append('\n');
      }
      md.append('\n');
    }
    if (!variant.fix().isEmpty()) {
      String range = versionsHeading(variant.versions());
      md.append("Fix for ").append(range.startsWith("All") ? "all" + range.substring(3) : range)
          .append(":\n\n");
      steps(md, variant.fix());
    }
  }

  /** The evidence cell of a signature row; every code span in it has its pipes escaped. */
  private static String evidence(Signature sig) {
    StringBuilder cell = new StringBuilder();
    switch (sig.kind()) {
      case TEXT:
        for (int i = 0; i < sig.texts().size(); i++) {
          cell.append(i == 0 ? "" : "<br>").append(cellCode(sig.texts().get(i)));
        }
        break;
      case STATUS:
        cell.append("HTTP status ");
        List<HttpStatus> statuses = sig.statuses();
        for (int i = 0; i < statuses.size(); i++) {
          cell.append(i == 0 ? "" : " or ").append(cellCode(statuses.get(i).toString()));
        }
        break;
      default:
        cell.append("observation ")
            .append(cellCode(sig.observation().map(Observation::key).orElse("")));
        break;
    }
    return cell.toString();
  }

  private static void steps(StringBuilder md, List<String> steps) {
    for (int i = 0; i < steps.size(); i++) {
      md.append(i + 1).append(". ").append(fixStep(steps.get(i))).append('\n');
    }
    md.append('\n');
  }

  /**
   * Renders a fix step, which is our own Markdown: its code spans are kept, the text between them
   * is escaped, and a placeholder becomes its fallback in italics (or {@code <name>} when it has
   * none, as {@code Diagnoser} prints it), since a diagnosis replaces it with a captured value.
   */
  static String fixStep(String step) {
    StringBuilder out = new StringBuilder(step.length() + 16);
    int i = 0;
    while (i < step.length()) {
      int tick = step.indexOf('`', i);
      if (tick < 0) {
        out.append(fixText(step.substring(i), i == 0));
        break;
      }
      int run = runLength(step, tick);
      int close = closingRun(step, tick + run, run);
      if (close < 0) {
        // no closing backticks: they are literal text
        out.append(fixText(step.substring(i, tick + run), i == 0));
        i = tick + run;
        continue;
      }
      out.append(fixText(step.substring(i, tick), i == 0));
      out.append(step, tick, tick + run);
      out.append(fillPlain(step.substring(tick + run, close)));
      out.append(step, close, close + run);
      i = close + run;
    }
    return out.toString();
  }

  private static String fixText(String text, boolean lineStart) {
    StringBuilder out = new StringBuilder(text.length() + 16);
    int i = 0;
    while (i < text.length()) {
      int open = text.indexOf('{', i);
      int close = open < 0 ? -1 : text.indexOf('}', open);
      if (close < 0) {
        out.append(prose(text.substring(i), lineStart && i == 0));
        break;
      }
      out.append(prose(text.substring(i, open), lineStart && i == 0));
      out.append('*').append(prose(fallback(text.substring(open + 1, close)), false)).append('*');
      i = close + 1;
    }
    return out.toString();
  }

  /** Replaces the placeholders inside a code span, where no emphasis is possible. */
  private static String fillPlain(String code) {
    StringBuilder out = new StringBuilder(code.length());
    int i = 0;
    while (i < code.length()) {
      int open = code.indexOf('{', i);
      int close = open < 0 ? -1 : code.indexOf('}', open);
      if (close < 0) {
        out.append(code, i, code.length());
        break;
      }
      out.append(code, i, open).append(fallback(code.substring(open + 1, close)));
      i = close + 1;
    }
    return out.toString();
  }

  private static String fallback(String spec) {
    int bar = spec.indexOf('|');
    return bar >= 0 ? spec.substring(bar + 1) : "<" + spec + ">";
  }

  private static int runLength(String s, int at) {
    int end = at;
    while (end < s.length() && s.charAt(end) == '`') {
      end++;
    }
    return end - at;
  }

  /** Finds the next run of exactly {@code run} backticks from {@code from}, as CommonMark does. */
  private static int closingRun(String s, int from, int run) {
    int i = s.indexOf('`', from);
    while (i >= 0) {
      int length = runLength(s, i);
      if (length == run) {
        return i;
      }
      i = s.indexOf('`', i + length);
    }
    return -1;
  }

  /**
   * Escapes our own words so that Markdown shows them as written: no emphasis, link, HTML tag,
   * character reference or table cell break, and, at the start of a block, no heading, list or
   * quote. Line breaks become spaces.
   */
  static String prose(String text, boolean lineStart) {
    String t = text.replace("\r\n", " ").replace('\r', ' ').replace('\n', ' ');
    StringBuilder out = new StringBuilder(t.length() + 8);
    for (int i = 0; i < t.length(); i++) {
      char c = t.charAt(i);
      switch (c) {
        case '\\':
          out.append(i + 1 < t.length() && isAsciiPunctuation(t.charAt(i + 1)) ? "\\\\" : "\\");
          break;
        case '`': case '*': case '[': case ']': case '<': case '|': case '~':
          out.append('\\').append(c);
          break;
        case '_':
          boolean inWord = i > 0 && i + 1 < t.length()
              && Character.isLetterOrDigit(t.charAt(i - 1))
              && Character.isLetterOrDigit(t.charAt(i + 1));
          out.append(inWord ? "_" : "\\_");
          break;
        case '&':
          out.append(ENTITY.matcher(t).region(i, t.length()).lookingAt() ? "&amp;" : "&");
          break;
        default:
          out.append(c);
          break;
      }
    }
    if (lineStart && out.length() > 0) {
      char first = out.charAt(0);
      if (first == '#' || first == '-' || first == '+' || first == '>' || first == '=') {
        out.insert(0, '\\');
      } else {
        int digits = 0;
        while (digits < out.length() && Character.isDigit(out.charAt(digits))) {
          digits++;
        }
        if (digits > 0 && digits < out.length()
            && (out.charAt(digits) == '.' || out.charAt(digits) == ')')) {
          out.insert(digits, '\\');
        }
      }
    }
    return out.toString();
  }

  private static boolean isAsciiPunctuation(char c) {
    return (c >= '!' && c <= '/') || (c >= ':' && c <= '@') || (c >= '[' && c <= '`')
        || (c >= '{' && c <= '~');
  }

  /** A code span for a table cell: pipes are escaped, which GitHub undoes inside the span. */
  static String cellCode(String text) {
    return code(text).replace("|", "\\|");
  }

  /**
   * A code span that shows {@code text} exactly, control characters written visibly ({@code \r\n}
   * for CR LF): the fence is one backtick longer than the longest run inside, and a space pads the
   * content where CommonMark would otherwise strip one or merge a backtick into the fence.
   */
  static String code(String text) {
    String visible = visible(text);
    int longest = 0;
    for (int i = 0; i < visible.length(); i++) {
      if (visible.charAt(i) == '`') {
        int run = runLength(visible, i);
        longest = Math.max(longest, run);
        i += run - 1;
      }
    }
    String fence = "`".repeat(longest + 1);
    boolean pad = visible.startsWith("`") || visible.endsWith("`")
        || (visible.length() > 1 && visible.startsWith(" ") && visible.endsWith(" ")
            && !visible.isBlank());
    String padding = pad ? " " : "";
    return fence + padding + visible + padding + fence;
  }

  private static String visible(String text) {
    StringBuilder out = new StringBuilder(text.length() + 8);
    for (int i = 0; i < text.length(); i++) {
      char c = text.charAt(i);
      switch (c) {
        case '\r':
          out.append("\\r");
          break;
        case '\n':
          out.append("\\n");
          break;
        case '\t':
          out.append("\\t");
          break;
        default:
          if (c < ' ' || c == '\u007f') {
            out.append(String.format("\\u%04x", (int) c));
          } else {
            out.append(c);
          }
          break;
      }
    }
    return out.toString();
  }

  private static String label(Category category) {
    return switch (category) {
      case INSTALLATION -> "Installation";
      case IIS_CONFIGURATION -> "IIS configuration";
      case APP_CONFIGURATION -> "App configuration";
      case RUNTIME -> "Runtime";
      case HOSTING_PLATFORM -> "Hosting platform";
      case APPLICATION -> "Application";
    };
  }

  private static String versionsHeading(VersionRange range) {
    return range.lowerBound().isEmpty() && range.upperBound().isEmpty()
        ? "All ASP.NET Core versions"
        : "ASP.NET Core " + versionsPhrase(range);
  }

  /** Says a range in words: {@code 2.2 and later}, {@code before 2.2}, {@code 2.1 only}. */
  static String versionsPhrase(VersionRange range) {
    Optional<AspNetCoreVersion> lower = range.lowerBound();
    Optional<AspNetCoreVersion> upper = range.upperBound();
    if (lower.isEmpty() && upper.isEmpty()) {
      return "all versions";
    }
    if (lower.isPresent() && upper.isPresent() && lower.get().compareTo(upper.get()) == 0) {
      return lower.get() + " only";
    }
    String from = lower.map(v -> range.isLowerInclusive() ? v + " and later" : "after " + v)
        .orElse("");
    if (upper.isEmpty()) {
      return from;
    }
    AspNetCoreVersion v = upper.get();
    if (lower.isEmpty()) {
      return range.isUpperInclusive() ? v + " and earlier" : "before " + v;
    }
    return from + (range.isUpperInclusive() ? ", up to and including " + v : ", before " + v);
  }
}
