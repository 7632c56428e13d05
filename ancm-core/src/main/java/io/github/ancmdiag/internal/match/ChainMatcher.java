package io.github.ancmdiag.internal.match;

import static io.github.ancmdiag.internal.match.ItemMatcher.MISMATCH;
import static io.github.ancmdiag.internal.match.ItemMatcher.NEED_MORE;
import static io.github.ancmdiag.internal.match.ItemMatcher.NEW_LINE_DIFFERS;

import io.github.ancmdiag.internal.match.CompiledMatcher.Hit;
import io.github.ancmdiag.internal.template.Template;
import io.github.ancmdiag.internal.text.Normalized;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;

/**
 * The full match of one folded text at a time: runs the {@link Automaton} over the folded
 * characters (which fold to themselves) and lets each anchor occurrence advance, for every
 * template containing that anchor, a chain of anchors in template order; the text between
 * consecutive anchors is checked in place ({@link ItemMatcher}). Per template and anchor (a slot)
 * only the most useful chain is kept (the one covering most template text, ties going to the
 * latest, whose gap is shortest), so the work per occurrence is constant. A chain through all
 * anchors, whose leading and trailing parts also check, is a full match; a chain through a long
 * enough part of the template that stops where the text or its line stops is a truncated match,
 * reported with its completeness. Templates that share the items between two anchors have that
 * gap checked once per text and position, and templates that open with the same anchor read their
 * first chain link from that anchor's latest occurrence, written once, not once per template.
 *
 * <p>Reused from text to text by a {@link CompiledMatcher.Scratch}: a text clears only what the
 * previous one wrote. Not thread-safe.
 */
final class ChainMatcher {
  /** Share of a template's anchor text a truncated match must cover. */
  static final double MIN_PREFIX_COVERAGE = 0.5;
  /** Share a match must cover when its beginning is missing too. */
  static final double MIN_SUFFIX_COVERAGE = 0.6;
  /** Fewest folded anchor characters a truncated match must cover. */
  static final int MIN_PARTIAL_CHARS = 14;

  /** Entries of the table of gap checks ({@link #gap}); a power of two. */
  private static final int MEMO = 1 << 10;

  private final Automaton a;
  private final Template[] templates;
  private final ItemMatcher items = new ItemMatcher();
  private Normalized norm;
  private int n;
  private final boolean[] live;
  private final int[] cov;
  private final int[] end;
  private final int[][] starts;
  /**
   * Per slot: the index of its chain's first anchor; the slot's {@code starts} entries from
   * there to the slot's own index are the chain's, the others are stale and never read.
   */
  private final int[] chainStart;
  /** Anchor occurrences of this text so far, in the order they were met (from 1). */
  private int event;
  /** Per anchor with {@link Automaton#sharedFirst} templates: its latest occurrence, 0 for none. */
  private final int[] occEvent;
  private final int[] occFrom;
  private final int[] occTo;
  /** The anchors with an {@link #occEvent} in this text, to reset. */
  private final int[] occurred;
  private int occurredCount;
  /** Per template: the occurrence at which its chains were last disproven or matched, or 0. */
  private final int[] killedAt;
  private final boolean[] matched;
  /** The templates whose slots this run wrote, to reset and to finish; {@code seen} marks them. */
  private final int[] touched;
  private final boolean[] seen;
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

  ChainMatcher(Automaton automaton) {
    this.a = automaton;
    this.templates = automaton.templates;
    int slots = automaton.slotCount;
    this.live = new boolean[slots];
    this.cov = new int[slots];
    this.end = new int[slots];
    this.starts = new int[slots][];
    this.chainStart = new int[slots];
    this.occEvent = new int[automaton.anchorCount];
    this.occFrom = new int[automaton.anchorCount];
    this.occTo = new int[automaton.anchorCount];
    this.occurred = new int[automaton.anchorCount];
    this.killedAt = new int[templates.length];
    this.matched = new boolean[templates.length];
    this.touched = new int[templates.length];
    this.seen = new boolean[templates.length];
  }

  /** Drops the references to the last text and its hits. */
  void forget() {
    norm = null;
    n = 0;
    items.forget();
    hits = List.of();
  }

