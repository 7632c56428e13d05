package io.github.ancmdiag.internal.text;

/**
 * A folded text with, for each folded character, the half-open span of original characters it came
 * from. Made by {@link TextNormalizer#normalize(CharSequence)}; the arrays are owned by this object.
 * An instance made that way never changes; one passed to {@link
 * TextNormalizer#normalize(CharSequence, Normalized)} for reuse is refilled by it, so only a
 * single-threaded owner that is done with the previous text may do that.
 */
public final class Normalized {
  private CharSequence original;
  private char[] chars;
  private int[] from;
  private int[] to;
  private int length;
  /** The folded indexes i, ascending, with a line break between folded i-1 and i. */
  private int[] breaks;
  private int breakCount;

  Normalized(CharSequence original, char[] chars, int[] from, int[] to, int length,
      int[] breaks, int breakCount) {
    reset(original, chars, from, to, length, breaks, breakCount);
  }

  /** Refills this instance; see {@link TextNormalizer#normalize(CharSequence, Normalized)}. */
  void reset(CharSequence original, char[] chars, int[] from, int[] to, int length,
      int[] breaks, int breakCount) {
    this.original = original;
    this.chars = chars;
    this.from = from;
    this.to = to;
    this.length = length;
    this.breaks = breaks;
    this.breakCount = breakCount;
  }

  int[] breakBuffer() {
    return breaks;
  }

  char[] charBuffer() {
    return chars;
  }

  int[] fromBuffer() {
    return from;
  }

  int[] toBuffer() {
    return to;
  }

  /** Returns the original text. */
  public CharSequence original() {
    return original;
  }

  /** Returns the folded characters; only the first {@link #length()} are valid. */
  public char[] chars() {
    return chars;
  }

  /** Returns the number of folded characters. */
  public int length() {
    return length;
  }

  /** Returns where folded character {@code i} starts in the original text. */
  public int originalStart(int i) {
    return i >= length ? original.length() : from[i];
  }

  /** Returns where folded character {@code i} ends (exclusive) in the original text. */
  public int originalEnd(int i) {
    return to[i];
  }

  /**
   * Maps the folded span {@code [s, e)} back to the original text.
   *
   * @return the original span as {@code {start, end}}
   */
  public int[] originalSpan(int s, int e) {
    if (e <= s) {
      int p = originalStart(s);
      return new int[] {p, p};
    }
    return new int[] {from[s], to[e - 1]};
  }

  /** Tells whether the original text has a line break between folded characters i-1 and i. */
  public boolean lineBreakBefore(int i) {
    int k = firstBreakAtOrAfter(i);
    return k < breakCount && breaks[k] == i;
  }

  /**
   * Returns the first folded index at or after {@code i} with a line break before it ({@link
   * #lineBreakBefore}), or {@link #length()} when there is none: a value that must not cross a
   * line ends there, found without reading the characters between.
   *
   * @param i a folded index
   * @return the index of the next line break, or the length
   */
  public int nextLineBreak(int i) {
    int k = firstBreakAtOrAfter(i);
    return k < breakCount ? breaks[k] : length;
  }

  /**
   * Returns the last folded index at or before {@code i} with a line break before it ({@link
   * #lineBreakBefore}), or 0 when there is none: where the line holding {@code i} starts.
   *
   * @param i a folded index
   * @return the index of the previous line break, or 0
   */
  public int previousLineBreak(int i) {
    int k = firstBreakAtOrAfter(i + 1) - 1;
    return k >= 0 ? breaks[k] : 0;
  }

  private int firstBreakAtOrAfter(int i) {
    int lo = 0;
    int hi = breakCount;
    while (lo < hi) {
      int mid = (lo + hi) >>> 1;
      if (breaks[mid] < i) {
        lo = mid + 1;
      } else {
        hi = mid;
      }
    }
    return lo;
  }

  /** Tells whether folding dropped original characters (white space) between i-1 and i. */
  public boolean gapBefore(int i) {
    return i > 0 && i < length && to[i - 1] < from[i];
  }

  /**
   * Returns the original text of a folded span with its white space collapsed to single spaces.
   *
   * @param s folded start, inclusive
   * @param e folded end, exclusive
   * @return the original text, trimmed
   */
  public String originalText(int s, int e) {
    int[] span = originalSpan(s, e);
    StringBuilder sb = new StringBuilder(span[1] - span[0]);
    boolean space = false;
    for (int k = span[0]; k < span[1]; k++) {
      char c = original.charAt(k);
      if (Character.isWhitespace(c) || c == '\u00A0') {
        space = sb.length() > 0;
      } else {
        if (space) {
          sb.append(' ');
          space = false;
        }
        sb.append(c);
      }
    }
    return sb.toString();
  }
}
