package io.github.ancmdiag.internal.score;

import io.github.ancmdiag.model.Confidence;
import io.github.ancmdiag.model.Expectation;
import io.github.ancmdiag.model.Finding;
import io.github.ancmdiag.model.VersionRange;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import org.jetbrains.annotations.NotNull;

/**
 * One ranked cause as the scorer concludes it; the facade shows it as a {@code Diagnosis}.
 *
 * @param entryId the catalog entry id
 * @param title the entry's title
 * @param summary the entry's one-line summary
 * @param versions the version range of the variant that fits the evidence best
 * @param score support against the strongest rival and an unknown cause, 0 to 1
 * @param confidence the confidence level
 * @param supporting the evidence that matched
 * @param missing the evidence the cause expects that the incident does not show
 * @param contradicting the evidence against the cause
 * @param parameters the values captured from the evidence, by name, in order of capture
 * @param fix the fix steps, parameters filled in
 */
public record RankedCause(
    @NotNull String entryId,
    @NotNull String title,
    @NotNull String summary,
    @NotNull VersionRange versions,
    double score,
    @NotNull Confidence confidence,
    @NotNull List<Finding> supporting,
    @NotNull List<Expectation> missing,
    @NotNull List<Finding> contradicting,
    @NotNull Map<String, String> parameters,
    @NotNull List<String> fix) {

  /** Validates and copies the parts. */
  public RankedCause {
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
}
