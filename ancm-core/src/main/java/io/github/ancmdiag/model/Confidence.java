package io.github.ancmdiag.model;

import org.jetbrains.annotations.NotNull;

/**
 * How far the evidence supports a diagnosis. The constants are declared from the most to the least
 * confident, so {@link #compareTo} runs backwards; compare levels with {@link #isAtLeast}.
 */
public enum Confidence {
  /** The evidence points at this cause and no close competitor; act on it. */
  HIGH,
  /** The cause fits better than the others, but more evidence would settle it. */
  MEDIUM,
  /** A possible cause among several; collect the missing evidence before acting. */
  LOW;

  /**
   * Tells whether this level is as confident as {@code other} or more ({@code HIGH} &ge; {@code
   * MEDIUM} &ge; {@code LOW}).
   *
   * @param other the level to compare with
   * @return true if this level is {@code other} or more confident
   * @throws NullPointerException if {@code other} is null
   */
  public boolean isAtLeast(@NotNull Confidence other) {
    java.util.Objects.requireNonNull(other, "other");
    return rank(this) >= rank(other);
  }

  /** Spelled out rather than taken from the declaration order; a new level must be placed here. */
  private static int rank(Confidence c) {
    return switch (c) {
      case LOW -> 0;
      case MEDIUM -> 1;
      case HIGH -> 2;
    };
  }
}
