package io.github.ancmdiag.internal.score;

import io.github.ancmdiag.model.Channel;
import io.github.ancmdiag.model.Parameter;
import io.github.ancmdiag.model.VersionRange;
import java.util.List;
import java.util.Objects;
import org.jetbrains.annotations.NotNull;

/**
 * One catalog signature found in one record, as the scoring sees it; the facade shows it as a
 * {@code Match}.
 *
 * @param entryId the catalog entry the signature belongs to
 * @param signatureId the signature within the entry's variant
 * @param versions the version range of that variant
 * @param expectedChannel where the software writes this evidence
 * @param recordChannel where the record that holds it came from
 * @param parameters the typed values captured
 * @param start where the match starts in the record's text
 * @param end where the match ends (exclusive) in the record's text
 * @param matchedText the matched text, white space collapsed
 * @param completeness 1 for a whole message, less for a message cut off part-way
 */
public record Match(
    @NotNull String entryId,
    @NotNull String signatureId,
    @NotNull VersionRange versions,
    @NotNull Channel expectedChannel,
    @NotNull Channel recordChannel,
    @NotNull List<Parameter> parameters,
    int start,
    int end,
    @NotNull String matchedText,
    double completeness) {

  /** Validates and copies the parts. */
  public Match {
    Objects.requireNonNull(entryId, "entryId");
    Objects.requireNonNull(signatureId, "signatureId");
    Objects.requireNonNull(versions, "versions");
    Objects.requireNonNull(expectedChannel, "expectedChannel");
    Objects.requireNonNull(recordChannel, "recordChannel");
    parameters = List.copyOf(parameters);
    Objects.requireNonNull(matchedText, "matchedText");
    if (start < 0 || end < start) {
      throw new IllegalArgumentException("bad span " + start + ".." + end);
    }
    if (!(completeness > 0 && completeness <= 1)) {
      throw new IllegalArgumentException("completeness must be in (0, 1] but was " + completeness);
    }
  }

  /** Tells whether the whole message was found, not a truncated part. */
  boolean isComplete() {
    return completeness >= 1.0;
  }
}
