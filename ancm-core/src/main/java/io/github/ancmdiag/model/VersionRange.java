package io.github.ancmdiag.model;

import java.util.Objects;
import java.util.Optional;
import org.jetbrains.annotations.CheckReturnValue;
import org.jetbrains.annotations.Contract;
import org.jetbrains.annotations.NotNull;
import org.jetbrains.annotations.Nullable;

/**
 * A non-empty interval of {@link AspNetCoreVersion}s, written in NuGet interval notation:
 * {@code [2.2,)} (2.2 and later), {@code (,2.2)} (before 2.2), {@code [2.2,3.0)},
 * {@code [2.1]} (exactly 2.1), or {@code *} (every version, {@link #ALL}).
 *
 * <p>Versions compare by strict SemVer precedence ({@link AspNetCoreVersion#compareTo}): a bound
 * without a patch means patch {@code 0}, and a prerelease is below its release. So
 * {@code 2.2.0-preview1} is <em>not</em> in {@code [2.2,)} but is in {@code (,2.2)}, and
 * {@code 3.0.0-preview9} is in {@code [2.2,3.0)}. Write {@code [2.2.0-preview1,)} to include the
 * 2.2 previews.
 *
 * <p>Equality is structural and by precedence: two ranges are equal when their bounds compare
 * equal and have the same inclusiveness, so {@code [3.1,)}, {@code [3.1.0,)}, {@code >= 3.1} and
 * {@code 3.1} are equal. A range is never empty: {@link #parse} and {@link #of} reject empty
 * intervals and {@link #intersection} returns empty instead. Instances are immutable and
 * thread-safe.
 */
public final class VersionRange {

  /** Every version: {@code *}, no lower and no upper bound. */
  public static final VersionRange ALL = new VersionRange(null, false, null, false);

  private final @Nullable AspNetCoreVersion lower;
  private final boolean lowerInclusive;
  private final @Nullable AspNetCoreVersion upper;
  private final boolean upperInclusive;

  private VersionRange(
      @Nullable AspNetCoreVersion lower,
      boolean lowerInclusive,
      @Nullable AspNetCoreVersion upper,
      boolean upperInclusive) {
    this.lower = lower;
    this.lowerInclusive = lower != null && lowerInclusive;
    this.upper = upper;
    this.upperInclusive = upper != null && upperInclusive;
  }

  /**
   * Returns the range between two bounds.
   *
   * @param lower the lowest version, or {@code null} for no lower bound
   * @param lowerInclusive whether {@code lower} itself is in the range; ignored without a bound
   * @param upper the highest version, or {@code null} for no upper bound
   * @param upperInclusive whether {@code upper} itself is in the range; ignored without a bound
   * @return the range
   * @throws IllegalArgumentException if the range would be empty ({@code lower} above
   *     {@code upper}, or equal to it without both bounds inclusive)
   */
  @CheckReturnValue
  @Contract(pure = true)
  public static @NotNull VersionRange of(
      @Nullable AspNetCoreVersion lower,
      boolean lowerInclusive,
      @Nullable AspNetCoreVersion upper,
      boolean upperInclusive) {
    VersionRange range = new VersionRange(lower, lowerInclusive, upper, upperInclusive);
    if (range.isEmpty()) {
      throw new IllegalArgumentException("the range " + range.notation()
          + " contains no version: its lower bound must be below its upper bound, or equal to it"
          + " with both bounds inclusive");
    }
    return range;
  }

