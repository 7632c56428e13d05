package io.github.ancmdiag.internal.read.text;

import java.io.IOException;
import org.jetbrains.annotations.Nullable;

/**
 * Base of the readers that group consecutive lines into records ({@link io.github.ancmdiag.internal.read.ancm.StdoutLogReader}, {@link
 * DebugLogReader}). Subclasses decide from the start of each line ({@link LineCursor#peek()})
 * whether it begins a record, continues the current one, or ends it; this class keeps the text of
 * a record within the record limit and reports binary junk.
 *
 * <p>Accounting, shared by both readers: every non-blank line of the input is either part of one
 * returned record's text, or part of a record cut at the limit (the cut is reported once, with
 * the record's first line and the byte offset of the first character not kept), or inside a run
 * of binary lines reported as one {@link io.github.ancmdiag.input.SkippedRecord}. Blank lines (white space only) are never
 * records and never skips: between records they are dropped, inside a record they are kept.
 */
public abstract class LineGroupReader extends RecordReader {
  public final LineCursor lines;
  /** The text of the record being built, reused so that it does not grow again per record. */
  private final StringBuilder buffer = new StringBuilder(1024);
  private final StringBuilder pendingBuffer = new StringBuilder();

  protected LineGroupReader(EncodingDecoder in, String source, int maxChars,
      RecordReader.Skips skips) {
    super(in, source, maxChars, skips);
    this.lines = new LineCursor(in);
  }

  /**
   * Drops blank lines and reports runs of binary lines until the next line of text.
   *
   * @return the start of that line, or null at the end of the input
   */
  protected final @Nullable LineCursor.Head nextTextLine() throws IOException {
    while (true) {
      LineCursor.Head head = lines.peek();
      if (head == null) {
        return null;
      }
      if (head.isBlank()) {
        lines.skipLine();
      } else if (head.isBinary()) {
        skipBinaryRun(head);
      } else {
        return head;
      }
    }
  }

  /** Reads and reports, as one skip, consecutive binary lines. */
  private void skipBinaryRun(LineCursor.Head first) throws IOException {
    long count = 0;
    long end;
    while (true) {
      lines.skipLine();
      count++;
      end = lines.byteOffset();
      LineCursor.Head next = lines.peek();
      if (next == null || !next.isBinary()) {
        break;
      }
    }
    skip(first.line(), first.byteOffset(), count + " line(s) of binary data (NUL or control "
        + "characters), from line " + first.line() + " up to byte " + end + ", are not log text "
        + "and were not read");
  }

  /**
   * The text of one record being built: lines joined by their own terminators, kept within the
   * record limit. Blank lines seen inside the record wait in {@code pending} until a line of text
   * follows; trailing blank lines are dropped. One group at a time: it fills the reader's buffers.
   */
  public final class Group {
    public final long line;
    final long byteOffset;
    private final StringBuilder text = buffer;
    private final StringBuilder pending = pendingBuffer;
    private int pendingLines;
    private long cutOffset = -1;

  public   Group(LineCursor.Head first) throws IOException {
      this.line = first.line();
      this.byteOffset = first.byteOffset();
      text.setLength(0);
      pending.setLength(0);
      take(lines.readInto(text, maxChars));
    }

    /** Reads the next line (known to be text) into the record. */
    public void addLine() throws IOException {
      String separator = lines.lastEnd();
      long before = lines.byteOffset();
      if (!fits(pending.length() + separator.length())) {
        take(before);
        lines.skipLine();
        pending.setLength(0);
        pendingLines = 0;
        return;
      }
      text.append(pending).append(separator);
      pending.setLength(0);
      pendingLines = 0;
      take(lines.readInto(text, maxChars - text.length()));
    }

    /** Reads the next line, known to be blank, into the pending blank lines. */
    public void addBlankLine() throws IOException {
      String separator = lines.lastEnd();
      StringBuilder blank = new StringBuilder();
      lines.readInto(blank, LineCursor.PEEK_CHARS);
      if (pending.length() <= maxChars) {
        pending.append(separator).append(blank);
      }
      pendingLines++;
    }

    /** How many blank lines wait since the last line of text. */
    public int blankLines() {
      return pendingLines;
    }

    private boolean fits(int chars) {
      return cutOffset < 0 && text.length() + chars <= maxChars;
    }

    private void take(long cut) {
      if (cut >= 0 && cutOffset < 0) {
        cutOffset = cut;
      }
    }

    /** Reports the cut, if any, and returns the text. */
    public String finish() {
      if (cutOffset >= 0) {
        skipCut(line, cutOffset);
      }
      return text.toString();
    }
  }
}
