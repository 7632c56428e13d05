package io.github.ancmdiag.benchmarks;

import io.github.ancmdiag.Diagnoser;
import io.github.ancmdiag.benchmarks.TemplateSyntax.Capture;
import io.github.ancmdiag.benchmarks.TemplateSyntax.Literal;
import io.github.ancmdiag.benchmarks.TemplateSyntax.Part;
import io.github.ancmdiag.model.Channel;
import io.github.ancmdiag.rules.Catalog;
import java.util.List;

/**
 * Single inputs of the latency and adversarial benchmarks, all deterministic: a realistic ANCM
 * record and a realistic unrelated record taken from the {@link Corpus}, and 1 MB lines, one
 * ordinary and one hostile.
 */
public final class Inputs {
  private Inputs() {}

  /**
   * Returns the first record of a small corpus made from the ANCM event "failed to start
   * process" template (the most common ANCM failure event), or else its first planted record.
   *
   * @param catalog the bundled catalog
   * @return a record that matches
   */
  public static String ancmRecord(Catalog catalog) {
    Corpus corpus = Corpus.generate(20_000, catalog, List.of());
    for (Corpus.Planted p : corpus.planted()) {
      if (p.template().contains("failed to start process")) {
        return corpus.lines()[p.index()];
      }
    }
    return corpus.lines()[corpus.planted().get(0).index()];
  }

  /**
   * Returns the first W3C access log line of a small corpus that matches nothing.
   *
   * @param catalog the bundled catalog
   * @return a record that matches nothing
   */
  public static String unrelatedRecord(Catalog catalog) {
    Corpus corpus = Corpus.generate(1_000, catalog, List.of());
    Diagnoser ours = Diagnoser.builder().catalog(catalog).build();
    for (String line : corpus.lines()) {
      if (line.contains(" GET ") && ours.classify(Channel.EVENT_LOG, line).matches().isEmpty()) {
        return line;
      }
    }
    throw new IllegalStateException("no unrelated W3C line in the corpus");
  }

  /**
   * Returns a line of at least {@code chars} characters made of ordinary unrelated records (the
   * corpus's lines without ANCM records, joined by a space).
   *
   * @param catalog the bundled catalog
   * @param chars the length to reach
   * @return the line
   */
  public static String ordinaryLine(Catalog catalog, int chars) {
    Corpus corpus = Corpus.generate(Math.max(100, chars / 150), catalog, List.of());
    java.util.Set<Integer> planted = new java.util.HashSet<>();
    for (Corpus.Planted p : corpus.planted()) {
      planted.add(p.index());
    }
    StringBuilder sb = new StringBuilder(chars + 4096);
    int i = 0;
    while (sb.length() < chars) {
      int k = i++ % corpus.lines().length;
      if (!planted.contains(k)) {
        sb.append(corpus.lines()[k].replace('\r', ' ').replace('\n', ' ')).append(' ');
      }
    }
    return sb.toString();
  }

  /**
   * Returns a hostile line of at least {@code chars} characters: for every template of the
   * catalog, a near-match (the template filled in, cut two characters into its last literal word
   * of four or more characters, then {@code " ~ "}), and {@code Application '} ten times, all
   * repeated. Every engine that looks for template openings finds one every few characters, and
   * none completes.
   *
   * @param catalog the catalog
   * @param chars the length to reach
   * @return the line
   */
  public static String adversarialLine(Catalog catalog, int chars) {
    StringBuilder unit = new StringBuilder();
    for (String template : TemplateSyntax.entriesByTemplate(catalog).keySet()) {
      unit.append(nearMatch(template)).append(" ~ ");
      unit.append("Application '".repeat(10));
    }
    StringBuilder sb = new StringBuilder(chars + unit.length());
    while (sb.length() < chars) {
      sb.append(unit);
    }
    return sb.toString();
  }

  /**
   * Fills a template in and cuts it two characters into its last literal word of four or more
   * characters.
   *
   * @param template a catalog template
   * @return the near-match
   */
  static String nearMatch(String template) {
    StringBuilder sb = new StringBuilder();
    int cut = -1;
    for (Part part : TemplateSyntax.parse(template)) {
      if (part instanceof Literal) {
        String text = ((Literal) part).text();
        int start = -1;
        for (int i = 0; i <= text.length(); i++) {
          boolean space = i == text.length() || Character.isWhitespace(text.charAt(i));
          if (!space && start < 0) {
            start = i;
          } else if (space && start >= 0) {
            if (i - start >= 4) {
              cut = sb.length() + start + 2;
            }
            start = -1;
          }
        }
        sb.append(text);
      } else {
        sb.append(value((Capture) part));
      }
    }
    return cut < 0 ? sb.toString() : sb.substring(0, cut);
  }

  private static String value(Capture c) {
    if (c.op() == '=') {
      return c.value();
    }
    if (c.op() == '~') {
      return "x" + c.value() + "x";
    }
    switch (c.type()) {
      case PATH:
        return "C:\\inetpub\\wwwroot\\shop\\";
      case APP_ID:
        return "/LM/W3SVC/1/ROOT";
      case VERSION:
        return "8.0.11";
      case HRESULT:
        return "0x80004005";
      case HEX:
        return "1f";
      case INT:
        return "42";
      case PORT:
        return "5000";
      case NAME:
        return "x64";
      default:
        return "some text";
    }
  }
}
