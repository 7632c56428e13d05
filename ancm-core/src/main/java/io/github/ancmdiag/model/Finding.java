package io.github.ancmdiag.model;

import io.github.ancmdiag.model.Channel;
import java.util.Objects;
import org.jetbrains.annotations.NotNull;

/**
 * A piece of evidence weighed for or against a diagnosis.
 *
 * @param signatureId the catalog signature concerned
 * @param kind what the evidence is: a message, a status or an observation
 * @param channel the channel the evidence is about
 * @param detail the quoted text, status or observation found, or why it contradicts
 * @param source where the evidence was read ({@code file:line}), or the empty string
 * @param weight how much it counted
 */
public record Finding(
    @NotNull String signatureId,
    @NotNull Kind kind,
    @NotNull Channel channel,
    @NotNull String detail,
    @NotNull String source,
    double weight) {

  /** What a finding is. */
  public enum Kind {
    /** A message found in a record's text. */
    MESSAGE,
    /** An HTTP status seen. */
    STATUS,
    /** An observation, given or inferred from the files. */
    OBSERVATION
  }

  /**
   * Validates the parts.
   *
   * @param signatureId the catalog signature concerned
   * @param kind what the evidence is
   * @param channel the channel the evidence is about
   * @param detail the quoted text, status or observation found, or why it contradicts
   * @param source where the evidence was read ({@code file:line}), or the empty string
   * @param weight how much it counted
   * @throws NullPointerException if a part is null
   */
  public Finding {
    Objects.requireNonNull(signatureId, "signatureId");
    Objects.requireNonNull(kind, "kind");
    Objects.requireNonNull(channel, "channel");
    Objects.requireNonNull(detail, "detail");
    Objects.requireNonNull(source, "source");
  }

  @Override
  public String toString() {
    return channel + " " + detail + (source.isEmpty() ? "" : " (" + source + ")");
  }
}
