package io.github.ancmdiag.internal.read.ancm;

import io.github.ancmdiag.internal.read.text.EncodingDecoder;
import io.github.ancmdiag.internal.read.text.LineCursor;
import io.github.ancmdiag.internal.read.text.LineGroupReader;
import io.github.ancmdiag.internal.read.text.RawRecord;
import io.github.ancmdiag.internal.read.text.RecordReader;
import io.github.ancmdiag.model.Channel;
import java.io.IOException;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.jetbrains.annotations.Nullable;

/**
 * Reads {@link io.github.ancmdiag.input.Format#STDOUT_LOG}: an ANCM stdout log ({@code stdoutLogFile}, named as {@link
 * StdoutLogName} describes), which holds what the app and the .NET host wrote to stdout and
 * stderr. Records are of {@link Channel#STDOUT_LOG}; lines are grouped so that one message is one
 * record:
 *
 * <ul>
 *   <li><b>A .NET exception</b>, started by {@code Unhandled exception. T: ...} (3.0+), {@code
 *       Unhandled Exception: T: ...} (2.x), {@code Application startup exception: T: ...}, a bare
 *       {@code Namespace.SomeException: ...} line or a headless {@code at ...} stack line. It goes
 *       on with indented lines ({@code    at ...}, {@code  ---> T: ...}, {@code    --- End of
 *       stack trace from previous location ---}), lines starting {@code --- End of} or {@code
 *       --->}, {@code File name: '...'}, and, before the first stack line, any line that starts
 *       no other group (a message spread over lines).
 *   <li><b>A .NET host message</b> of several lines: hostfxr's framework-not-found block in its
 *       2.x, 3.x, 6.0 and 7.0+ wordings ({@code It was not possible to find any compatible
 *       framework version} or {@code You must install or update .NET to run this application.},
 *       the framework line, the indented lists, {@code You can resolve the problem by ...}, {@code
 *       To install missing framework, download:} and the URLs), the muxer's {@code Could not
 *       execute because ...} and {@code Did you mean to run dotnet SDK commands?}, the apphost's
 *       {@code A fatal error occurred, the required library ...}, and hostpolicy's {@code
 *       Error:}/{@code Warning:} dependency manifest reports. It goes on with indented lines and
 *       with the host's known follow-on lines, across at most {@value #HOST_BLANK_LINES} blank
 *       lines before one of those.
 *   <li><b>A console logger entry</b> ({@code Microsoft.Extensions.Logging} console format):
 *       {@code info: Category[id]} (or {@code trce}, {@code dbug}, {@code warn}, {@code fail},
 *       {@code crit}) with the indented message lines after it and, as 2.x and 3.x print them,
 *       the unindented exception with its stack. The record's level is that word. ANSI color
 *       sequences around the level (colors on) are ignored for grouping and kept in the text.
 *   <li><b>Any other line</b> is a record of its own.
 * </ul>
 *
 * <p>A blank line ends a group (except as said above for host messages) and is never a record.
 * Each record's line is its first line; its text is its lines joined by their own terminators
 * (CRLF or LF), without the last terminator. Accounting is as {@link LineGroupReader} says: every
 * non-blank line is in one record's text, in the reported rest of a record cut at the limit, or
 * in a reported run of binary lines. Any text fits this format, so a forced {@code STDOUT_LOG}
 * never reports a misfit. Called by {@link io.github.ancmdiag.input.LogReader}; looks at most {@value
 * LineCursor#PEEK_CHARS} characters ahead.
 */
public final class StdoutLogReader extends LineGroupReader {
  /** The most blank lines a host message may hold between two of its parts. */
  static final int HOST_BLANK_LINES = 2;
  /** How many non-blank lines {@link #looksLike} looks at. */
  static final int DETECT_LINES = 3;

  private static final Pattern CONSOLE_HEADER =
      Pattern.compile("(trce|dbug|info|warn|fail|crit): [\\w.`+<>,-]+\\[-?\\d+\\]");
  private static final Pattern EXCEPTION_TYPE =
      Pattern.compile("(?:[A-Za-z_][\\w`]*\\.)+[A-Za-z_][\\w`+]*Exception(?::| \\(|$)");

  private static final Pattern ANSI_COLOR = Pattern.compile("\u001B\\[[0-9;]{0,16}m");
  private static final List<String> EXCEPTION_STARTS = List.of("Unhandled exception. ",
      "Unhandled Exception: ", "Application startup exception");

  /** First lines of the .NET host's multi-line messages. */
  private static final List<String> HOST_STARTS = List.of(
      "It was not possible to find any compatible framework version",
      "You must install or update .NET to run this application.",
      "The specified framework '", "The framework '",
      "Could not execute because the application was not found",
      "The command could not be loaded, possibly because:",
      "Did you mean to run dotnet SDK commands?",
      "It was not possible to find any installed .NET Core SDKs",
      "A fatal error occurred, the required library ",
      "A fatal error occurred. The required library ");

  /** The lines that carry on a host message without being indented. */
  private static final List<String> HOST_FOLLOW_ONS = List.of(
      "The specified framework '", "The framework '",
      "You can resolve the problem by installing the specified framework and/or SDK.",
      "The .NET Core frameworks can be found at:", "The specified framework can be found at:",
      "Framework: '", ".NET location: ", "The following frameworks were found:",
      "No frameworks were found.", "The following frameworks for other architectures were found:",
      "Learn more:", "To install missing framework, download:", "App: ", "Architecture: ",
      "https://", "http://", "If this is a self-contained application",
      "If this is a framework-dependent application", "Possible reasons for this include:");

