package io.github.ancmdiag;

import io.github.ancmdiag.model.Channel;
import io.github.ancmdiag.model.VersionRange;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import org.jetbrains.annotations.NotNull;
import org.jetbrains.annotations.Unmodifiable;

/**
 * One possible cause of an incident, with the evidence weighed for and against it and the fix
 * steps filled in with the incident's own values. Prints like a compiler finding:
 * {@code [missing-shared-framework] summary (see CATALOG.md#missing-shared-framework)}.
 *
 * @param entryId the catalog entry id
 * @param title the entry's title
 * @param summary the entry's one-line summary
 * @param versions the version range of the variant that fits the evidence best
 * @param score this cause's support against its strongest rival and an unknown cause, 0 to 1;
 *     close scores mean the evidence cannot tell the causes apart
 * @param confidence the confidence level, which also accounts for close competitors
 * @param supporting the evidence that matched
 * @param missing the evidence this cause expects that the incident does not show
 * @param contradicting the evidence that speaks against this cause
 * @param parameters the values captured from the evidence, by name
 * @param fix the fix steps, with the parameters filled in
 */
public record Diagnosis(
    @NotNull String entryId,
    @NotNull String title,
    @NotNull String summary,
    @NotNull VersionRange versions,
    double score,
    @NotNull Confidence confidence,
    @NotNull @Unmodifiable List<Finding> supporting,
    @NotNull @Unmodifiable List<Expectation> missing,
    @NotNull @Unmodifiable List<Finding> contradicting,
    @NotNull @Unmodifiable Map<String, String> parameters,
    @NotNull @Unmodifiable List<String> fix) {

  /**
   * Validates and copies the parts.
   *
   * @param entryId the catalog entry id
   * @param title the entry's title
   * @param summary the entry's one-line summary
   * @param versions the version range of the variant that fits the evidence best
   * @param score this cause's support against its strongest rival and an unknown cause, 0 to 1;
 *     close scores mean the evidence cannot tell the causes apart
   * @param confidence the confidence level, which also accounts for close competitors
   * @param supporting the evidence that matched
   * @param missing the evidence this cause expects that the incident does not show
   * @param contradicting the evidence that speaks against this cause
   * @param parameters the values captured from the evidence, by name
   * @param fix the fix steps, with the parameters filled in
   * @throws IllegalArgumentException if {@code score} is outside 0..1
   */
  public Diagnosis {
    Objects.requireNonNull(entryId, "entryId");
    Objects.requireNonNull(title, "title");
    Objects.requireNonNull(summary, "summary");
    Objects.requireNonNull(versions, "versions");
    Objects.requireNonNull(confidence, "confidence");
    if (!(score >= 0 && score <= 1)) {
      throw new IllegalArgumentException("score must be within 0..1 but was " + score);
    }
    supporting = List.copyOf(supporting);
    missing = List.copyOf(missing);
    contradicting = List.copyOf(contradicting);
    parameters = Collections.unmodifiableMap(new LinkedHashMap<>(parameters));
    fix = List.copyOf(fix);
  }

  /**
   * Returns a captured parameter.
   *
   * @param name the capture name, such as {@code frameworkVersion}
   * @return the value, or empty when the evidence did not show it
   */
  public @NotNull Optional<String> parameter(@NotNull String name) {
    return Optional.ofNullable(parameters.get(name));
  }

  /**
   * Tells whether any supporting evidence came from the given channel.
   *
   * @param channel a channel
   * @return true when some supporting evidence is from that channel
   */
  public boolean isSupportedBy(@NotNull Channel channel) {
    return supporting.stream().anyMatch(f -> f.channel() == channel);
  }

  @Override
  public String toString() {
    return "[" + entryId + "] " + summary + " (see CATALOG.md#" + entryId + ")";
  }
}
