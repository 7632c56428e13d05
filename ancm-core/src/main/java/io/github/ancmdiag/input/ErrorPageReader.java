package io.github.ancmdiag.input;

import io.github.ancmdiag.Channel;
import java.io.IOException;
import java.util.Locale;
import java.util.function.Consumer;
import java.util.regex.Pattern;
import org.jetbrains.annotations.Nullable;

/**
 * Reads {@link Format#ERROR_PAGE}: one error page a browser showed, saved as HTML or pasted as
 * text, as one record of {@link Channel#BROWSER}. Called by {@link LogReader}.
 *
 * <p>An input that starts with markup ({@code <!DOCTYPE html>}, {@code <html>}, or a {@code
 * <head>}, {@code <body>}, {@code <title>} tag early on, after an optional "saved from url"
 * comment) is HTML: its text is extracted by {@link HtmlText} (scripts, styles and comments
 * dropped, entities decoded, blocks and table rows on their own lines, so that the IIS detail
 * table reads {@code Error Code: 0x8007000d}). Any other input is a paste and is kept whole, as
 * written. The record's {@link LogRecord#provider() provider} names what produced the page, from
 * its text: {@value #ANCM}, {@value #AZURE}, {@value #HTTP_SYS} or {@value #IIS}, else empty.
 *
 * <p>A page whose text exceeds the record limit is cut there and the rest reported with {@link
 * #skipCut}. A {@code <script>}, {@code <style>} or comment left open swallows the rest of the
 * page, as in a browser; that is reported with where it opened. A page with no text at all gives
 * no record and one skip.
 */
final class ErrorPageReader extends RecordReader {
  static final String ANCM = "ANCM";
  static final String IIS = "IIS";
  static final String HTTP_SYS = "HTTP.sys";
  static final String AZURE = "Azure App Service";

  /** How many characters {@link #looksLike} and {@link #isMarkup} look at. */
  private static final int HEAD_CHARS = 4096;

  /** Titles and first lines of the pages this reader knows, on a line of their own. */
  private static final Pattern TITLE_LINE = Pattern.compile("(?:HTTP Error [1-5]\\d\\d(?:\\.\\d+)?"
      + "(?:\\s+[-\u2013\u2014]\\s+\\S.*|\\.\\s.*)?|Server Error in '[^']*' Application\\.?"
      + "|IIS(?: \\d+(?:\\.\\d+)?)? Detailed Error\\b.*|Service Unavailable|Server Error"
      + "|:\\( Application Error|[45]\\d\\d(?:\\.\\d+)? - [A-Z].*)");

  private static final Pattern ANCM_TITLE = Pattern.compile("HTTP Error 5\\d\\d\\.\\d+ - (?:ANCM "
      + "|ASP\\.NET Core |Failed to load ASP\\.NET Core |Failed to load \\.NET Core host"
      + "|Failed to locate ASP\\.NET Core app|Process Failure)");
  private static final Pattern HTTP_SYS_LINE = Pattern.compile("(?m)^HTTP Error \\d{3}\\. \\S");
  private static final Pattern IIS_DETAILED = Pattern.compile("IIS(?: \\d+(?:\\.\\d+)?)? Detailed "
      + "Error|(?m)^HTTP Error \\d{3}\\.\\d+ - |Detailed Error Information:");

  private boolean done;

  ErrorPageReader(EncodingDecoder in, String source, ReadLimits limits,
      Consumer<SkippedRecord> skips) {
    super(in, source, limits, skips);
  }

  /**
   * True when the start of an input is an HTML page, or a pasted error page whose first lines
   * hold a title this reader knows ({@code HTTP Error 500.30 - ...}, {@code Server Error in '/'
   * Application}, {@code IIS 10.0 Detailed Error - ...}, {@code Service Unavailable}, {@code 500 -
   * Internal server error.}, {@code :( Application Error}). Used by {@link FormatDetector} after
   * the event formats.
   */
  static boolean looksLike(String head) {
    if (isMarkup(head)) {
      return true;
    }
    int lines = 0;
    int at = 0;
    int end = Math.min(head.length(), HEAD_CHARS);
    while (at < end && lines < 12) {
      int nl = head.indexOf('\n', at);
      int stop = nl < 0 || nl > end ? end : nl;
      String line = head.substring(at, stop).strip();
      at = stop + 1;
      if (line.isEmpty()) {
        continue;
      }
      lines++;
      if (TITLE_LINE.matcher(line).matches()) {
        return true;
      }
    }
    return false;
  }

