package io.github.ancmdiag.cli;

import java.util.HashMap;
import java.util.Map;
import java.util.TreeMap;

/**
 * Counts of matched records over time, per lane (an entry, or a host or file) and entry, in time
 * buckets that grow coarser as needed so that memory stays bounded: when more than {@link
 * #MAX_BUCKETS} buckets are in use, every count moves to buckets of the next width (a minute, ten
 * minutes, an hour, six hours, a day, a week). Not thread-safe.
 */
final class Timeline {
  /** The most buckets kept before they are made coarser. */
  static final int MAX_BUCKETS = 50_000;
  /** The bucket widths, in seconds, finest first. */
  static final long[] WIDTHS = {60, 600, 3_600, 21_600, 86_400, 604_800};

  private final Map<String, Map<String, TreeMap<Long, Long>>> lanes = new HashMap<>();
  private int level;
  private int buckets;
  private long min = Long.MAX_VALUE;
  private long max = Long.MIN_VALUE;

  /** Counts one record of {@code entry} in {@code lane} at {@code epochSecond}. */
  void add(String lane, String entry, long epochSecond) {
    min = Math.min(min, epochSecond);
    max = Math.max(max, epochSecond);
    TreeMap<Long, Long> counts = lanes.computeIfAbsent(lane, k -> new HashMap<>())
        .computeIfAbsent(entry, k -> new TreeMap<>());
    long bucket = Math.floorDiv(epochSecond, width()) * width();
    if (counts.merge(bucket, 1L, Long::sum) == 1L) {
      buckets++;
    }
    while (buckets > MAX_BUCKETS && level < WIDTHS.length - 1) {
      coarsen();
    }
  }

  private void coarsen() {
    level++;
    buckets = 0;
    for (Map<String, TreeMap<Long, Long>> byEntry : lanes.values()) {
      for (Map.Entry<String, TreeMap<Long, Long>> e : byEntry.entrySet()) {
        TreeMap<Long, Long> coarse = new TreeMap<>();
        e.getValue().forEach((t, n) -> coarse.merge(Math.floorDiv(t, width()) * width(), n,
            Long::sum));
        buckets += coarse.size();
        e.setValue(coarse);
      }
    }
  }

  /** Returns the bucket width in seconds. */
  long width() {
    return WIDTHS[level];
  }

  /** Tells whether any record was counted. */
  boolean isEmpty() {
    return min > max;
  }

  /** Returns the earliest time counted (epoch seconds). */
  long min() {
    return min;
  }

  /** Returns the latest time counted (epoch seconds). */
  long max() {
    return max;
  }

  /** Returns the counts of a lane: entry to bucket start to count; empty when none. */
  Map<String, TreeMap<Long, Long>> lane(String lane) {
    return lanes.getOrDefault(lane, Map.of());
  }

  /** Returns how many buckets are in use. */
  int buckets() {
    return buckets;
  }
}
