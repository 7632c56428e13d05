package io.github.ancmdiag.internal.match;

import static io.github.ancmdiag.internal.match.CompiledMatcher.KEYWORD;
import static io.github.ancmdiag.internal.match.CompiledMatcher.MAY_MATCH;
import static io.github.ancmdiag.internal.match.CompiledMatcher.NONE;

import io.github.ancmdiag.internal.match.CompiledMatcher.Scratch;
import io.github.ancmdiag.internal.text.TextNormalizer;
import java.util.Arrays;

/**
 * The scan that comes before any match ({@link CompiledMatcher#scan}): runs the {@link Automaton}
 * over the raw text, with one lookup in a table that folds and classifies each character at once
 * (white space is a class that keeps the state) and one in the transition table, whose entries
 * are negative only where the automaton reaches a pattern or meets a character that needs a look
 * (an entity's {@code &}, the ellipsis). Each anchor found adds its length to its templates' tally
 * in the {@link Scratch}; the text is worth matching only when some template has anchors enough
 * for a full or a truncated match. So most texts, including those sharing a few words with a
 * template, are rejected after that one pass, without a copy and, given a scratch, without
 * allocating. The same pass reports keywords, such as the words that make a number an HTTP status.
 *
 * <p>A string long enough is walked in two lanes side by side, the second starting at the middle,
 * so that the table lookups of the two overlap instead of each waiting for the one before; the
 * first goes on past the middle only as long as its state still holds characters from before it.
 */
final class Prefilter {
  /** Strings at least this long are walked in two lanes. */
  private static final int TWO_LANES = 64;
  /** A lane's result when a template may match, so {@link #scan} can answer. */
  private static final long DECIDED = -1;

  private final Automaton a;
  private final ScratchPool pool;

  Prefilter(Automaton automaton, ScratchPool pool) {
    this.a = automaton;
    this.pool = pool;
  }

