package io.github.ancmdiag.internal.read.text;

import java.io.IOException;
import java.io.InputStream;
import org.jetbrains.annotations.Nullable;

/**
 * Decodes the bytes of a log file into characters, one at a time, knowing for every character
 * its line and its byte offset. Called by {@link io.github.ancmdiag.input.LogReader} (to detect the format through {@link
 * #peek(int)}) and by the format readers (through {@link #read()}).
 *
 * <p>The encoding is chosen once, from the first {@value #SNIFF_BYTES} bytes: a byte order mark
 * (UTF-8, UTF-16 LE, UTF-16 BE); else UTF-16 without a mark when every other byte is zero; else
 * UTF-8 when those bytes are valid UTF-8; else windows-1252. UTF-8 is decoded by hand so that an
 * invalid sequence later in the file falls back to windows-1252 for its first byte (never an
 * exception, never a lost byte) and the byte offset of every character stays exact.
 *
 * <p>Invariants: {@code bytes[bpos..blen)} are read but not decoded; {@code chars[head..tail)} are
 * decoded but not consumed, and {@code lens[i]} is the number of bytes {@code chars[i]} took.
 * Memory is bounded by the byte buffer plus the longest {@link #peek(int)}.
 */
public final class EncodingDecoder {
  /** How many bytes choose the encoding. */
  static final int SNIFF_BYTES = 64 * 1024;

  /** The encodings this decoder knows. */
  public enum Kind {
    UTF_8("UTF-8"), UTF_16LE("UTF-16LE"), UTF_16BE("UTF-16BE"), WINDOWS_1252("windows-1252");

    private final String label;

    Kind(String label) {
      this.label = label;
    }

    /**
     * Returns the encoding's name.
     *
     * @return the name, such as {@code UTF-8}
     */
    public String label() {
      return label;
    }
  }

  /** windows-1252 0x80..0x9F; the five unassigned bytes map to the C1 control of that value. */
  private static final char[] CP1252_HIGH = ("\u20AC\u0081\u201A\u0192\u201E\u2026\u2020\u2021"
      + "\u02C6\u2030\u0160\u2039\u0152\u008D\u017D\u008F\u0090\u2018\u2019\u201C\u201D\u2022"
      + "\u2013\u2014\u02DC\u2122\u0161\u203A\u0153\u009D\u017E\u0178").toCharArray();

  private final InputStream in;
  private final byte[] bytes = new byte[SNIFF_BYTES + 16];
  private int bpos;
  private int blen;
  private boolean inputEnded;
  private final Kind kind;
  private final int bomLength;
  private final boolean sawBytes;
  private final @Nullable String bomMismatch;

  private char[] chars = new char[8192];
  private byte[] lens = new byte[8192];
  private int head;
  private int tail;

  private long byteOffset;
  private long line = 1;

  /**
   * Reads the first bytes and chooses the encoding.
   *
   * @throws IOException if the stream cannot be read
   */
  public EncodingDecoder(InputStream in) throws IOException {
    this.in = in;
    fillBytes();
    sawBytes = blen > 0;
    int b0 = blen > 0 ? bytes[0] & 0xFF : -1;
    int b1 = blen > 1 ? bytes[1] & 0xFF : -1;
    int b2 = blen > 2 ? bytes[2] & 0xFF : -1;
    Kind marked;
    if (b0 == 0xEF && b1 == 0xBB && b2 == 0xBF) {
      marked = Kind.UTF_8;
      bomLength = 3;
    } else if (b0 == 0xFF && b1 == 0xFE) {
      marked = Kind.UTF_16LE;
      bomLength = 2;
    } else if (b0 == 0xFE && b1 == 0xFF) {
      marked = Kind.UTF_16BE;
      bomLength = 2;
    } else {
      marked = null;
      bomLength = 0;
    }
    Kind sniffed = sniff(bomLength);
    if (marked == null) {
      kind = sniffed;
      bomMismatch = null;
    } else {
      kind = plausible(marked, sniffed) ? marked : sniffed;
      bomMismatch = kind == marked ? null : "the byte order mark says " + marked.label
          + ", but the text after it is " + kind.label + " (read that way it would be"
          + " nonsense); the mark was skipped and the text read as " + kind.label;
    }
    bpos = bomLength;
    byteOffset = bomLength;
  }

