package io.github.ancmdiag.cli;

import java.io.Closeable;
import java.io.IOException;
import java.io.InputStream;
import java.nio.CharBuffer;
import java.nio.charset.Charset;
import java.nio.charset.StandardCharsets;

/**
 * Reads a text stream line by line in constant memory: a 64 KiB read buffer (growing to {@code
 * limit} bytes only for a longer line), and at most {@code limit} bytes of one line; the rest of a
 * longer line is counted and dropped. Used by {@link ScanCommand}.
 *
 * <p>The encoding is chosen per stream by byte order mark (UTF-8, UTF-16LE, UTF-16BE), unless the
 * bytes after the mark are plainly in another of them (see {@link TextFiles#lyingBom}). Without
 * one, each line is decoded as strict UTF-8, or as windows-1252 when its bytes are not UTF-8, so
 * one stray byte spoils neither the file nor the line. Lines end at LF (for UTF-16, at the LF code
 * unit); a CR before it is dropped. Splitting happens before decoding, so the limit holds for any
 * input; a cut UTF-8 line is cut at a character boundary.
 *
 * <p>A line is split in the read buffer and decoded straight into one reused character buffer,
 * which {@link #next()} returns as a view: no copy and no object per line. UTF-8 is decoded by hand
 * (ASCII in a tight loop), with the same answer as the JDK's strict decoder.
 */
final class LineSource implements Closeable {
  private static final int BUFFER = 1 << 16;

  private final InputStream in;
  private final int limit;
  private byte[] buf = new byte[BUFFER];
  private int pos;
  private int lim;
  private boolean inputEnded;
  private char[] chars = new char[BUFFER];
  private CharBuffer view = CharBuffer.wrap(chars);
  /** The kept bytes of a UTF-16 line, made for a UTF-16 stream only. */
  private byte[] wideLine;
  private int wideLength;
  private Charset wide;
  private String bomNote;
  private boolean started;
  private boolean eof;
  private long lineBytes;
  private long lineNumber;
  private long bytesRead;
  private long streamBytes;

  /** Wraps a stream; {@code limit} is the most bytes of one line kept. */
  LineSource(InputStream in, int limit) {
    this.in = in;
    this.limit = limit;
  }

  /**
   * Reads the next line.
   *
   * @return the line without its terminator, as a view valid until the next call (call {@code
   *     toString()} to keep it), or null at the end of the stream
   */
  CharSequence next() throws IOException {
    if (!started) {
      started = true;
      skipBom();
    }
    if (eof) {
      return null;
    }
    lineBytes = 0;
    if (wide != null) {
      return nextWide();
    }
    int scanned = pos; // where the search for LF goes on
    while (true) {
      int lf = indexOfLf(scanned, lim);
      if (lf >= 0) {
        lineBytes = lf - pos;
        bytesRead += lineBytes + 1;
        int start = pos;
        pos = lf + 1;
        return line(start, lf);
      }
      scanned = lim;
      if (lim - pos > limit) {
        return cutLine();
      }
      if (inputEnded) {
        eof = true;
        if (lim == pos) {
          return null;
        }
        lineBytes = lim - pos;
        bytesRead += lineBytes;
        int start = pos;
        pos = lim;
        return line(start, lim);
      }
      scanned -= pos;
      fill();
    }
  }

  private int indexOfLf(int from, int to) {
    byte[] b = buf;
    for (int i = from; i < to; i++) {
      if (b[i] == '\n') {
        return i;
      }
    }
    return -1;
  }

  /** Decodes the line {@code buf[start..end)} whose terminator (if any) was consumed. */
  private CharSequence line(int start, int end) {
    lineNumber++;
    if (isCut()) {
      return decode(start, utf8Boundary(start, start + limit));
    }
    int e = end > start && buf[end - 1] == '\r' ? end - 1 : end;
    return decode(start, e);
  }

  /** The line at {@code pos} is longer than the limit: keeps its start, drops its rest. */
  private CharSequence cutLine() throws IOException {
    lineBytes = lim - pos;
    lineNumber++;
    CharSequence text = decode(pos, utf8Boundary(pos, pos + limit));
    pos = lim;
    while (true) {
      int lf = indexOfLf(pos, lim);
      if (lf >= 0) {
        lineBytes += lf - pos;
        pos = lf + 1;
        bytesRead += lineBytes + 1;
        return text;
      }
      lineBytes += lim - pos;
      pos = lim;
      if (inputEnded) {
        eof = true;
        bytesRead += lineBytes;
        return text;
      }
      fill();
    }
  }

  /**
   * Keeps the unread bytes at the start of the buffer (growing it when they fill it, up to one
   * byte more than the limit, so that a line of exactly the limit is seen whole) and reads once.
   */
  private void fill() throws IOException {
    if (pos > 0) {
      System.arraycopy(buf, pos, buf, 0, lim - pos);
      lim -= pos;
      pos = 0;
    }
    if (lim == buf.length) {
      int size = (int) Math.min((long) limit + 1, Math.max(BUFFER, 2L * buf.length));
      buf = java.util.Arrays.copyOf(buf, Math.max(size, lim + 1));
    }
    int n = in.read(buf, lim, buf.length - lim);
    if (n < 0) {
      inputEnded = true;
    } else {
      lim += n;
      streamBytes += n;
    }
  }

