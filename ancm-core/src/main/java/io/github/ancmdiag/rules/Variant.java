package io.github.ancmdiag.rules;

import io.github.ancmdiag.model.VersionRange;
import java.util.List;
import java.util.Objects;
import org.jetbrains.annotations.NotNull;
import org.jetbrains.annotations.Unmodifiable;

/**
 * How one cause shows itself for one range of ASP.NET Core versions. The troubleshooting doc's two
 * halves (2.2 and later, before 2.2) become two variants of one entry.
 *
 * @param versions the ASP.NET Core versions this variant applies to
 * @param signatures the evidence the cause leaves in that range
 * @param fix steps for this range in place of the entry's; empty to use the entry's
 */
public record Variant(
    @NotNull VersionRange versions,
    @NotNull @Unmodifiable List<Signature> signatures,
    @NotNull @Unmodifiable List<String> fix) {

  /**
   * Validates and copies the parts.
   *
   * @param versions the ASP.NET Core versions this variant applies to
   * @param signatures the evidence the cause leaves in that range
   * @param fix steps for this range in place of the entry's; empty to use the entry's
   * @throws IllegalArgumentException if there is no signature
   */
  public Variant {
    Objects.requireNonNull(versions, "versions");
    signatures = List.copyOf(signatures);
    fix = List.copyOf(fix);
    if (signatures.isEmpty()) {
      throw new IllegalArgumentException("a variant needs at least one signature");
    }
  }

  /**
   * Creates a variant that uses the entry's fix steps.
   *
   * @param versions the versions it applies to
   * @param signatures the evidence
   * @return a new variant
   */
  public static @NotNull Variant of(
      @NotNull VersionRange versions, @NotNull List<Signature> signatures) {
    return new Variant(versions, signatures, List.of());
  }
}
