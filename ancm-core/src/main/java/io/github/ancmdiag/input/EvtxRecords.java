package io.github.ancmdiag.input;

import io.github.ancmdiag.internal.read.evtx.EvtxEvent;
import io.github.ancmdiag.internal.read.evtx.EvtxReader;
import io.github.ancmdiag.model.Channel;
import java.io.IOException;
import java.io.InputStream;
import java.time.Instant;
import java.util.function.Consumer;
import org.jetbrains.annotations.Nullable;

/**
 * Reads {@link Format#EVTX} through {@link EvtxReader} and gives each event record the {@link
 * LogRecord} that {@link EventXmlReader} gives the same event exported as XML: the provider, the
 * event id's low 16 bits, the level's name, {@code TimeCreated} (else the time the record was
 * written), and as text the first {@code EventData/Data} insertion string (an {@code .evtx} holds
 * no rendered message), stripped, with Event Viewer's "description cannot be found" wrapper
 * removed. Records carry no line (the file has none); what cannot be read is skipped with its
 * byte offset. Called by {@link LogReader}.
 */
final class EvtxRecords {
  private final EvtxReader reader;
  private final String source;
  private final int maxChars;
  private final Consumer<SkippedRecord> skips;

  EvtxRecords(InputStream in, String source, ReadLimits limits, Consumer<SkippedRecord> skips) {
    this.source = source;
    this.maxChars = limits.maxRecordChars();
    this.skips = skips;
    this.reader = new EvtxReader(in, maxChars,
        d -> skips.accept(new SkippedRecord(source, 0, d.byteOffset(), d.reason())));
  }

  @Nullable LogRecord next() throws IOException {
    EvtxEvent e = reader.next();
    if (e == null) {
      return null;
    }
    if (e.cut()) {
      skips.accept(new SkippedRecord(source, 0, e.byteOffset(), "the text of record "
          + e.recordId() + " is longer than the limit of " + maxChars
          + " characters; it was cut there and the rest was not read"));
    }
    return toRecord(e, source);
  }

  /** The record an XML export of the event gives. */
  static LogRecord toRecord(EvtxEvent e, String source) {
    String text = e.data() == null ? "" : e.data().strip();
    LogRecord.Builder b = LogRecord.builder(Channel.EVENT_LOG,
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
