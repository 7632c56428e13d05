package io.github.ancmdiag.input;

import java.io.IOException;
import java.util.function.Consumer;
import org.jetbrains.annotations.Nullable;

/**
 * One format's reader: pulls characters from an {@link EncodingDecoder} and returns records one at
 * a time, reporting what it cannot read to {@code skips}. Created and driven by {@link LogReader},
 * which turns an {@link IOException} or a bug into a final {@link SkippedRecord}.
 */
abstract class RecordReader {
  final EncodingDecoder in;
  final String source;
  final int maxChars;
  private final Consumer<SkippedRecord> skips;

  RecordReader(EncodingDecoder in, String source, ReadLimits limits,
      Consumer<SkippedRecord> skips) {
    this.in = in;
    this.source = source;
    this.maxChars = limits.maxRecordChars();
    this.skips = skips;
  }

  /** Returns the next record, or null at the end of the input. */
  abstract @Nullable LogRecord next() throws IOException;

  final void skip(long line, long byteOffset, String reason) {
    skips.accept(new SkippedRecord(source, line, byteOffset, reason));
  }

  final void skipCut(long line, long cutOffset) {
    skip(line, cutOffset, "the record starting on line " + line + " is longer than the limit of "
        + maxChars + " characters; it was cut there and the rest, from byte " + cutOffset
        + " to its end, was not read");
  }
}