  /**
   * Tells whether the bytes after a byte order mark fit the encoding it names. A mark can lie: a
   * tool that prepends {@code FF FE} to UTF-8 text, or a UTF-16LE body behind {@code FE FF},
   * decodes to CJK nonsense. UTF-16 text of a log always holds some ASCII (spaces, line breaks,
   * paths), whose high bytes are zero; so a UTF-16 mark is believed when at least one in ten of
   * the high bytes is zero, when too few bytes follow to tell, or when the bytes fit no other
   * encoding better (they are not UTF-8, nor UTF-16 of the other byte order). A UTF-8 mark is believed unless
   * the bytes after it are plainly UTF-16 (nine in ten of one half zero).
   */
  private boolean plausible(Kind marked, Kind sniffed) {
    int pairs = Math.min(blen - bomLength, 1024) / 2;
    if (pairs < 4) {
      return true;
    }
    if (marked == sniffed || sniffed == Kind.WINDOWS_1252) {
      return true; // nothing else fits better: CJK text in UTF-16 has few zero bytes
    }
    if (marked == Kind.UTF_8) {
      return sniffed != Kind.UTF_16LE && sniffed != Kind.UTF_16BE;
    }
    int[] zeros = zeros(bomLength, pairs);
    int high = marked == Kind.UTF_16LE ? zeros[1] : zeros[0];
    return high * 10 >= pairs;
  }

  /** Counts the zero bytes at even and odd positions of {@code pairs} pairs from {@code from}. */
  private int[] zeros(int from, int pairs) {
    int[] z = new int[2];
    for (int i = 0; i < pairs; i++) {
      if (bytes[from + 2 * i] == 0) {
        z[0]++;
      }
      if (bytes[from + 2 * i + 1] == 0) {
        z[1]++;
      }
    }
    return z;
  }

  /** Chooses the encoding of the bytes from {@code from} by their content alone. */
  private Kind sniff(int from) {
    int pairs = Math.min(blen - from, 1024) / 2;
    int[] z = zeros(from, pairs);
    int evenZero = z[0];
    int oddZero = z[1];
    if (pairs >= 2 && oddZero * 10 >= pairs * 9 && evenZero * 10 <= pairs) {
      return Kind.UTF_16LE;
    }
    if (pairs >= 2 && evenZero * 10 >= pairs * 9 && oddZero * 10 <= pairs) {
      return Kind.UTF_16BE;
    }
    if (pairs >= 4 && from > 0 && oddZero * 10 >= pairs && evenZero * 10 < pairs) {
      return Kind.UTF_16LE; // behind a mark, mixed text: mostly ASCII in little-endian units
    }
    if (pairs >= 4 && from > 0 && evenZero * 10 >= pairs && oddZero * 10 < pairs) {
      return Kind.UTF_16BE;
    }
    byte[] rest = from == 0 ? bytes : java.util.Arrays.copyOfRange(bytes, from, blen);
    return validUtf8(rest, blen - from, !inputEnded) ? Kind.UTF_8 : Kind.WINDOWS_1252;
  }

  /**
   * Returns what was wrong with the byte order mark, when the text after it is in another
   * encoding than the one it names (the text is then read in the encoding it is in).
   *
   * @return the sentence for a skipped record, or null when the mark (if any) told the truth
   */
  public @Nullable String bomMismatch() {
    return bomMismatch;
  }

  /** True when {@code b[0..n)} is valid UTF-8; an incomplete last sequence passes if cut. */
  static boolean validUtf8(byte[] b, int n, boolean mayBeCut) {
    int i = 0;
    while (i < n) {
      int len = utf8Length(b, i, n);
      if (len > 0) {
        i += len;
      } else if (len == 0 && mayBeCut) {
        return true;
      } else {
        return false;
      }
    }
    return true;
  }

  /**
   * Returns the length of the valid UTF-8 sequence at {@code b[i]}, -1 when invalid, 0 when the
   * bytes end inside a sequence that is valid so far.
   */
  private static int utf8Length(byte[] b, int i, int n) {
    int b0 = b[i] & 0xFF;
    if (b0 < 0x80) {
      return 1;
    }
    int need;
    int lo = 0x80;
    int hi = 0xBF;
    if (b0 >= 0xC2 && b0 <= 0xDF) {
      need = 1;
    } else if (b0 >= 0xE0 && b0 <= 0xEF) {
      need = 2;
      lo = b0 == 0xE0 ? 0xA0 : 0x80;
      hi = b0 == 0xED ? 0x9F : 0xBF;
    } else if (b0 >= 0xF0 && b0 <= 0xF4) {
      need = 3;
      lo = b0 == 0xF0 ? 0x90 : 0x80;
      hi = b0 == 0xF4 ? 0x8F : 0xBF;
    } else {
      return -1;
    }
    for (int k = 1; k <= need; k++) {
      if (i + k >= n) {
        return 0;
      }
      int c = b[i + k] & 0xFF;
      if (k == 1 ? c < lo || c > hi : c < 0x80 || c > 0xBF) {
        return -1;
      }
    }
    return need + 1;
  }

