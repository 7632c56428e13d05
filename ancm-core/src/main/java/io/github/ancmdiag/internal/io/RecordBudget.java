package io.github.ancmdiag.internal.io;

import java.util.LinkedHashMap;
import java.util.Locale;
import java.util.Map;
import java.util.function.BiConsumer;
import org.jetbrains.annotations.NotNull;

/**
 * The bounds of one diagnosis's evidence, so that an input of ten million events cannot fill the
 * heap: at most {@link #RECORDS_PER_SOURCE} records of one source, at most {@link #TOTAL_CHARS}
 * characters of record text in all, and at most {@link #SKIPPED_KEPT} skipped records listed (the
 * rest counted). What is refused is counted per source, so that the evidence can say what it
 * dropped. Not thread-safe: one per evidence being built.
 */
public final class RecordBudget {
  /** The most records of one source kept for a diagnosis. */
  public static final int RECORDS_PER_SOURCE = 100_000;
  /** The most characters of record text kept for a diagnosis, in all. */
  public static final long TOTAL_CHARS = 32L * 1024 * 1024;
  /** The most skipped records listed for one input or one diagnosis; the rest are counted. */
  public static final int SKIPPED_KEPT = 1000;

  private final Map<String, int[]> perSource = new LinkedHashMap<>();
  private final Map<String, long[]> refused = new LinkedHashMap<>();
  private long chars;

  /** Creates an empty budget. */
  public RecordBudget() {}

  /**
   * Admits a record, or counts it as refused when its source or the whole evidence is full.
   *
   * @param source the record's source
   * @param length the length of its text
   * @return whether the record is kept
   */
  public boolean admit(@NotNull String source, int length) {
    int[] n = perSource.computeIfAbsent(source, k -> new int[1]);
    if (n[0] >= RECORDS_PER_SOURCE || chars + length > TOTAL_CHARS) {
      refused.computeIfAbsent(source, k -> new long[1])[0]++;
      return false;
    }
    n[0]++;
    chars += length;
    return true;
  }

  /**
   * Tells, for each source that had records refused, what was dropped and why.
   *
   * @param sink takes the source and a sentence
   */
  public void forEachRefused(@NotNull BiConsumer<String, String> sink) {
    refused.forEach((source, r) -> sink.accept(source, String.format(Locale.ROOT,
        "%,d more record(s) of this source were not kept for the diagnosis: it keeps at most"
            + " %,d records per source and %,d characters in all", r[0], RECORDS_PER_SOURCE,
        TOTAL_CHARS)));
  }

  /**
   * Returns the sentence of a skipped-records summary.
   *
   * @param firstReason the reason of the first skipped record not listed
   * @param notListed how many are not listed
   * @param listed how many are listed before it
   * @return the sentence
   */
  public static @NotNull String notListed(@NotNull String firstReason, long notListed,
      int listed) {
    return String.format(Locale.ROOT, "%,d more part(s) could not be read and are not listed"
        + " (the first %,d are); the first of them: %s", notListed, listed, firstReason);
  }
}
