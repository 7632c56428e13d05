package io.github.ancmdiag.internal.match;

import io.github.ancmdiag.internal.template.Template;
import io.github.ancmdiag.internal.text.Normalized;
import io.github.ancmdiag.internal.text.TextNormalizer;
import java.util.List;
import java.util.Optional;

/**
 * Matches every template of a catalog against a text in one pass. Built once by the {@code
 * Diagnoser} and shared by all threads. The working state of a call is either made for it ({@link
 * #match(CharSequence)}, {@link #matchAll(CharSequence)}), passed in as a {@link Scratch} that one
 * thread reuses, or borrowed from a small pool ({@link #borrowScratch()}).
 *
 * <p>How it works: the anchors (literal runs of {@link Template#MIN_ANCHOR} or more folded
 * characters) of all templates are compiled into one Aho-Corasick automaton ({@link Automaton},
 * built by {@link AutomatonBuilder}). {@link #scan} first runs it over the raw text ({@link
 * Prefilter}) and tells whether some template has anchors enough for a full or a truncated match;
 * most texts are rejected there, in one pass, without a copy. Only then is the text folded and
 * matched ({@link ChainMatcher}): each anchor occurrence advances chains of anchors in template
 * order, the text between anchors checked in place against the captures and short literals between
 * them ({@link ItemMatcher}). Working state lives in a {@link Scratch}, pooled by {@link
 * ScratchPool}.
 */
public final class CompiledMatcher {
  /** {@link #scan} result: no template can match and no keyword occurs. */
  public static final int NONE = 0;
  /** {@link #scan} result bit: one of the keywords occurs in the folded text. */
  public static final int KEYWORD = 1;
  /** {@link #scan} result bit: a template may match; {@link #match} tells. */
  public static final int MAY_MATCH = 2;

  private final Automaton automaton;
  private final ScratchPool pool;
  private final Prefilter prefilter;

  /**
   * Compiles templates.
   *
   * @param templates the templates; a hit names a template by its index in this list
   */
  public CompiledMatcher(List<Template> templates) {
    this(templates, List.of());
  }

  /**
   * Compiles templates and keywords.
   *
   * @param templates the templates; a hit names a template by its index in this list
   * @param keywords folded literals whose presence {@link #scan} reports as {@link #KEYWORD}
   */
  public CompiledMatcher(List<Template> templates, List<String> keywords) {
    this.automaton = AutomatonBuilder.build(templates, keywords);
    this.pool = new ScratchPool(this);
    this.prefilter = new Prefilter(automaton, pool);
  }

  /**
   * Returns the number of automaton states, a measure of the compiled size.
   *
   * @return the state count
   */
  public int stateCount() {
    return automaton.stateCount();
  }

  /**
   * Returns new working state for {@link #scan}, to reuse across calls on one thread.
   *
   * @return working state sized for this matcher
   */
  public Scratch newScratch() {
    return new Scratch(this);
  }

  /**
   * Takes working state from this matcher's small pool, for a caller without a scratch of its
   * own (such as {@code Diagnoser.classify}, which many threads call at once); give it back with
   * {@link #release}. Never blocks: when the pool has none at hand, a new scratch is made.
   *
   * @return working state for one call, owned by the caller until released
   */
  public Scratch borrowScratch() {
    return pool.borrow();
  }

  /**
   * Returns working state taken with {@link #borrowScratch()}; the caller must not use it again.
   *
   * @param scratch the working state, clean (every scan resets it)
   */
  public void release(Scratch scratch) {
    pool.release(scratch);
  }

  /**
   * Reads a raw text once, folding each character on the fly (one table lookup), and tells
   * whether any template may match it and whether any keyword occurs in it. Allocates nothing
   * when {@code scratch} is given; without one, a string long enough for two lanes, or a text
   * that holds a pattern or a special character, borrows working state from the pool ({@link
   * #borrowScratch()}) and gives it back.
   *
   * <p>A template may match only when the text holds enough of its anchors for a full or a
   * truncated hit; {@link #NONE} is final. A text with an HTML entity or an ellipsis (which only
   * the full normalizer folds) always gets {@link #MAY_MATCH} | {@link #KEYWORD}.
   *
   * @param text the raw text
   * @param scratch working state from {@link #newScratch()} of this matcher, or null
   * @return {@link #NONE}, or a combination of {@link #KEYWORD} and {@link #MAY_MATCH}
   */
  public int scan(CharSequence text, Scratch scratch) {
    if (scratch != null && scratch.owner != this) {
      throw new IllegalArgumentException("the scratch belongs to another matcher");
    }
    return prefilter.scan(text, scratch);
  }

