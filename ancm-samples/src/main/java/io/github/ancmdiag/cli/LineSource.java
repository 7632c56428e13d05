package io.github.ancmdiag.cli;

import java.io.Closeable;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.Charset;
import java.nio.charset.StandardCharsets;

/**
 * Reads a text stream line by line in constant memory: a 64 KiB read buffer, and at most
 * {@code limit} bytes of one line; the rest of a longer line is counted and dropped. Used by
 * {@link ScanCommand}.
 *
 * <p>The encoding is chosen per stream by byte order mark (UTF-8, UTF-16LE, UTF-16BE), unless the
 * bytes after the mark are plainly in another of them (see {@link TextFiles#lyingBom}). Without
 * one, each line is decoded as strict UTF-8, or as windows-1252 when its bytes are not UTF-8, so
 * one stray byte spoils neither the file nor the line. Lines end at LF (for UTF-16, at the LF code
 * unit); a CR before it is dropped. Splitting happens before decoding, so the limit holds for any
 * input; a cut UTF-8 line is cut at a character boundary.
 */
final class LineSource implements Closeable {
  private final InputStream in;
  private final byte[] buf = new byte[1 << 16];
  private final byte[] line;
  private int pos;
  private int lim;
  private Charset wide;
  private String bomNote;
  private boolean started;
  private boolean eof;
  private int length;
  private long lineBytes;
  private long lineNumber;
  private long bytesRead;

  /** Wraps a stream; {@code limit} is the most bytes of one line kept. */
  LineSource(InputStream in, int limit) {
    this.in = in;
    this.line = new byte[limit];
  }

  /**
   * Reads the next line.
   *
   * @return the line without its terminator, or null at the end of the stream
   */
  String next() throws IOException {
    if (!started) {
      started = true;
      skipBom();
    }
    if (eof) {
      return null;
    }
    length = 0;
    lineBytes = 0;
    boolean terminated = wide == null ? scanNarrow() : scanWide();
    if (!terminated && lineBytes == 0) {
      return null;
    }
    lineNumber++;
    String text;
    if (wide != null) {
      text = new String(line, 0, length & ~1, wide);
    } else {
      text = TextFiles.decodeUtf8Or1252(line, 0, isCut() ? utf8Boundary(length) : length);
    }
    return !isCut() && text.endsWith("\r") ? text.substring(0, text.length() - 1) : text;
  }

  /** Reads one byte-oriented line; returns whether it ended with LF. */
  private boolean scanNarrow() throws IOException {
    while (true) {
      if (pos == lim && !fill()) {
        eof = true;
        return false;
      }
      int i = pos;
      while (i < lim && buf[i] != '\n') {
        i++;
      }
      append(pos, i - pos);
      bytesRead += i - pos;
      if (i < lim) {
        pos = i + 1;
        bytesRead++;
        return true;
      }
      pos = i;
    }
  }

  /** Reads one UTF-16 line; returns whether it ended with LF. */
  private boolean scanWide() throws IOException {
    boolean le = wide == StandardCharsets.UTF_16LE;
    while (true) {
      int b1 = read();
      int b2 = b1 < 0 ? -1 : read();
      if (b2 < 0) {
        eof = true;
        return false;
      }
      bytesRead += 2;
      if ((le ? (b2 << 8 | b1) : (b1 << 8 | b2)) == '\n') {
        return true;
      }
      appendPair(b1, b2);
    }
  }

  private void appendPair(int b1, int b2) {
    lineBytes += 2;
    if (length + 2 <= line.length) {
      line[length++] = (byte) b1;
      line[length++] = (byte) b2;
    }
  }

  private void append(int from, int n) {
    lineBytes += n;
    int keep = Math.min(n, line.length - length);
    if (keep > 0) {
      System.arraycopy(buf, from, line, length, keep);
      length += keep;
    }
  }

  private int read() throws IOException {
    if (pos == lim && !fill()) {
      return -1;
    }
    return buf[pos++] & 0xff;
  }

  private boolean fill() throws IOException {
    int n = in.read(buf, 0, buf.length);
    pos = 0;
    lim = Math.max(n, 0);
    return n > 0;
  }

  /** Moves the end of a cut line back so that it does not split a UTF-8 sequence. */
  private int utf8Boundary(int end) {
    int start = end;
    while (start > 0 && end - start < 3 && (line[start - 1] & 0xc0) == 0x80) {
      start--;
    }
    if (start > 0 && (line[start - 1] & 0xc0) == 0xc0) {
      int lead = line[start - 1] & 0xff;
      int need = lead >= 0xf0 ? 4 : lead >= 0xe0 ? 3 : 2;
      if (end - (start - 1) < need) {
        return start - 1;
      }
    }
    return end;
  }

  private void skipBom() throws IOException {
    while (lim < 3) {
      int n = in.read(buf, lim, buf.length - lim);
      if (n <= 0) {
        break;
      }
      lim += n;
    }
    while (lim < 1030) { // enough after the mark to tell whether it lies
      int n = in.read(buf, lim, buf.length - lim);
      if (n <= 0) {
        break;
      }
      lim += n;
    }
    Charset bom = TextFiles.bomCharset(buf, lim);
    if (bom != null) {
      pos = bom == StandardCharsets.UTF_8 ? 3 : 2;
      bytesRead = pos;
      Charset real = TextFiles.lyingBom(buf, lim);
      if (real != null) {
        bomNote = TextFiles.lyingBomNote(bom, real);
        bom = real;
      }
      wide = bom == StandardCharsets.UTF_8 ? null : bom;
    }
  }

  /** Returns what was wrong with the byte order mark, once the first line was read, or null. */
  String bomNote() {
    return bomNote;
  }

  /** Tells whether the last line returned was longer than the limit and was cut. */
  boolean isCut() {
    return lineBytes > line.length;
  }

  /** Returns the length in bytes of the last line returned, terminator excluded. */
  long lineBytes() {
    return lineBytes;
  }

  /** Returns the 1-based number of the last line returned. */
  long lineNumber() {
    return lineNumber;
  }

  /** Returns the bytes read so far, byte order mark and line terminators included. */
  long bytesRead() {
    return bytesRead;
  }

  @Override
  public void close() throws IOException {
    in.close();
  }
}
