package io.github.ancmdiag.model;

import java.util.Objects;
import java.util.Optional;
import java.util.OptionalInt;
import org.jetbrains.annotations.CheckReturnValue;
import org.jetbrains.annotations.Contract;
import org.jetbrains.annotations.NotNull;

/**
 * A 32-bit Windows status code as ANCM and the .NET host print it: an HRESULT
 * ({@code 0x8007023e}), an SEH exception code ({@code 0xe0434352}) or a .NET host status code
 * ({@code 0x80008096}).
 *
 * <p>Equality is by {@link #value()}, so every textual form of one code gives equal objects:
 * {@code parse("0x80070003")}, {@code parse("80070003")}, {@code parse("-2147024893")} and
 * {@code parse("2147942403")} are all equal. {@link #toString()} is the canonical form,
 * {@code 0x} and eight lowercase hex digits.
 *
 * <p>{@link #name()} and {@link #description()} are known for the codes of the project's ground
 * truth (the HRESULTs that appear in ANCM messages and every .NET host status code); the bundled
 * table is read once, on first use. Instances are immutable and thread-safe.
 *
 * @param value the code as a signed 32-bit integer, exactly as the C {@code HRESULT} type holds
 *     it
 */
public record HResult(int value) {

  /** The facility of codes made by {@code HRESULT_FROM_WIN32} from a Win32 error code. */
  public static final int FACILITY_WIN32 = 7;

  private static final long INVALID = Long.MIN_VALUE;
  private static final long MAX_UNSIGNED = 0xFFFF_FFFFL;

  /**
   * Returns the code with the given value.
   *
   * @param value the code as a signed 32-bit integer; every value is valid
   * @return the code
   */
  @CheckReturnValue
  @Contract(pure = true)
  public static @NotNull HResult of(int value) {
    return new HResult(value);
  }

  /**
   * Returns the HRESULT that Windows' {@code HRESULT_FROM_WIN32} macro makes from a Win32 error
   * code: {@code 0} stays {@code 0}, any other code {@code c} becomes
   * {@code 0x8007_0000 | c}.
   *
   * @param win32Code the Win32 error code, {@code 0..65535}
   * @return the HRESULT, e.g. {@code 0x8007023e} for {@code ERROR_UNHANDLED_EXCEPTION} (574)
   * @throws IllegalArgumentException if {@code win32Code} is outside {@code 0..65535}
   */
  @CheckReturnValue
  @Contract(pure = true)
  public static @NotNull HResult fromWin32(int win32Code) {
    if (win32Code < 0 || win32Code > 0xFFFF) {
      throw new IllegalArgumentException(
          "a Win32 error code is between 0 and 65535, but was " + win32Code);
    }
    if (win32Code == 0) {
      return new HResult(0);
    }
    return new HResult(0x8000_0000 | (FACILITY_WIN32 << 16) | win32Code);
  }

  /**
   * Parses a code in any form users meet. Surrounding whitespace, quotes ({@code ' " ` ‘ ’ “ ”})
   * and trailing periods are ignored, so {@code '0x8007023e'.} as copied from an event message
   * is accepted. The forms are:
   *
   * <ul>
   *   <li>{@code 0x} or {@code 0X} then 1 to 8 hex digits in any case: {@code 0x8007023E};
   *   <li>bare digits containing a hex letter, up to 8: {@code 8007023e};
   *   <li>exactly 8 bare decimal digits, read as hex (the way ANCM prints a code after a colon):
   *       {@code 80008081};
   *   <li>a leading {@code -} and up to 10 decimal digits, a signed 32-bit value:
   *       {@code -2147024893};
   *   <li>9 or 10 decimal digits, an unsigned 32-bit value: {@code 2147942974};
   *   <li>1 to 7 decimal digits, a decimal value: {@code 574}.
   * </ul>
   *
   * @param text the text to parse
   * @return the code
   * @throws IllegalArgumentException naming {@code text} if it is none of these forms or does
   *     not fit in 32 bits
   * @throws NullPointerException if {@code text} is null
   */
  @CheckReturnValue
  @Contract(pure = true)
  public static @NotNull HResult parse(@NotNull CharSequence text) {
    Objects.requireNonNull(text, "text");
    long value = parseValue(text);
    if (value == INVALID) {
      throw new IllegalArgumentException("'" + text + "' is not an HRESULT: expected 0x and 1 to"
          + " 8 hex digits, 8 bare hex digits, or a decimal number that fits in 32 bits");
    }
    return new HResult((int) value);
  }

