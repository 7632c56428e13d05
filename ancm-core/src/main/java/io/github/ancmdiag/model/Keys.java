package io.github.ancmdiag.model;

/** Folds the words people write for a closed set of values into one lookup key. */
final class Keys {
  private Keys() {}

  /**
   * Lower-cases ASCII letters and drops white space, dashes and underscores: {@code In-Process}
   * and {@code inprocess} give the same key.
   */
  static String squash(CharSequence text) {
    StringBuilder key = new StringBuilder(text.length());
    for (int i = 0; i < text.length(); i++) {
      char c = text.charAt(i);
      if (c >= 'A' && c <= 'Z') {
        key.append((char) (c + ('a' - 'A')));
      } else if (c != '-' && c != '_' && !Character.isWhitespace(c)) {
        key.append(c);
      }
    }
    return key.toString();
  }
}
