package io.github.ancmdiag.internal.read.text;

/**
 * Finds the end of an XML markup declaration such as {@code <!DOCTYPE ...>}: the {@code >}
 * outside quotes and outside the brackets of an internal subset. Fed one character at a time
 * after the declaration's name; not thread-safe.
 */
public final class DeclarationEnd {
  private int brackets;
  private int quote;
  private boolean subset;

  /**
   * Reads the next character of the declaration.
   *
   * @param c the character
   * @return true when it is the declaration's closing {@code >}
   */
  public boolean isEnd(int c) {
    if (quote != 0) {
      if (c == quote) {
        quote = 0;
      }
    } else if (c == '"' || c == '\'') {
      quote = c;
    } else if (c == '[') {
      brackets++;
      subset = true;
    } else if (c == ']') {
      brackets = Math.max(0, brackets - 1);
    } else {
      return c == '>' && brackets == 0;
    }
    return false;
  }

  /** Tells whether the declaration had an internal subset (brackets), so declared something. */
  public boolean hasSubset() {
    return subset;
  }
}
