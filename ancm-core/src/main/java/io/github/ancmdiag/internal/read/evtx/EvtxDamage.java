package io.github.ancmdiag.internal.read.evtx;

import java.util.Objects;
import org.jetbrains.annotations.NotNull;

/**
 * A part of an {@code .evtx} file that {@link EvtxReader} could not read (or read only in part),
 * with where it starts. Immutable.
 *
 * @param byteOffset the offset in bytes from the start of the file where the part starts
 * @param reason what is wrong and what was not read, as a sentence
 */
public record EvtxDamage(long byteOffset, @NotNull String reason) {
  /**
   * Checks the fields.
   *
   * @param byteOffset the offset in bytes from the start of the file, 0 or more
   * @param reason what is wrong and what was not read
   * @throws IllegalArgumentException if {@code byteOffset} is negative
   */
  public EvtxDamage {
    Objects.requireNonNull(reason, "reason");
    if (byteOffset < 0) {
      throw new IllegalArgumentException("byteOffset must be 0 or more but was " + byteOffset);
    }
  }
}
