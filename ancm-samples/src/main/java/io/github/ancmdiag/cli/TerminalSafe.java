package io.github.ancmdiag.cli;

import java.io.PrintWriter;
import java.io.Writer;

/**
 * Escapes what could rewrite a user's terminal in everything the tool prints: file names and
 * values come from the inputs, and an ESC sequence in a file name would otherwise be obeyed by
 * the terminal. Every C0 control character but tab and line feed (a carriage return too, unless
 * a line feed follows it), DEL, every C1 control character, and the bidirectional overrides and
 * isolates (U+202A to U+202E, U+2066 to U+2069) are written as {@code \}{@code uXXXX}: the same
 * escape JSON uses, so a JSON document stays valid and means the same. Only the colour sequences
 * of the report's own palette pass (see {@code COLOURS}). Not thread-safe.
 */
final class TerminalSafe extends Writer {
  private final Writer out;
  private boolean pendingCr;

  private TerminalSafe(Writer out) {
    this.out = out;
  }

  /** Wraps a writer; a writer already wrapped is returned as it is. */
  static PrintWriter wrap(PrintWriter w) {
    return w instanceof Guarded ? w : new Guarded(new TerminalSafe(w));
  }

  /** Returns the text with every character escaped that {@link #wrap} escapes. */
  static String escape(String s) {
    StringBuilder sb = null;
    for (int i = 0; i < s.length(); i++) {
      char c = s.charAt(i);
      if (isUnsafe(c) || c == '\r' || c == '\n') {
        if (sb == null) {
          sb = new StringBuilder(s.length() + 16).append(s, 0, i);
        }
        appendEscape(sb, c);
      } else if (sb != null) {
        sb.append(c);
      }
    }
    return sb == null ? s : sb.toString();
  }

  private static boolean isUnsafe(char c) {
    return c < 0x20 && c != '\t' && c != '\n' && c != '\r'
        || c >= 0x7f && c <= 0x9f
        || c >= 0x202a && c <= 0x202e
        || c >= 0x2066 && c <= 0x2069;
  }

  private static void appendEscape(StringBuilder sb, char c) {
    sb.append("\\u").append(Character.forDigit(c >> 12 & 0xf, 16))
        .append(Character.forDigit(c >> 8 & 0xf, 16)).append(Character.forDigit(c >> 4 & 0xf, 16))
        .append(Character.forDigit(c & 0xf, 16));
  }

  /**
   * The SGR sequences of the coloured report's palette ({@link Terminal}), let through as they
   * are: they only set a colour or boldness, never move the cursor, clear, or set a title. The
   * same sequence inside a file name would colour text, nothing more; every other ESC is escaped.
   */
  private static final String[] COLOURS = {Terminal.RESET, Terminal.BOLD, Terminal.RED,
      Terminal.GREEN, Terminal.YELLOW, Terminal.CYAN};

  /** Returns the length of the palette sequence at {@code cbuf[i]}, or 0. */
  private static int colourAt(char[] cbuf, int i, int end) {
    for (String seq : COLOURS) {
      if (end - i >= seq.length() && new String(cbuf, i, seq.length()).equals(seq)) {
        return seq.length();
      }
    }
    return 0;
  }

  @Override
  public void write(char[] cbuf, int off, int len) throws java.io.IOException {
    StringBuilder sb = new StringBuilder(len + 8);
    for (int i = off; i < off + len; i++) {
      char c = cbuf[i];
      if (pendingCr) {
        pendingCr = false;
        if (c == '\n') {
          sb.append('\r');
        } else {
          appendEscape(sb, '\r');
        }
      }
      int colour = c == '\u001b' ? colourAt(cbuf, i, off + len) : 0;
      if (colour > 0) {
        sb.append(cbuf, i, colour); // the report's own colours, see COLOURS
        i += colour - 1;
      } else if (c == '\r') {
        pendingCr = true;
      } else if (isUnsafe(c)) {
        appendEscape(sb, c);
      } else {
        sb.append(c);
      }
    }
    out.write(sb.toString());
  }

  @Override
  public void flush() throws java.io.IOException {
    out.flush();
  }

  @Override
  public void close() throws java.io.IOException {
    if (pendingCr) {
      pendingCr = false;
      out.write("\\u000d");
    }
    out.close();
  }

  /** The print writer over a {@link TerminalSafe}, recognizable so it is never wrapped twice. */
  private static final class Guarded extends PrintWriter {
    Guarded(TerminalSafe safe) {
      super(safe, true);
    }
  }
}
