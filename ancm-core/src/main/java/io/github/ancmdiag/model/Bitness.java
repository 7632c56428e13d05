package io.github.ancmdiag.model;

import java.util.Objects;
import org.jetbrains.annotations.CheckReturnValue;
import org.jetbrains.annotations.Contract;
import org.jetbrains.annotations.NotNull;

/**
 * The processor architecture of a worker process or a published app. A mismatch between the
 * application pool ({@code enable32BitAppOnWin64}) and the app is a common start-up failure.
 */
public enum Bitness {
  /** 32-bit x86: {@code x86}, {@code 32-bit}, {@code win-x86}, {@code Win32}, {@code i386}. */
  X86,
  /** 64-bit x64: {@code x64}, {@code 64-bit}, {@code win-x64}, {@code amd64}, {@code x86_64}. */
  X64,
  /** 64-bit Arm: {@code arm64}, {@code win-arm64}, {@code aarch64}. */
  ARM64;

  /**
   * Parses a bitness as people, runtime identifiers and tools write it. Case, surrounding
   * whitespace, the {@code win-} prefix of a runtime identifier and the separators {@code -},
   * {@code _} and space are ignored. {@code 32-bit} means {@link #X86} and {@code 64-bit} means
   * {@link #X64}, as in IIS, where a 64-bit application pool is an x64 one.
   *
   * @param text the text to parse, e.g. {@code x86}, {@code 32-bit}, {@code win-x64},
   *     {@code 64bit}, {@code ARM64}
   * @return the bitness
   * @throws IllegalArgumentException naming {@code text} if it names no known bitness (also for
   *     32-bit Arm, which IIS does not run)
   * @throws NullPointerException if {@code text} is null
   */
  @CheckReturnValue
  @Contract(pure = true)
  public static @NotNull Bitness parse(@NotNull CharSequence text) {
    Objects.requireNonNull(text, "text");
    String normalized = Keys.squash(text);
    if (normalized.startsWith("win") && normalized.length() > 3) {
      normalized = normalized.substring(3);
    }
    switch (normalized) {
      case "x86":
      case "32":
      case "32bit":
      case "i386":
      case "i686":
        return X86;
      case "x64":
      case "64":
      case "64bit":
      case "amd64":
      case "x8664":
        return X64;
      case "arm64":
      case "aarch64":
        return ARM64;
      default:
        throw new IllegalArgumentException("'" + text + "' is not a bitness such as 'x86',"
            + " '32-bit', 'win-x64', '64-bit' or 'arm64'");
    }
  }
}
