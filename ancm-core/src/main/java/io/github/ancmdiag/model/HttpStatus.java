package io.github.ancmdiag.model;

import java.util.LinkedHashSet;
import java.util.List;
import java.util.Objects;
import java.util.Set;
import org.jetbrains.annotations.CheckReturnValue;
import org.jetbrains.annotations.Contract;
import org.jetbrains.annotations.NotNull;
import org.jetbrains.annotations.Unmodifiable;

/**
 * An HTTP status with the optional IIS substatus, as in {@code HTTP Error 500.30} or
 * {@code 502.5}. {@link #toString()} gives {@code 500.30}, or {@code 503} when there is no
 * substatus; {@code 500.0} and {@code 500} are different values ({@link #isCompatibleWith}
 * tells whether two statuses may describe the same response).
 *
 * <p>Instances are immutable and thread-safe.
 *
 * @param status the HTTP status, {@code 100..599}
 * @param substatus the IIS substatus, {@code 0..999}, or {@link #NO_SUBSTATUS} when the text gave
 *     none
 */
public record HttpStatus(int status, int substatus) {

  /** The {@link #substatus()} of a status given without one, as in {@code 503}. */
  public static final int NO_SUBSTATUS = -1;

  /**
   * Reason phrases that make a bare number a status in strict mode, lowercase, one word per
   * element. The list is short on purpose: these are the phrases IIS and ANCM put next to the
   * statuses they return.
   */
  private static final String[][] REASON_PHRASES = {
    {"internal", "server", "error"},
    {"forbidden"},
    {"service", "unavailable"},
    {"bad", "gateway"},
    {"not", "found"},
    {"bad", "request"},
  };

  /**
   * What the scanner returns for "no status here". A token packs the status (bits 0-9), the
   * substatus + 1 (bits 10-19) and the index after the token (bits 20-51) into one long, so
   * scanning allocates nothing until a status is accepted.
   */
  private static final long NO_TOKEN = -1L;

  /**
   * Checks the parts.
   *
   * @param status the HTTP status, {@code 100..599}
   * @param substatus the IIS substatus, {@code 0..999}, or {@link #NO_SUBSTATUS}
   * @throws IllegalArgumentException if a part is out of range
   */
  public HttpStatus {
    if (status < 100 || status > 599) {
      throw new IllegalArgumentException(
          "an HTTP status is between 100 and 599, but was " + status);
    }
    if (substatus < NO_SUBSTATUS || substatus > 999) {
      throw new IllegalArgumentException("an IIS substatus is between 0 and 999 (or -1 for none),"
          + " but was " + substatus);
    }
  }

  /**
   * Returns a status without a substatus.
   *
   * @param status the HTTP status, {@code 100..599}
   * @return the status, e.g. {@code 503}
   * @throws IllegalArgumentException if {@code status} is out of range
   */
  @CheckReturnValue
  @Contract(pure = true)
  public static @NotNull HttpStatus of(int status) {
    return new HttpStatus(status, NO_SUBSTATUS);
  }

  /**
   * Returns a status with a substatus.
   *
   * @param status the HTTP status, {@code 100..599}
   * @param substatus the IIS substatus, {@code 0..999}, or {@link #NO_SUBSTATUS}
   * @return the status, e.g. {@code 500.30}
   * @throws IllegalArgumentException if a part is out of range
   */
  @CheckReturnValue
  @Contract(pure = true)
  public static @NotNull HttpStatus of(int status, int substatus) {
    return new HttpStatus(status, substatus);
  }

