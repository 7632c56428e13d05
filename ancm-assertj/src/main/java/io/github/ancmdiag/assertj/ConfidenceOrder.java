package io.github.ancmdiag.assertj;

import io.github.ancmdiag.Confidence;

/**
 * Orders {@link Confidence} levels, {@code HIGH} &gt; {@code MEDIUM} &gt; {@code LOW}, for the
 * "at least" and "above" assertions. The rank is spelled out rather than taken from the enum's
 * declaration order, and the switch has no default, so a new level fails compilation here until it
 * is placed.
 */
final class ConfidenceOrder {

  private ConfidenceOrder() {}

  /** Tells whether {@code c} is strictly more confident than {@code level}. */
  static boolean isAbove(Confidence c, Confidence level) {
    return rank(c) > rank(level);
  }

  /** Tells whether {@code c} is strictly less confident than {@code level}. */
  static boolean isBelow(Confidence c, Confidence level) {
    return rank(c) < rank(level);
  }

  private static int rank(Confidence c) {
    return switch (c) {
      case LOW -> 0;
      case MEDIUM -> 1;
      case HIGH -> 2;
    };
  }
}
