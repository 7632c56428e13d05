package io.github.ancmdiag.internal.read.text;

import java.io.IOException;
import org.jetbrains.annotations.Nullable;

/**
 * Line-by-line access to an {@link EncodingDecoder} for the line-grouping readers ({@link
 * StdoutLogReader}, {@link io.github.ancmdiag.internal.read.ancm.DebugLogReader}): look at the start of the next line without consuming
 * it, then read it into a record with a character budget, or drop it.
 *
 * <p>Memory is constant: {@link #peek()} looks at no more than {@value #PEEK_CHARS} characters,
 * and {@link #readInto} keeps no more than its budget; the rest of a long line is read and
 * dropped, and the byte offset of the first dropped character is returned so that the caller can
 * report it. A line ends at LF; a CR right before the LF belongs to the terminator; a lone CR is an
 * ordinary character.
 */
public final class LineCursor {
  /** How much of a line {@link #peek()} shows: enough to classify any line by its start. */
  static final int PEEK_CHARS = 256;

  /**
   * The start of the next line: its first characters, whether that is all of it, where it is,
   * whether it is blank (white space only; a line longer than the peek never is) and whether it
   * is binary junk rather than text, as {@link Sniff#isBinary} decides, except that ESC
   * (of ANSI color sequences) counts as text.
   */
  public record Head(String text, boolean complete, long line, long byteOffset, boolean isBlank,
      boolean isBinary) {
    static Head of(String text, boolean complete, long line, long byteOffset) {
      boolean blank = complete && text.isBlank();
      boolean binary = !blank && !text.isEmpty()
          && Sniff.isBinary(text.replace('\u001B', ' '));
      return new Head(text, complete, line, byteOffset, blank, binary);
    }
  }

  /** How much {@link #peek()} looks at first; most lines end within it. */
  private static final int SHORT_PEEK = 96;

  private final EncodingDecoder in;
  private String lastEnd = "";
  private @Nullable Head cached;

  LineCursor(EncodingDecoder in) {
    this.in = in;
  }

  /** Returns the start of the next line without consuming anything, or null at the end. */
  public @Nullable Head peek() throws IOException {
    if (cached != null && cached.byteOffset() == in.byteOffset()) {
      return cached;
    }
    String ahead = in.peek(SHORT_PEEK);
    if (ahead.isEmpty()) {
      return null;
    }
    int lf = ahead.indexOf('\n');
    if (lf < 0 && ahead.length() == SHORT_PEEK) {
      ahead = in.peek(PEEK_CHARS + 1);
      lf = ahead.indexOf('\n');
    }
    boolean complete = lf >= 0 || ahead.length() <= PEEK_CHARS;
    String text = lf >= 0 ? ahead.substring(0, lf) : ahead.substring(0, Math.min(PEEK_CHARS,
        ahead.length()));
    if (complete && text.endsWith("\r")) {
      text = text.substring(0, text.length() - 1);
    }
    cached = Head.of(text, complete, in.line(), in.byteOffset());
    return cached;
  }

  /**
   * Reads the next line, appending at most {@code room} characters of its text (without the
   * terminator) to {@code sb}; the terminator read is then {@link #lastEnd()}.
   *
   * @return the byte offset of the first character not appended, or -1 when all of it was
   */
  long readInto(StringBuilder sb, int room) throws IOException {
    long cut = -1;
    int kept = 0;
    long crAt = -1; // where the last character read was a CR, else -1
    boolean crKept = false;
    lastEnd = "";
    while (true) {
      long at = in.byteOffset();
      int c = in.read();
      if (c < 0) {
        return cut;
      }
      if (c == '\n') {
        lastEnd = "\n";
        if (crAt >= 0) { // the CR before the LF is the terminator's, not the line's
          lastEnd = "\r\n";
          if (crKept) {
            sb.setLength(sb.length() - 1);
          } else if (cut == crAt) {
            cut = -1;
          }
        }
        return cut;
      }
      crAt = c == '\r' ? at : -1;
      crKept = c == '\r' && kept < room;
      if (kept < room) {
        sb.append((char) c);
        kept++;
      } else if (cut < 0) {
        cut = at;
      }
    }
  }

  /** Reads and drops the next line. */
  void skipLine() throws IOException {
    readInto(new StringBuilder(0), 0);
  }

  /** The terminator of the last line read: LF, CR LF, or empty at the end of the input. */
  String lastEnd() {
    return lastEnd;
  }

  /** The 1-based line of the next character. */
  long line() {
    return in.line();
  }

  /** The byte offset of the next character. */
  long byteOffset() {
    return in.byteOffset();
  }
}
