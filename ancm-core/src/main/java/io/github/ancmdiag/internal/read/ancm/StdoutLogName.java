package io.github.ancmdiag.internal.read.ancm;

import java.time.DateTimeException;
import java.time.LocalDateTime;
import java.util.Locale;
import java.util.Objects;
import java.util.Optional;
import org.jetbrains.annotations.NotNull;
import org.jetbrains.annotations.Nullable;

/**
 * The parts of an ANCM stdout log's file name. The module appends to the {@code stdoutLogFile}
 * prefix (which users rename: {@code .\logs\stdout} gives {@code stdout_...}, {@code .\logs\app}
 * gives {@code app_...}) a timestamp and the worker process id, in an order that tells the module
 * generation:
 *
 * <ul>
 *   <li>V2 (ASP.NET Core 2.2 and later): {@code <prefix>_yyyyMMddHHmmss_<pid>.log}, the timestamp
 *       zero-padded to 14 digits, e.g. {@code stdout_20240501101112_4242.log};
 *   <li>V1 (all releases): {@code <prefix>_<pid>_<yMdHms>.log}, the fields <em>not</em>
 *       zero-padded, so the timestamp has 9 to 14 digits, e.g. {@code stdout_4242_20175913245.log}.
 * </ul>
 *
 * <p>Both timestamps are UTC. A V1 timestamp without padding can often be split into fields in
 * more than one valid way ({@code 5913245} is 5/9 13:02:45 or 5/9 1:32:45); {@link #time()} is
 * then empty and only the text is kept. Immutable and thread-safe; used to recognise stdout logs
 * among an incident folder's files.
 *
 * <pre>{@code
 * StdoutLogName.parse("stdout_20240501101112_4242.log")  // V2, pid 4242, 2024-05-01T10:11:12
 * }</pre>
 *
 * @param prefix the file name before the timestamp and pid, without the separating underscore
 * @param pid the worker process id
 * @param timestamp the timestamp digits as written
 * @param era the module generation the name's pattern indicates
 * @param utc the timestamp as a UTC date and time, or null when it cannot be read in exactly one
 *     way (see {@link #time()})
 */
public record StdoutLogName(@NotNull String prefix, long pid, @NotNull String timestamp,
    @NotNull Era era, @Nullable LocalDateTime utc) {

  /** The module generation a name pattern belongs to. */
  public enum Era {
    /** ANCM V1 ({@code aspnetcore.dll}): pid first, timestamp not padded. */
    V1,
    /** ANCM V2 ({@code aspnetcorev2.dll}): padded timestamp first, pid last. */
    V2
  }

  /**
   * Checks the parts.
   *
   * @param prefix the file name before the timestamp and pid
   * @param pid the worker process id
   * @param timestamp the timestamp digits as written
   * @param era the module generation
   * @param utc the timestamp as a UTC date and time, or null
   * @throws NullPointerException if {@code prefix}, {@code timestamp} or {@code era} is null
   */
  public StdoutLogName {
    Objects.requireNonNull(prefix, "prefix");
    Objects.requireNonNull(timestamp, "timestamp");
    Objects.requireNonNull(era, "era");
  }

  /**
   * Returns the timestamp as a UTC date and time, when it can be read in exactly one way.
   *
   * @return the time, or empty
   */
  public @NotNull Optional<LocalDateTime> time() {
    return Optional.ofNullable(utc);
  }

  /**
   * Tells whether a file name is an ANCM stdout log name (case-insensitive; a directory part is
   * ignored).
   *
   * @param fileName the file name
   * @return whether {@link #parse} reads it
   */
  public static boolean isStdoutLog(@NotNull String fileName) {
    return parse(fileName).isPresent();
  }

  /**
   * Parses {@code <prefix>_<digits>_<digits>.log} (the extension in any case; a directory part,
   * with {@code /} or {@code \}, is ignored): V2 when the first number is a valid 14-digit {@code
   * yyyyMMddHHmmss} timestamp, else V1 when the second is a valid unpadded one and the first a
   * process id; empty otherwise.
   *
   * @param fileName the file name, with or without a directory part
   * @return the parts, or empty when the name is not a stdout log's
   */
  public static @NotNull Optional<StdoutLogName> parse(@NotNull String fileName) {
    String name = fileName.substring(Math.max(fileName.lastIndexOf('/'),
        fileName.lastIndexOf('\\')) + 1);
    if (!name.toLowerCase(Locale.ROOT).endsWith(".log")) {
      return Optional.empty();
    }
    String base = name.substring(0, name.length() - 4);
    int second = base.lastIndexOf('_');
    int first = second <= 0 ? -1 : base.lastIndexOf('_', second - 1);
    if (first < 0) {
      return Optional.empty();
    }
    String prefix = base.substring(0, first);
    String a = base.substring(first + 1, second);
    String b = base.substring(second + 1);
    if (!digits(a) || !digits(b)) {
      return Optional.empty();
    }
    if (a.length() == 14 && b.length() <= 10) {
      LocalDateTime t = padded(a);
      if (t != null) {
        return Optional.of(new StdoutLogName(prefix, Long.parseLong(b), a, Era.V2, t));
      }
    }
    if (a.length() <= 10 && b.length() >= 9 && b.length() <= 14) {
      int[] ways = new int[1];
      LocalDateTime t = unpadded(b, ways);
      if (ways[0] > 0) {
        return Optional.of(new StdoutLogName(prefix, Long.parseLong(a), b, Era.V1,
            ways[0] == 1 ? t : null));
      }
    }
    return Optional.empty();
  }

  private static boolean digits(String s) {
    if (s.isEmpty()) {
      return false;
    }
    for (int i = 0; i < s.length(); i++) {
      if (s.charAt(i) < '0' || s.charAt(i) > '9') {
        return false;
      }
    }
    return true;
  }

  private static @Nullable LocalDateTime padded(String s) {
    int[] f = new int[6];
    f[0] = Integer.parseInt(s.substring(0, 4));
    for (int k = 1; k < 6; k++) {
      f[k] = Integer.parseInt(s.substring(2 + 2 * k, 4 + 2 * k));
    }
    return of(f);
  }

  /**
   * Reads {@code yyyy} then month, day, hour, minute and second of one or two digits each, with
   * no leading zero on a two-digit field (the module prints them with {@code %d}); counts the
   * valid readings in {@code ways[0]} and returns the last one found.
   */
  private static @Nullable LocalDateTime unpadded(String s, int[] ways) {
    int[] f = new int[6];
    f[0] = Integer.parseInt(s.substring(0, 4));
    return split(s, 4, 1, f, ways, null);
  }

  private static @Nullable LocalDateTime split(String s, int at, int field, int[] f, int[] ways,
      @Nullable LocalDateTime found) {
    if (field == 6) {
      if (at != s.length()) {
        return found;
      }
      LocalDateTime t = of(f);
      if (t == null) {
        return found;
      }
      ways[0]++;
      return t;
    }
    LocalDateTime result = found;
    for (int width = 1; width <= 2 && at + width <= s.length(); width++) {
      if (width == 2 && s.charAt(at) == '0') {
        continue;
      }
      f[field] = Integer.parseInt(s.substring(at, at + width));
      result = split(s, at + width, field + 1, f, ways, result);
    }
    return result;
  }

  private static @Nullable LocalDateTime of(int[] f) {
    if (f[0] < 1970) {
      return null;
    }
    try {
      return LocalDateTime.of(f[0], f[1], f[2], f[3], f[4], f[5]);
    } catch (DateTimeException e) {
      return null; // not a date: month 13, February 30, hour 24
    }
  }
}
