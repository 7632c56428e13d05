package io.github.ancmdiag.internal.text;

import org.jetbrains.annotations.NotNull;

/** The form of catalog ids: lowercase words of letters and digits joined by single dashes. */
public final class KebabCase {
  private KebabCase() {}

  /**
   * Tells whether a text is lowercase kebab-case: letters and digits in words joined by single
   * dashes, starting with a letter.
   *
   * @param s the text
   * @return true for kebab-case
   */
  public static boolean matches(@NotNull String s) {
    if (s.isEmpty() || s.charAt(0) < 'a' || s.charAt(0) > 'z' || s.endsWith("-")) {
      return false;
    }
    char prev = 'a';
    for (int i = 0; i < s.length(); i++) {
      char c = s.charAt(i);
      boolean ok = (c >= 'a' && c <= 'z') || (c >= '0' && c <= '9') || (c == '-' && prev != '-');
      if (!ok) {
        return false;
      }
      prev = c;
    }
    return true;
  }
}
