package io.github.ancmdiag.internal.read.pages;

import io.github.ancmdiag.internal.read.text.EncodingDecoder;
import io.github.ancmdiag.internal.read.text.RawRecord;
import io.github.ancmdiag.internal.read.text.RecordReader;
import io.github.ancmdiag.model.Channel;
import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.CharBuffer;
import java.nio.charset.Charset;
import java.nio.charset.CharsetDecoder;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.IllegalCharsetNameException;
import java.nio.charset.StandardCharsets;
import java.nio.charset.UnsupportedCharsetException;
import java.util.ArrayList;
import java.util.Base64;
import java.util.List;
import java.util.Locale;
import java.util.regex.Pattern;
import org.jetbrains.annotations.Nullable;

/**
 * Reads {@link io.github.ancmdiag.input.Format#ERROR_PAGE}: one error page a browser showed, saved as HTML or pasted as
 * text, as one record of {@link Channel#BROWSER}. Called by {@link io.github.ancmdiag.input.LogReader}.
 *
 * <p>An input that starts with markup ({@code <!DOCTYPE html>}, {@code <html>}, or a {@code
 * <head>}, {@code <body>}, {@code <title>} tag early on, after an optional "saved from url"
 * comment) is HTML: its text is extracted by {@link HtmlText} (scripts, styles and comments
 * dropped, entities decoded, blocks and table rows on their own lines, so that the IIS detail
 * table reads {@code Error Code: 0x8007000d}). Any other input is a paste and is kept whole, as
 * written. A page saved as MHTML ("Webpage, Single File": MIME headers, then {@code
 * multipart/related} parts) is read from its first {@code text/html} part, decoded from
 * quoted-printable or base64 and from its charset; the other parts (styles, images) are resources,
 * not text, and are passed over. The record's {@link io.github.ancmdiag.input.LogRecord#provider() provider} names what
 * produced the page, from its text: {@value #ANCM}, {@value #AZURE}, {@value #HTTP_SYS} or
 * {@value #IIS}, else empty.
 *
 * <p>A page whose text exceeds the record limit is cut there and the rest reported with {@link
 * #skipCut}. A {@code <script>}, {@code <style>} or comment left open swallows the rest of the
 * page, as in a browser; that is reported with where it opened. A page with no text at all gives
 * no record and one skip.
 */
public final class ErrorPageReader extends RecordReader {
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

  public ErrorPageReader(EncodingDecoder in, String source, int maxChars,
      RecordReader.Skips skips) {
    super(in, source, maxChars, skips);
  }

