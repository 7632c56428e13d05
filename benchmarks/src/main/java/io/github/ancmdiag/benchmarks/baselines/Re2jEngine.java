package io.github.ancmdiag.benchmarks.baselines;

import com.google.re2j.Matcher;
import com.google.re2j.Pattern;
import io.github.ancmdiag.benchmarks.Engine;
import io.github.ancmdiag.benchmarks.TemplateSyntax;
import io.github.ancmdiag.rules.Catalog;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * RE2/J ({@code com.google.re2j}), the linear-time regex engine, used the fastest exact way we
 * found: one RE2/J alternation of every template as a prefilter, then one RE2/J pattern per
 * template to confirm the lines the prefilter lets through.
 *
 * <p>Why this shape. RE2/J runs an NFA simulation whose cost per character grows with the number
 * of NFA states alive at once, and it refuses a repeat count above 1,000. The prefilter is
 * therefore the alternation of the templates with their capture bounds dropped ({@code .*?} for
 * {@code .{0,2000}?}: {@link JdkRegexEach.Bounds#LOOSE}), which is a superset of every template,
 * small enough to run, and asked only "is there a match?" ({@link Matcher#find()} without groups).
 * It rejects almost every line in one pass. One RE2/J pattern per template, with the exact bounds
 * written as repeats of at most 1,000 ({@link JdkRegexEach.Bounds#SPLIT_1000}), then decides which
 * templates really occur, as {@link JdkRegexEach} does with the JDK: a single alternation cannot
 * list every template of a line, since it reports one alternative per match. An alternation with
 * the exact bounds would be a far larger program (RE2/J unrolls a bounded repeat into about as
 * many instructions as its bound; the per-template patterns alone retain about 9 MB), which the
 * NFA would step through on every line; that variant was not timed.
 *
 * <p>Flags {@code CASE_INSENSITIVE | DOTALL}, as for the JDK baselines. Not thread-safe: the
 * matchers are made once and reset per line.
 */
public final class Re2jEngine implements Engine {
  private final Matcher prefilter;
  private final Matcher[] each;
  private final List<Set<String>> entryIds;

  /**
   * Compiles the prefilter and the per-template patterns.
   *
   * @param catalog the catalog
   */
  public Re2jEngine(Catalog catalog) {
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
      all.append("(?:")
          .append(JdkRegexEach.toRegex(e.getKey(), JdkRegexEach.Bounds.LOOSE, false)).append(')');
      each[i] = Pattern.compile(
          JdkRegexEach.toRegex(e.getKey(), JdkRegexEach.Bounds.SPLIT_1000, false), flags)
          .matcher("");
      entryIds.add(e.getValue());
      i++;
    }
    this.prefilter = Pattern.compile(all.toString(), flags).matcher("");
  }

  @Override
  public Set<String> classify(String line) {
    if (!prefilter.reset(line).find()) {
      return Set.of();
    }
    Set<String> found = null;
    for (int t = 0; t < each.length; t++) {
      if (each[t].reset(line).find()) {
        if (found == null) {
          found = new LinkedHashSet<>();
        }
        found.addAll(entryIds.get(t));
      }
    }
    return found == null ? Set.of() : found;
  }
}