  /**
   * Decodes {@code buf[from..to)} as strict UTF-8 into the character buffer, or as windows-1252
   * when it is not valid UTF-8 (the JDK's decoders' answer, including for a sequence cut at the
   * end).
   */
  private CharSequence decode(int from, int to) {
    int n = to - from;
    if (chars.length < n) {
      chars = new char[Math.max(n, 2 * chars.length)];
      view = CharBuffer.wrap(chars);
    }
    byte[] b = buf;
    char[] c = chars;
    int i = from;
    int k = 0;
    while (i < to) {
      byte x = b[i];
      if (x < 0) {
        break;
      }
      c[k++] = (char) x;
      i++;
    }
    if (i < to) {
      k = decodeUtf8(i, to, k);
      if (k < 0) {
        String s = new String(b, from, n, TextFiles.WINDOWS_1252);
        s.getChars(0, s.length(), c, 0);
        k = s.length();
      }
    }
    view.limit(k).position(0);
    return view;
  }

  /** Goes on decoding at {@code buf[i]}, {@code k} chars written; returns the count, or -1. */
  private int decodeUtf8(int from, int to, int written) {
    byte[] b = buf;
    char[] c = chars;
    int i = from;
    int k = written;
    while (i < to) {
      int b0 = b[i] & 0xFF;
      if (b0 < 0x80) {
        c[k++] = (char) b0;
        i++;
        continue;
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
      if (i + need >= to) {
        return -1; // cut inside a sequence, or no room: the strict decoder refuses it too
      }
      int b1 = b[i + 1] & 0xFF;
      if (b1 < lo || b1 > hi) {
        return -1;
      }
      int cp = b0 & (0x3F >> need);
      cp = cp << 6 | (b1 & 0x3F);
      for (int j = 2; j <= need; j++) {
        int bj = b[i + j] & 0xFF;
        if (bj < 0x80 || bj > 0xBF) {
          return -1;
        }
        cp = cp << 6 | (bj & 0x3F);
      }
      i += need + 1;
      if (cp >= 0x10000) {
        c[k++] = Character.highSurrogate(cp);
        c[k++] = Character.lowSurrogate(cp);
      } else {
        c[k++] = (char) cp;
      }
    }
    return k;
  }

  /** Reads one UTF-16 line the byte-wise way (a rare encoding for logs). */
  private CharSequence nextWide() throws IOException {
    wideLength = 0;
    boolean terminated = scanWide();
    if (!terminated && lineBytes == 0) {
      return null;
    }
    lineNumber++;
    String text = new String(wideLine, 0, wideLength & ~1, wide);
    if (!isCut() && text.endsWith("\r")) {
      text = text.substring(0, text.length() - 1);
    }
    if (chars.length < text.length()) {
      chars = new char[text.length()];
      view = CharBuffer.wrap(chars);
    }
    text.getChars(0, text.length(), chars, 0);
    view.limit(text.length()).position(0);
    return view;
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
      lineBytes += 2;
      if (wideLength + 2 <= wideLine.length) {
        wideLine[wideLength++] = (byte) b1;
        wideLine[wideLength++] = (byte) b2;
      }
    }
  }

  private int read() throws IOException {
    if (pos == lim) {
      pos = 0;
      lim = 0;
      int n = inputEnded ? -1 : in.read(buf, 0, buf.length);
      if (n <= 0) {
        inputEnded = n < 0;
        return -1;
      }
      lim = n;
      streamBytes += n;
    }
    return buf[pos++] & 0xff;
  }

  /** Moves the end of a cut line back so that it does not split a UTF-8 sequence. */
  private int utf8Boundary(int from, int end) {
    int start = end;
    while (start > from && end - start < 3 && (buf[start - 1] & 0xc0) == 0x80) {
      start--;
    }
    if (start > from && (buf[start - 1] & 0xc0) == 0xc0) {
      int lead = buf[start - 1] & 0xff;
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
      if (n < 0) {
        inputEnded = true;
        break;
      }
      lim += n;
      streamBytes += n;
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
      if (wide != null) {
        wideLine = new byte[limit];
      }
    }
  }

  /** Returns what was wrong with the byte order mark, once the first line was read, or null. */
  String bomNote() {
    return bomNote;
  }

  /** Tells whether the last line returned was longer than the limit and was cut. */
  boolean isCut() {
    return lineBytes > limit;
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

  /**
   * Returns the bytes taken from the stream so far, read ahead or not; at the end of the stream,
   * its length.
   */
  long streamBytes() {
    return streamBytes;
  }

  @Override
  public void close() throws IOException {
    in.close();
  }
}
