package io.github.ancmdiag;

import io.github.ancmdiag.internal.score.RankedCause;
import io.github.ancmdiag.model.Channel;
import io.github.ancmdiag.model.Confidence;
import io.github.ancmdiag.model.Expectation;
import io.github.ancmdiag.model.Finding;
import io.github.ancmdiag.model.VersionRange;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.jetbrains.annotations.NotNull;
import org.jetbrains.annotations.Nullable;
import org.jetbrains.annotations.Unmodifiable;

/**
 * One possible cause of an incident, with the evidence weighed for and against it and the fix
 * steps filled in with the incident's own values. Prints like a compiler finding:
 * {@code [missing-shared-framework] summary (see CATALOG.md#missing-shared-framework)}.
 * Made by {@link Diagnoser#diagnose} only; equal when every part is equal.
 */
public final class Diagnosis {
  private final RankedCause cause;

  Diagnosis(RankedCause cause) {
    this.cause = cause;
  }

  static @NotNull List<Diagnosis> wrap(@NotNull List<RankedCause> causes) {
    Diagnosis[] out = new Diagnosis[causes.size()];
    for (int i = 0; i < out.length; i++) {
      out[i] = new Diagnosis(causes.get(i));
    }
    return List.of(out);
  }

  /**
   * Returns the catalog entry id.
   *
   * @return the entry id
   */
  public @NotNull String entryId() {
    return cause.entryId();
  }

  /**
   * Returns the entry's title.
   *
   * @return the title
   */
  public @NotNull String title() {
    return cause.title();
  }

  /**
   * Returns the entry's one-line summary.
   *
   * @return the summary
   */
  public @NotNull String summary() {
    return cause.summary();
  }

  /**
   * Returns the version range of the variant that fits the evidence best.
   *
   * @return the versions
   */
  public @NotNull VersionRange versions() {
    return cause.versions();
  }

  /**
   * Returns this cause's support against its strongest rival and an unknown cause, 0 to 1; close
   * scores mean the evidence cannot tell the causes apart.
   *
   * @return the score
   */
  public double score() {
    return cause.score();
  }

  /**
   * Returns the confidence level, which also accounts for close competitors.
   *
   * @return the confidence
   */
  public @NotNull Confidence confidence() {
    return cause.confidence();
  }

  /**
   * Returns the evidence that matched.
   *
   * @return the findings for
   */
  public @NotNull @Unmodifiable List<Finding> supporting() {
    return cause.supporting();
  }

  /**
   * Returns the evidence this cause expects that the incident does not show.
   *
   * @return the expectations not met
   */
  public @NotNull @Unmodifiable List<Expectation> missing() {
    return cause.missing();
  }

  /**
   * Returns the evidence that speaks against this cause.
   *
   * @return the findings against
   */
  public @NotNull @Unmodifiable List<Finding> contradicting() {
    return cause.contradicting();
  }

  /**
   * Returns the values captured from the evidence, by name.
   *
   * @return the parameters
   */
  public @NotNull @Unmodifiable Map<String, String> parameters() {
    return cause.parameters();
  }

  /**
   * Returns the fix steps, with the parameters filled in.
   *
   * @return the fix steps
   */
  public @NotNull @Unmodifiable List<String> fix() {
    return cause.fix();
  }

  /**
   * Returns a captured parameter.
   *
   * @param name the capture name, such as {@code frameworkVersion}
   * @return the value, or empty when the evidence did not show it
   */
  public @NotNull Optional<String> parameter(@NotNull String name) {
    return Optional.ofNullable(cause.parameters().get(name));
  }

  /**
   * Tells whether any supporting evidence came from the given channel.
   *
   * @param channel a channel
   * @return true when some supporting evidence is from that channel
   */
  public boolean isSupportedBy(@NotNull Channel channel) {
    return cause.supporting().stream().anyMatch(f -> f.channel() == channel);
  }

  @Override
  public boolean equals(@Nullable Object o) {
    return o instanceof Diagnosis other && cause.equals(other.cause);
  }

  @Override
  public int hashCode() {
    return cause.hashCode();
  }

  @Override
  public String toString() {
    return "[" + entryId() + "] " + summary() + " (see CATALOG.md#" + entryId() + ")";
  }
}
