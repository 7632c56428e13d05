package io.github.ancmdiag.input;

import io.github.ancmdiag.internal.io.Capped;
import io.github.ancmdiag.internal.io.IoFailures;
import io.github.ancmdiag.internal.io.RecordBudget;
import io.github.ancmdiag.internal.read.FormatDetector;
import io.github.ancmdiag.internal.read.ancm.DebugLogReader;
import io.github.ancmdiag.internal.read.ancm.StdoutLogReader;
import io.github.ancmdiag.internal.read.events.EventCsvReader;
import io.github.ancmdiag.internal.read.events.EventTextReader;
import io.github.ancmdiag.internal.read.events.EventXmlReader;
import io.github.ancmdiag.internal.read.events.PowerShellJsonReader;
import io.github.ancmdiag.internal.read.events.PowerShellListReader;
import io.github.ancmdiag.internal.read.evtx.EvtxRecords;
import io.github.ancmdiag.internal.read.iis.FrebReader;
import io.github.ancmdiag.internal.read.iis.W3cLogReader;
import io.github.ancmdiag.internal.read.pages.ErrorPageReader;
import io.github.ancmdiag.internal.read.text.EncodingDecoder;
import io.github.ancmdiag.internal.read.text.PlainTextReader;
import io.github.ancmdiag.internal.read.text.RawRecord;
import io.github.ancmdiag.internal.read.text.RecordReader;
import io.github.ancmdiag.model.Channel;
import java.io.Closeable;
import java.io.IOException;
import java.io.InputStream;
import java.io.PushbackInputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Iterator;
import java.util.List;
import java.util.NoSuchElementException;
import java.util.Objects;
import java.util.Optional;
import org.jetbrains.annotations.CheckReturnValue;
import org.jetbrains.annotations.NotNull;
import org.jetbrains.annotations.Nullable;
import org.jetbrains.annotations.Unmodifiable;

/**
 * Reads the records of one exported log file, one at a time, in constant memory: a 2 GB event
 * export is read event by event, never whole.
 *
 * <pre>{@code
 * try (LogReader reader = LogReader.open(Path.of("Application.xml"))) {
 *   for (LogRecord record : reader) {
 *     sink.accept(diagnoser.classify(record));
 *   }
 *   reader.skipped().forEach(System.err::println);  // what could not be read, and where
 * }
 * }</pre>
 *
 * <p><b>Formats.</b> {@link Format#AUTO} (what {@link #open(Path)} uses) detects the format from
 * the content, never from the name: Windows event XML, Event Viewer text copies, PowerShell
 * {@code ConvertTo-Json} of events, Event Viewer CSV, PowerShell {@code Format-List} text of
 * events, IIS W3C logs (and App Service RawLogs), IIS failed request traces (FREB), ANCM debug
 * logs, ANCM stdout logs, error pages a browser showed (HTML or a pasted copy, see {@link
 * Format#ERROR_PAGE}), Event Viewer's binary {@code .evtx} files (by their signature, see {@link
 * Format#EVTX}), else plain text when a channel for it was given. When that channel is
 * {@link Channel#STDOUT_LOG} or {@link Channel#DEBUG_LOG}, text of no other known format is read
 * as {@link Format#STDOUT_LOG} or {@link Format#DEBUG_LOG} (lines grouped into records) rather
 * than whole as plain text. Encodings: UTF-8 with or without a byte order mark, UTF-16 LE or BE
 * with one, windows-1252 when the bytes are not UTF-8.
 *
 * <p><b>Bad input never throws.</b> Once a reader exists, malformed parts become {@link
 * SkippedRecord}s with their line, byte offset and reason. Every record of the input is accounted
 * for: it is either returned or skipped, except a record longer than the {@link ReadLimits
 * limit}, which is returned cut and whose rest is also reported as skipped (with the record's
 * line). The whole-input outcomes:
 *
 * <ul>
 *   <li>an empty or blank input: no record and no skip, {@link #format()} empty;
 *   <li>a binary input: no record, one skip saying so, {@link #format()} empty;
 *   <li>text of no known format under {@code AUTO} without a plain-text channel: no record, one
 *       skip saying so, {@link #format()} empty;
 *   <li>a forced format that does not fit: no record and one skip saying so.
 * </ul>
 *
 * <p><b>Plain text</b> is one record per input, cut at the limit, of the channel the caller names
 * ({@link #open(Path, Format, Channel)}); grouping lines into records is left to the log formats
 * that have such groups.
 *
 * <p>Not thread-safe: one thread iterates. {@link #iterator()} returns the same single-pass
 * iterator every time. {@link #close()} closes the underlying stream.
 */