  /**
   * Parses a text that starts with a status: {@code 500.30}, {@code 503},
   * {@code HTTP Error 502.5 - Process Failure}, {@code Error 500.30},
   * {@code HTTP/1.1 500 Internal Server Error}, {@code 500.19 Internal Server Error}.
   *
   * <p>Grammar: optional whitespace; an optional introducer ({@code HTTP Error}, {@code HTTP},
   * {@code HTTP/}<i>version</i> or {@code Error}, any case, each word followed by whitespace);
   * three digits; optionally {@code .} and one to three digits of substatus; then the end of the
   * text or a character that cannot continue a number. Whatever follows is ignored. A period not
   * followed by a digit is punctuation: {@code HTTP Error 503. The service is unavailable.} is
   * {@code 503}. To find statuses anywhere in free text use {@link #findAll}.
   *
   * @param text the text to parse
   * @return the status at the start of {@code text}
   * @throws IllegalArgumentException naming {@code text} if it does not start with a status, or
   *     the status is out of range
   * @throws NullPointerException if {@code text} is null
   */
  @CheckReturnValue
  @Contract(pure = true)
  public static @NotNull HttpStatus parse(@NotNull CharSequence text) {
    Objects.requireNonNull(text, "text");
    int at = skipIntroducer(text, skipWhitespace(text, 0));
    long token = digitRunLength(text, at) == 3 ? readToken(text, at) : NO_TOKEN;
    if (token == NO_TOKEN) {
      throw new IllegalArgumentException("'" + text + "' does not start with an HTTP status such"
          + " as '500.30', '503' or 'HTTP Error 502.5'");
    }
    int status = tokenStatus(token);
    if (status < 100 || status > 599) {
      throw new IllegalArgumentException("'" + text + "' starts with " + status
          + ", but an HTTP status is between 100 and 599");
    }
    return new HttpStatus(status, tokenSubstatus(token));
  }

  /**
   * Finds every status in free text, in order of appearance, each once.
   *
   * <p>A candidate is a standalone three-digit number with an optional {@code .substatus} of one
   * to three digits. Standalone means it is preceded by the start of the text, whitespace or one
   * of <code>" ' ‘ ’ “ ” « » ( [ &#123; &lt; &gt; = ; | *</code>, and followed by the end of the
   * text or a character that cannot continue a number, name or path. So numbers inside longer
   * numbers, hex, versions, paths and file names never match: {@code port '5000'},
   * {@code 0x80070005}, {@code 5.0.503}, {@code C:\500\x}, {@code version '3.1.500'},
   * {@code stdout_500_2018.log} and {@code 1.500.30} give nothing.
   *
   * <p>In strict mode ({@code lenient == false}) a candidate counts only when introduced by
   * {@code HTTP Error}, {@code HTTP}, {@code HTTP/}<i>version</i> or {@code Error} (any case,
   * any whitespace before the number) or followed by a reason phrase ({@code Internal Server
   * Error}, {@code Forbidden}, {@code Service Unavailable}, {@code Bad Gateway}, {@code Not
   * Found}, {@code Bad Request}; any case, optionally after {@code -}, {@code –} or {@code —}).
   * Lenient mode, for text a user says came from a browser, also counts every bare candidate
   * from 400 to 599; so a bare {@code 500 ms} counts too.
   *
   * @param text the text to search
   * @param lenient whether bare {@code 400..599} numbers count
   * @return the statuses found, without duplicates; empty if none
   * @throws NullPointerException if {@code text} is null
   */
  @CheckReturnValue
  @Contract(pure = true)
  public static @NotNull @Unmodifiable List<HttpStatus> findAll(
      @NotNull CharSequence text, boolean lenient) {
    Objects.requireNonNull(text, "text");
    Set<HttpStatus> found = null; // allocated on the first status: most texts have none
    int length = text.length();
    int i = 0;
    while (i < length) {
      if (!isAsciiDigit(text.charAt(i))) {
        i++;
        continue;
      }
      int run = digitRunLength(text, i);
      if (run == 3 && isStandaloneStart(text, i)) {
        long token = readToken(text, i);
        if (token != NO_TOKEN) {
          int status = tokenStatus(token);
          boolean counts = status >= 100 && status <= 599
              && ((lenient && status >= 400)
                  || isIntroduced(text, i)
                  || isFollowedByReasonPhrase(text, tokenEnd(token)));
          if (counts) {
            if (found == null) {
              found = new LinkedHashSet<>();
            }
            found.add(new HttpStatus(status, tokenSubstatus(token)));
          }
        }
      }
      i += run;
    }
    return found == null ? List.of() : List.copyOf(found);
  }

