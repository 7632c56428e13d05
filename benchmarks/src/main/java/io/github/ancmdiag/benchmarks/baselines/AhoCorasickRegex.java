package io.github.ancmdiag.benchmarks.baselines;

import io.github.ancmdiag.benchmarks.Engine;
import io.github.ancmdiag.benchmarks.TemplateSyntax;
import io.github.ancmdiag.benchmarks.TemplateSyntax.Literal;
import io.github.ancmdiag.benchmarks.TemplateSyntax.Part;
import io.github.ancmdiag.rules.Catalog;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.ahocorasick.trie.PayloadTrie;

/**
 * What a careful user would build from off-the-shelf parts: an Aho-Corasick automaton ({@code
 * org.ahocorasick}) over one literal of each template finds the templates that could occur in a
 * line in one pass, and {@code java.util.regex} (the patterns of {@link JdkRegexEach}) confirms
 * only those.
 *
 * <p>The literal of a template is its longest run of non-white-space characters outside the
 * captures (for {@code Application '{appId:APP_ID}' with physical root '{physicalRoot:PATH}'
 * failed to start process} it is {@code Application}). Runs are also cut at quotes, dashes,
 * {@code &}, {@code <}, {@code >} and backslashes, which a text may spell otherwise (typographic
 * quotes, HTML entities). Not a run with spaces: the patterns accept any white space, or none, where a template has a
 * space, so only a space-free run is certain to appear verbatim in every match. Matched
 * case-insensitively ({@code ignoreCase()}), as the patterns are. Templates that share a literal
 * share a keyword, whose payload lists them all.
 *
 * <p>Not thread-safe: the matchers are made once and reset per line.
 */
public final class AhoCorasickRegex implements Engine {
  private final PayloadTrie<int[]> trie;
  private final Matcher[] each;
  private final List<Set<String>> entryIds;
  private final List<String> literals;
  private final boolean[] candidate;
  private final int[] candidates;

  /**
   * Builds the automaton over one literal per template and compiles the confirmation patterns.
   *
   * @param catalog the catalog
   */
  public AhoCorasickRegex(Catalog catalog) {
    Map<String, Set<String>> byTemplate = TemplateSyntax.entriesByTemplate(catalog);
    int flags = Pattern.CASE_INSENSITIVE | Pattern.DOTALL;
    this.each = new Matcher[byTemplate.size()];
    this.entryIds = new ArrayList<>(byTemplate.size());
    this.literals = new ArrayList<>(byTemplate.size());
    Map<String, List<Integer>> byKeyword = new LinkedHashMap<>();
    int i = 0;
    for (Map.Entry<String, Set<String>> e : byTemplate.entrySet()) {
      String literal = longestLiteral(e.getKey());
      literals.add(literal);
      byKeyword.computeIfAbsent(literal.toLowerCase(Locale.ROOT), k -> new ArrayList<>()).add(i);
      each[i] = Pattern.compile(JdkRegexEach.toRegex(e.getKey()), flags).matcher("");
      entryIds.add(e.getValue());
      i++;
    }
    PayloadTrie.PayloadTrieBuilder<int[]> builder = PayloadTrie.<int[]>builder().ignoreCase();
    byKeyword.forEach((k, ts) ->
        builder.addKeyword(k, ts.stream().mapToInt(Integer::intValue).toArray()));
    this.trie = builder.build();
    this.candidate = new boolean[each.length];
    this.candidates = new int[each.length];
  }

  @Override
  public Set<String> classify(String line) {
    int[] count = {0};
    trie.parseText(line, emit -> {
      for (int t : emit.getPayload()) {
        if (!candidate[t]) {
          candidate[t] = true;
          candidates[count[0]++] = t;
        }
      }
      return true;
    });
    if (count[0] == 0) {
      return Set.of();
    }
    Arrays.sort(candidates, 0, count[0]);
    Set<String> found = null;
    for (int c = 0; c < count[0]; c++) {
      int t = candidates[c];
      candidate[t] = false;
      if (each[t].reset(line).find()) {
        if (found == null) {
          found = new LinkedHashSet<>();
        }
        found.addAll(entryIds.get(t));
      }
    }
    return found == null ? Set.of() : found;
  }

  /**
   * Returns the literal chosen for each template, in catalog order, for reports.
   *
   * @return one literal per distinct template
   */
  public List<String> literals() {
    return List.copyOf(literals);
  }

  /**
   * Returns the longest run of characters in a template's literal text that every match holds
   * verbatim: no white space, quote, dash, {@code &}, {@code <}, {@code >} or backslash.
   *
   * @param template the catalog template
   * @return the run; the first of equal length
   * @throws IllegalArgumentException if the template has no literal character
   */
  public static String longestLiteral(String template) {
    String best = "";
    List<Part> parts = TemplateSyntax.parse(template);
    for (int i = 0; i < parts.size(); i++) {
      if (parts.get(i) instanceof Literal) {
        String text = ((Literal) parts.get(i)).text();
        if (i == parts.size() - 1 && i > 0) {
          text = text.substring(0, JdkRegexEach.optionalTail(text)); // not required: no literal
        }
        for (String run : text.split("[\\s\\u00A0'\"&<>\\\\-]+")) {
          if (run.length() > best.length()) {
            best = run;
          }
        }
      }
    }
    if (best.isEmpty()) {
      throw new IllegalArgumentException("template has no literal text: " + template);
    }
    return best;
  }
}
