package io.github.ancmdiag.cli;

import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import java.util.function.Function;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * What the command line runs in: standard input, whether standard output is a terminal, and the
 * environment. Decides the text report's style: colours and wrapping on a terminal, plain text
 * when piped, colours off with {@code --no-color}, a non-empty {@code NO_COLOR} or {@code
 * TERM=dumb}. Tests make their own; {@link #system()} is the process's. Immutable.
 */
final class Terminal {
  /** The width wrapped to when {@code COLUMNS} does not say (or says something unusable). */
  static final int DEFAULT_WIDTH = 80;
  /** The narrowest width wrapped to; a narrower {@code COLUMNS} is taken as this. */
  static final int MIN_WIDTH = 40;
  /** The widest width wrapped to. */
  static final int MAX_WIDTH = 500;

  static final String RESET = "\u001b[0m";
  static final String BOLD = "\u001b[1m";
  static final String RED = "\u001b[31m";
  static final String GREEN = "\u001b[32m";
  static final String YELLOW = "\u001b[33m";
  static final String CYAN = "\u001b[36m";

  private static final Pattern HEADER = Pattern.compile("^(\\d+\\. \\[[^\\]]+\\])");
  private static final Pattern CONFIDENCE = Pattern.compile("(?<=^   confidence )(HIGH|MEDIUM|LOW)");
  private static final Pattern MARKER = Pattern.compile("^( +)([-+?*]) ");
  private static final Pattern RANK = Pattern.compile("^\\d+\\. ");
  private static final Pattern FIX = Pattern.compile("^( +)(fix \\d+\\. )");

  private final InputStream in;
  private final boolean stdoutIsTerminal;
  private final Function<String, String> env;

  Terminal(InputStream in, boolean stdoutIsTerminal, Function<String, String> env) {
    this.in = Objects.requireNonNull(in, "in");
    this.stdoutIsTerminal = stdoutIsTerminal;
    this.env = Objects.requireNonNull(env, "env");
  }

  /** Returns the process's standard input, terminal and environment. */
  static Terminal system() {
    return new Terminal(System.in, stdoutIsTerminal(), System::getenv);
  }

  /**
   * Tells whether standard output is a terminal: the JVM's console exists (stdin and stdout are
   * both terminals), or, on Linux, file descriptor 1 is a terminal device (stdin may be a pipe).
   */
  private static boolean stdoutIsTerminal() {
    if (System.console() != null) {
      return true;
    }
    try {
      String target = Files.readSymbolicLink(Path.of("/proc/self/fd/1")).toString();
      return target.startsWith("/dev/pts/") || target.startsWith("/dev/tty");
    } catch (IOException | UnsupportedOperationException | SecurityException e) {
      return false;
    }
  }

  /** Returns standard input. */
  InputStream in() {
    return in;
  }

  /** Tells whether the text report is coloured. */
  boolean colors(boolean noColorOption) {
    String noColor = env.apply("NO_COLOR");
    return stdoutIsTerminal && !noColorOption && (noColor == null || noColor.isEmpty())
        && !"dumb".equals(env.apply("TERM"));
  }

  /** Returns the width the text report is wrapped to; 0 (no wrapping) when not a terminal. */
  int width() {
    if (!stdoutIsTerminal) {
      return 0;
    }
    String columns = env.apply("COLUMNS");
    if (columns == null || !columns.strip().matches("\\d{1,6}")) {
      return DEFAULT_WIDTH;
    }
    int n = Integer.parseInt(columns.strip());
    return n == 0 ? DEFAULT_WIDTH : Math.max(MIN_WIDTH, Math.min(MAX_WIDTH, n));
  }

  /**
   * Styles the text report: each line wrapped to {@code width} (0: not wrapped) at spaces, its
   * continuation indented under the text after its marker ({@code +}, {@code -}, {@code ?},
   * {@code *}, {@code fix n.}, {@code n.}); with {@code color}, the rank and entry id in bold,
   * the confidence in green (HIGH), yellow (MEDIUM) or cyan (LOW), {@code +} green, {@code -}
   * red, {@code ?} yellow. Colours are added after wrapping, so they take no width.
   */
  static String style(String report, boolean color, int width) {
    StringBuilder out = new StringBuilder(report.length() + report.length() / 8);
    String nl = System.lineSeparator();
    String[] lines = report.split("\r?\n", -1);
    int n = report.endsWith("\n") ? lines.length - 1 : lines.length;
    for (int i = 0; i < n; i++) {
      boolean first = true;
      for (String piece : wrap(lines[i], width)) {
        out.append(color ? colored(piece, first) : piece).append(nl);
        first = false;
      }
    }
    if (!report.endsWith("\n") && out.length() > 0) {
      out.setLength(out.length() - nl.length());
    }
    return out.toString();
  }

  /** Wraps one line; its continuation lines are indented under the text after its marker. */
  static List<String> wrap(String line, int width) {
    List<String> pieces = new ArrayList<>();
    if (width <= 0 || line.length() <= width) {
      pieces.add(line);
      return pieces;
    }
    int indent = hangingIndent(line);
    if (indent > width / 2) {
      indent = 4;
    }
    String pad = " ".repeat(indent);
    String rest = line;
    int room = width;
    boolean first = true;
    while (rest.length() > room) {
      int cut = rest.lastIndexOf(' ', room);
      int floor = first ? indent : 0;
      if (cut <= floor) {
        cut = rest.indexOf(' ', room); // a word longer than the line: keep it whole
        if (cut < 0) {
          break;
        }
      }
      pieces.add((first ? "" : pad) + rest.substring(0, cut).stripTrailing());
      rest = rest.substring(cut + 1).stripLeading();
      room = width - indent;
      first = false;
    }
    pieces.add((first ? "" : pad) + rest);
    return pieces;
  }

  private static int hangingIndent(String line) {
    Matcher fix = FIX.matcher(line);
    if (fix.find()) {
      return fix.end();
    }
    Matcher m = MARKER.matcher(line);
    if (m.find()) {
      return m.end();
    }
    Matcher h = RANK.matcher(line);
    if (h.find()) {
      return h.end();
    }
    int n = 0;
    while (n < line.length() && line.charAt(n) == ' ') {
      n++;
    }
    return n;
  }

  private static String colored(String piece, boolean first) {
    if (first) {
      Matcher h = HEADER.matcher(piece);
      if (h.find()) {
        return BOLD + h.group(1) + RESET + piece.substring(h.end());
      }
      Matcher m = MARKER.matcher(piece);
      if (m.find()) {
        String c = switch (m.group(2)) {
          case "+" -> GREEN;
          case "-" -> RED;
          case "?" -> YELLOW;
          default -> BOLD;
        };
        return m.group(1) + c + m.group(2) + RESET + piece.substring(m.end() - 1);
      }
      if (piece.equals("To decide, collect:")) {
        return BOLD + piece + RESET;
      }
    }
    Matcher c = CONFIDENCE.matcher(piece);
    if (c.find()) {
      String code = switch (c.group(1)) {
        case "HIGH" -> GREEN + BOLD;
        case "MEDIUM" -> YELLOW;
        default -> CYAN;
      };
      return piece.substring(0, c.start()) + code + c.group(1) + RESET + piece.substring(c.end());
    }
    return piece;
  }
}