  /**
   * Tells whether this status has a substatus.
   *
   * @return {@code false} when {@link #substatus()} is {@link #NO_SUBSTATUS}
   */
  public boolean hasSubstatus() {
    return substatus != NO_SUBSTATUS;
  }

  /**
   * Tells whether two statuses may describe the same response: the same status, and the same
   * substatus unless one of them has none. {@code 500.30} is compatible with {@code 500} and
   * {@code 500.30}, not with {@code 500.31} or {@code 502.5}.
   *
   * @param other the status to compare with
   * @return {@code true} if compatible
   * @throws NullPointerException if {@code other} is null
   */
  public boolean isCompatibleWith(@NotNull HttpStatus other) {
    Objects.requireNonNull(other, "other");
    return status == other.status
        && (!hasSubstatus() || !other.hasSubstatus() || substatus == other.substatus);
  }

  /**
   * Returns the status as IIS prints it after {@code HTTP Error}.
   *
   * @return {@code 500.30}, or {@code 503} without a substatus
   */
  @Override
  public @NotNull String toString() {
    return hasSubstatus() ? status + "." + substatus : Integer.toString(status);
  }

  private static int tokenStatus(long token) {
    return (int) (token & 0x3FF);
  }

  private static int tokenSubstatus(long token) {
    return (int) ((token >>> 10) & 0x3FF) - 1;
  }

  private static int tokenEnd(long token) {
    return (int) (token >>> 20);
  }

  /**
   * Reads {@code ddd(.d{1,3})?} at {@code start}, which starts a run of exactly three digits,
   * and checks that nothing continues it. Returns {@link #NO_TOKEN} when the candidate is part of
   * something longer (a version {@code 500.30.1}, a file {@code 500.htm}, a decimal
   * {@code 500.1234}).
   */
  private static long readToken(CharSequence text, int start) {
    int length = text.length();
    int status = (text.charAt(start) - '0') * 100 + (text.charAt(start + 1) - '0') * 10
        + (text.charAt(start + 2) - '0');
    int end = start + 3;
    int substatus = NO_SUBSTATUS;
    if (end + 1 < length && text.charAt(end) == '.' && isAsciiDigit(text.charAt(end + 1))) {
      int run = digitRunLength(text, end + 1);
      if (run > 3) {
        return NO_TOKEN;
      }
      substatus = 0;
      for (int i = end + 1; i < end + 1 + run; i++) {
        substatus = substatus * 10 + (text.charAt(i) - '0');
      }
      end += 1 + run;
    }
    if (!isStandaloneEnd(text, end)) {
      return NO_TOKEN;
    }
    return status | ((long) (substatus + 1) << 10) | ((long) end << 20);
  }

  /** Tells whether the character before {@code start} lets a number start there. */
  private static boolean isStandaloneStart(CharSequence text, int start) {
    if (start == 0) {
      return true;
    }
    char c = text.charAt(start - 1);
    return isSpace(c) || "\"'‘’“”«»([{<>=;|*".indexOf(c) >= 0;
  }

  /** Tells whether nothing at {@code end} continues a number, a name or a path. */
  private static boolean isStandaloneEnd(CharSequence text, int end) {
    if (end == text.length()) {
      return true;
    }
    char c = text.charAt(end);
    if (Character.isLetterOrDigit(c) || c == '_' || c == '\\' || c == '/' || c == '%') {
      return false;
    }
    boolean joiner = c == '.' || c == ',' || c == '-' || c == ':';
    return !(joiner && end + 1 < text.length() && Character.isLetterOrDigit(text.charAt(end + 1)));
  }

  /**
   * Tells whether the number at {@code start} follows {@code Error}, {@code HTTP} or
   * {@code HTTP/version} and whitespace.
   */
  private static boolean isIntroduced(CharSequence text, int start) {
    int wordEnd = start;
    while (wordEnd > 0 && isSpace(text.charAt(wordEnd - 1))) {
      wordEnd--;
    }
    if (wordEnd == start) {
      return false;
    }
    int wordStart = wordEnd;
    while (wordStart > 0 && isWordChar(text.charAt(wordStart - 1))) {
      wordStart--;
    }
    return isIntroducerWord(text, wordStart, wordEnd);
  }