  /** Single-line host messages: not groups, but they mark a stdout log for detection. */
  private static final List<String> HOST_SINGLE = List.of(
      "The application to execute does not exist:", "A fatal error was encountered.",
      "A fatal error occurred", "An error occurred while loading required library ",
      "Failed to load the dll from [", "Invalid runtimeconfig.json [",
      "The specified runtimeconfig.json [", "Could not resolve CoreCLR path.",
      "Failed to create CoreCLR, HRESULT:");

  /** ASP.NET Core 2.x/3.x status lines written straight to stdout (detection only). */
  private static final List<String> HOSTING_STATUS = List.of("Hosting environment: ",
      "Content root path: ", "Now listening on: ",
      "Application started. Press Ctrl+C to shut down.");

  /** What a group is, chosen by its first line. */
  enum Kind {
    EXCEPTION, HOST, CONSOLE, OTHER
  }

  public StdoutLogReader(EncodingDecoder in, String source, int maxChars,
      RecordReader.Skips skips) {
    super(in, source, maxChars, skips);
  }

  @Override
  public @Nullable RawRecord next() throws IOException {
    LineCursor.Head head = nextTextLine();
    if (head == null) {
      return null;
    }
    String first = withoutColors(head.text());
    Kind kind = kind(first);
    String level = "";
    if (kind == Kind.CONSOLE) {
      Matcher m = CONSOLE_HEADER.matcher(first);
      level = m.lookingAt() ? m.group(1) : "";
    }
    boolean stackStarted = isStackLine(first);
    boolean inException = kind == Kind.EXCEPTION;
    Group group = new Group(head);
    while (kind != Kind.OTHER) {
      LineCursor.Head next = lines.peek();
      while (next != null && next.isBlank() && kind == Kind.HOST
          && group.blankLines() < HOST_BLANK_LINES) {
        group.addBlankLine();
        next = lines.peek();
      }
      String text = next == null ? "" : withoutColors(next.text());
      if (next == null || next.isBlank() || next.isBinary()
          || !continues(kind, text, inException, stackStarted, group.blankLines() > 0)) {
        break;
      }
      stackStarted |= isStackLine(text);
      inException |= isExceptionType(text.stripLeading());
      group.addLine();
    }
    String text = group.finish();
    return RawRecord.builder(Channel.STDOUT_LOG, text).source(source).line(group.line)
        .level(level).build();
  }

  /**
   * The line without ANSI color sequences ({@code ESC [ n ; n m}), which the console logger writes
   * around the level when colors are on; the record's text keeps them.
   */
  static String withoutColors(String line) {
    return line.indexOf('\u001B') < 0 ? line : ANSI_COLOR.matcher(line).replaceAll("");
  }

  /** The kind of group a line starts. */
  static Kind kind(String line) {
    if (CONSOLE_HEADER.matcher(line).lookingAt()) {
      return Kind.CONSOLE;
    }
    if (startsWithAny(line, EXCEPTION_STARTS) || isExceptionType(line) || isStackLine(line)) {
      return Kind.EXCEPTION;
    }
    if (startsWithAny(line.stripLeading(), HOST_STARTS) || isManifestReport(line)) {
      return Kind.HOST;
    }
    return Kind.OTHER;
  }

  /** Whether {@code line} carries on a group of {@code kind}. */
  private static boolean continues(Kind kind, String line, boolean inException,
      boolean stackStarted, boolean afterBlank) {
    if (kind == Kind.HOST) {
      boolean followOn = startsWithAny(line, HOST_FOLLOW_ONS);
      return afterBlank ? followOn : followOn || isIndented(line);
    }
    if (isIndented(line) || line.startsWith("--- End of") || line.startsWith("--->")
        || line.startsWith("File name: '")) {
      return true;
    }
    if (stackStarted) {
      return false;
    }
    if (isExceptionType(line)) {
      return true;
    }
    return inException && kind(line) == Kind.OTHER && !isKnownSingle(line);
  }

  private static boolean isKnownSingle(String line) {
    return startsWithAny(line, HOST_SINGLE) || startsWithAny(line, HOSTING_STATUS);
  }

  private static boolean isStackLine(String line) {
    String s = line.stripLeading();
    return s.length() < line.length() && s.startsWith("at ");
  }

  private static boolean isIndented(String line) {
    return !line.isEmpty() && (line.charAt(0) == ' ' || line.charAt(0) == '\t');
  }

  private static boolean isExceptionType(String line) {
    return EXCEPTION_TYPE.matcher(line).lookingAt();
  }

  private static boolean isManifestReport(String line) {
    String s = line.strip();
    return s.equals("Error:") || s.equals("Warning:") || s.equals("Info:");
  }

  private static boolean startsWithAny(String line, List<String> starts) {
    for (String s : starts) {
      if (line.startsWith(s)) {
        return true;
      }
    }
    return false;
  }

  /**
   * Whether {@code head}, the first characters of an input, look like an ANCM stdout log: one of
   * its first {@value #DETECT_LINES} non-blank lines is the start of a .NET host message, an
   * unhandled or startup exception line, a console logger header ({@code info: Category[id]}),
   * or one of ASP.NET Core 2.x/3.x's status lines ({@code Hosting environment: ...}, {@code Now
   * listening on: ...}). Used by {@link io.github.ancmdiag.internal.read.FormatDetector}.
   */
  public static boolean looksLike(String head) {
    int seen = 0;
    for (String raw : head.split("\r?\n", -1)) {
      String line = withoutColors(raw);
      if (line.isBlank()) {
        continue;
      }
      if (CONSOLE_HEADER.matcher(line).lookingAt() || startsWithAny(line, EXCEPTION_STARTS)
          || startsWithAny(line.stripLeading(), HOST_STARTS) || isKnownSingle(line)) {
        return true;
      }
      if (++seen == DETECT_LINES) {
        return false;
      }
    }
    return false;
  }
}