  /**
   * Scans a raw text; see {@link CompiledMatcher#scan}.
   *
   * @param text the raw text
   * @param scratch working state of this matcher (checked by the caller), or null to borrow one
   *     when needed
   * @return {@link CompiledMatcher#NONE}, or a combination of {@link CompiledMatcher#KEYWORD} and
   *     {@link CompiledMatcher#MAY_MATCH}
   */
  int scan(CharSequence text, Scratch scratch) {
    Scratch work = scratch;
    boolean borrowed = false;
    int n = text.length();
    String string = text instanceof String str ? str : null;
    try {
      int i = 0;
      int s = 0;
      if (string != null && n >= TWO_LANES) {
        if (work == null) {
          work = pool.borrow(); // given back below: no allocation without a scratch
          borrowed = true;
        }
        // Two lanes side by side, each from the start state at its half of the string: each
        // step of one waits for its own table lookup only, so their lookups overlap. The second
        // lane then finishes alone below. (Four lanes were slower: RESULTS.md.)
        long lanes = twoLanes(string, work);
        if (lanes == DECIDED) {
          return MAY_MATCH | KEYWORD;
        }
        i = (int) (lanes >>> 32);
        s = (int) lanes;
      }
      while (i < n) {
        long stop = string != null ? runString(string, i, s) : runChars(text, i, s);
        if (stop < 0) {
          return work == null ? NONE : work.flags;
        }
        i = (int) (stop >>> 32);
        if (work == null) {
          work = pool.borrow(); // given back below: no allocation without a scratch
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
        reset(work);
        if (borrowed) {
          pool.release(work);
        }
      }
    }
  }

  /**
   * The two-lane walk: the halves of {@code text} side by side, then the first lane past the
   * middle ({@link #handOver}). Returns where the second lane stands (high half) and its state
   * (low half), or {@link #DECIDED}.
   */
  private long twoLanes(String text, Scratch work) {
    final char[] cls = a.rawClass;
    final int[] tr = a.trans;
    int mid = text.length() >>> 1;
    int b = mid;
    int sa = 0;
    int sb = 0;
    for (int i = 0; i < mid; i++, b++) {
      int ta = tr[sa + cls[text.charAt(i)]];
      int tb = tr[sb + cls[text.charAt(b)]];
      if ((ta | tb) < 0) {
        if (ta < 0 && (ta = onStop(text, i, ~ta, work)) < 0) {
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
   * #count} keeps one per template anchor). Returns false when the scan is decided.
   */
  private boolean handOver(String text, int from, int state, Scratch work) {
    int s = state;
    int past = 0;
    for (int i = from; i < text.length() && a.rowDepth[s / a.stride] > past; i++) {
      char c = text.charAt(i);
      int t = a.trans[s + a.rawClass[c]];
      if (t < 0 && (t = onStop(text, i, ~t, work)) < 0) {
        return false;
      }
      if (a.rawClass[c] != a.dropClass) {
        past++;
      }
      s = t;
    }
    return true;
  }

  /**
   * Handles one stop of a walk at raw index {@code i}: a special character (state {@code s}
   * before it) or a state with outputs (state {@code s} after it). Adds the result bits it finds
   * to {@code work}'s; returns the state to go on from, or -1 when a template may match.
   */
  private int onStop(CharSequence text, int i, int s, Scratch work) {
    int state = s;
    char c = text.charAt(i);
    if (a.rawClass[c] == a.specialClass) {
      if (c == '\u2026' || (c == '&' && TextNormalizer.isEntityAt(text, i))) {
        return -1; // needs the full normalizer
      }
      if (c != '&') {
        work.flags |= KEYWORD; // white space to HttpStatus, not to folding
      }
      int t = a.trans[state + a.classOf[TextNormalizer.fold(c)]];
      if (t >= 0) {
        return t;
      }
      state = ~t;
    }
    for (int id : a.rawOutputs[state / a.stride]) {
      if (id < 0) {
        if (startsWord(text, i, a.keywordText[~id])) {
          work.flags |= KEYWORD;
        }
      } else if (count(work, id)) {
        return -1;
      }
    }
    return state;
  }

  /**
   * Counts an anchor occurrence in the tally, once per template anchor; returns true when some
   * template it belongs to has enough anchor characters.
   */
  private boolean count(Scratch work, int anchor) {
    int[] ts = a.refTemplate[anchor];
    int[] ks = a.refIndex[anchor];
    boolean[] seen = work.seen;
    int[] chars = work.chars;
    boolean enough = false;
    for (int r = 0; r < ts.length; r++) {
      int t = ts[r];
      int slot = a.slotBase[t] + ks[r];
      if (seen[slot]) {
        continue;
      }
      seen[slot] = true;
      if (chars[t] == 0) {
        work.touched[work.touchedCount++] = t;
      }
      chars[t] += a.anchorLength[anchor];
      enough |= chars[t] >= a.needChars[t];
    }
    return enough;
  }

  /** Clears the tally the last scan wrote, in proportion to the templates it touched. */
  private void reset(Scratch work) {
    for (int i = 0; i < work.touchedCount; i++) {
      int t = work.touched[i];
      work.chars[t] = 0;
      int base = a.slotBase[t];
      Arrays.fill(work.seen, base, base + a.templates[t].anchorCount(), false);
    }
    work.touchedCount = 0;
    work.flags = NONE;
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
   * The hot loop: runs the automaton over {@code text} from {@code from} in state {@code s} until
   * a transition that needs a look (into a state with outputs, or on a special character).
   * Returns that character's index in the high and the state (after the transition, or before it
   * for a special character) in the low half, or -1 at the end.
   */
  private long runString(String text, int from, int s) {
    final char[] cls = a.rawClass;
    final int[] tr = a.trans;
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

  /** {@link #runString} for any other character sequence. */
  private long runChars(CharSequence text, int from, int s) {
    final char[] cls = a.rawClass;
    final int[] tr = a.trans;
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
}
