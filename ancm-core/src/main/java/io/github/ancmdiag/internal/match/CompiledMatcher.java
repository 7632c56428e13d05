package io.github.ancmdiag.internal.match;

import io.github.ancmdiag.internal.text.Normalized;
import io.github.ancmdiag.internal.text.TextNormalizer;
import io.github.ancmdiag.model.CaptureType;
import io.github.ancmdiag.model.HResult;
import java.nio.CharBuffer;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.atomic.AtomicReferenceArray;

/**
 * Matches every template of a catalog against a text in one pass. Built once by the {@code
 * Diagnoser} and shared by all threads. The working state of a call is either made for it ({@link
 * #match(CharSequence)}, {@link #matchAll(CharSequence)}), passed in as a {@link Scratch} that one
 * thread reuses, or borrowed from a small pool ({@link #borrowScratch()}).
 *
 * <p>How it works: the anchors (literal runs of {@link Template#MIN_ANCHOR} or more folded
 * characters) of all templates are compiled into one Aho-Corasick automaton (Aho and Corasick,
 * "Efficient string matching", CACM 1975), stored as a dense transition table over the alphabet of
 * anchor characters, so the text is read once, one table lookup per character. Each anchor
 * occurrence advances, for every template containing that anchor, a chain of anchors in template
 * order; the text between consecutive anchors is checked in place against the captures and short
 * literals between them (each capture's character class and length bound keep this linear). Per
 * template and anchor only the most useful chain is kept (the one covering most template text,
 * ties going to the latest, whose gap is shortest), so the work per occurrence is constant. A chain
 * through all anchors, whose leading and trailing parts also check, is a full match; a chain
 * through a long enough part of the template that stops where the text or its line stops is a
 * truncated match, reported with its completeness. Templates that share the items between two
 * anchors (every {@code Application '{appId}' with physical root} message) have that gap checked
 * once per text and position, and templates that open with the same anchor read their first
 * chain link from that anchor's latest occurrence, written once, not once per template.
 *
 * <p>Before any of that, {@link #scan} runs the same automaton over the raw text: one lookup in a
 * table that folds and classifies each character at once (white space is a class that keeps the
 * state), one in the transition table, whose entries are negative only where the automaton
 * reaches a pattern or meets a character that needs a look (an entity's {@code &}, the ellipsis).
 * Each anchor found adds its length to its templates' tally; the text is normalized and matched
 * only when some template has anchors enough for a full or a truncated match. So most texts,
 * including those sharing a few words with a template, are rejected after that one pass, without
 * a copy and, given a {@link Scratch}, without allocating. The same pass reports keywords, such as
 * the words that make a number an HTTP status. A string long enough is walked in two lanes side
 * by side, the second starting at the middle, so that the table lookups of the two overlap
 * instead of each waiting for the one before; the first goes on past the middle only as long as
 * its state still holds characters from before it. The full match runs that same table over the
 * folded copy, whose characters fold to themselves.
 */
public final class CompiledMatcher {
  static final int MISMATCH = -1;
  static final int NEED_MORE = -2;
  static final int NEW_LINE_DIFFERS = Integer.MIN_VALUE;

  /** Share of a template's anchor text a truncated match must cover. */
  static final double MIN_PREFIX_COVERAGE = 0.5;
  /** Share a match must cover when its beginning is missing too. */
  static final double MIN_SUFFIX_COVERAGE = 0.6;
  /** Fewest folded anchor characters a truncated match must cover. */
  static final int MIN_PARTIAL_CHARS = 14;

  /** Folded characters a reused scratch keeps room for between texts; more is let go. */
  static final int KEEP_CHARS = 1 << 16;

  /** Entries of a run's table of gap checks ({@code Run#gap}); a power of two. */
  private static final int MEMO = 1 << 10;

  /** {@link #scan} result: no template can match and no keyword occurs. */
  public static final int NONE = 0;
  /** {@link #scan} result bit: one of the keywords occurs in the folded text. */
  public static final int KEYWORD = 1;
  /** {@link #scan} result bit: a template may match; {@link #match} tells. */
  public static final int MAY_MATCH = 2;