  /**
   * Tells, in one pass and without allocating, whether a text may contain any template. A false
   * answer is final; a true answer needs {@link #match(CharSequence)}.
   *
   * @param text the raw text
   * @return false when the text holds too few anchors of every template for a hit
   */
  public boolean mayMatch(CharSequence text) {
    return (scan(text, null) & MAY_MATCH) != 0;
  }

  /**
   * Finds every template in a text.
   *
   * @param text the raw text
   * @return the hits, in order of their end; empty when nothing matches
   */
  public List<Hit> match(CharSequence text) {
    if (!mayMatch(text)) {
      return List.of();
    }
    return matchAll(text);
  }

  /**
   * Finds every template in a text without the {@link #scan} first, for a caller that scanned.
   *
   * @param text the raw text
   * @return the hits, in order of their end; empty when nothing matches
   */
  public List<Hit> matchAll(CharSequence text) {
    return new ChainMatcher(automaton).run(TextNormalizer.normalize(text));
  }

  /**
   * {@link #matchAll(CharSequence)} with reused working state: the folded copy of the text and
   * the per-template chains live in {@code scratch}, so a text costs in proportion to its length
   * and the templates it touches. The hits read the folded copy, so they are valid only until the
   * next call with the same scratch.
   *
   * @param text the raw text
   * @param scratch working state from {@link #newScratch()} of this matcher
   * @return the hits, in order of their end; empty when nothing matches
   */
  public List<Hit> matchAll(CharSequence text, Scratch scratch) {
    if (scratch.owner != this) {
      throw new IllegalArgumentException("the scratch belongs to another matcher");
    }
    if (scratch.run == null) {
      scratch.run = new ChainMatcher(automaton);
    }
    return scratch.run.run(ScratchPool.normalizeInto(scratch, text));
  }

  /**
   * The working state of one thread's calls: the prefilter's tally of which anchors of which
   * templates a text holds ({@link Prefilter} writes and resets it), and the full match's chains
   * and folded copy, made on first use. Not thread-safe; reused across calls, it makes scanning
   * allocation-free.
   */
  public static final class Scratch {
    final CompiledMatcher owner;
    /** Per slot: whether the text holds that template anchor. */
    final boolean[] seen;
    /** Per template: the anchor characters seen. */
    final int[] chars;
    /** The templates with {@link #chars}, to reset. */
    final int[] touched;
    int touchedCount;
    /** The result bits ({@link CompiledMatcher#KEYWORD}) the scan has found so far. */
    int flags;
    /** The reused state of {@link #matchAll(CharSequence, Scratch)}, made on first use. */
    ChainMatcher run;
    Normalized normalized;

    private Scratch(CompiledMatcher m) {
      this.owner = m;
      this.seen = new boolean[m.automaton.slotCount];
      this.chars = new int[m.automaton.templates.length];
      this.touched = new int[m.automaton.templates.length];
    }

    /** The folded characters this scratch keeps room for. */
    int retainedChars() {
      return normalized == null ? 0 : normalized.chars().length;
    }
  }

  /** One template found in a text. Positions are in folded characters. */
  public static final class Hit {
    private final int template;
    private final Normalized text;
    private final int start;
    private final int end;
    private final double completeness;
    private final int[] spans;

    Hit(int template, Normalized text, int start, int end, double completeness, int[] spans) {
      this.template = template;
      this.text = text;
      this.start = start;
      this.end = end;
      this.completeness = completeness;
      this.spans = spans;
    }

    /**
     * Returns the index of the template matched.
     *
     * @return the index in the matcher's list
     */
    public int template() {
      return template;
    }

    /**
     * Returns 1 for a full match, less for a truncated one: the share of the template seen.
     *
     * @return the completeness, in (0, 1]
     */
    public double completeness() {
      return completeness;
    }

    /**
     * Returns the span of the match in the original text, as {@code {start, end}}.
     *
     * @return the start and end index
     */
    public int[] originalSpan() {
      return text.originalSpan(start, end);
    }

    /**
     * Returns the original text of the match, white space collapsed.
     *
     * @return the text
     */
    public String matchedText() {
      return text.originalText(start, end);
    }

    /**
     * Returns the value of a capture, taken from the original text.
     *
     * @param ordinal the capture's position among the template's captures
     * @return the value, or empty when the capture was not seen (truncated match)
     */
    public Optional<String> capture(int ordinal) {
      int s = spans[2 * ordinal];
      if (s < 0) {
        return Optional.empty();
      }
      String v = text.originalText(s, spans[2 * ordinal + 1]);
      return v.isEmpty() ? Optional.empty() : Optional.of(v);
    }
  }
}
