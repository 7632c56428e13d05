package io.github.ancmdiag.internal.read.evtx;

import io.github.ancmdiag.internal.read.events.EventTextReader;
import io.github.ancmdiag.internal.read.events.EventXmlReader;
import io.github.ancmdiag.internal.read.text.RawRecord;
import io.github.ancmdiag.internal.read.text.RecordReader;
import io.github.ancmdiag.model.Channel;
import java.io.IOException;
import java.io.InputStream;
import java.time.Instant;
import org.jetbrains.annotations.NotNull;
import org.jetbrains.annotations.Nullable;

/**
 * Reads {@code Format.EVTX} through {@link EvtxReader} and gives each event record the record
 * that {@link EventXmlReader} gives the same event exported as XML: the provider, the event id's
 * low 16 bits, the level's name, {@code TimeCreated} (else the time the record was written), and
 * as text the first {@code EventData/Data} insertion string (an {@code .evtx} holds no rendered
 * message), stripped, with Event Viewer's "description cannot be found" wrapper removed. Records
 * carry no line (the file has none); what cannot be read is skipped with its byte offset. Called
 * by {@code input.LogReader}.
 */
public final class EvtxRecords {
  private final EvtxReader reader;
  private final String source;
  private final int maxChars;
  private final RecordReader.Skips skips;

  /**
   * Creates a reader over a stream that starts with the file header.
   *
   * @param in the file's bytes; not closed here
   * @param source the name records and skips carry
   * @param maxChars the most characters kept of a record's text
   * @param skips where what could not be read goes
   */
  public EvtxRecords(@NotNull InputStream in, @NotNull String source, int maxChars,
      @NotNull RecordReader.Skips skips) {
    this.source = source;
    this.maxChars = maxChars;
    this.skips = skips;
    this.reader = new EvtxReader(in, maxChars,
        d -> skips.skip(0, d.byteOffset(), d.reason()));
  }

  /**
   * Returns the next record.
   *
   * @return the record, or null at the end of the file
   * @throws IOException if the stream cannot be read
   */
  public @Nullable RawRecord next() throws IOException {
    EvtxEvent e = reader.next();
    if (e == null) {
      return null;
    }
    if (e.cut()) {
      skips.skip(0, e.byteOffset(), "the text of record " + e.recordId()
          + " is longer than the limit of " + maxChars
          + " characters; it was cut there and the rest was not read");
    }
    return toRecord(e, source);
  }

  /**
   * Returns the record an XML export of the event gives.
   *
   * @param e the event
   * @param source the name the record carries
   * @return the record
   */
  public static @NotNull RawRecord toRecord(@NotNull EvtxEvent e, @NotNull String source) {
    String text = e.data() == null ? "" : e.data().strip();
    RawRecord.Builder b = RawRecord.builder(Channel.EVENT_LOG,
            EventTextReader.unwrapMissingDescription(text))
        .source(source).provider(e.provider().strip())
        .level(EventXmlReader.levelName(e.level().strip(), ""));
    int id = EventXmlReader.eventId(e.eventId());
    if (id > 0) {
      b.eventId(id);
    }
    Instant time = e.timeCreatedInstant() != null ? e.timeCreatedInstant()
        : EventXmlReader.parseTime(e.timeCreated());
    if (time == null) {
      time = e.written();
    }
    if (time != null) {
      b.time(time);
    }
    return b.build();
  }
}