  private static boolean isIntroducerWord(CharSequence text, int from, int to) {
    if (regionIs(text, from, to, "error")) {
      return true;
    }
    if (to - from < 4 || !regionIs(text, from, from + 4, "http")) {
      return false;
    }
    if (to - from == 4) {
      return true;
    }
    // HTTP/1.1, HTTP/1.0, HTTP/2
    if (text.charAt(from + 4) != '/' || to - from == 5 || !isAsciiDigit(text.charAt(from + 5))) {
      return false;
    }
    for (int i = from + 6; i < to; i++) {
      char c = text.charAt(i);
      if (!isAsciiDigit(c) && c != '.') {
        return false;
      }
    }
    return true;
  }

  /** Skips an introducer at {@code at} for {@link #parse}; returns where the number should be. */
  private static int skipIntroducer(CharSequence text, int at) {
    int wordEnd = at;
    while (wordEnd < text.length() && isWordChar(text.charAt(wordEnd))) {
      wordEnd++;
    }
    int next = skipWhitespace(text, wordEnd);
    if (wordEnd == at || next == wordEnd || !isIntroducerWord(text, at, wordEnd)) {
      return at;
    }
    if (!regionIs(text, at, wordEnd, "error")) {
      int afterHttp = next;
      int errorEnd = afterHttp;
      while (errorEnd < text.length() && isWordChar(text.charAt(errorEnd))) {
        errorEnd++;
      }
      int afterError = skipWhitespace(text, errorEnd);
      if (afterError > errorEnd && regionIs(text, afterHttp, errorEnd, "error")) {
        return afterError;
      }
    }
    return next;
  }

  /** Tells whether a reason phrase follows at {@code end}, after whitespace and a dash. */
  private static boolean isFollowedByReasonPhrase(CharSequence text, int end) {
    int at = skipWhitespace(text, end);
    if (at < text.length() && "-–—".indexOf(text.charAt(at)) >= 0) {
      at = skipWhitespace(text, at + 1);
    }
    for (String[] phrase : REASON_PHRASES) {
      if (phraseAt(text, at, phrase)) {
        return true;
      }
    }
    return false;
  }

  private static boolean phraseAt(CharSequence text, int at, String[] words) {
    int i = at;
    for (int w = 0; w < words.length; w++) {
      if (w > 0) {
        int next = skipWhitespace(text, i);
        if (next == i) {
          return false;
        }
        i = next;
      }
      String word = words[w];
      if (!regionIs(text, i, Math.min(i + word.length(), text.length()), word)) {
        return false;
      }
      i += word.length();
    }
    return i == text.length() || !Character.isLetterOrDigit(text.charAt(i));
  }

  /** Compares {@code text[from, to)} with a lowercase ASCII word, ignoring ASCII case. */
  private static boolean regionIs(CharSequence text, int from, int to, String lowercase) {
    if (to - from != lowercase.length()) {
      return false;
    }
    for (int i = 0; i < lowercase.length(); i++) {
      char c = text.charAt(from + i);
      if (c >= 'A' && c <= 'Z') {
        c = (char) (c + ('a' - 'A'));
      }
      if (c != lowercase.charAt(i)) {
        return false;
      }
    }
    return true;
  }

  private static int digitRunLength(CharSequence text, int at) {
    int i = at;
    while (i < text.length() && isAsciiDigit(text.charAt(i))) {
      i++;
    }
    return i - at;
  }

  private static int skipWhitespace(CharSequence text, int at) {
    int i = at;
    while (i < text.length() && isSpace(text.charAt(i))) {
      i++;
    }
    return i;
  }

  private static boolean isWordChar(char c) {
    return Character.isLetterOrDigit(c) || c == '/' || c == '.';
  }

  private static boolean isAsciiDigit(char c) {
    return c >= '0' && c <= '9';
  }

  private static boolean isSpace(char c) {
    return Character.isWhitespace(c) || Character.isSpaceChar(c);
  }
}
