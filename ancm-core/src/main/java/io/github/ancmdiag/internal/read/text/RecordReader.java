package io.github.ancmdiag.internal.read.text;

import java.io.IOException;
import org.jetbrains.annotations.Nullable;

/**
 * One format's reader: pulls characters from an {@link EncodingDecoder} and returns records one at
 * a time, reporting what it cannot read to {@code skips}. Created and driven by {@code
 * input.LogReader}, which turns the {@link RawRecord}s into {@code io.github.ancmdiag.input.LogRecord}s, the skips into
 * {@code io.github.ancmdiag.input.SkippedRecord}s, and an {@link IOException} or a bug into a final skip. The readers know
 * nothing of the {@code input} package, so that it may use them without a package cycle.
 */
public abstract class RecordReader {
  /** The input being read. */
  protected final EncodingDecoder in;
  /** The file or stream name records and skips carry. */
  protected final String source;
  /** The most characters kept of one record. */
  protected final int maxChars;
  private final Skips skips;

  /** Receives what a reader could not read, with where it starts. */
  @FunctionalInterface
  public interface Skips {
    /**
     * Reports a part of the input that was not read.
     *
     * @param line the 1-based line where it starts, or 0 when unknown
     * @param byteOffset its byte offset from the start of the input, or -1 when unknown
     * @param reason why it was not read, as a sentence
     */
    void skip(long line, long byteOffset, String reason);
  }

  /**
   * Creates a reader.
   *
   * @param in the input
   * @param source the name records and skips carry
   * @param maxChars the most characters kept of one record
   * @param skips where skipped parts go
   */
  protected RecordReader(EncodingDecoder in, String source, int maxChars, Skips skips) {
    this.in = in;
    this.source = source;
    this.maxChars = maxChars;
    this.skips = skips;
  }

  /**
   * Returns the next record.
   *
   * @return the record, or null at the end of the input
   * @throws IOException if the input cannot be read
   */
  public abstract @Nullable RawRecord next() throws IOException;

  /**
   * Reports a part of the input that was not read.
   *
   * @param line the 1-based line where it starts, or 0 when unknown
   * @param byteOffset its byte offset, or -1 when unknown
   * @param reason why, as a sentence
   */
  protected final void skip(long line, long byteOffset, String reason) {
    skips.skip(line, byteOffset, reason);
  }

  /**
   * Reports the rest of a record cut at the limit.
   *
   * @param line the record's first line
   * @param cutOffset the byte offset of the first character not kept
   */
  protected final void skipCut(long line, long cutOffset) {
    skip(line, cutOffset, "the record starting on line " + line + " is longer than the limit of "
        + maxChars + " characters; it was cut there and the rest, from byte " + cutOffset
        + " to its end, was not read");
  }

  /**
   * One line read raw, at most {@link #maxChars} characters of it.
   *
   * @param text the line without its end, a CR before the LF removed
   * @param end what ended it: {@code "\n"}, {@code "\r\n"} or {@code ""} at the end of the input
   * @param number its 1-based line number
   * @param byteOffset the byte offset of its first character
   * @param cutOffset the byte offset of the first character not kept, or -1 when it was whole
   */
  protected record CappedLine(String text, String end, long number, long byteOffset, long cutOffset) {}

  /**
   * Reads one line from {@link #in}, keeping at most {@link #maxChars} characters of it and
   * reading past the rest.
   *
   * @return the line, or null at the end of the input
   * @throws IOException if the input cannot be read
   */
  protected final @Nullable CappedLine readCappedLine() throws IOException {
    long number = in.line();
    long offset = in.byteOffset();
    StringBuilder sb = new StringBuilder();
    long cut = -1;
    int c;
    while (true) {
      long at = in.byteOffset();
      c = in.read();
      if (c < 0 || c == '\n') {
        break;
      }
      if (sb.length() < maxChars) {
        sb.append((char) c);
      } else if (cut < 0) {
        cut = at;
      }
    }
    if (c < 0 && sb.length() == 0 && cut < 0) {
      return null;
    }
    String end = c < 0 ? "" : "\n";
    if (sb.length() > 0 && sb.charAt(sb.length() - 1) == '\r') {
      sb.setLength(sb.length() - 1);
      end = "\r" + end;
    }
    return new CappedLine(sb.toString(), end, number, offset, cut);
  }
}
