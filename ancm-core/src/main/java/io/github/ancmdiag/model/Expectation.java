package io.github.ancmdiag.model;

import io.github.ancmdiag.model.Channel;
import java.util.Objects;
import org.jetbrains.annotations.NotNull;

/**
 * Evidence a diagnosis expects but the incident does not show: what to collect next.
 *
 * @param signatureId the catalog signature expected
 * @param channel where to look for it
 * @param description what to look for
 */
public record Expectation(
    @NotNull String signatureId, @NotNull Channel channel, @NotNull String description) {

  /**
   * Validates the parts.
   *
   * @param signatureId the catalog signature expected
   * @param channel where to look for it
   * @param description what to look for
   * @throws NullPointerException if a part is null
   */
  public Expectation {
    Objects.requireNonNull(signatureId, "signatureId");
    Objects.requireNonNull(channel, "channel");
    Objects.requireNonNull(description, "description");
  }

  @Override
  public String toString() {
    return description;
  }
}
