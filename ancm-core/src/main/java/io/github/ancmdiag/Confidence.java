package io.github.ancmdiag;

/** How far the evidence supports a diagnosis. */
public enum Confidence {
  /** The evidence points at this cause and no close competitor; act on it. */
  HIGH,
  /** The cause fits better than the others, but more evidence would settle it. */
  MEDIUM,
  /** A possible cause among several; collect the missing evidence before acting. */
  LOW
}
