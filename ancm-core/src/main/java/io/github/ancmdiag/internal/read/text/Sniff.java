package io.github.ancmdiag.internal.read.text;

/** The look at an input's first characters that the format detection and the readers share. */
public final class Sniff {
  /** How many decoded characters the format detection looks at. */
  public static final int SNIFF_CHARS = 64 * 1024;

  private Sniff() {}

  /**
   * Tells whether text is binary data rather than a log: a NUL, or more than 5% control,
   * private-use or unpaired surrogate characters, in its first 8192 characters.
   *
   * @param head the first characters of the input
   * @return true when it is binary
   */
  public static boolean isBinary(String head) {
    int n = Math.min(head.length(), 8192);
    int control = 0;
    for (int i = 0; i < n; i++) {
      char c = head.charAt(i);
      if (c == 0) {
        return true;
      }
      if (c < 0x20 && c != '\t' && c != '\n' && c != '\r' && c != '\f' || c == 0x7F
          || c >= 0xE000 && c < 0xF900 || c == 0xFFFD) {
        control++;
      } else if (Character.isSurrogate(c)) {
        boolean paired = Character.isHighSurrogate(c) && i + 1 < head.length()
            && Character.isLowSurrogate(head.charAt(i + 1));
        if (paired) {
          i++;
        } else {
          control++;
        }
      }
    }
    return control * 20 > n;
  }}