public final class LogReader implements Closeable, Iterable<LogRecord> {
  private final String source;
  private final InputStream stream;
  private final Capped<SkippedRecord> skipped = new Capped<>(RecordBudget.SKIPPED_KEPT,
      (first, notKept, kept) -> new SkippedRecord(first.source(), first.line(),
          first.byteOffset(), RecordBudget.notListed(first.reason(), notKept, kept)));
  private @Nullable Format format;
  private @Nullable Source reader;
  private long recordsRead;
  private @Nullable IOException openFailure;
  private final Iterator<LogRecord> iterator = new Records();

  private LogReader(String source, InputStream stream, Format requested,
      @Nullable Channel plainTextChannel, ReadLimits limits) {
    this.source = source;
    this.stream = stream;
    if (requested == Format.PLAIN_TEXT && plainTextChannel == null) {
      throw new IllegalArgumentException(
          "Format.PLAIN_TEXT needs the channel of the text: use open(path, PLAIN_TEXT, channel)");
    }
    try {
      PushbackInputStream head = new PushbackInputStream(stream, 8);
      byte[] magic = head.readNBytes(8);
      head.unread(magic);
      boolean evtx = FormatDetector.isEvtx(magic);
      if (evtx && (requested == Format.AUTO || requested == Format.EVTX)) {
        format = Format.EVTX;
        reader = new EvtxRecords(head, source, limits.maxRecordChars(), this::skip)::next;
        return;
      }
      if (requested == Format.EVTX) {
        skipped.add(new SkippedRecord(source, 1, 0, "the input does not start with the .evtx "
            + "signature (ElfFile); nothing was read"));
        return;
      }
      EncodingDecoder in = new EncodingDecoder(head);
      String lyingMark = in.bomMismatch();
      if (lyingMark != null) {
        skipped.add(new SkippedRecord(source, 1, 0, lyingMark));
      }
      FormatDetector.Verdict verdict =
          FormatDetector.detect(in.peek(FormatDetector.SNIFF_CHARS));
      if (verdict == FormatDetector.Verdict.EMPTY) {
        return;
      }
      if (verdict == FormatDetector.Verdict.BINARY) {
        skipped.add(new SkippedRecord(source, 1, 0, "the input is binary (" + in.kind().label()
            + " decoding shows NUL or control characters), not a log; nothing was read"));
        return;
      }
      Format chosen = requested;
      if (requested == Format.AUTO) {
        switch (verdict) {
          case EVENT_XML:
            chosen = Format.EVENT_XML;
            break;
          case EVENT_TEXT:
            chosen = Format.EVENT_TEXT;
            break;
          case W3C_LOG:
            chosen = Format.W3C_LOG;
            break;
          case FREB_XML:
            chosen = Format.FREB_XML;
            break;
          case ERROR_PAGE:
            chosen = Format.ERROR_PAGE;
            break;
          case DEBUG_LOG:
            chosen = Format.DEBUG_LOG;
            break;
          case STDOUT_LOG:
            chosen = Format.STDOUT_LOG;
            break;
          case EVENT_CSV:
            chosen = Format.EVENT_CSV;
            break;
          case POWERSHELL_JSON:
            chosen = Format.POWERSHELL_JSON;
            break;
          case POWERSHELL_LIST:
            chosen = Format.POWERSHELL_LIST;
            break;
          default:
            if (plainTextChannel == null) {
              skipped.add(new SkippedRecord(source, 1, 0, "the content is no log format this reader"
                  + " knows (event log export, request log, failed request trace, error page);"
                  + " nothing was read (open it with "
                  + "Format.PLAIN_TEXT and a channel to read it whole)"));
              return;
            }
            chosen = plainTextChannel == Channel.STDOUT_LOG ? Format.STDOUT_LOG
                : plainTextChannel == Channel.DEBUG_LOG ? Format.DEBUG_LOG : Format.PLAIN_TEXT;
        }
      }
      format = chosen;
      reader = create(chosen, in, limits, plainTextChannel)::next;
    } catch (IOException e) {
      openFailure = e;
      failed(e);
    } catch (RuntimeException e) {
      failed(e);
    }
  }

