package io.github.ancmdiag.input;

import java.util.Objects;
import org.jetbrains.annotations.NotNull;

/**
 * A part of an input that {@link LogReader} could not turn into a record, with where it is and
 * why. A record cut at the {@linkplain ReadLimits record limit} is returned cut and its rest is
 * reported here with the record's line. Immutable and thread-safe.
 *
 * @param source the file or stream name given to the reader
 * @param line the 1-based line where the skipped part starts, or 0 when unknown
 * @param byteOffset the offset in bytes from the start of the input (a byte order mark
 *     included) where the skipped part starts, or -1 when unknown
 * @param reason why it was skipped, as a sentence
 */
public record SkippedRecord(
    @NotNull String source, long line, long byteOffset, @NotNull String reason) {

  /**
   * Checks the fields.
   *
   * @param source the file or stream name given to the reader
   * @param line the 1-based line where the skipped part starts, or 0 when unknown
   * @param byteOffset the byte offset where the skipped part starts, or -1 when unknown
   * @param reason why it was skipped, as a sentence
   * @throws NullPointerException if {@code source} or {@code reason} is null
   * @throws IllegalArgumentException if {@code line} is negative or {@code byteOffset} is less
   *     than -1
   */
  public SkippedRecord {
    Objects.requireNonNull(source, "source");
    Objects.requireNonNull(reason, "reason");
    if (line < 0) {
      throw new IllegalArgumentException("line must be 0 or more but was " + line);
    }
    if (byteOffset < -1) {
      throw new IllegalArgumentException("byteOffset must be -1 or more but was " + byteOffset);
    }
  }

  /**
   * Returns {@code source:line (byte offset): reason}, leaving out the line and the offset when
   * they are unknown.
   *
   * @return a one-line description
   */
  @Override
  public @NotNull String toString() {
    return source + (line > 0 ? ":" + line : "") + (byteOffset >= 0 ? " (byte " + byteOffset + ")"
        : "") + ": " + reason;
  }
}
