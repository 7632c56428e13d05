package io.github.ancmdiag.model;

import java.util.Objects;
import org.jetbrains.annotations.CheckReturnValue;
import org.jetbrains.annotations.Contract;
import org.jetbrains.annotations.NotNull;

/**
 * An ASP.NET Core (or .NET runtime) version such as {@code 3.1}, {@code 3.1.32} or
 * {@code 8.0.0-preview.1}.
 *
 * <p>Ordering ({@link #compareTo}) follows SemVer 2.0.0 precedence: major, minor and patch
 * numerically, a missing patch counting as {@code 0}; then a prerelease sorts before its
 * release ({@code 8.0.0-preview.1 < 8.0.0}), and prereleases compare identifier by identifier
 * (numeric identifiers numerically and below alphanumeric ones, alphanumeric ones in ASCII
 * order, a shorter list first when all else is equal).
 *
 * <p>Equality is structural, so it keeps the text's precision: {@code 3.1} and {@code 3.1.0}
 * are not {@code equals} although {@code compareTo} returns {@code 0} for them (the ordering is
 * inconsistent with equals, as for {@link java.math.BigDecimal}; sort with {@code compareTo},
 * but do not use these versions as keys of a sorted map expecting both to be kept).
 *
 * <p>Instances are immutable and thread-safe.
 *
 * @param major the major version, {@code >= 0}
 * @param minor the minor version, {@code >= 0}
 * @param patch the patch version, {@code >= 0}, or {@link #NO_PATCH} when the text gave none
 * @param prerelease the SemVer prerelease without its leading {@code -} (dot-separated
 *     identifiers of ASCII letters, digits and {@code -}; numeric identifiers without leading
 *     zeros), or {@code ""} for a release
 */