  private final Template[] templates;
  private final int[] slotBase;
  private final int slotCount;
  // Aho-Corasick automaton over the folded text.
  private final char[] classOf;
  private final int[] anchorLength;
  private final int anchorCount;
  // For each anchor: the (template, anchor index) pairs it stands for, highest index first.
  private final int[][] refTemplate;
  private final int[][] refIndex;
  /**
   * The full match's share of those pairs: all but the first anchors of the templates in {@link
   * #sharedFirst}, whose chains the full match starts lazily (see {@code Run#syncFirst}).
   */
  private final int[][] runRefTemplate;
  private final int[][] runRefIndex;
  /**
   * For each anchor: the templates that start with it, have more anchors and hold it nowhere
   * else. Their first slot always holds the anchor's latest occurrence (or nothing since a
   * chain of theirs was disproven or matched), so an occurrence records itself once instead of
   * once per template: {@code Application '} opens dozens of templates.
   */
  private final int[][] sharedFirst;
  /** Per template: the id of its first anchor. */
  private final int[] firstAnchor;
  /** Per template: whether it is in {@link #sharedFirst}. */
  private final boolean[] lazyFirst;
  // The same automaton over raw characters, see scan().
  private final char[] rawClass;
  private final int stride;
  private final int[] trans;
  /**
   * Per state of {@code trans} (its row index divided by the stride): its outputs, anchors by id
   * and keywords as {@code ~index}, or null.
   */
  private final int[][] rawOutputs;
  private final int specialClass;
  /**
   * Strings and array-backed {@link CharBuffer}s at least this long are walked in two lanes (see
   * {@link #scan}).
   */
  private static final int TWO_LANES = 64;
  /** The class of characters that folding drops (white space): the state stays as it is. */
  private final int dropClass;
  /**
   * Per state (row index divided by the stride): its depth, the folded characters of the pattern
   * prefix it stands for. The state after a text depends on its last {@code depth} characters only.
   */
  private final int[] rowDepth;
  /**
   * Per slot (template anchor) after the first (the first's entry is unused): an id for the items
   * between the anchor before and this one, equal for equal items, so that templates sharing a
   * gap (the {@code '{appId}'} of every {@code Application '...'} message) have it checked once
   * per text and position.
   */
  private final int[] gapOf;
  /**
   * Per slot after the first: the fewest and the most folded characters the items between the
   * anchor before and this one can fill (at {@code 2 * slot} and {@code 2 * slot + 1}), so that a
   * gap of any other length is refused without reading it.
   */
  private final int[] gapLength;
  /** Per template: the fewest anchor characters a text must hold for any hit, full or cut. */
  private final int[] needChars;
  /** The keywords, folded. */
  private final char[][] keywordText;
  /** Spare working state for callers without their own; see {@link #borrowScratch()}. */
  /**
   * The pool's slots are this many references apart (128 bytes or more), and the first one
   * past the array's header: two threads that borrow and release at once never write the same
   * cache line (nor its neighbour, which Intel cores fetch in pairs).
   */
  private static final int SLOT_STRIDE = 32;
  private static final int POOL_SLOTS = poolSize();
  private final AtomicReferenceArray<Scratch> pool =
      new AtomicReferenceArray<>((POOL_SLOTS + 1) * SLOT_STRIDE);

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
    this.templates = templates.toArray(new Template[0]);
    this.slotBase = new int[this.templates.length];
    this.needChars = new int[this.templates.length];
    int slots = 0;
    Map<String, Integer> anchorIds = new LinkedHashMap<>();
    Map<Integer, List<int[]>> refs = new HashMap<>();
    for (int t = 0; t < this.templates.length; t++) {
      Template tpl = this.templates[t];
      slotBase[t] = slots;
      slots += tpl.anchorCount();
      for (int k = 0; k < tpl.anchorCount(); k++) {
        String a = tpl.anchor(k).text();
        int id = anchorIds.computeIfAbsent(a, x -> anchorIds.size());
        refs.computeIfAbsent(id, x -> new ArrayList<>()).add(new int[] {t, k});
      }
      // A full hit needs every anchor; a cut one a chain of anchors covering MIN_PARTIAL_CHARS
      // and half of the template (see addTruncated). Rounded down: a necessary condition.
      double denom = tpl.anchorChars() + 6.0 * tpl.constraintCount();
      int partial = Math.max(MIN_PARTIAL_CHARS,
          (int) Math.floor(Math.min(MIN_PREFIX_COVERAGE, MIN_SUFFIX_COVERAGE) * denom));
      needChars[t] = Math.min(tpl.anchorChars(), partial);
    }
    this.slotCount = slots;
    this.gapOf = gapIds(this.templates, slotBase, slots);
    this.gapLength = gapLengths(this.templates, slotBase, slots);
    this.anchorCount = anchorIds.size();
    // Keywords are further patterns of the automaton that stand for no template.
    Map<String, Integer> patternIds = new LinkedHashMap<>(anchorIds);
    List<Integer> keywordIds = new ArrayList<>();
    for (String k : keywords) {
      if (k.isEmpty()) {
        throw new IllegalArgumentException("a keyword is empty");
      }
      keywordIds.add(patternIds.computeIfAbsent(k, x -> patternIds.size()));
    }
    int patterns = patternIds.size();
    int[] keyword = new int[patterns];
    Arrays.fill(keyword, -1);
    this.keywordText = new char[keywordIds.size()][];
    for (int k = 0; k < keywordIds.size(); k++) {
      keyword[keywordIds.get(k)] = k;
      keywordText[k] = keywords.get(k).toCharArray();
    }
    this.anchorLength = new int[anchorCount];
    this.refTemplate = new int[patterns][];
    this.refIndex = new int[patterns][];
    List<String> patternTexts = new ArrayList<>(patternIds.keySet());
    for (int id = 0; id < patterns; id++) {
      if (id < anchorCount) {
        anchorLength[id] = patternTexts.get(id).length();
      }
      List<int[]> r = refs.getOrDefault(id, new ArrayList<>());
      r.sort((x, y) -> Integer.compare(y[1], x[1]));
      refTemplate[id] = r.stream().mapToInt(x -> x[0]).toArray();
      refIndex[id] = r.stream().mapToInt(x -> x[1]).toArray();
    }
    // Templates whose first anchor is theirs only once (and not their only one) start chains
    // lazily in the full match.
    this.firstAnchor = new int[this.templates.length];
    this.lazyFirst = new boolean[this.templates.length];
    for (int t = 0; t < this.templates.length; t++) {
      Template tpl = this.templates[t];
      String first = tpl.anchor(0).text();
      firstAnchor[t] = anchorIds.get(first);
      boolean once = tpl.anchorCount() > 1;
      for (int k = 1; k < tpl.anchorCount() && once; k++) {
        once = !tpl.anchor(k).text().equals(first);
      }
      lazyFirst[t] = once;
    }
    this.runRefTemplate = new int[patterns][];
    this.runRefIndex = new int[patterns][];
    this.sharedFirst = new int[patterns][];
    for (int id = 0; id < patterns; id++) {
      List<Integer> eagerT = new ArrayList<>();
      List<Integer> eagerK = new ArrayList<>();
      List<Integer> lazy = new ArrayList<>();
      for (int r = 0; r < refTemplate[id].length; r++) {
        int t = refTemplate[id][r];
        if (refIndex[id][r] == 0 && lazyFirst[t]) {
          lazy.add(t);
        } else {
          eagerT.add(t);
          eagerK.add(refIndex[id][r]);
        }
      }
      runRefTemplate[id] = eagerT.stream().mapToInt(Integer::intValue).toArray();
      runRefIndex[id] = eagerK.stream().mapToInt(Integer::intValue).toArray();
      sharedFirst[id] = lazy.stream().mapToInt(Integer::intValue).toArray();
    }
    // Alphabet: one class per distinct pattern character, class 0 for every other character.
    this.classOf = new char[65536];
    int cls = 1;
    for (String a : patternTexts) {
      for (int i = 0; i < a.length(); i++) {
        char c = a.charAt(i);
        if (classOf[c] == 0) {
          classOf[c] = (char) cls++;
        }
      }
    }
    int classes = cls;
    // Trie.
    List<int[]> go = new ArrayList<>();
    List<List<Integer>> out = new ArrayList<>();
    List<Integer> nodeDepth = new ArrayList<>();
    go.add(new int[classes]);
    out.add(new ArrayList<>());
    nodeDepth.add(0);
    for (int id = 0; id < patterns; id++) {
      String a = patternTexts.get(id);
      int s = 0;
      for (int i = 0; i < a.length(); i++) {
        int c = classOf[a.charAt(i)];
        if (go.get(s)[c] == 0) {
          go.get(s)[c] = go.size();
          go.add(new int[classes]);
          out.add(new ArrayList<>());
          nodeDepth.add(i + 1);
        }
        s = go.get(s)[c];
      }
      out.get(s).add(id);
    }
    int states = go.size();
    int[][] next = go.toArray(new int[0][]);
    // The raw automaton: the fold table and the alphabet in one lookup, a class for dropped
    // characters that stays in its state, and a class for characters that need a look (an entity's
    // '&', the ellipsis, the separators HttpStatus reads as white space but folding keeps).
    this.stride = classes + 2;
    this.dropClass = classes;
    this.specialClass = classes + 1;
    this.rawClass = new char[65536];
    for (int c = 0; c < 65536; c++) {
      char f = TextNormalizer.fold((char) c);
      rawClass[c] = f == TextNormalizer.DROP ? (char) dropClass : classOf[f];
    }
    for (char c : SPECIAL.toCharArray()) {
      rawClass[c] = (char) specialClass;
    }
    // One breadth-first pass builds the Aho-Corasick automaton straight into its table: states are
    // numbered in the order the pass meets them, so the shallow ones a text is in most of the
    // time share cache lines, and a state's failure state, being shallower, is complete when the
    // state is reached. An entry is the next state's row, negative when that state has outputs.
    int[] order = new int[states];
    int[] rowOf = new int[states];
    int[] fail = new int[states];
    boolean[] hasOutputs = new boolean[states];
    this.rawOutputs = new int[states][];
    this.trans = new int[states * stride];
    this.rowDepth = new int[states];
    int tail = 1;
    for (int head = 0; head < tail; head++) {
      int s = order[head];
      int row = head * stride;
      rowDepth[head] = nodeDepth.get(s);
      if (s != 0) {
        out.get(s).addAll(out.get(fail[s]));
      }
      rawOutputs[head] = outputsOf(out.get(s), keyword);
      int failRow = rowOf[fail[s]];
      for (int c = 0; c < classes; c++) {
        int child = c == 0 ? 0 : next[s][c];
        int entry;
        if (child != 0) {
          int f = s == 0 ? 0 : order[unsigned(trans[failRow + c]) / stride];
          fail[child] = f;
          hasOutputs[child] = !out.get(child).isEmpty() || hasOutputs[f];
          rowOf[child] = tail * stride;
          order[tail++] = child;
          entry = hasOutputs[child] ? ~rowOf[child] : rowOf[child];
        } else {
          entry = s == 0 ? 0 : trans[failRow + c];
        }
        trans[row + c] = entry;
      }
      trans[row + dropClass] = row;
      trans[row + specialClass] = ~row;
    }
  }

  /** Numbers the gaps between consecutive anchors of every template, equal items alike. */
  private static int[] gapIds(Template[] templates, int[] slotBase, int slots) {
    int[] ids = new int[slots];
    Map<String, Integer> known = new HashMap<>();
    for (int t = 0; t < templates.length; t++) {
      Template tpl = templates[t];
      for (int k = 1; k < tpl.anchorCount(); k++) {
        StringBuilder key = new StringBuilder();
        for (int i = tpl.anchorItem(k - 1) + 1; i < tpl.anchorItem(k); i++) {
          Template.Item it = tpl.items().get(i);
          if (it instanceof Template.Literal) {
            key.append('L').append(((Template.Literal) it).chars);
          } else {
            Template.Capture c = (Template.Capture) it;
            key.append('C').append(c.type).append('/').append(c.op).append('/')
                .append(c.foldedValue).append('/').append(c.number).append('/').append(c.hresult);
          }
          key.append('\u0000');
        }
        ids[slotBase[t] + k] = known.computeIfAbsent(key.toString(), x -> known.size());
      }
    }
    return ids;
  }

  /**
   * The length bounds of every gap ({@link #gapLength}): a literal fills exactly its length, a
   * capture at least one character (none for text) and at most its type's maximum, as
   * {@code Run#forward} checks them.
   */
  private static int[] gapLengths(Template[] templates, int[] slotBase, int slots) {
    int[] bounds = new int[2 * slots];
    for (int t = 0; t < templates.length; t++) {
      Template tpl = templates[t];
      for (int k = 1; k < tpl.anchorCount(); k++) {
        int min = 0;
        int max = 0;
        for (int i = tpl.anchorItem(k - 1) + 1; i < tpl.anchorItem(k); i++) {
          Template.Item it = tpl.items().get(i);
          if (it instanceof Template.Literal) {
            int len = ((Template.Literal) it).chars.length;
            min += len;
            max += len;
          } else {
            CaptureType type = ((Template.Capture) it).type;
            min += type == CaptureType.TEXT ? 0 : 1;
            max += type.maxLength();
          }
        }
        bounds[2 * (slotBase[t] + k)] = min;
        bounds[2 * (slotBase[t] + k) + 1] = max;
      }
    }
    return bounds;
  }

  /** A transition table entry's row, whether or not it is marked as having outputs. */
  private static int unsigned(int entry) {
    return entry < 0 ? ~entry : entry;
  }

  /** The outputs of a state: anchors by id, keywords as {@code ~index}; null when none. */
  private int[] outputsOf(List<Integer> patterns, int[] keyword) {
    if (patterns.isEmpty()) {
      return null;
    }
    List<Integer> found = new ArrayList<>();
    for (int id : patterns) {
      if (id < anchorCount) {
        found.add(id);
      }
      if (keyword[id] >= 0) {
        found.add(~keyword[id]);
      }
    }
    return found.stream().mapToInt(Integer::intValue).toArray();
  }

  /** Raw characters {@link #scan} looks at closely; see the constructor. */
  private static final String SPECIAL = "&\u2026\u001C\u001D\u001E\u001F";

  /**
   * Returns the number of automaton states, a measure of the compiled size.
   *
   * @return the state count
   */
  public int stateCount() {
    return rawOutputs.length;
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
   * {@link #release}. The pool has a few slots chosen by thread, so threads seldom meet on one;
   * when a slot is empty a new scratch is made, so this never blocks.
   *
   * @return working state for one call, owned by the caller until released
   */
  public Scratch borrowScratch() {
    Scratch s = pool.getAndSet(poolSlot(), null);
    return s != null ? s : new Scratch(this);
  }

  /**
   * Returns working state taken with {@link #borrowScratch()}; the caller must not use it again.
   *
   * @param scratch the working state, clean (every scan resets it)
   */
  public void release(Scratch scratch) {
    scratch.trim();
    pool.lazySet(poolSlot(), scratch);
  }

  private int poolSlot() {
    return (((int) Thread.currentThread().getId() & (POOL_SLOTS - 1)) + 1) * SLOT_STRIDE;
  }

  private static int poolSize() {
    int size = Integer.highestOneBit(Math.max(1, Runtime.getRuntime().availableProcessors()) * 2);
    return Math.min(64, size * 2);
  }

  /**
   * The working state of {@link #scan}: which anchors of which templates a text holds. Not
   * thread-safe; reused across calls, it makes scanning allocation-free.
   */
  public static final class Scratch {
    private final CompiledMatcher owner;
    private final boolean[] seen;
    private final int[] chars;
    private final int[] touched;
    private int touchedCount;
    /**
     * The result bits ({@link CompiledMatcher#KEYWORD}) that {@link CompiledMatcher#scan} has
     * found so far.
     */
    private int flags;
    /** The reused state of {@link #matchAll(CharSequence, Scratch)}, made on first use. */
    private Run run;
    private Normalized normalized;

    /**
     * Lets go of the last text and, when it was long, of its folded copy: a scratch kept in a
     * pool or a classifier must not hold a huge record once it is done with it.
     */
    private void trim() {
      if (normalized != null && normalized.chars().length > KEEP_CHARS) {
        normalized = null;
      }
      if (normalized != null) {
        normalized = TextNormalizer.normalize("", normalized);
      }
      if (run != null) {
        run.forget();
      }
    }

    /** The folded characters this scratch keeps room for, for tests. */
    int retainedChars() {
      return normalized == null ? 0 : normalized.chars().length;
    }

    private Scratch(CompiledMatcher m) {
      this.owner = m;
      this.seen = new boolean[m.slotCount];
      this.chars = new int[m.templates.length];
      this.touched = new int[m.templates.length];
    }

    /** Counts an anchor; returns true when some template it belongs to has enough anchors. */
    private boolean add(CompiledMatcher m, int anchor) {
      int[] ts = m.refTemplate[anchor];
      int[] ks = m.refIndex[anchor];
      boolean enough = false;
      for (int r = 0; r < ts.length; r++) {
        int t = ts[r];
        int slot = m.slotBase[t] + ks[r];
        if (seen[slot]) {
          continue;
        }
        seen[slot] = true;
        if (chars[t] == 0) {
          touched[touchedCount++] = t;
        }
        chars[t] += m.anchorLength[anchor];
        enough |= chars[t] >= m.needChars[t];
      }
      return enough;
    }

    private void reset(CompiledMatcher m) {
      for (int i = 0; i < touchedCount; i++) {
        int t = touched[i];
        chars[t] = 0;
        int base = m.slotBase[t];
        Arrays.fill(seen, base, base + m.templates[t].anchorCount(), false);
      }
      touchedCount = 0;
      flags = NONE;
    }
  }

  /**
   * Reads a raw text once, folding each character on the fly (one table lookup), and tells
   * whether any template may match it and whether any keyword occurs in it. Allocates nothing
   * when {@code scratch} is given; without one, a string (or a {@link CharBuffer} over an array,
   * walked in its array) long enough for two lanes, or a text
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
    Scratch work = scratch;
    boolean borrowed = false;
    int n = text.length();
    String string = text instanceof String ? (String) text : null;
    // A reader's view over its decoded buffer is walked in that array, as fast as a string.
    char[] array = string == null && text instanceof CharBuffer cb && cb.hasArray()
        ? cb.array() : null;
    int offset = array != null ? ((CharBuffer) text).arrayOffset()
        + ((CharBuffer) text).position() : 0;
    try {
      int i = 0;
      int s = 0;
      if ((string != null || array != null) && n >= TWO_LANES) {
        if (work == null) {
          work = borrowScratch(); // given back below: no allocation without a scratch
          borrowed = true;
        }
        // Two lanes side by side, each from the start state at its half of the string: each
        // step of one waits for its own table lookup only, so their lookups overlap. The second
        // lane then finishes alone below. (Four lanes were slower: RESULTS.md.)
        long lanes = string != null ? twoLanes(string, work)
            : twoLanes(array, offset, text, work);
        if (lanes == DECIDED) {
          return MAY_MATCH | KEYWORD;
        }
        i = (int) (lanes >>> 32);
        s = (int) lanes;
      }
      while (i < n) {
        long stop = string != null ? runString(string, i, s)
            : array != null ? runArray(array, offset, n, i, s) : runChars(text, i, s);
        if (stop < 0) {
          return work == null ? NONE : work.flags;
        }
        i = (int) (stop >>> 32);
        if (work == null) {
          work = borrowScratch(); // given back below: no allocation without a scratch
          borrowed = true;
        }
        s = onStop(text, i++, (int) stop, work);
        if (s < 0) {
          return MAY_MATCH | KEYWORD;
        }
      }
      return work == null ? NONE : work.flags;
    } finally {
      if (work != null) {
        work.reset(this);
        if (borrowed) {
          release(work);
        }
      }
    }
  }

  /**
   * The two-lane walk of {@link #scan}: the halves of {@code text} side by side, then the first
   * lane past the middle ({@link #handOver}). Returns where the second lane stands (high half)
   * and its state (low half), or {@link #DECIDED}.
   */
  private long twoLanes(String text, Scratch work) {
    final char[] cls = rawClass;
    final int[] tr = trans;
    int mid = text.length() >>> 1;
    int b = mid;
    int sa = 0;
    int sb = 0;
    for (int a = 0; a < mid; a++, b++) {
      int ta = tr[sa + cls[text.charAt(a)]];
      int tb = tr[sb + cls[text.charAt(b)]];
      if ((ta | tb) < 0) {
        if (ta < 0 && (ta = onStop(text, a, ~ta, work)) < 0) {
          return DECIDED;
        }
        if (tb < 0 && (tb = onStop(text, b, ~tb, work)) < 0) {
          return DECIDED;
        }
      }
      sa = ta;
      sb = tb;
    }
    if (!handOver(text, mid, sa, work)) {
      return DECIDED;
    }
    return ((long) b << 32) | sb;
  }

  /**
   * Goes on with a lane that ended at {@code from} in state {@code state}. The next lane, which
   * started there in the start state, misses the occurrences that begin before {@code from};
   * this lane finds them, going on as long as its state stands for more folded characters than
   * it has read past {@code from}. Then it is in the next lane's state (a state depends on its
   * last depth characters only) and stops. An occurrence both lanes see is counted once ({@link
   * Scratch#add} keeps one per template anchor). Returns false when the scan is decided.
   */
  private boolean handOver(String text, int from, int state, Scratch work) {
    int s = state;
    int past = 0;
    for (int i = from; i < text.length() && rowDepth[s / stride] > past; i++) {
      char c = text.charAt(i);
      int t = trans[s + rawClass[c]];
      if (t < 0 && (t = onStop(text, i, ~t, work)) < 0) {
        return false;
      }
      if (rawClass[c] != dropClass) {
        past++;
      }
      s = t;
    }
    return true;
  }

  /**
   * {@link #twoLanes(String, Scratch)} over {@code text}, a view of {@code a} from {@code off}
   * (a reader's decoded buffer): the same walk, reading the array.
   */
  private long twoLanes(char[] a, int off, CharSequence text, Scratch work) {
    final char[] cls = rawClass;
    final int[] tr = trans;
    int mid = text.length() >>> 1;
    int b = mid;
    int sa = 0;
    int sb = 0;
    for (int x = 0; x < mid; x++, b++) {
      int ta = tr[sa + cls[a[off + x]]];
      int tb = tr[sb + cls[a[off + b]]];
      if ((ta | tb) < 0) {
        if (ta < 0 && (ta = onStop(text, x, ~ta, work)) < 0) {
          return DECIDED;
        }
        if (tb < 0 && (tb = onStop(text, b, ~tb, work)) < 0) {
          return DECIDED;
        }
      }
      sa = ta;
      sb = tb;
    }
    if (!handOver(a, off, text, mid, sa, work)) {
      return DECIDED;
    }
    return ((long) b << 32) | sb;
  }

  /** {@link #handOver(String, int, int, Scratch)} reading the array behind {@code text}. */
  private boolean handOver(char[] a, int off, CharSequence text, int from, int state,
      Scratch work) {
    int s = state;
    int past = 0;
    int n = text.length();
    for (int i = from; i < n && rowDepth[s / stride] > past; i++) {
      char c = a[off + i];
      int t = trans[s + rawClass[c]];
      if (t < 0 && (t = onStop(text, i, ~t, work)) < 0) {
        return false;
      }
      if (rawClass[c] != dropClass) {
        past++;
      }
      s = t;
    }
    return true;
  }

  /** A lane's result when a template may match, so {@link #scan} can answer. */
  private static final long DECIDED = -1;

  /**
   * Handles one stop of a walk of {@link #scan} at raw index {@code i}: a special character
   * (state {@code s} before it) or a state with outputs (state {@code s} after it). Adds the
   * result bits it finds to {@code work}'s; returns the state to go on from, or -1 when a
   * template may match.
   */
  private int onStop(CharSequence text, int i, int s, Scratch work) {
    int state = s;
    char c = text.charAt(i);
    if (rawClass[c] == specialClass) {
      if (c == '\u2026' || (c == '&' && TextNormalizer.isEntityAt(text, i))) {
        return -1; // needs the full normalizer
      }
      if (c != '&') {
        work.flags |= KEYWORD; // white space to HttpStatus, not to folding
      }
      int t = trans[state + classOf[TextNormalizer.fold(c)]];
      if (t >= 0) {
        return t;
      }
      state = ~t;
    }
    for (int id : rawOutputs[state / stride]) {
      if (id < 0) {
        if (startsWord(text, i, keywordText[~id])) {
          work.flags |= KEYWORD;
        }
      } else if (work.add(this, id)) {
        return -1;
      }
    }
    return state;
  }

  /**
   * Tells whether the keyword that ends at raw index {@code last} starts a word: nothing before it
   * but the start of the text or a character that is not a letter, digit, '/' or '.'. This is how
   * {@code HttpStatus} delimits an introducer, and a reason phrase follows white space or a dash,
   * so {@code okhttp/4.1 200} is not a keyword. Folded-away characters (white space) are skipped,
   * as folding skipped them; when the raw text does not spell the keyword, the answer is yes.
   */
  private static boolean startsWord(CharSequence text, int last, char[] keyword) {
    int p = last;
    for (int k = keyword.length - 1; k >= 0; k--) {
      while (p >= 0 && TextNormalizer.fold(text.charAt(p)) == TextNormalizer.DROP) {
        p--;
      }
      if (p < 0 || TextNormalizer.fold(text.charAt(p)) != keyword[k]) {
        return true;
      }
      p--;
    }
    if (p < 0) {
      return true;
    }
    char c = text.charAt(p);
    return !(Character.isLetterOrDigit(c) || c == '/' || c == '.');
  }

  /**
   * The hot loop of {@link #scan}: runs the raw automaton over {@code text} from {@code from} in
   * state {@code s} until a transition that needs a look (into a state with outputs, or on a
   * special character). Returns that character's index in the high and the state (after the
   * transition, or before it for a special character) in the low half, or -1 at the end.
   */
  private long runString(String text, int from, int s) {
    final char[] cls = rawClass;
    final int[] tr = trans;
    int state = s;
    for (int i = from; i < text.length(); i++) {
      int t = tr[state + cls[text.charAt(i)]];
      if (t < 0) {
        return ((long) i << 32) | ~t;
      }
      state = t;
    }
    return -1;
  }

  /** {@link #runString} over {@code a[off..off + n)}, indices relative to {@code off}. */
  private long runArray(char[] a, int off, int n, int from, int s) {
    final char[] cls = rawClass;
    final int[] tr = trans;
    int state = s;
    for (int i = from; i < n; i++) {
      int t = tr[state + cls[a[off + i]]];
      if (t < 0) {
        return ((long) i << 32) | ~t;
      }
      state = t;
    }
    return -1;
  }

  /** {@link #runString} for any other character sequence. */
  private long runChars(CharSequence text, int from, int s) {
    final char[] cls = rawClass;
    final int[] tr = trans;
    int state = s;
    int n = text.length();
    for (int i = from; i < n; i++) {
      int t = tr[state + cls[text.charAt(i)]];
      if (t < 0) {
        return ((long) i << 32) | ~t;
      }
      state = t;
    }
    return -1;
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
    return new Run().run(TextNormalizer.normalize(text));
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
      scratch.run = new Run();
    }
    if (scratch.retainedChars() > Math.max(KEEP_CHARS, 2 * text.length() + 8)) {
      scratch.normalized = null; // the room a huge earlier text needed: not kept for this one
    }
    scratch.normalized = TextNormalizer.normalize(text, scratch.normalized);
    return scratch.run.run(scratch.normalized);
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

    /** Returns the index of the template matched. */
    public int template() {
      return template;
    }

    /** Returns 1 for a full match, less for a truncated one: the share of the template seen. */
    public double completeness() {
      return completeness;
    }

    /** Returns the span of the match in the original text, as {@code {start, end}}. */
    public int[] originalSpan() {
      return text.originalSpan(start, end);
    }

    /** Returns the original text of the match, white space collapsed. */
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

  /** The state of one call of {@link #match(CharSequence)}. */
  private final class Run {
    private Normalized norm;
    private char[] s;
    private int n;
    private final boolean[] live = new boolean[slotCount];
    private final int[] cov = new int[slotCount];
    private final int[] end = new int[slotCount];
    private final int[][] starts = new int[slotCount][];
    /**
     * Per slot: the index of its chain's first anchor; the slot's {@code starts} entries from
     * there to the slot's own index are the chain's, the others are stale and never read.
     */
    private final int[] chainStart = new int[slotCount];
    /** Anchor occurrences of this text so far, in the order they were met (from 1). */
    private int event;
    /** Per anchor with {@link #sharedFirst} templates: its latest occurrence, 0 for none. */
    private final int[] occEvent = new int[anchorCount];
    private final int[] occFrom = new int[anchorCount];
    private final int[] occTo = new int[anchorCount];
    /** The anchors with an {@link #occEvent} in this text, to reset. */
    private final int[] occurred = new int[anchorCount];
    private int occurredCount;
    /** Per template: the occurrence at which its chains were last disproven or matched, or 0. */
    private final int[] killedAt = new int[templates.length];
    private final boolean[] matched = new boolean[templates.length];
    /** The templates whose slots this run wrote, to reset and to finish; {@code seen} marks them. */
    private final int[] touched = new int[templates.length];
    private final boolean[] seen = new boolean[templates.length];
    private int touchedCount;
    private List<Hit> hits = new ArrayList<>();
    /**
     * Gap checks of this text by (gap id, from, to), an open-addressed table whose entries are
     * valid when stamped with the current text's stamp (so nothing is cleared between texts).
     */
    private final int[] memoGap = new int[MEMO];
    private final int[] memoFrom = new int[MEMO];
    private final int[] memoTo = new int[MEMO];
    private final int[] memoResult = new int[MEMO];
    private final int[] memoStamp = new int[MEMO];
    private int stamp;

    /** Drops the references to the last text and its hits. */
    void forget() {
      norm = null;
      s = null;
      n = 0;
      hits = List.of();
    }

    /**
     * Matches one folded text. A reused run first clears what the previous text wrote, which
     * costs in proportion to the templates that text touched, not to the catalog.
     */
    List<Hit> run(Normalized text) {
      for (int i = 0; i < touchedCount; i++) {
        int t = touched[i];
        int base = slotBase[t];
        int k = base + templates[t].anchorCount();
        Arrays.fill(live, base, k, false);
        matched[t] = false;
        seen[t] = false;
        killedAt[t] = 0;
      }
      touchedCount = 0;
      for (int i = 0; i < occurredCount; i++) {
        occEvent[occurred[i]] = 0;
      }
      occurredCount = 0;
      event = 0;
      if (++stamp == 0) {
        Arrays.fill(memoStamp, 0);
        stamp = 1;
      }
      this.norm = text;
      this.s = text.chars();
      this.n = text.length();
      this.hits = new ArrayList<>();
      // The raw automaton, over folded characters (which fold to themselves): a negative entry
      // marks a state with outputs, or a character whose class must be looked up as folded.
      final char[] cls = rawClass;
      final int[] tr = trans;
      int state = 0;
      for (int i = 0; i < n; i++) {
        char c = s[i];
        int t = tr[state + cls[c]];
        if (t >= 0) {
          state = t;
          continue;
        }
        if (cls[c] == specialClass) {
          t = tr[state + classOf[c]];
          if (t >= 0) {
            state = t;
            continue;
          }
        }
        state = ~t;
        for (int id : rawOutputs[state / stride]) {
          if (id >= 0) {
            onAnchor(id, i + 1 - anchorLength[id], i + 1);
          }
        }
      }
      addTruncated();
      return hits;
    }

    private void onAnchor(int id, int from, int to) {
      event++;
      if (sharedFirst[id].length > 0) {
        if (occEvent[id] == 0) {
          occurred[occurredCount++] = id;
        }
        occEvent[id] = event;
        occFrom[id] = from;
        occTo[id] = to;
      }
      int[] ts = runRefTemplate[id];
      int[] ks = runRefIndex[id];
      for (int r = 0; r < ts.length; r++) {
        int t = ts[r];
        int k = ks[r];
        Template tpl = templates[t];
        int base = slotBase[t];
        if (!seen[t]) {
          seen[t] = true;
          touched[touchedCount++] = t;
        }
        int len = to - from;
        int candCov = len;
        int prev = base + k - 1;
        boolean extend = false;
        if (k == 1 && lazyFirst[t]) {
          syncFirst(t);
        }
        if (k > 0 && live[prev] && end[prev] <= from) {
          int g = gap(tpl, base, k, end[prev], from);
          if (g >= 0) {
            candCov = cov[prev] + len;
            extend = true;
          }
        }
        int slot = base + k;
        if (live[slot] && candCov < cov[slot]) {
          continue; // the slot keeps its better chain
        }
        // Each slot owns its array of anchor starts, kept from text to text; when the slot takes
        // a chain, the chain's entries are written (a new chain's one entry costs the same
        // however many anchors the template has).
        int[] st = starts[slot];
        if (st == null) {
          st = new int[tpl.anchorCount()];
          starts[slot] = st;
        }
        if (extend) {
          int f = chainStart[prev];
          System.arraycopy(starts[prev], f, st, f, k - f);
          chainStart[slot] = f;
        } else {
          chainStart[slot] = k;
        }
        st[k] = from;
        live[slot] = true;
        cov[slot] = candCov;
        end[slot] = to;
        if (k == tpl.anchorCount() - 1) {
          // The chain is tried without recording captures (no spans): most chains that reach
          // their last anchor in a hostile text are disproven there. A hit checks its items
          // again, recording (the checks are deterministic, so the answer is the same).
          int tail = forward(tpl, tpl.anchorItem(k) + 1, tpl.items().size(), to, n, true, null);
          if (tail == MISMATCH) {
            // The chain reached the last anchor and the text goes on otherwise: it is disproven.
            Arrays.fill(live, base, base + tpl.anchorCount(), false);
            killedAt[t] = event;
            continue;
          }
          if (chainStart[slot] == 0 && tail >= 0) {
            int head = backward(tpl, tpl.anchorItem(0), st[0], null);
            if (head >= 0) {
              int[] spans = newSpans(tpl);
              forward(tpl, tpl.anchorItem(k) + 1, tpl.items().size(), to, n, true, spans);
              backward(tpl, tpl.anchorItem(0), st[0], spans);
              fillGaps(tpl, st, 0, k, spans);
              hits.add(new Hit(t, norm, head, tail, 1.0, spans));
              matched[t] = true;
              Arrays.fill(live, base, base + tpl.anchorCount(), false);
              killedAt[t] = event;
            }
          }
        }
      }
    }

    /**
     * Checks the items between anchors {@code k - 1} and {@code k} of {@code tpl} (whose first
     * slot is {@code base}) against folded text {@code [from, to)}, as {@code forward} does,
     * remembering the answer for every template with the same gap.
     */
    private int gap(Template tpl, int base, int k, int from, int to) {
      int len = to - from;
      if (len < gapLength[2 * (base + k)] || len > gapLength[2 * (base + k) + 1]) {
        return MISMATCH; // what forward would answer, without reading the gap
      }
      int id = gapOf[base + k];
      int h = (id * 0x9E3779B1 + from * 0x85EBCA77 + to * 0xC2B2AE3D) >>> 22;
      for (int probe = 0; probe < 4; probe++, h = (h + 1) & (MEMO - 1)) {
        if (memoStamp[h] != stamp) {
          int r = gapCheck(tpl, k, from, to);
          memoStamp[h] = stamp;
          memoGap[h] = id;
          memoFrom[h] = from;
          memoTo[h] = to;
          memoResult[h] = r;
          return r;
        }
        if (memoGap[h] == id && memoFrom[h] == from && memoTo[h] == to) {
          return memoResult[h];
        }
      }
      return gapCheck(tpl, k, from, to);
    }

    private int gapCheck(Template tpl, int k, int from, int to) {
      return forward(tpl, tpl.anchorItem(k - 1) + 1, tpl.anchorItem(k), from, to, false, null);
    }

    /**
     * Writes the first slot of a {@link #sharedFirst} template from its anchor's latest
     * occurrence: live when that occurrence came after the template's chains were last disproven
     * or matched, as it would be had each occurrence written it.
     */
    private void syncFirst(int t) {
      int a = firstAnchor[t];
      int slot = slotBase[t];
      boolean on = occEvent[a] > killedAt[t];
      live[slot] = on;
      if (on) {
        int[] st = starts[slot];
        if (st == null) {
          st = new int[templates[t].anchorCount()];
          starts[slot] = st;
        }
        st[0] = occFrom[a];
        chainStart[slot] = 0;
        cov[slot] = anchorLength[a];
        end[slot] = occTo[a];
      }
    }

    private void addTruncated() {
      // Templates that only their first anchor touched are candidates too.
      for (int i = 0; i < occurredCount; i++) {
        for (int t : sharedFirst[occurred[i]]) {
          if (!seen[t]) {
            seen[t] = true;
            touched[touchedCount++] = t;
          }
        }
      }
      // In template order, as a run over every template would report them.
      Arrays.sort(touched, 0, touchedCount);
      for (int i = 0; i < touchedCount; i++) {
        int t = touched[i];
        if (matched[t]) {
          continue;
        }
        if (lazyFirst[t]) {
          syncFirst(t);
        }
        Template tpl = templates[t];
        int base = slotBase[t];
        int best = -1;
        for (int k = 0; k < tpl.anchorCount(); k++) {
          int slot = base + k;
          if (live[slot] && (best < 0 || cov[slot] > cov[best])) {
            best = slot;
          }
        }
        if (best < 0) {
          continue;
        }
        int k = best - base;
        int[] st = starts[best];
        double denom = tpl.anchorChars() + 6.0 * tpl.constraintCount();
        double coverage = cov[best] / denom;
        int first = chainStart[best];
        boolean fromStart = first == 0;
        if (cov[best] < MIN_PARTIAL_CHARS
            || coverage < (fromStart ? MIN_PREFIX_COVERAGE : MIN_SUFFIX_COVERAGE)) {
          continue;
        }
        if (k < tpl.anchorCount() - 1 && !stopsSoonAfter(tpl, k, end[best])) {
          continue;
        }
        if (!fromStart && !startsLine(tpl, first, st[first])) {
          continue;
        }
        int[] spans = newSpans(tpl);
        int head = st[first];
        if (first == 0) {
          int h = backward(tpl, tpl.anchorItem(0), st[0], spans);
          if (h >= 0) {
            head = h;
          }
        }
        int tail = end[best];
        if (k == tpl.anchorCount() - 1) {
          int tl = forward(tpl, tpl.anchorItem(k) + 1, tpl.items().size(), tail, n, true, spans);
          if (tl >= 0) {
            tail = tl;
          }
        }
        fillGaps(tpl, st, first, k, spans);
        hits.add(new Hit(t, norm, head, tail, Math.min(0.99, coverage), spans));
      }
    }

    /**
     * A chain that stops at anchor {@code k} is a truncated message only when what follows is
     * consistent with the rest of the template up to the next anchor until the text runs out, or
     * until its line ends and something else begins: a message cut off, not one that goes on
     * differently.
     */
    private boolean stopsSoonAfter(Template tpl, int k, int from) {
      int r = forwardStrict(tpl, tpl.anchorItem(k) + 1, tpl.anchorItem(k + 1) + 1, from);
      return r == NEED_MORE || (r < -2 && r != NEW_LINE_DIFFERS && norm.lineBreakBefore(-r - 3));
    }

    /**
     * Checks items {@code [i0, i1)} (the last one a literal) forward from {@code pos} to the end
     * of the text. Returns {@link #NEED_MORE} when the text ends while they still fit, or
     * {@code -3 - p} for a mismatch at {@code p}.
     */
    private int forwardStrict(Template tpl, int i0, int i1, int pos) {
      List<Template.Item> items = tpl.items();
      int p = pos;
      for (int i = i0; i < i1; i++) {
        Template.Item it = items.get(i);
        if (it instanceof Template.Literal) {
          char[] lit = ((Template.Literal) it).chars;
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
          if (m == 0 && ((Template.Literal) it).breakBefore && norm.lineBreakBefore(p)) {
            return NEW_LINE_DIFFERS;
          }
          return -3 - (p + m);
        }
        Template.Capture cap = (Template.Capture) it;
        char[] next = i + 1 < i1 && items.get(i + 1) instanceof Template.Literal
            ? ((Template.Literal) items.get(i + 1)).chars : null;
        int q = p;
        while (q < n && q - p < cap.type.maxLength() && accepts(cap.type, s[q])
            && !(q > p && isToken(cap.type) && norm.gapBefore(q))) {
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
     * A chain missing its start counts only when the text before it on its line is the tail of the
     * template's missing start: a message cut at the front, not another message that ends alike.
     */
    private boolean startsLine(Template tpl, int firstAnchor, int start) {
      int lineStart = norm.previousLineBreak(start);
      List<Template.Item> items = tpl.items();
      int p = start;
      for (int i = tpl.anchorItem(firstAnchor) - 1; i >= 0 && p > lineStart; i--) {
        Template.Item it = items.get(i);
        if (it instanceof Template.Literal) {
          char[] lit = ((Template.Literal) it).chars;
          for (int k = lit.length - 1; k >= 0 && p > lineStart; k--) {
            if (s[p - 1] != lit[k]) {
              return false;
            }
            p--;
          }
          continue;
        }
        Template.Capture cap = (Template.Capture) it;
        char[] prev = i > 0 ? ((Template.Literal) items.get(i - 1)).chars : null;
        int q = p;
        while (q > lineStart && p - q < cap.type.maxLength() && accepts(cap.type, s[q - 1])) {
          if (prev != null && q < p && s[q - 1] == prev[prev.length - 1]) {
            break; // the previous literal may end here
          }
          q--;
        }
        p = q;
      }
      return p <= lineStart;
    }

    /** Checks the gaps of a chain from anchor {@code first} to {@code last}, recording captures. */
    private void fillGaps(Template tpl, int[] st, int first, int last, int[] spans) {
      for (int k = first; k < last; k++) {
        int from = st[k] + tpl.anchor(k).chars.length;
        forward(tpl, tpl.anchorItem(k) + 1, tpl.anchorItem(k + 1), from, st[k + 1], false,
            spans);
      }
    }

    private int[] newSpans(Template tpl) {
      int[] spans = new int[2 * tpl.captures().size()];
      Arrays.fill(spans, -1);
      return spans;
    }

    /**
     * Checks items {@code [i0, i1)} forward from {@code pos}. Closed ({@code open == false}): they
     * must fill {@code [pos, limit)} exactly. Open: they run from {@code pos} as far as they match,
     * a final literal being optional. Returns the end, {@link #MISMATCH} or {@link #NEED_MORE}.
     */
    private int forward(Template tpl, int i0, int i1, int pos, int limit, boolean open,
        int[] spans) {
      List<Template.Item> items = tpl.items();
      int p = pos;
      for (int i = i0; i < i1; i++) {
        Template.Item it = items.get(i);
        if (it instanceof Template.Literal) {
          char[] lit = ((Template.Literal) it).chars;
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
        Template.Capture cap = (Template.Capture) it;
        CaptureType type = cap.type;
        int min = type == CaptureType.TEXT ? 0 : 1;
        int max = type.maxLength();
        if (i + 1 < i1) {
          char[] lit = ((Template.Literal) items.get(i + 1)).chars;
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
     * Checks the items before the first anchor backward from {@code pos}; a leading literal is
     * optional. Returns where the match starts, or {@link #MISMATCH}.
     */
    private int backward(Template tpl, int firstAnchorItem, int pos, int[] spans) {
      List<Template.Item> items = tpl.items();
      int p = pos;
      for (int i = firstAnchorItem - 1; i >= 0; i--) {
        Template.Item it = items.get(i);
        if (it instanceof Template.Literal) {
          char[] lit = ((Template.Literal) it).chars;
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
        Template.Capture cap = (Template.Capture) it;
        CaptureType type = cap.type;
        int min = type == CaptureType.TEXT ? 0 : 1;
        int max = type.maxLength();
        if (i - 1 >= 0) {
          char[] lit = ((Template.Literal) items.get(i - 1)).chars;
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

    private void record(Template.Capture cap, int from, int to, int[] spans) {
      if (spans != null) {
        spans[2 * cap.ordinal] = from;
        spans[2 * cap.ordinal + 1] = to;
      }
    }

    private boolean satisfies(Template.Capture cap, int from, int to) {
      switch (cap.op) {
        case ANY:
          return true;
        case CONTAINS:
          return indexOf(cap.foldedValue, from, to) >= 0;
        default:
          break;
      }
      switch (cap.type) {
        case HRESULT:
          if (cap.canonicalHresult != null && isCanonicalHex(from, to)) {
            // 0x and eight hex digits, folded to lower case: equal text is equal value
            return compareAt(cap.canonicalHresult, from, to) == 10;
          }
          return HResult.tryParse(new String(s, from, to - from))
              .map(h -> h.equals(cap.hresult)).orElse(false);
        case HEX:
          return parse(from, to, 16) == cap.number;
        case INT:
        case PORT:
          return parse(from, to, 10) == cap.number;
        default:
          return to - from == cap.foldedValue.length
              && compareAt(cap.foldedValue, from, to) == cap.foldedValue.length;
      }
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
  }

  /** Types whose values never contain white space: a value ends where the original had a space. */
  static boolean isToken(CaptureType type) {
    switch (type) {
      case VERSION:
      case HRESULT:
      case HEX:
      case INT:
      case PORT:
      case NAME:
        return true;
      default:
        return false;
    }
  }

  static boolean accepts(CaptureType type, char c) {
    switch (type) {
      case PATH:
        return c != '\'' && c != '"' && c != '<' && c != '>' && c != '|';
      case APP_ID:
        return c != '\'' && c != '"' && c != '<' && c != '>' && c != '|' && c != ',';
      case VERSION:
        return (c >= '0' && c <= '9') || (c >= 'a' && c <= 'z') || c == '.' || c == '-'
            || c == '+' || c == '*' || c == '_';
      case HRESULT:
        return (c >= '0' && c <= '9') || (c >= 'a' && c <= 'f') || c == 'x' || c == '-';
      case HEX:
        return (c >= '0' && c <= '9') || (c >= 'a' && c <= 'f');
      case INT:
        return (c >= '0' && c <= '9') || c == '-';
      case PORT:
        return c >= '0' && c <= '9';
      case NAME:
        return c != '\'' && c != '"' && c != '<' && c != '>' && c != '|' && c != '/'
            && c != '\\' && c != ':' && c != ',' && c != ';';
      default:
        return true;
    }
  }
}
