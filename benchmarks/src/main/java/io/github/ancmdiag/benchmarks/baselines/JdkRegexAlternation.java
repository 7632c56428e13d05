package io.github.ancmdiag.benchmarks.baselines;

import io.github.ancmdiag.benchmarks.Engine;
import io.github.ancmdiag.benchmarks.TemplateSyntax;
import io.github.ancmdiag.rules.Catalog;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * One {@link java.util.regex.Pattern} for the whole catalog: the alternation {@code (?<t0>...)|(?<t1>
 * ...)|...} of every distinct template (translated as in {@link JdkRegexEach}, captures made
 * non-capturing), so each line is scanned by one pattern instead of one per template.
 *
 * <p>The alternation answers "does any template occur?", and its named group says which one it
 * found first. It cannot say which <em>other</em> templates also occur: at each position it stops
 * at the first alternative that matches, and a line may hold several templates (two that share an
 * opening, or a template that contains another). So on a line the alternation finds, the group
 * that matched gives its template's entries without further work, and every other template is
 * confirmed with its own pattern, as {@link JdkRegexEach} would (group {@code t<i>} is group
 * number {@code i + 1}: the translation makes every other group non-capturing); a line it does not find (almost
 * every line) costs one {@code find()}. This is the fastest exact use of one alternation: same
 * answers as one pattern per template, on the same corpus.
 *
 * <p>Not thread-safe: the matchers are made once and reset per line.
 */
public final class JdkRegexAlternation implements Engine {
  private final Matcher alternation;
  private final Matcher[] each;
  private final List<Set<String>> entryIds;

  /**
   * Compiles the alternation and the per-template confirmation patterns.
   *
   * @param catalog the catalog
   */
  public JdkRegexAlternation(Catalog catalog) {
    Map<String, Set<String>> byTemplate = TemplateSyntax.entriesByTemplate(catalog);
    int flags = Pattern.CASE_INSENSITIVE | Pattern.DOTALL;
    StringBuilder all = new StringBuilder();
    this.each = new Matcher[byTemplate.size()];
    this.entryIds = new ArrayList<>(byTemplate.size());
    int i = 0;
    for (Map.Entry<String, Set<String>> e : byTemplate.entrySet()) {
      if (i > 0) {
        all.append('|');
      }
      all.append("(?<t").append(i).append('>')
          .append(JdkRegexEach.toRegex(e.getKey(), JdkRegexEach.Bounds.EXACT, false)).append(')');
      each[i] = Pattern.compile(JdkRegexEach.toRegex(e.getKey()), flags).matcher("");
      entryIds.add(e.getValue());
      i++;
    }
    this.alternation = Pattern.compile(all.toString(), flags).matcher("");
  }

  @Override
  public Set<String> classify(String line) {
    Matcher m = alternation.reset(line);
    if (!m.find()) {
      return Set.of();
    }
    int first = -1;
    for (int g = 0; g < each.length; g++) {
      if (m.start(g + 1) >= 0) {
        first = g;
        break;
      }
    }
    Set<String> found = new LinkedHashSet<>(entryIds.get(first));
    for (int t = 0; t < each.length; t++) {
      if (t != first && each[t].reset(line).find()) {
        found.addAll(entryIds.get(t));
      }
    }
    return found;
  }
}
