package io.github.ancmdiag;

import io.github.ancmdiag.internal.score.Match;
import io.github.ancmdiag.model.Channel;
import io.github.ancmdiag.model.Parameter;
import io.github.ancmdiag.model.VersionRange;
import java.util.List;
import java.util.Optional;
import org.jetbrains.annotations.NotNull;
import org.jetbrains.annotations.Nullable;
import org.jetbrains.annotations.Unmodifiable;

/**
 * One catalog signature found in one record. Made by {@link Diagnoser#classify} only; equal
 * when every part is equal.
 */
public final class SignatureMatch {
  private final Match match;

  SignatureMatch(Match match) {
    this.match = match;
  }

  static @NotNull List<SignatureMatch> wrap(@NotNull List<Match> matches) {
    SignatureMatch[] out = new SignatureMatch[matches.size()];
    for (int i = 0; i < out.length; i++) {
      out[i] = new SignatureMatch(matches.get(i));
    }
    return List.of(out);
  }

  /**
   * Returns the catalog entry the signature belongs to.
   *
   * @return the entry id
   */
  public @NotNull String entryId() {
    return match.entryId();
  }

  /**
   * Returns the signature's id within the entry's variant.
   *
   * @return the signature id
   */
  public @NotNull String signatureId() {
    return match.signatureId();
  }

  /**
   * Returns the version range of the variant the signature belongs to.
   *
   * @return the versions
   */
  public @NotNull VersionRange versions() {
    return match.versions();
  }

  /**
   * Returns where the software writes this evidence.
   *
   * @return the signature's channel
   */
  public @NotNull Channel expectedChannel() {
    return match.expectedChannel();
  }

  /**
   * Returns where the record that holds the match came from.
   *
   * @return the record's channel
   */
  public @NotNull Channel recordChannel() {
    return match.recordChannel();
  }

  /**
   * Returns the typed values captured, in template order.
   *
   * @return the parameters
   */
  public @NotNull @Unmodifiable List<Parameter> parameters() {
    return match.parameters();
  }

  /**
   * Returns where the match starts in the record's text.
   *
   * @return the start offset
   */
  public int start() {
    return match.start();
  }

  /**
   * Returns where the match ends (exclusive) in the record's text.
   *
   * @return the end offset
   */
  public int end() {
    return match.end();
  }

  /**
   * Returns the matched text, white space collapsed.
   *
   * @return the text
   */
  public @NotNull String matchedText() {
    return match.matchedText();
  }

  /**
   * Returns how much of the message was found: 1 for a whole message, less for one cut off
   * part-way.
   *
   * @return the completeness, in (0, 1]
   */
  public double completeness() {
    return match.completeness();
  }

  /**
   * Tells whether the whole message was found, not a truncated part.
   *
   * @return true for a whole message
   */
  public boolean isComplete() {
    return match.completeness() >= 1.0;
  }

  /**
   * Finds a captured parameter by name.
   *
   * @param name the capture name
   * @return the parameter, or empty when it was not captured
   */
  public @NotNull Optional<Parameter> parameter(@NotNull String name) {
    for (Parameter p : match.parameters()) {
      if (p.name().equals(name)) {
        return Optional.of(p);
      }
    }
    return Optional.empty();
  }

  @Override
  public boolean equals(@Nullable Object o) {
    return o instanceof SignatureMatch other && match.equals(other.match);
  }

  @Override
  public int hashCode() {
    return match.hashCode();
  }

  @Override
  public String toString() {
    return entryId() + "/" + signatureId() + " " + parameters() + " at " + start() + ".." + end();
  }
}