  /** Reads until the byte buffer is full or the input ends; keeps unread bytes. */
  private void fillBytes() throws IOException {
    if (bpos > 0) {
      System.arraycopy(bytes, bpos, bytes, 0, blen - bpos);
      blen -= bpos;
      bpos = 0;
    }
    while (!inputEnded && blen < bytes.length) {
      int n = in.read(bytes, blen, bytes.length - blen);
      if (n < 0) {
        inputEnded = true;
      } else {
        blen += n;
      }
    }
  }

  /** Makes at least {@code n} undecoded bytes available unless the input ends first. */
  private boolean ensureBytes(int n) throws IOException {
    if (blen - bpos < n && !inputEnded) {
      fillBytes();
    }
    return blen - bpos >= n;
  }

  /** The encoding in use. */
  public Kind kind() {
    return kind;
  }

  /** True when the input had no bytes at all. */
  boolean isEmpty() {
    return !sawBytes;
  }

  /** The 1-based line of the next character. */
  public long line() {
    return line;
  }

  /** The byte offset of the next character. */
  public long byteOffset() {
    return byteOffset;
  }

  /** Returns and consumes the next character, or -1 at the end of the input. */
  public int read() throws IOException {
    if (head == tail && !decodeOne()) {
      return -1;
    }
    char c = chars[head];
    byteOffset += lens[head];
    head++;
    if (c == '\n') {
      line++;
    }
    return c;
  }

  /** Returns up to {@code n} next characters without consuming them. */
  public String peek(int n) throws IOException {
    while (tail - head < n && decodeOne()) {
      // decodes ahead
    }
    return new String(chars, head, Math.min(n, tail - head));
  }

  /** Decodes one code point (one or two chars) to the end of the char buffer. */
  private boolean decodeOne() throws IOException {
    if (!ensureBytes(1)) {
      return false;
    }
    if (tail + 2 > chars.length) {
      if (head > 0) {
        System.arraycopy(chars, head, chars, 0, tail - head);
        System.arraycopy(lens, head, lens, 0, tail - head);
        tail -= head;
        head = 0;
      }
      if (tail + 2 > chars.length) {
        chars = java.util.Arrays.copyOf(chars, chars.length * 2);
        lens = java.util.Arrays.copyOf(lens, lens.length * 2);
      }
    }
    switch (kind) {
      case UTF_16LE:
      case UTF_16BE:
        if (!ensureBytes(2)) {
          bpos++;
          push('\uFFFD', 1);
          return true;
        }
        int a = bytes[bpos] & 0xFF;
        int b = bytes[bpos + 1] & 0xFF;
        bpos += 2;
        push((char) (kind == Kind.UTF_16LE ? b << 8 | a : a << 8 | b), 2);
        return true;
      case WINDOWS_1252:
        push(cp1252(bytes[bpos++]), 1);
        return true;
      default:
        ensureBytes(4);
        int len = utf8Length(bytes, bpos, blen);
        if (len <= 0) {
          push(cp1252(bytes[bpos++]), 1);
          return true;
        }
        int b0 = bytes[bpos] & 0xFF;
        int cp;
        if (len == 1) {
          cp = b0;
        } else if (len == 2) {
          cp = (b0 & 0x1F) << 6 | (bytes[bpos + 1] & 0x3F);
        } else if (len == 3) {
          cp = (b0 & 0x0F) << 12 | (bytes[bpos + 1] & 0x3F) << 6 | (bytes[bpos + 2] & 0x3F);
        } else {
          cp = (b0 & 0x07) << 18 | (bytes[bpos + 1] & 0x3F) << 12
              | (bytes[bpos + 2] & 0x3F) << 6 | (bytes[bpos + 3] & 0x3F);
        }
        bpos += len;
        if (cp >= 0x10000) {
          push(Character.highSurrogate(cp), 2);
          push(Character.lowSurrogate(cp), 2);
        } else {
          push((char) cp, len);
        }
        return true;
    }
  }

  private void push(char c, int byteLength) {
    chars[tail] = c;
    lens[tail] = (byte) byteLength;
    tail++;
  }

  private static char cp1252(byte b) {
    int v = b & 0xFF;
    return v >= 0x80 && v <= 0x9F ? CP1252_HIGH[v - 0x80] : (char) v;
  }
}
