package io.github.ancmdiag.model;

import io.github.ancmdiag.model.AspNetCoreVersion;
import io.github.ancmdiag.model.CaptureType;
import io.github.ancmdiag.model.HResult;
import java.util.Objects;
import java.util.Optional;
import java.util.OptionalLong;
import org.jetbrains.annotations.NotNull;

/**
 * A value captured from evidence, such as the app's physical path or an HRESULT, with its type.
 *
 * @param name the capture name from the catalog, such as {@code frameworkVersion}
 * @param type what kind of value it is
 * @param value the value as it appeared in the evidence, white space collapsed
 */
public record Parameter(@NotNull String name, @NotNull CaptureType type, @NotNull String value) {

  /**
   * Validates the parts.
   *
   * @param name the capture name from the catalog, such as {@code frameworkVersion}
   * @param type what kind of value it is
   * @param value the value as it appeared in the evidence, white space collapsed
   * @throws NullPointerException if a part is null
   */
  public Parameter {
    Objects.requireNonNull(name, "name");
    Objects.requireNonNull(type, "type");
    Objects.requireNonNull(value, "value");
  }

  /**
   * Reads the value as an HRESULT.
   *
   * @return the HRESULT, or empty when the value is not one
   */
  public @NotNull Optional<HResult> asHResult() {
    return HResult.tryParse(value);
  }

  /**
   * Reads the value as an ASP.NET Core version.
   *
   * @return the version, or empty when the value is not one
   */
  public @NotNull Optional<AspNetCoreVersion> asVersion() {
    try {
      return Optional.of(AspNetCoreVersion.parse(value));
    } catch (IllegalArgumentException e) {
      return Optional.empty();
    }
  }

  /**
   * Reads the value as a number: decimal, or hexadecimal for {@link CaptureType#HEX}.
   *
   * @return the number, or empty when the value is not one
   */
  public @NotNull OptionalLong asLong() {
    try {
      return OptionalLong.of(Long.parseLong(value.trim(), type == CaptureType.HEX ? 16 : 10));
    } catch (NumberFormatException e) {
      return OptionalLong.empty();
    }
  }

  /**
   * Returns the value in canonical form: HRESULTs as {@code 0x8007023e}, others as they appeared.
   *
   * @return the canonical value
   */
  public @NotNull String canonicalValue() {
    if (type == CaptureType.HRESULT) {
      return asHResult().map(HResult::toString).orElse(value);
    }
    return value;
  }

  @Override
  public String toString() {
    return name + "=" + value;
  }
}
