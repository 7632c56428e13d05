package io.github.ancmdiag.cli;

import io.github.ancmdiag.input.Format;
import io.github.ancmdiag.input.LogReader;
import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Objects;
import java.util.Optional;

/**
 * Splits pasted text that holds several kinds of evidence (an error page, then an event's text
 * from Event Viewer, then stdout or debug log lines) into parts, each to be read by the reader
 * of its format. The text is cut into blocks at empty lines and before an Event Viewer copy's
 * {@code Log Name:} line; each block's format is detected by {@link LogReader} from its content,
 * as a file's would be; a line that is an error page on its own (a page's title) is a block by
 * itself. A block joins the part before it when it has the same format, when its
 * format is unknown (the next paragraph of an event's description, of a page or of a stack), or
 * when it is the {@code Event Xml:} tail of an event's text; otherwise it starts a part.
 * Stateless; linear in the text's length.
 */
final class PasteSplitter {
  private PasteSplitter() {}

  /**
   * One part of a paste.
   *
   * @param format the format its first block was detected as; empty when none is known
   * @param firstLine the 1-based line of the paste where the part starts
   * @param text the part's lines, as pasted
   */
  record Part(Optional<Format> format, int firstLine, String text) {
    Part {
      Objects.requireNonNull(format, "format");
      Objects.requireNonNull(text, "text");
    }
  }

  /** Splits {@code text} into parts, in paste order; empty lines around parts are dropped. */
  static List<Part> split(String text) {
    String[] lines = text.split("\r\n|\r|\n", -1);
    List<Part> parts = new ArrayList<>();
    Optional<Format> format = Optional.empty();
    StringBuilder part = null;
    int partStart = 0;
    int i = 0;
    while (i < lines.length) {
      if (lines[i].isBlank()) {
        i++;
        continue;
      }
      int start = i;
      StringBuilder block = new StringBuilder(lines[i]).append('\n');
      i++;
      // a page's title line ends its block: what follows it may be of another format
      boolean title = detect(lines[start]).equals(Optional.of(Format.ERROR_PAGE));
      while (!title && i < lines.length && !lines[i].isBlank() && !startsEventText(lines[i])) {
        block.append(lines[i]).append('\n');
        i++;
      }
      Optional<Format> detected = detect(block.toString());
      boolean joins = part != null && (detected.isEmpty() || detected.equals(format)
          || format.equals(Optional.of(Format.EVENT_TEXT)) && isEventXmlTail(lines[start]));
      if (joins) {
        part.append("\n".repeat(blankLinesBefore(lines, start))).append(block);
      } else {
        if (part != null) {
          parts.add(new Part(format, partStart + 1, part.toString()));
        }
        part = block;
        partStart = start;
        format = detected;
      }
    }
    if (part != null) {
      parts.add(new Part(format, partStart + 1, part.toString()));
    }
    return parts;
  }

  /** Counts the empty lines right before {@code lines[i]}. */
  private static int blankLinesBefore(String[] lines, int i) {
    int n = 0;
    for (int k = i - 1; k >= 0 && lines[k].isBlank(); k--) {
      n++;
    }
    return n;
  }

  /** Tells whether a line opens an Event Viewer "Copy details as text" block. */
  static boolean startsEventText(String line) {
    return line.stripLeading().toLowerCase(Locale.ROOT).startsWith("log name:");
  }

  private static boolean isEventXmlTail(String line) {
    return line.stripLeading().toLowerCase(Locale.ROOT).startsWith("event xml:");
  }

  /** Detects a block's format as a file of that content would be detected. */
  static Optional<Format> detect(String block) {
    try (LogReader reader = LogReader.of("paste", new ByteArrayInputStream(
        block.getBytes(StandardCharsets.UTF_8)), Format.AUTO)) {
      return reader.format();
    } catch (IOException e) {
      throw new UncheckedIOException("closing a reader of bytes in memory, which cannot fail", e);
    }
  }
}
