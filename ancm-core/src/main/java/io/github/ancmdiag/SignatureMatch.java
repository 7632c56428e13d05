package io.github.ancmdiag;

import io.github.ancmdiag.model.Channel;
import io.github.ancmdiag.model.VersionRange;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import org.jetbrains.annotations.NotNull;
import org.jetbrains.annotations.Unmodifiable;

/**
 * One catalog signature found in one record.
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
public record SignatureMatch(
    @NotNull String entryId,
    @NotNull String signatureId,
    @NotNull VersionRange versions,
    @NotNull Channel expectedChannel,
    @NotNull Channel recordChannel,
    @NotNull @Unmodifiable List<Parameter> parameters,
    int start,
    int end,
    @NotNull String matchedText,
    double completeness) {

  /**
   * Validates and copies the parts.
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
   * @throws IllegalArgumentException if the span or completeness is out of range
   */
  public SignatureMatch {
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

  /**
   * Tells whether the whole message was found, not a truncated part.
   *
   * @return true for a whole message
   */
  public boolean isComplete() {
    return completeness >= 1.0;
  }

  /**
   * Finds a captured parameter by name.
   *
   * @param name the capture name
   * @return the parameter, or empty when it was not captured
   */
  public @NotNull Optional<Parameter> parameter(@NotNull String name) {
    for (Parameter p : parameters) {
      if (p.name().equals(name)) {
        return Optional.of(p);
      }
    }
    return Optional.empty();
  }
}