public record AspNetCoreVersion(int major, int minor, int patch, @NotNull String prerelease)
    implements Comparable<AspNetCoreVersion> {

  /** The {@link #patch()} of a version given as {@code major.minor}. */
  public static final int NO_PATCH = -1;

  /** Digits allowed in one number: keeps every number below {@link Integer#MAX_VALUE}. */
  private static final int MAX_DIGITS = 9;

  /**
   * Checks the parts.
   *
   * @param major the major version, {@code >= 0}
   * @param minor the minor version, {@code >= 0}
   * @param patch the patch version, {@code >= 0}, or {@link #NO_PATCH}
   * @param prerelease the SemVer prerelease without its leading {@code -}, or {@code ""}
   * @throws IllegalArgumentException if a number is out of range or the prerelease is not made
   *     of valid SemVer identifiers
   * @throws NullPointerException if {@code prerelease} is null
   */
  public AspNetCoreVersion {
    Objects.requireNonNull(prerelease, "prerelease");
    if (major < 0 || minor < 0 || patch < NO_PATCH) {
      throw new IllegalArgumentException("version numbers are not negative (the patch is -1 when"
          + " absent), but were " + major + ", " + minor + ", " + patch);
    }
    if (!prerelease.isEmpty() && !isIdentifierList(prerelease, 0, prerelease.length(), true)) {
      throw new IllegalArgumentException("'" + prerelease + "' is not a SemVer prerelease: dot-"
          + "separated identifiers of ASCII letters, digits and '-', numbers without leading"
          + " zeros");
    }
  }

  /**
   * Returns a release version without a patch number, such as {@code 3.1}.
   *
   * @param major the major version, {@code >= 0}
   * @param minor the minor version, {@code >= 0}
   * @return the version
   * @throws IllegalArgumentException if a number is negative
   */
  @CheckReturnValue
  @Contract(pure = true)
  public static @NotNull AspNetCoreVersion of(int major, int minor) {
    return new AspNetCoreVersion(major, minor, NO_PATCH, "");
  }

  /**
   * Returns a release version, such as {@code 3.1.32}.
   *
   * @param major the major version, {@code >= 0}
   * @param minor the minor version, {@code >= 0}
   * @param patch the patch version, {@code >= 0}, or {@link #NO_PATCH}
   * @return the version
   * @throws IllegalArgumentException if a number is out of range
   */
  @CheckReturnValue
  @Contract(pure = true)
  public static @NotNull AspNetCoreVersion of(int major, int minor, int patch) {
    return new AspNetCoreVersion(major, minor, patch, "");
  }

  /**
   * Parses a version: {@code 2.1}, {@code 3.1.32}, {@code 8.0.0-preview.1},
   * {@code 2.2.0-preview-18579-0056}. Surrounding whitespace and one leading {@code v} or
   * {@code V} are ignored ({@code v3.1}); SemVer build metadata ({@code +sha.1a2b}) is accepted
   * and dropped, since it does not affect precedence.
   *
   * @param text the text to parse
   * @return the version
   * @throws IllegalArgumentException naming {@code text} if it is not
   *     {@code major.minor[.patch][-prerelease][+build]} with numbers of at most 9 digits
   *     ({@code 3}, {@code 3.x}, {@code -1.0}, {@code 3.1.32.0} are rejected)
   * @throws NullPointerException if {@code text} is null
   */
  @CheckReturnValue
  @Contract(pure = true)
  public static @NotNull AspNetCoreVersion parse(@NotNull CharSequence text) {
    Objects.requireNonNull(text, "text");
    int start = 0;
    int end = text.length();
    while (start < end && Character.isWhitespace(text.charAt(start))) {
      start++;
    }
    while (end > start && Character.isWhitespace(text.charAt(end - 1))) {
      end--;
    }
    if (start < end && (text.charAt(start) == 'v' || text.charAt(start) == 'V')) {
      start++;
    }
    int[] numbers = new int[] {0, 0, NO_PATCH};
    int at = start;
    for (int part = 0; part < 3; part++) {
      if (part > 0) {
        if (at < end && text.charAt(at) == '.') {
          at++;
        } else if (part == 2) {
          break;
        } else {
          throw invalid(text);
        }
      }
      int digitsEnd = at;
      while (digitsEnd < end && text.charAt(digitsEnd) >= '0' && text.charAt(digitsEnd) <= '9') {
        digitsEnd++;
      }
      if (digitsEnd == at || digitsEnd - at > MAX_DIGITS) {
        throw invalid(text);
      }
      numbers[part] = Integer.parseInt(text, at, digitsEnd, 10);
      at = digitsEnd;
    }
    String prerelease = "";
    if (at < end && text.charAt(at) == '-') {
      int preEnd = at + 1;
      while (preEnd < end && text.charAt(preEnd) != '+') {
        preEnd++;
      }
      if (!isIdentifierList(text, at + 1, preEnd, true)) {
        throw invalid(text);
      }
      prerelease = text.subSequence(at + 1, preEnd).toString();
      at = preEnd;
    }
    if (at < end && text.charAt(at) == '+') {
      if (!isIdentifierList(text, at + 1, end, false)) {
        throw invalid(text);
      }
      at = end;
    }
    if (at != end) {
      throw invalid(text);
    }
    return new AspNetCoreVersion(numbers[0], numbers[1], numbers[2], prerelease);
  }

  /**
   * Tells whether this is a prerelease.
   *
   * @return {@code true} if {@link #prerelease()} is not empty
   */
  public boolean isPrerelease() {
    return !prerelease.isEmpty();
  }

  /**
   * Compares by SemVer precedence, as described on this class.
   *
   * @param other the version to compare with
   * @return a negative number, zero or a positive number as this version is lower than, of the
   *     same precedence as, or higher than {@code other}
   * @throws NullPointerException if {@code other} is null
   */
  @Override
  public int compareTo(@NotNull AspNetCoreVersion other) {
    Objects.requireNonNull(other, "other");
    int result = Integer.compare(major, other.major);
    if (result == 0) {
      result = Integer.compare(minor, other.minor);
    }
    if (result == 0) {
      result = Integer.compare(Math.max(patch, 0), Math.max(other.patch, 0));
    }
    return result != 0 ? result : comparePrerelease(prerelease, other.prerelease);
  }

  /**
   * Returns the canonical text.
   *
   * @return {@code 3.1}, {@code 3.1.32} or {@code 8.0.0-preview.1}
   */
  @Override
  public @NotNull String toString() {
    StringBuilder text = new StringBuilder().append(major).append('.').append(minor);
    if (patch != NO_PATCH) {
      text.append('.').append(patch);
    }
    if (!prerelease.isEmpty()) {
      text.append('-').append(prerelease);
    }
    return text.toString();
  }

  /** Hash consistent with {@link #compareTo}: equal precedence gives an equal hash. */
  int precedenceHash() {
    return Objects.hash(major, minor, Math.max(patch, 0), prerelease);
  }

  private static IllegalArgumentException invalid(CharSequence text) {
    return new IllegalArgumentException("'" + text + "' is not a version such as '3.1', '3.1.32'"
        + " or '8.0.0-preview.1'");
  }

  /**
   * Tells whether {@code text[from, to)} is a non-empty list of dot-separated SemVer identifiers
   * ({@code [0-9A-Za-z-]+}), numeric ones without leading zeros when {@code strictNumbers}.
   */
  private static boolean isIdentifierList(
      CharSequence text, int from, int to, boolean strictNumbers) {
    if (from >= to) {
      return false;
    }
    int identifierStart = from;
    boolean numeric = true;
    for (int i = from; i <= to; i++) {
      if (i == to || text.charAt(i) == '.') {
        int length = i - identifierStart;
        if (length == 0
            || (strictNumbers && numeric && length > 1 && text.charAt(identifierStart) == '0')) {
          return false;
        }
        identifierStart = i + 1;
        numeric = true;
        continue;
      }
      char c = text.charAt(i);
      boolean digit = c >= '0' && c <= '9';
      if (!digit && !(c >= 'a' && c <= 'z') && !(c >= 'A' && c <= 'Z') && c != '-') {
        return false;
      }
      numeric &= digit;
    }
    return true;
  }

  private static int comparePrerelease(String left, String right) {
    if (left.isEmpty() || right.isEmpty()) {
      // a release is above any of its prereleases
      return Boolean.compare(left.isEmpty(), right.isEmpty());
    }
    int i = 0;
    int j = 0;
    while (i < left.length() && j < right.length()) {
      int leftEnd = identifierEnd(left, i);
      int rightEnd = identifierEnd(right, j);
      int result = compareIdentifier(left, i, leftEnd, right, j, rightEnd);
      if (result != 0) {
        return result;
      }
      i = leftEnd + 1;
      j = rightEnd + 1;
    }
    // the list that has identifiers left is the higher one
    return Boolean.compare(i < left.length(), j < right.length());
  }

  private static int identifierEnd(String text, int from) {
    int dot = text.indexOf('.', from);
    return dot < 0 ? text.length() : dot;
  }

  private static int compareIdentifier(
      String left, int leftFrom, int leftTo, String right, int rightFrom, int rightTo) {
    boolean leftNumeric = isNumeric(left, leftFrom, leftTo);
    boolean rightNumeric = isNumeric(right, rightFrom, rightTo);
    if (leftNumeric != rightNumeric) {
      return leftNumeric ? -1 : 1;
    }
    int leftLength = leftTo - leftFrom;
    int rightLength = rightTo - rightFrom;
    if (leftNumeric && leftLength != rightLength) {
      // no leading zeros, so the longer number is the larger one, whatever its size
      return Integer.compare(leftLength, rightLength);
    }
    int common = Math.min(leftLength, rightLength);
    for (int k = 0; k < common; k++) {
      int result = Character.compare(left.charAt(leftFrom + k), right.charAt(rightFrom + k));
      if (result != 0) {
        return result;
      }
    }
    return Integer.compare(leftLength, rightLength);
  }

  private static boolean isNumeric(String text, int from, int to) {
    for (int k = from; k < to; k++) {
      char c = text.charAt(k);
      if (c < '0' || c > '9') {
        return false;
      }
    }
    return true;
  }
}
