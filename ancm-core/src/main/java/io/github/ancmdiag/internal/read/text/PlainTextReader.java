package io.github.ancmdiag.internal.read.text;

import io.github.ancmdiag.model.Channel;
import java.io.IOException;
import org.jetbrains.annotations.Nullable;

/**
 * Reads {@link io.github.ancmdiag.input.Format#PLAIN_TEXT}: the whole input as one record of the caller's channel, cut at
 * the record limit (the cut part is reported, then read and dropped). Blank input gives no record.
 * Called by {@link io.github.ancmdiag.input.LogReader}.
 */
public final class PlainTextReader extends RecordReader {
  private final Channel channel;
  private boolean done;

  public PlainTextReader(EncodingDecoder in, String source, int maxChars,
      RecordReader.Skips skips, Channel channel) {
    super(in, source, maxChars, skips);
    this.channel = channel;
  }

  @Override
  public @Nullable RawRecord next() throws IOException {
    if (done) {
      return null;
    }
    done = true;
    StringBuilder sb = new StringBuilder();
    long cutOffset = -1;
    while (true) {
      long offset = in.byteOffset();
      int c = in.read();
      if (c < 0) {
        break;
      }
      if (sb.length() < maxChars) {
        sb.append((char) c);
      } else if (cutOffset < 0) {
        cutOffset = offset;
      }
    }
    if (sb.toString().isBlank()) {
      return null;
    }
    if (cutOffset >= 0) {
      skipCut(1, cutOffset);
    }
    return RawRecord.builder(channel, sb).source(source).line(1).build();
  }
}
