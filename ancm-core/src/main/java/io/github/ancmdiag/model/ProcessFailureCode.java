package io.github.ancmdiag.model;

import java.util.Objects;
import java.util.Optional;
import org.jetbrains.annotations.CheckReturnValue;
import org.jetbrains.annotations.Contract;
import org.jetbrains.annotations.NotNull;

/**
 * The pair ANCM V1 prints when the application process fails to start, as in
 * {@code ErrorCode = '0x80004005 : ff.'}: an HRESULT, a colon, and the process exit code in bare
 * lowercase hex ({@code %x}).
 *
 * <p>{@code 0x80070002 : 0} means the process was never created (the executable was not found);
 * {@code 0x80004005 : <exit code>} means it started and exited. When {@code dotnet} or the
 * apphost itself fails, the exit code is a .NET host status, which
 * {@link #exitCodeAsHostStatus()} names ({@code 80008081} is {@code InvalidArgFailure}).
 *
 * <p>Instances are immutable and thread-safe.
 *
 * @param hresult the HRESULT before the colon
 * @param exitCode the exit code after the colon, an unsigned 32-bit value
 *     ({@code 0..0xffffffff})
 */
public record ProcessFailureCode(@NotNull HResult hresult, long exitCode) {

  private static final long MAX_EXIT_CODE = 0xFFFF_FFFFL;

  /**
   * Checks the parts.
   *
   * @param hresult the HRESULT before the colon
   * @param exitCode the exit code, {@code 0..0xffffffff}
   * @throws IllegalArgumentException if {@code exitCode} is out of range
   * @throws NullPointerException if {@code hresult} is null
   */
  public ProcessFailureCode {
    Objects.requireNonNull(hresult, "hresult");
    if (exitCode < 0 || exitCode > MAX_EXIT_CODE) {
      throw new IllegalArgumentException("an exit code is between 0 and 0xffffffff, but was "
          + exitCode);
    }
  }

  /**
   * Returns the pair of an HRESULT and an exit code.
   *
   * @param hresult the HRESULT
   * @param exitCode the exit code, {@code 0..0xffffffff}
   * @return the pair
   * @throws IllegalArgumentException if {@code exitCode} is out of range
   * @throws NullPointerException if {@code hresult} is null
   */
  @CheckReturnValue
  @Contract(pure = true)
  public static @NotNull ProcessFailureCode of(@NotNull HResult hresult, long exitCode) {
    return new ProcessFailureCode(hresult, exitCode);
  }

  /**
   * Parses the pair as ANCM prints it, with or without the quotes and the final period of the
   * message around it: {@code 0x80004005 : ff}, {@code '0x80070002 : 0.},
   * {@code '0x80004005' : 80008081.}, {@code 0x80004005:ff}, {@code ‘0x80004005 : ff’}. The part
   * before the colon is read by {@link HResult#parse}; the part after it is 1 to 8 hex digits,
   * optionally after {@code 0x}, always read as hex ({@code 10} is sixteen).
   *
   * @param text the text to parse
   * @return the pair
   * @throws IllegalArgumentException naming {@code text} if it is not an HRESULT, one colon and
   *     a hex exit code
   * @throws NullPointerException if {@code text} is null
   */
  @CheckReturnValue
  @Contract(pure = true)
  public static @NotNull ProcessFailureCode parse(@NotNull CharSequence text) {
    Objects.requireNonNull(text, "text");
    String value = text.toString();
    int colon = value.indexOf(':');
    if (colon < 0 || value.indexOf(':', colon + 1) >= 0) {
      throw invalid(text, "expected one ':'");
    }
    HResult hresult = HResult.tryParse(value.substring(0, colon))
        .orElseThrow(() -> invalid(text, "the part before ':' is not an HRESULT"));
    long exitCode = parseExitCode(value, colon + 1, value.length());
    if (exitCode < 0) {
      throw invalid(text, "the part after ':' is not 1 to 8 hex digits");
    }
    return new ProcessFailureCode(hresult, exitCode);
  }

  /**
   * Returns the exit code as a .NET host status, when it is one ({@link HResult#isHostStatus()}):
   * the host's failure codes are also the exit codes of {@code dotnet} and the apphost.
   *
   * @return the host status, e.g. {@code 0x80008081} ({@code InvalidArgFailure}) for exit code
   *     {@code 80008081}; empty for any other exit code
   * @throws IllegalStateException if the bundled code table is malformed (a build defect)
   */
  public @NotNull Optional<HResult> exitCodeAsHostStatus() {
    HResult status = HResult.of((int) exitCode);
    return status.isHostStatus() ? Optional.of(status) : Optional.empty();
  }

  /**
   * Returns the pair as ANCM prints it.
   *
   * @return e.g. {@code 0x80004005 : ff}
   */
  @Override
  public @NotNull String toString() {
    return hresult + " : " + Long.toHexString(exitCode);
  }

  /** Reads the hex exit code in {@code text[from, to)}, ignoring edges; -1 if malformed. */
  private static long parseExitCode(String text, int from, int to) {
    int start = from;
    int end = to;
    while (start < end && isEdge(text.charAt(start))) {
      start++;
    }
    while (end > start && (isEdge(text.charAt(end - 1)) || text.charAt(end - 1) == '.')) {
      end--;
    }
    if (end - start > 2 && text.charAt(start) == '0'
        && (text.charAt(start + 1) == 'x' || text.charAt(start + 1) == 'X')) {
      start += 2;
    }
    if (start == end || end - start > 8) {
      return -1;
    }
    long value = 0;
    for (int i = start; i < end; i++) {
      char c = text.charAt(i);
      int digit = c <= 'f' ? Character.digit(c, 16) : -1;
      if (digit < 0) {
        return -1;
      }
      value = (value << 4) | digit;
    }
    return value;
  }

  private static boolean isEdge(char c) {
    return Character.isWhitespace(c) || Character.isSpaceChar(c) || HResult.isQuote(c);
  }

  private static IllegalArgumentException invalid(CharSequence text, String problem) {
    return new IllegalArgumentException("'" + text + "' is not an ANCM process failure code such"
        + " as '0x80004005 : ff': " + problem);
  }
}