  /**
   * Parses a code like {@link #parse(CharSequence)}, returning empty instead of throwing.
   *
   * @param text the text to parse
   * @return the code, or empty if {@code text} is not one
   * @throws NullPointerException if {@code text} is null
   */
  @CheckReturnValue
  @Contract(pure = true)
  public static @NotNull Optional<HResult> tryParse(@NotNull CharSequence text) {
    Objects.requireNonNull(text, "text");
    long value = parseValue(text);
    return value == INVALID ? Optional.empty() : Optional.of(new HResult((int) value));
  }

  /**
   * Returns the code as an unsigned number, the value Windows prints with {@code %u}.
   *
   * @return the value in {@code 0..4294967295}
   */
  public long unsignedValue() {
    return Integer.toUnsignedLong(value);
  }

  /**
   * Tells whether the severity bit is set, as {@code FAILED(hr)} does.
   *
   * @return {@code true} for a failure code
   */
  public boolean isFailure() {
    return value < 0;
  }

  /**
   * Returns the facility, as {@code HRESULT_FACILITY(hr)} computes it.
   *
   * @return bits 16 to 28, e.g. {@code 7} for {@code 0x8007023e}
   */
  public int facility() {
    return (value >>> 16) & 0x1FFF;
  }

  /**
   * Returns the code within the facility, as {@code HRESULT_CODE(hr)} computes it.
   *
   * @return the low 16 bits, e.g. {@code 0x23e} (574) for {@code 0x8007023e}
   */
  public int code() {
    return value & 0xFFFF;
  }

  /**
   * Tells whether the code is in the Win32 facility, that is made by {@code HRESULT_FROM_WIN32}.
   *
   * @return {@code true} if {@link #facility()} is {@value #FACILITY_WIN32}
   */
  public boolean isWin32() {
    return facility() == FACILITY_WIN32;
  }

  /**
   * Returns the Win32 error code this code was made from.
   *
   * @return the Win32 error code (e.g. 574 for {@code 0x8007023e}), or empty if the code is not
   *     in the Win32 facility
   */
  public @NotNull OptionalInt win32Code() {
    return isWin32() ? OptionalInt.of(code()) : OptionalInt.empty();
  }

  /**
   * Returns the symbolic name of a known code:
   * {@code HRESULT_FROM_WIN32(ERROR_UNHANDLED_EXCEPTION)} for {@code 0x8007023e},
   * {@code FrameworkMissingFailure} for {@code 0x80008096}. A .NET host code retired from current
   * headers has its last name ({@code LibHostMuxFailure}). Host success codes share values with
   * HRESULTs, so {@code 0} is named {@code Success}.
   *
   * @return the name, or empty for a code the bundled table does not know or names no name for
   *     ({@code 0x8000809e}, never used)
   * @throws IllegalStateException if the bundled table is malformed (a build defect)
   */
  public @NotNull Optional<String> name() {
    KnownCodes.Entry entry = KnownCodes.find(value);
    return entry == null || entry.name().isEmpty() ? Optional.empty() : Optional.of(entry.name());
  }

  /**
   * Returns what a known code means when ANCM or the .NET host reports it, in the words of the
   * project's reference.
   *
   * @return one or two sentences, or empty for a code the bundled table does not know
   * @throws IllegalStateException if the bundled table is malformed (a build defect)
   */
  public @NotNull Optional<String> description() {
    KnownCodes.Entry entry = KnownCodes.find(value);
    return entry == null ? Optional.empty() : Optional.of(entry.meaning());
  }