  /**
   * Parses a range. Accepted forms, with any whitespace around the parts:
   *
   * <ul>
   *   <li>NuGet intervals: {@code [2.2,)}, {@code (2.1,)}, {@code (,2.2)}, {@code (,3.1]},
   *       {@code [2.2, 3.0)}, and {@code [2.1]} for exactly one version;
   *   <li>a bare version, NuGet's inclusive minimum: {@code 2.2} means {@code [2.2,)};
   *   <li>comparisons: {@code >= 2.2}, {@code >2.1}, {@code < 2.2}, {@code <= 3.1};
   *   <li>{@code *} or blank text: every version.
   * </ul>
   *
   * <p>A bracket next to a missing bound is accepted and means nothing, so {@code [,2.2)} is
   * {@code (,2.2)}. An interval with no bound at all ({@code (,)}, {@code [,)}) is rejected:
   * write {@code *}.
   *
   * @param text the text to parse
   * @return the range
   * @throws IllegalArgumentException naming {@code text} if it is none of these forms, a version
   *     in it is malformed, or the range is empty ({@code [3.0,2.2)}, {@code (2.1)},
   *     {@code [2.2,2.2)}); also for {@code >=} without a version and for {@code [2.2}
   * @throws NullPointerException if {@code text} is null
   */
  @CheckReturnValue
  @Contract(pure = true)
  public static @NotNull VersionRange parse(@NotNull CharSequence text) {
    Objects.requireNonNull(text, "text");
    String trimmed = text.toString().strip();
    if (trimmed.isEmpty() || trimmed.equals("*")) {
      return ALL;
    }
    try {
      char first = trimmed.charAt(0);
      if (first == '[' || first == '(') {
        return parseInterval(trimmed);
      }
      if (first == '>' || first == '<') {
        boolean inclusive = trimmed.length() > 1 && trimmed.charAt(1) == '=';
        String version = trimmed.substring(inclusive ? 2 : 1);
        if (version.isBlank()) {
          throw new IllegalArgumentException("a comparison needs a version");
        }
        AspNetCoreVersion bound = AspNetCoreVersion.parse(version);
        return first == '>'
            ? of(bound, inclusive, null, false)
            : of(null, false, bound, inclusive);
      }
      return of(AspNetCoreVersion.parse(trimmed), true, null, false);
    } catch (IllegalArgumentException e) {
      throw new IllegalArgumentException("'" + text + "' is not a version range such as '[2.2,)',"
          + " '(,2.2)', '[2.1]', '>= 2.2' or '*': " + e.getMessage(), e);
    }
  }

  private static VersionRange parseInterval(String text) {
    char open = text.charAt(0);
    char close = text.charAt(text.length() - 1);
    if (text.length() < 2 || (close != ']' && close != ')')) {
      throw new IllegalArgumentException("an interval ends with ']' or ')'");
    }
    String inside = text.substring(1, text.length() - 1);
    int comma = inside.indexOf(',');
    if (comma < 0) {
      if (open != '[' || close != ']') {
        throw new IllegalArgumentException("a single version is written '[version]'");
      }
      AspNetCoreVersion exact = AspNetCoreVersion.parse(inside);
      return of(exact, true, exact, true);
    }
    if (inside.indexOf(',', comma + 1) >= 0) {
      throw new IllegalArgumentException("an interval has one comma");
    }
    String lowerText = inside.substring(0, comma).strip();
    String upperText = inside.substring(comma + 1).strip();
    if (lowerText.isEmpty() && upperText.isEmpty()) {
      throw new IllegalArgumentException("an interval needs at least one bound (write '*' for"
          + " every version)");
    }
    AspNetCoreVersion lower = lowerText.isEmpty() ? null : AspNetCoreVersion.parse(lowerText);
    AspNetCoreVersion upper = upperText.isEmpty() ? null : AspNetCoreVersion.parse(upperText);
    return of(lower, open == '[', upper, close == ']');
  }

  /**
   * Tells whether a version is in this range.
   *
   * @param version the version
   * @return {@code true} if it is within both bounds
   * @throws NullPointerException if {@code version} is null
   */
  public boolean contains(@NotNull AspNetCoreVersion version) {
    Objects.requireNonNull(version, "version");
    if (lower != null) {
      int compared = version.compareTo(lower);
      if (compared < 0 || (compared == 0 && !lowerInclusive)) {
        return false;
      }
    }
    if (upper != null) {
      int compared = version.compareTo(upper);
      return compared < 0 || (compared == 0 && upperInclusive);
    }
    return true;
  }

  /**
   * Tells whether some version is in both ranges.
   *
   * @param other the other range
   * @return {@code true} if the ranges overlap
   * @throws NullPointerException if {@code other} is null
   */
  public boolean intersects(@NotNull VersionRange other) {
    return intersection(other).isPresent();
  }