  private RecordReader create(Format chosen, EncodingDecoder in, ReadLimits limits,
      @Nullable Channel channel) {
    int max = limits.maxRecordChars();
    RecordReader.Skips skips = this::skip;
    return switch (chosen) {
      case EVENT_XML -> new EventXmlReader(in, source, max, skips);
      case EVENT_TEXT -> new EventTextReader(in, source, max, skips);
      case W3C_LOG -> new W3cLogReader(in, source, max, skips);
      case FREB_XML -> new FrebReader(in, source, max, skips);
      case ERROR_PAGE -> new ErrorPageReader(in, source, max, skips);
      case STDOUT_LOG -> new StdoutLogReader(in, source, max, skips);
      case DEBUG_LOG -> new DebugLogReader(in, source, max, skips);
      case EVENT_CSV -> new EventCsvReader(in, source, max, skips);
      case POWERSHELL_JSON -> new PowerShellJsonReader(in, source, max, skips);
      case POWERSHELL_LIST -> new PowerShellListReader(in, source, max, skips);
      case EVTX -> throw new IllegalStateException("an .evtx is read by EvtxRecords");
      case AUTO, PLAIN_TEXT -> new PlainTextReader(in, source, max, skips,
          Objects.requireNonNull(channel, "channel"));
    };
  }

  private void skip(long line, long byteOffset, String reason) {
    skipped.add(new SkippedRecord(source, line, byteOffset, reason));
  }

  /** The public record of what a format reader read. */
  private static LogRecord toLogRecord(RawRecord r) {
    LogRecord.Builder b = LogRecord.builder(r.channel(), r.text()).source(r.source())
        .provider(r.provider()).level(r.level());
    if (r.line() > 0) {
      b.line(r.line());
    }
    if (r.eventId() > 0) {
      b.eventId(r.eventId());
    }
    if (r.time() != null) {
      b.time(r.time());
    }
    if (r.httpStatus() != null) {
      b.httpStatus(r.httpStatus());
    }
    if (r.win32Status() >= 0) {
      b.win32Status(r.win32Status());
    }
    return b.build();
  }

  /** One format's records, pulled one at a time: null at the end. */
  private interface Source {
    @Nullable RawRecord next() throws IOException;
  }

  private void failed(Exception e) {
    reader = null;
    String what = e instanceof IOException
        ? "the input could not be read (" + IoFailures.reason((IOException) e) + ")"
        : "the reader met an internal error (a bug: please report it with the file)";
    skipped.add(new SkippedRecord(source, 0, -1, what + "; reading stopped there"));
  }

  /**
   * Opens a file and detects its format from its content; text of no known format gives no
   * record and one {@link SkippedRecord}.
   *
   * @param path the file
   * @return a reader; close it
   * @throws IOException if the file cannot be opened or its first bytes cannot be read
   */
  @CheckReturnValue
  public static @NotNull LogReader open(@NotNull Path path) throws IOException {
    return open(path, Format.AUTO, null, ReadLimits.defaults());
  }

  /**
   * Opens a file in the given format, or detects it for {@link Format#AUTO}.
   *
   * @param path the file
   * @param format the format, not {@link Format#PLAIN_TEXT} (which needs a channel)
   * @return a reader; close it
   * @throws IOException if the file cannot be opened or its first bytes cannot be read
   * @throws IllegalArgumentException if {@code format} is {@link Format#PLAIN_TEXT}
   */
  @CheckReturnValue
  public static @NotNull LogReader open(@NotNull Path path, @NotNull Format format)
      throws IOException {
    return open(path, format, null, ReadLimits.defaults());
  }

  /**
   * Opens a file in the given format; text read as {@link Format#PLAIN_TEXT} (forced, or detected
   * under {@link Format#AUTO} when no other format fits) becomes one record of {@code channel}.
   *
   * @param path the file
   * @param format the format, or {@link Format#AUTO}
   * @param channel the channel of plain text
   * @return a reader; close it
   * @throws IOException if the file cannot be opened or its first bytes cannot be read
   */
  @CheckReturnValue
  public static @NotNull LogReader open(@NotNull Path path, @NotNull Format format,
      @NotNull Channel channel) throws IOException {
    return open(path, format, Objects.requireNonNull(channel, "channel"), ReadLimits.defaults());
  }

  /**
   * Opens a file with every option.
   *
   * @param path the file
   * @param format the format, or {@link Format#AUTO}
   * @param plainTextChannel the channel of plain text; null to read no plain text (then {@link
   *     Format#PLAIN_TEXT} is refused)
   * @param limits the record limit
   * @return a reader; close it
   * @throws IOException if the file cannot be opened or its first bytes cannot be read
   * @throws IllegalArgumentException if {@code format} is {@link Format#PLAIN_TEXT} and {@code
   *     plainTextChannel} is null
   */
  @CheckReturnValue
  public static @NotNull LogReader open(@NotNull Path path, @NotNull Format format,
      @Nullable Channel plainTextChannel, @NotNull ReadLimits limits) throws IOException {
    Objects.requireNonNull(path, "path");
    Objects.requireNonNull(format, "format");
    Objects.requireNonNull(limits, "limits");
    if (format == Format.PLAIN_TEXT && plainTextChannel == null) {
      throw new IllegalArgumentException(
          "Format.PLAIN_TEXT needs the channel of the text: use open(path, PLAIN_TEXT, channel)");
    }
    Path name = path.getFileName();
    InputStream in = Files.newInputStream(path);
    LogReader reader = new LogReader(name == null ? path.toString() : name.toString(), in,
        format, plainTextChannel, limits);
    if (reader.openFailure != null) {
      in.close();
      throw reader.openFailure;
    }
    return reader;
  }