  /**
   * True when the start of an input is an HTML page, or a pasted error page whose first lines
   * hold a title this reader knows ({@code HTTP Error 500.30 - ...}, {@code Server Error in '/'
   * Application}, {@code IIS 10.0 Detailed Error - ...}, {@code Service Unavailable}, {@code 500 -
   * Internal server error.}, {@code :( Application Error}). Used by {@link io.github.ancmdiag.internal.read.FormatDetector} after
   * the event formats.
   */
  public static boolean looksLike(String head) {
    if (isMarkup(head) || isMhtml(head)) {
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

  /** True when the input starts with MIME headers of a saved page ({@code multipart/related}). */
  static boolean isMhtml(String head) {
    String s = head.substring(0, Math.min(head.length(), HEAD_CHARS)).toLowerCase(Locale.ROOT);
    s = s.startsWith("\ufeff") ? s.substring(1) : s;
    return (s.startsWith("from:") || s.startsWith("mime-version:") || s.startsWith("subject:")
        || s.startsWith("content-type:") || s.startsWith("snapshot-content-location:")
        || s.startsWith("date:") || s.startsWith("content-location:"))
        && s.contains("multipart/related") && s.contains("boundary=");
  }

  /** Names what produced a page from its text, or "" when unknown. */
  public static String provider(String text) {
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
  public @Nullable RawRecord next() throws IOException {
    if (done) {
      return null;
    }
    done = true;
    String head = in.peek(HEAD_CHARS);
    return isMhtml(head) ? readMhtml() : isMarkup(head) ? readHtml() : readPaste();
  }

  private @Nullable RawRecord readHtml() throws IOException {
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
    return htmlRecord(html);
  }

  private @Nullable RawRecord htmlRecord(HtmlText html) {
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

  private @Nullable RawRecord readPaste() throws IOException {
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

  /** The most characters of one unfolded MIME header kept. */
  static final int MAX_HEADER_CHARS = 8192;
  /** The most MIME headers of one block kept. */
  static final int MAX_HEADERS = 64;

  /**
   * Reads the first {@code text/html} part of an MHTML file into {@link HtmlText}. Lines are MIME
   * lines (quoted-printable and base64 keep them under 77 characters); one longer than the
   * record limit ends the reading with a cut.
   */
  private @Nullable RawRecord readMhtml() throws IOException {
    String boundary = parameter(header(readHeaders(), "content-type"), "boundary");
    if (boundary == null || boundary.isEmpty()) {
      drain();
      skip(1, 0, "the MHTML headers name no boundary between parts, so no part could be read");
      return null;
    }
    String delimiter = "--" + boundary;
    HtmlText html = null;
    CappedLine line = readMimeLine();
    while (line != null && html == null) {
      if (!line.text().startsWith(delimiter) || line.text().startsWith(delimiter + "--")) {
        line = readMimeLine();
        continue;
      }
      List<String> part = readHeaders();
      String type = header(part, "content-type");
      if (type != null && type.toLowerCase(Locale.ROOT).startsWith("text/html")) {
        html = new HtmlText(maxChars);
        line = readHtmlPart(html, delimiter, charset(parameter(type, "charset")),
            String.valueOf(header(part, "content-transfer-encoding")).toLowerCase(Locale.ROOT)
                .strip());
      } else {
        line = readMimeLine();
      }
    }
    drain(); // the parts after the page are its resources
    if (html == null) {
      skip(1, 0, "the MHTML file holds no text/html part, so it shows no page");
      return null;
    }
    return htmlRecord(html);
  }

  /** Decodes one part's body into {@code html}; returns the line that ended it, or null. */
  private @Nullable CappedLine readHtmlPart(HtmlText html, String delimiter, Charset charset,
      String encoding) throws IOException {
    CharsetDecoder decoder = charset.newDecoder().onMalformedInput(CodingErrorAction.REPLACE)
        .onUnmappableCharacter(CodingErrorAction.REPLACE);
    ByteBuffer bytes = ByteBuffer.allocate(8192);
    CharBuffer chars = CharBuffer.allocate(8192);
    boolean quotedPrintable = encoding.equals("quoted-printable");
    boolean base64 = encoding.equals("base64");
    while (true) {
      CappedLine line = readMimeLine();
      if (line == null || line.text().startsWith(delimiter)) {
        bytes.flip();
        decoder.decode(bytes, chars, true);
        decoder.flush(chars);
        feed(html, chars, line == null ? in.byteOffset() : line.byteOffset(),
            line == null ? in.line() : line.number());
        return line;
      }
      if (html.isFull()) {
        continue;
      }
      String text = line.text();
      if (!quotedPrintable && !base64) {
        for (int i = 0; i < text.length(); i++) {
          html.feed(text.charAt(i), line.byteOffset(), line.number());
        }
        html.feed('\n', line.byteOffset(), line.number());
        continue;
      }
      byte[] decoded = base64 ? base64(text) : quotedPrintable(text);
      for (int i = 0; i < decoded.length; i++) {
        if (!bytes.hasRemaining()) {
          bytes.flip();
          decoder.decode(bytes, chars, false);
          bytes.compact();
          feed(html, chars, line.byteOffset(), line.number());
        }
        bytes.put(decoded[i]);
      }
    }
  }

  private static void feed(HtmlText html, CharBuffer chars, long offset, long line) {
    chars.flip();
    while (chars.hasRemaining()) {
      html.feed(chars.get(), offset, line);
    }
    chars.clear();
  }

  /** Decodes one quoted-printable line; a line ending in {@code =} continues on the next. */
  static byte[] quotedPrintable(String line) {
    String text = line.stripTrailing();
    boolean soft = text.endsWith("=");
    if (soft) {
      text = text.substring(0, text.length() - 1);
    }
    byte[] out = new byte[text.length() * 3 + 1];
    int n = 0;
    for (int i = 0; i < text.length(); i++) {
      char c = text.charAt(i);
      int hi = c == '=' ? hex(text, i + 1) : -1;
      if (hi >= 0) {
        out[n++] = (byte) hi;
        i += 2;
      } else if (c < 0x80) {
        out[n++] = (byte) c;
      } else {
        byte[] raw = String.valueOf(c).getBytes(StandardCharsets.UTF_8); // not QP, keep it
        System.arraycopy(raw, 0, out, n, raw.length);
        n += raw.length;
      }
    }
    if (!soft) {
      out[n++] = '\n';
    }
    return java.util.Arrays.copyOf(out, n);
  }

  /** The byte of two hex digits at {@code text[i..i+2)}, or -1. */
  private static int hex(String text, int i) {
    if (i + 1 >= text.length()) {
      return -1;
    }
    int hi = Character.digit(text.charAt(i), 16);
    int lo = Character.digit(text.charAt(i + 1), 16);
    return hi < 0 || lo < 0 ? -1 : hi * 16 + lo;
  }

  private static byte[] base64(String line) {
    try {
      return Base64.getMimeDecoder().decode(line.strip());
    } catch (IllegalArgumentException e) {
      return new byte[0]; // not base64: the line shows nothing
    }
  }

  private static Charset charset(@Nullable String name) {
    if (name != null) {
      try {
        return Charset.forName(name);
      } catch (IllegalCharsetNameException | UnsupportedCharsetException e) {
        // an unknown charset reads as UTF-8, the charset of every browser's MHTML
      }
    }
    return StandardCharsets.UTF_8;
  }

  /**
   * Reads MIME headers up to a blank line (or the end), unfolding continued lines. Linear in the
   * input: a header is unfolded into a builder, up to {@link #MAX_HEADER_CHARS} characters (the
   * continuations past that are reported once, not kept), and at most {@link #MAX_HEADERS}
   * headers are kept (the rest reported once).
   */
  private List<String> readHeaders() throws IOException {
    List<StringBuilder> headers = new ArrayList<>();
    boolean longReported = false;
    boolean manyReported = false;
    while (true) {
      CappedLine line = readMimeLine();
      if (line == null || line.text().isBlank()) {
        break;
      }
      if (!headers.isEmpty() && (line.text().startsWith(" ") || line.text().startsWith("\t"))) {
        StringBuilder last = headers.get(headers.size() - 1);
        String more = line.text().strip();
        if (last.length() + 1 + more.length() <= MAX_HEADER_CHARS) {
          last.append(' ').append(more);
        } else if (!longReported) {
          longReported = true;
          skip(line.number(), line.byteOffset(), "a MIME header folded over many lines is longer"
              + " than " + MAX_HEADER_CHARS + " characters here; its continuation lines from"
              + " this one on were not read");
        }
      } else if (headers.size() < MAX_HEADERS) {
        headers.add(new StringBuilder(line.text()));
      } else if (!manyReported) {
        manyReported = true;
        skip(line.number(), line.byteOffset(), "more than " + MAX_HEADERS + " MIME headers; this"
            + " header and the ones after it in this block were not read");
      }
    }
    List<String> unfolded = new ArrayList<>(headers.size());
    headers.forEach(h -> unfolded.add(h.toString()));
    return unfolded;
  }

  private static @Nullable String header(List<String> headers, String name) {
    for (String h : headers) {
      int colon = h.indexOf(':');
      if (colon > 0 && h.substring(0, colon).strip().equalsIgnoreCase(name)) {
        return h.substring(colon + 1).strip();
      }
    }
    return null;
  }

  /** A parameter of a header value ({@code boundary="..."}), unquoted, or null. */
  static @Nullable String parameter(@Nullable String value, String name) {
    if (value == null) {
      return null;
    }
    for (String piece : value.split(";")) {
      int eq = piece.indexOf('=');
      if (eq > 0 && piece.substring(0, eq).strip().equalsIgnoreCase(name)) {
        String v = piece.substring(eq + 1).strip();
        if (v.length() >= 2 && v.startsWith("\"") && v.endsWith("\"")) {
          v = v.substring(1, v.length() - 1);
        }
        return v;
      }
    }
    return null;
  }

  /** Reads one line of an MHTML file, reporting a line cut at the limit; null at the end. */
  private @Nullable CappedLine readMimeLine() throws IOException {
    CappedLine line = readCappedLine();
    if (line != null && line.cutOffset() >= 0) {
      skip(line.number(), line.cutOffset(), "line " + line.number() + " of the MHTML file is"
          + " longer than the limit of " + maxChars + " characters; the rest of it, from byte "
          + line.cutOffset() + ", was not read");
    }
    return line;
  }

  private void drain() throws IOException {
    while (in.read() >= 0) {
      // the rest was reported as cut
    }
  }

  private RawRecord record(String text) {
    return RawRecord.builder(Channel.BROWSER, text).source(source).line(1)
        .provider(provider(text)).build();
  }
}
