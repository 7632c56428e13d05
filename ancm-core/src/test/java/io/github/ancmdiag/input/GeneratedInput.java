package io.github.ancmdiag.input;

import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.util.function.IntFunction;

/**
 * A large export generated as it is read, so a test can prove a reader streams: a header, then
 * {@code count} items (item {@code i}, 1-based, from a function), then a footer. Counts the bytes
 * handed out.
 */
final class GeneratedInput extends InputStream {
  private final int count;
  private final IntFunction<String> item;
  private final String footer;
  private int produced;
  private byte[] current;
  private int pos;
  /** Bytes handed out so far. */
  long bytes;

  GeneratedInput(String header, int count, IntFunction<String> item, String footer) {
    this.count = count;
    this.item = item;
    this.footer = footer;
    this.current = header.getBytes(StandardCharsets.UTF_8);
  }

  @Override
  public int read() {
    byte[] one = new byte[1];
    return read(one, 0, 1) < 0 ? -1 : one[0] & 0xFF;
  }

  @Override
  public int read(byte[] b, int off, int len) {
    if (pos == current.length) {
      if (produced > count) {
        return -1;
      }
      produced++;
      current = (produced > count ? footer : item.apply(produced))
          .getBytes(StandardCharsets.UTF_8);
      pos = 0;
    }
    int n = Math.min(len, current.length - pos);
    System.arraycopy(current, pos, b, off, n);
    pos += n;
    bytes += n;
    return n;
  }
}