  /**
   * Reads a stream in the given format, or detects it for {@link Format#AUTO}. Never throws for
   * the stream's content or an error reading it: those become {@link SkippedRecord}s.
   *
   * @param sourceName the name records and skips carry, such as a file name
   * @param in the bytes; closed by {@link #close()}
   * @param format the format, or {@link Format#AUTO}; not {@link Format#PLAIN_TEXT}
   * @return a reader
   * @throws IllegalArgumentException if {@code format} is {@link Format#PLAIN_TEXT}
   */
  @CheckReturnValue
  public static @NotNull LogReader of(@NotNull String sourceName, @NotNull InputStream in,
      @NotNull Format format) {
    return of(sourceName, in, format, null, ReadLimits.defaults());
  }

  /**
   * Reads a stream with every option. Never throws for the stream's content or an error reading
   * it: those become {@link SkippedRecord}s.
   *
   * @param sourceName the name records and skips carry, such as a file name
   * @param in the bytes; closed by {@link #close()}
   * @param format the format, or {@link Format#AUTO}
   * @param plainTextChannel the channel of plain text; null to read no plain text
   * @param limits the record limit
   * @return a reader
   * @throws IllegalArgumentException if {@code format} is {@link Format#PLAIN_TEXT} and {@code
   *     plainTextChannel} is null
   */
  @CheckReturnValue
  public static @NotNull LogReader of(@NotNull String sourceName, @NotNull InputStream in,
      @NotNull Format format, @Nullable Channel plainTextChannel, @NotNull ReadLimits limits) {
    return new LogReader(Objects.requireNonNull(sourceName, "sourceName"),
        Objects.requireNonNull(in, "in"), Objects.requireNonNull(format, "format"),
        plainTextChannel, Objects.requireNonNull(limits, "limits"));
  }

  /**
   * Returns the format being read: never {@link Format#AUTO}; empty when the input is empty,
   * binary, or (under {@code AUTO}) of no known format.
   *
   * @return the format, or empty
   */
  public @NotNull Optional<Format> format() {
    return Optional.ofNullable(format);
  }

  /**
   * Returns what could not be read so far, in input order. A live, unmodifiable view: it grows as
   * reading goes on; complete once iteration has ended. At most 1,000 are listed: past the first
   * 999, the last one counts the rest and gives the first of them.
   *
   * @return the skipped records so far
   */
  public @NotNull @Unmodifiable List<SkippedRecord> skipped() {
    return skipped.view();
  }

  /**
   * Returns how many records have been returned so far.
   *
   * @return the number of records returned
   */
  public long recordsRead() {
    return recordsRead;
  }

  /**
   * Returns the single-pass iterator over the records; every call returns the same one, so a
   * second loop continues where the first stopped. Its {@code next()} throws {@link
   * NoSuchElementException} after the last record, as iterators do; nothing else is thrown.
   *
   * @return the iterator over the records
   */
  @Override
  public @NotNull Iterator<LogRecord> iterator() {
    return iterator;
  }

  /**
   * Closes the underlying file or stream; reading afterwards ends (with a skip if records were
   * left).
   *
   * @throws IOException if closing the stream fails
   */
  @Override
  public void close() throws IOException {
    stream.close();
  }

  /** Pulls from the format reader, turning any failure into a final skip. */
  private final class Records implements Iterator<LogRecord> {
    private @Nullable LogRecord next;

    @Override
    public boolean hasNext() {
      if (next == null && reader != null) {
        try {
          RawRecord raw = reader.next();
          if (raw == null) {
            reader = null;
          } else {
            next = toLogRecord(raw);
          }
        } catch (IOException | RuntimeException e) {
          failed(e);
        }
      }
      return next != null;
    }

    @Override
    public LogRecord next() {
      if (!hasNext()) {
        throw new NoSuchElementException("no more records in " + source);
      }
      LogRecord r = next;
      next = null;
      recordsRead++;
      return Objects.requireNonNull(r);
    }
  }
}