  /**
   * Matches one folded text. A reused matcher first clears what the previous text wrote, which
   * costs in proportion to the templates that text touched, not to the catalog.
   */
  List<Hit> run(Normalized text) {
    for (int i = 0; i < touchedCount; i++) {
      int t = touched[i];
      int base = a.slotBase[t];
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
    this.n = text.length();
    items.on(text);
    this.hits = new ArrayList<>();
    // The automaton, over folded characters (which fold to themselves): a negative entry marks a
    // state with outputs, or a character whose class must be looked up as folded.
    final char[] s = text.chars();
    final char[] cls = a.rawClass;
    final int[] tr = a.trans;
    int state = 0;
    for (int i = 0; i < n; i++) {
      char c = s[i];
      int t = tr[state + cls[c]];
      if (t >= 0) {
        state = t;
        continue;
      }
      if (cls[c] == a.specialClass) {
        t = tr[state + a.classOf[c]];
        if (t >= 0) {
          state = t;
          continue;
        }
      }
      state = ~t;
      for (int id : a.rawOutputs[state / a.stride]) {
        if (id >= 0) {
          onAnchor(id, i + 1 - a.anchorLength[id], i + 1);
        }
      }
    }
    addTruncated();
    return hits;
  }

  private void onAnchor(int id, int from, int to) {
    event++;
    if (a.sharedFirst[id].length > 0) {
      if (occEvent[id] == 0) {
        occurred[occurredCount++] = id;
      }
      occEvent[id] = event;
      occFrom[id] = from;
      occTo[id] = to;
    }
    int[] ts = a.runRefTemplate[id];
    int[] ks = a.runRefIndex[id];
    for (int r = 0; r < ts.length; r++) {
      int t = ts[r];
      int k = ks[r];
      Template tpl = templates[t];
      int base = a.slotBase[t];
      if (!seen[t]) {
        seen[t] = true;
        touched[touchedCount++] = t;
      }
      int len = to - from;
      int candCov = len;
      int prev = base + k - 1;
      boolean extend = false;
      if (k == 1 && a.lazyFirst[t]) {
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
        int last = tpl.items().size();
        int tail = items.forward(tpl, tpl.anchorItem(k) + 1, last, to, n, true, null);
        if (tail == MISMATCH) {
          // The chain reached the last anchor and the text goes on otherwise: it is disproven.
          Arrays.fill(live, base, base + tpl.anchorCount(), false);
          killedAt[t] = event;
          continue;
        }
        if (chainStart[slot] == 0 && tail >= 0) {
          int head = items.backward(tpl, tpl.anchorItem(0), st[0], null);
          if (head >= 0) {
            int[] spans = newSpans(tpl);
            items.forward(tpl, tpl.anchorItem(k) + 1, last, to, n, true, spans);
            items.backward(tpl, tpl.anchorItem(0), st[0], spans);
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
   * slot is {@code base}) against folded text {@code [from, to)}, as {@link ItemMatcher#forward}
   * does, remembering the answer for every template with the same gap.
   */
  private int gap(Template tpl, int base, int k, int from, int to) {
    int len = to - from;
    if (len < a.gapLength[2 * (base + k)] || len > a.gapLength[2 * (base + k) + 1]) {
      return MISMATCH; // what forward would answer, without reading the gap
    }
    int id = a.gapOf[base + k];
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
    return items.forward(tpl, tpl.anchorItem(k - 1) + 1, tpl.anchorItem(k), from, to, false,
        null);
  }

  /**
   * Writes the first slot of a {@link Automaton#sharedFirst} template from its anchor's latest
   * occurrence: live when that occurrence came after the template's chains were last disproven
   * or matched, as it would be had each occurrence written it.
   */
  private void syncFirst(int t) {
    int anchor = a.firstAnchor[t];
    int slot = a.slotBase[t];
    boolean on = occEvent[anchor] > killedAt[t];
    live[slot] = on;
    if (on) {
      int[] st = starts[slot];
      if (st == null) {
        st = new int[templates[t].anchorCount()];
        starts[slot] = st;
      }
      st[0] = occFrom[anchor];
      chainStart[slot] = 0;
      cov[slot] = a.anchorLength[anchor];
      end[slot] = occTo[anchor];
    }
  }

  private void addTruncated() {
    // Templates that only their first anchor touched are candidates too.
    for (int i = 0; i < occurredCount; i++) {
      for (int t : a.sharedFirst[occurred[i]]) {
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
      if (a.lazyFirst[t]) {
        syncFirst(t);
      }
      Template tpl = templates[t];
      int base = a.slotBase[t];
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
      if (!fromStart && !items.startsLine(tpl, first, st[first])) {
        continue; // a chain missing its start counts only where a cut-off message would begin
      }
      int[] spans = newSpans(tpl);
      int head = st[first];
      if (first == 0) {
        int h = items.backward(tpl, tpl.anchorItem(0), st[0], spans);
        if (h >= 0) {
          head = h;
        }
      }
      int tail = end[best];
      if (k == tpl.anchorCount() - 1) {
        int tl = items.forward(tpl, tpl.anchorItem(k) + 1, tpl.items().size(), tail, n, true,
            spans);
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
    int r = items.forwardStrict(tpl, tpl.anchorItem(k) + 1, tpl.anchorItem(k + 1) + 1, from);
    return r == NEED_MORE || (r < -2 && r != NEW_LINE_DIFFERS && norm.lineBreakBefore(-r - 3));
  }

  /** Checks the gaps of a chain from anchor {@code first} to {@code last}, recording captures. */
  private void fillGaps(Template tpl, int[] st, int first, int last, int[] spans) {
    for (int k = first; k < last; k++) {
      int from = st[k] + tpl.anchor(k).chars().length;
      items.forward(tpl, tpl.anchorItem(k) + 1, tpl.anchorItem(k + 1), from, st[k + 1], false,
          spans);
    }
  }

  private static int[] newSpans(Template tpl) {
    int[] spans = new int[2 * tpl.captures().size()];
    Arrays.fill(spans, -1);
    return spans;
  }
}