  /**
   * Returns the versions in both ranges.
   *
   * @param other the other range
   * @return the overlap, or empty if the ranges do not overlap
   * @throws NullPointerException if {@code other} is null
   */
  @CheckReturnValue
  public @NotNull Optional<VersionRange> intersection(@NotNull VersionRange other) {
    Objects.requireNonNull(other, "other");
    AspNetCoreVersion newLower = lower;
    boolean newLowerInclusive = lowerInclusive;
    if (other.lower != null) {
      int compared = lower == null ? -1 : lower.compareTo(other.lower);
      if (compared < 0) {
        newLower = other.lower;
        newLowerInclusive = other.lowerInclusive;
      } else if (compared == 0) {
        newLowerInclusive = lowerInclusive && other.lowerInclusive;
      }
    }
    AspNetCoreVersion newUpper = upper;
    boolean newUpperInclusive = upperInclusive;
    if (other.upper != null) {
      int compared = upper == null ? 1 : upper.compareTo(other.upper);
      if (compared > 0) {
        newUpper = other.upper;
        newUpperInclusive = other.upperInclusive;
      } else if (compared == 0) {
        newUpperInclusive = upperInclusive && other.upperInclusive;
      }
    }
    VersionRange range = new VersionRange(newLower, newLowerInclusive, newUpper, newUpperInclusive);
    return range.isEmpty() ? Optional.empty() : Optional.of(range);
  }

  /**
   * Returns the lower bound.
   *
   * @return the lowest version, or empty when the range has no lower bound
   */
  public @NotNull Optional<AspNetCoreVersion> lowerBound() {
    return Optional.ofNullable(lower);
  }

  /**
   * Returns the upper bound.
   *
   * @return the highest version, or empty when the range has no upper bound
   */
  public @NotNull Optional<AspNetCoreVersion> upperBound() {
    return Optional.ofNullable(upper);
  }

  /**
   * Tells whether the lower bound itself is in the range.
   *
   * @return {@code true} for {@code [}; {@code false} for {@code (} and when there is no lower
   *     bound
   */
  public boolean isLowerInclusive() {
    return lowerInclusive;
  }

  /**
   * Tells whether the upper bound itself is in the range.
   *
   * @return {@code true} for {@code ]}; {@code false} for {@code )} and when there is no upper
   *     bound
   */
  public boolean isUpperInclusive() {
    return upperInclusive;
  }

  /**
   * Compares bounds by precedence and inclusiveness, as described on this class.
   *
   * @param other the object to compare with
   * @return {@code true} if {@code other} is a range with the same versions
   */
  @Override
  public boolean equals(@Nullable Object other) {
    if (this == other) {
      return true;
    }
    if (!(other instanceof VersionRange that)) {
      return false;
    }
    return lowerInclusive == that.lowerInclusive
        && upperInclusive == that.upperInclusive
        && samePrecedence(lower, that.lower)
        && samePrecedence(upper, that.upper);
  }

  /**
   * Returns a hash consistent with {@link #equals}.
   *
   * @return the hash
   */
  @Override
  public int hashCode() {
    int hash = lower == null ? 0 : lower.precedenceHash();
    hash = 31 * hash + (upper == null ? 0 : upper.precedenceHash());
    return 31 * hash + (lowerInclusive ? 2 : 0) + (upperInclusive ? 1 : 0);
  }

  /**
   * Returns the canonical NuGet notation, which {@link #parse} reads back to an equal range.
   *
   * @return {@code [2.2,)}, {@code (,2.2)}, {@code [2.2,3.0)}, {@code [2.1]}, or {@code *} for
   *     {@link #ALL}
   */
  @Override
  public @NotNull String toString() {
    if (lower == null && upper == null) {
      return "*";
    }
    if (lower != null && upper != null && lowerInclusive && upperInclusive
        && lower.compareTo(upper) == 0) {
      return "[" + lower + "]";
    }
    return notation();
  }

  private String notation() {
    return (lowerInclusive ? "[" : "(") + (lower == null ? "" : lower) + ","
        + (upper == null ? "" : upper) + (upperInclusive ? "]" : ")");
  }

  private boolean isEmpty() {
    if (lower == null || upper == null) {
      return false;
    }
    int compared = lower.compareTo(upper);
    return compared > 0 || (compared == 0 && !(lowerInclusive && upperInclusive));
  }

  private static boolean samePrecedence(
      @Nullable AspNetCoreVersion left, @Nullable AspNetCoreVersion right) {
    return left == null ? right == null : right != null && left.compareTo(right) == 0;
  }
}