  /** True when the input starts with HTML markup rather than text. */
  static boolean isMarkup(String head) {
    String s = head.substring(0, Math.min(head.length(), HEAD_CHARS));
    s = s.startsWith("\uFEFF") ? s.substring(1) : s;
    s = s.stripLeading().toLowerCase(Locale.ROOT);
    if (!s.startsWith("<")) {
      return false;
    }
    return s.startsWith("<!doctype html") || hasTag(s, "<html") || hasTag(s, "<head")
        || hasTag(s, "<body") || hasTag(s, "<title");
  }

  /** True when {@code s} holds the start of the tag {@code open} ({@code <html>, <html lang=}). */
  private static boolean hasTag(String s, String open) {
    for (int at = s.indexOf(open); at >= 0; at = s.indexOf(open, at + 1)) {
      int next = at + open.length();
      if (next == s.length() || s.charAt(next) == '>' || s.charAt(next) == '/'
          || Character.isWhitespace(s.charAt(next))) {
        return true;
      }
    }
    return false;
  }

  /** Names what produced a page from its text, or "" when unknown. */
  static String provider(String text) {
    if (ANCM_TITLE.matcher(text).find() || text.contains("fwlink/?LinkID=2028265")
        || text.contains("fwlink/?LinkID=2028526") || text.contains("fwlink/?LinkID=808681")) {
      return ANCM;
    }
    if (text.contains(":( Application Error")
        || text.contains("If you are the application administrator, you can access the "
            + "diagnostic resources")
        || text.contains("Web server received an invalid response while acting as a gateway or "
            + "proxy server")
        || text.contains("The specified CGI application encountered an error and the server "
            + "terminated the process")) {
      return AZURE;
    }
    if (HTTP_SYS_LINE.matcher(text).find()) {
      return HTTP_SYS;
    }
    if (IIS_DETAILED.matcher(text).find()
        || text.contains("There is a problem with the resource you are looking for, and it "
            + "cannot be displayed")
        || text.contains("The Web server is configured to not list the contents of this "
            + "directory")
        || text.contains("Internet Information Services")) {
      return IIS;
    }
    return "";
  }

  @Override
  @Nullable LogRecord next() throws IOException {
    if (done) {
      return null;
    }
    done = true;
    return isMarkup(in.peek(HEAD_CHARS)) ? readHtml() : readPaste();
  }

  private @Nullable LogRecord readHtml() throws IOException {
    HtmlText html = new HtmlText(maxChars);
    while (true) {
      long line = in.line();
      long offset = in.byteOffset();
      int c = in.read();
      if (c < 0) {
        break;
      }
      html.feed((char) c, offset, line);
      if (html.isFull()) {
        drain();
        break;
      }
    }
    String text = html.finish();
    if (html.isFull()) {
      skipCut(1, html.cutOffset());
    }
    HtmlText.Unclosed open = html.unclosed();
    if (open != null) {
      skip(open.line(), open.byteOffset(), "the " + open.what() + " opened on line "
          + open.line() + " is never closed: like a browser, the reader took the rest of the "
          + "page, from byte " + open.byteOffset() + " to its end, as part of it and showed none"
          + " of it as text");
    }
    if (text.isBlank()) {
      skip(1, 0, "the page shows no text (only markup" + (open == null ? "" : ", or text after "
          + "an unclosed " + open.what()) + "); no record was made of it");
      return null;
    }
    return record(text);
  }

  private @Nullable LogRecord readPaste() throws IOException {
    StringBuilder sb = new StringBuilder();
    long cutOffset = -1;
    while (true) {
      long offset = in.byteOffset();
      int c = in.read();
      if (c < 0) {
        break;
      }
      if (sb.length() < maxChars) {
        sb.append((char) c);
      } else if (cutOffset < 0) {
        cutOffset = offset;
        drain();
        break;
      }
    }
    if (sb.toString().isBlank()) {
      return null;
    }
    if (cutOffset >= 0) {
      skipCut(1, cutOffset);
    }
    return record(sb.toString());
  }

  private void drain() throws IOException {
    while (in.read() >= 0) {
      // the rest was reported as cut
    }
  }

  private LogRecord record(String text) {
    return LogRecord.builder(Channel.BROWSER, text).source(source).line(1)
        .provider(provider(text)).build();
  }
}
