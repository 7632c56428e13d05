package io.github.ancmdiag.input;

import org.jetbrains.annotations.Contract;
import org.jetbrains.annotations.NotNull;

/**
 * How much of one record {@link LogReader} keeps. A record longer than {@link #maxRecordChars()}
 * is cut: its first {@code maxRecordChars} characters are read (for event XML, of the event's
 * markup) and the rest is reported as a {@link SkippedRecord}; nothing is ever buffered beyond
 * the limit. Immutable and thread-safe.
 *
 * @param maxRecordChars the most characters kept of one record, at least 1024
 */
public record ReadLimits(int maxRecordChars) {
  /** The default limit: 4 Mi characters (4,194,304) per record. */
  public static final int DEFAULT_MAX_RECORD_CHARS = 4 * 1024 * 1024;

  private static final ReadLimits DEFAULTS = new ReadLimits(DEFAULT_MAX_RECORD_CHARS);

  /**
   * Checks the limit.
   *
   * @param maxRecordChars the most characters kept of one record, at least 1024
   * @throws IllegalArgumentException if {@code maxRecordChars} is less than 1024
   */
  public ReadLimits {
    if (maxRecordChars < 1024) {
      throw new IllegalArgumentException(
          "maxRecordChars must be at least 1024 but was " + maxRecordChars);
    }
  }

  /**
   * Returns the default limits: {@value #DEFAULT_MAX_RECORD_CHARS} characters per record.
   *
   * @return the default limits
   */
  @Contract(pure = true)
  public static @NotNull ReadLimits defaults() {
    return DEFAULTS;
  }

  /**
   * Returns limits keeping at most {@code maxRecordChars} characters of a record.
   *
   * @param maxRecordChars the most characters kept of one record, at least 1024
   * @return the limits
   * @throws IllegalArgumentException if {@code maxRecordChars} is less than 1024
   */
  @Contract(pure = true)
  public static @NotNull ReadLimits of(int maxRecordChars) {
    return new ReadLimits(maxRecordChars);
  }
}
