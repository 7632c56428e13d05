package io.github.ancmdiag.internal.score;

/**
 * Every number the scoring uses, in one place. A signature's weight is its kind's weight ({@link
 * #TEXT}, {@link #STATUS}, {@link #OBSERVATION}) times its catalog multiplier; the rest say how
 * evidence is discounted, what subtracts, and what a confidence level needs.
 */
final class Weights {
  /** A message. */
  static final double TEXT = 3.0;
  /** An HTTP status. */
  static final double STATUS = 2.0;
  /** An observation. */
  static final double OBSERVATION = 1.0;
  /** Extra weight per constrained capture: a message pinned to a code says more. */
  static final double CONSTRAINT_BONUS = 0.25;
  /**
   * Factor on the claim of a template that a more constrained template matched on the same text
   * outdoes: a start failure whose exit code one cause names is little evidence for the cause
   * that accepts any exit code.
   */
  static final double SHADOWED = 0.2;

  /**
   * The share of shared evidence kept by a cause of the smallest prior; a typical cause (prior
   * 1) keeps all of its share. So a prior moves a shared page by at most this much: it orders the
   * causes of sparse evidence, and a message of one cause alone still decides.
   */
  static final double PRIOR_FLOOR = 0.6;

  /** Factor for evidence found in another channel than expected. */
  static final double OTHER_CHANNEL = 0.85;
  /** Factor for a truncated message on top of its completeness. */
  static final double TRUNCATED = 0.8;

  /** Weight subtracted for a status that contradicts the cause's page. */
  static final double STATUS_CONTRADICTION = 2.0;
  /** Weight subtracted for a conflicting observation. */
  static final double OBSERVATION_CONTRADICTION = 1.5;
  /** Weight subtracted for a message the cause writes to a log said to be absent or empty. */
  static final double ABSENT_LOG_CONTRADICTION = 1.0;

  /** Support needed for {@code HIGH}. */
  static final double HIGH_SUPPORT = 2.5;
  /** Lead over the runner-up needed for {@code HIGH}. */
  static final double HIGH_LEAD = 1.6;
  /**
   * Weight one whole message from a log must carry on its own for {@code HIGH}: most of a
   * message's full weight, so a message that several causes share, or one the catalog marks as
   * weak (an app's unhandled exception), never makes a diagnosis certain.
   */
  static final double DECISIVE = 0.8 * TEXT;
  /** Support needed for {@code MEDIUM}. */
  static final double MEDIUM_SUPPORT = 0.9;
  /** Lead over the runner-up needed for {@code MEDIUM}. */
  static final double MEDIUM_LEAD = 1.2;
  /**
   * Support set aside for a cause outside the catalog: a score is a cause's support over its own,
   * its strongest rival's, and this.
   */
  static final double SCORE_OTHER = 2.0;

  private Weights() {}
}