  /**
   * Tells whether this is a .NET host failure status (hostfxr, hostpolicy, apphost or the
   * {@code dotnet} muxer), one of {@code 0x80008081..0x800080a7} as the reference lists them.
   * The host's success codes {@code 0..2} are not counted, since they are also ordinary exit
   * codes and HRESULTs.
   *
   * @return {@code true} for a known host failure status
   * @throws IllegalStateException if the bundled table is malformed (a build defect)
   */
  public boolean isHostStatus() {
    if (value >= 0) {
      return false;
    }
    KnownCodes.Entry entry = KnownCodes.find(value);
    return entry != null && entry.kind() == KnownCodes.Kind.HOST;
  }

  /**
   * Returns the canonical form, {@code 0x} and eight lowercase hex digits.
   *
   * @return e.g. {@code 0x8007023e}
   */
  @Override
  public @NotNull String toString() {
    String hex = Integer.toHexString(value);
    return "0x" + "00000000".substring(hex.length()) + hex;
  }

  /** Returns the value of {@code text}, or {@link #INVALID}. Linear, no allocation. */
  private static long parseValue(CharSequence text) {
    int start = 0;
    int end = text.length();
    while (start < end && isIgnorableEdge(text.charAt(start))) {
      start++;
    }
    while (end > start && (isIgnorableEdge(text.charAt(end - 1)) || text.charAt(end - 1) == '.')) {
      end--;
    }
    int length = end - start;
    if (length == 0) {
      return INVALID;
    }
    char first = text.charAt(start);
    if (length > 2 && first == '0' && (text.charAt(start + 1) == 'x'
        || text.charAt(start + 1) == 'X')) {
      return length - 2 <= 8 ? hex(text, start + 2, end) : INVALID;
    }
    if (first == '-') {
      long magnitude = length - 1 <= 10 ? decimal(text, start + 1, end) : INVALID;
      return magnitude == INVALID || magnitude > 0x8000_0000L ? INVALID : -magnitude;
    }
    boolean hexLetter = false;
    for (int i = start; i < end; i++) {
      char c = text.charAt(i);
      if (Character.digit(c, 16) < 0 || c > 'f') {
        return INVALID;
      }
      hexLetter |= c > '9';
    }
    if (hexLetter || length == 8) {
      return length <= 8 ? hex(text, start, end) : INVALID;
    }
    long decimal = length <= 10 ? decimal(text, start, end) : INVALID;
    return decimal > MAX_UNSIGNED ? INVALID : decimal;
  }

  /** Reads 1 to 8 ASCII hex digits as an unsigned value, or returns {@link #INVALID}. */
  private static long hex(CharSequence text, int from, int to) {
    if (from >= to) {
      return INVALID;
    }
    long value = 0;
    for (int i = from; i < to; i++) {
      char c = text.charAt(i);
      int digit = c <= 'f' ? Character.digit(c, 16) : -1;
      if (digit < 0) {
        return INVALID;
      }
      value = (value << 4) | digit;
    }
    return value;
  }

  /** Reads 1 to 10 ASCII decimal digits, or returns {@link #INVALID}. */
  private static long decimal(CharSequence text, int from, int to) {
    if (from >= to) {
      return INVALID;
    }
    long value = 0;
    for (int i = from; i < to; i++) {
      char c = text.charAt(i);
      if (c < '0' || c > '9') {
        return INVALID;
      }
      value = value * 10 + (c - '0');
    }
    return value;
  }

  private static boolean isIgnorableEdge(char c) {
    return Character.isWhitespace(c) || Character.isSpaceChar(c) || isQuote(c);
  }

  /** Tells whether {@code c} is a quote that people and ANCM put around codes. */
  static boolean isQuote(char c) {
    return c == '\'' || c == '"' || c == '`' || c == '‘' || c == '’' || c == '“' || c == '”';
  }
}
