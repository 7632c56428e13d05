package io.github.ancmdiag.flink;

import io.github.ancmdiag.input.LogRecord;
import io.github.ancmdiag.model.Channel;
import io.github.ancmdiag.model.HttpStatus;
import java.time.Instant;

/**
 * One record of a fleet host that {@code classify} found something in (a catalog signature or an
 * ANCM event), with where it was read and what was found: what flows from the parsing step to the
 * session windows and the running counts. A Flink POJO; {@link #toRecord()} gives the library's
 * record back for {@code diagnose}.
 */
public class Observed {
  /** The key: host and site, {@code host/site}. */
  public String key;
  /** The host folder name. */
  public String host;
  /** The site folder name. */
  public String site;
  /** The file, relative to the fleet root ({@code host/<name>/<site>/...}). */
  public String source;
  /** The record's first line in its file, or 0. */
  public long line;
  /** The record's channel name. */
  public String channel;
  /** The record's text. */
  public String text;
  /** The event id, or 0. */
  public int eventId;
  /** The event provider, or empty. */
  public String provider = "";
  /** The level, or empty. */
  public String level = "";
  /** The typed HTTP status of a request log line, or -1. */
  public int status = -1;
  /** Its substatus, or -1. */
  public int substatus = -1;
  /** When it was written, in epoch milliseconds (the file's time when the format has none). */
  public long time;
  /** Whether it counts as a failure that opens an incident (not a bare request-log status). */
  public boolean trigger;
  /** What the running counts count it as: {@code failure:<entry>}, {@code event:STARTED}. */
  public String[] counts = new String[0];

  /** For Flink's POJO serializer. */
  public Observed() {}

  /**
   * Rebuilds the library's record.
   *
   * @return the record, with its location, time and typed fields
   */
  public LogRecord toRecord() {
    LogRecord.Builder b = LogRecord.builder(Channel.valueOf(channel), text).source(source)
        .line(line).time(Instant.ofEpochMilli(time));
    if (eventId > 0) {
      b.eventId(eventId);
    }
    if (!provider.isEmpty()) {
      b.provider(provider);
    }
    if (!level.isEmpty()) {
      b.level(level);
    }
    if (status > 0) {
      b.httpStatus(substatus >= 0 ? HttpStatus.of(status, substatus) : HttpStatus.of(status));
    }
    return b.build();
  }
}
