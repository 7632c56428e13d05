package io.github.ancmdiag.internal.read.evtx;

import java.time.Instant;
import java.util.Objects;
import org.jetbrains.annotations.NotNull;
import org.jetbrains.annotations.Nullable;

/**
 * One event record of an {@code .evtx} file: its place and the fields that Windows event XML of
 * the same event gives, as text the way the XML shows them, so that they are read by the same
 * rules as an XML export. Immutable.
 *
 * @param recordId the record's id ({@code EventRecordID})
 * @param byteOffset where the record starts in the file
 * @param written when the record was written (its header's FILETIME), or null if out of range
 * @param provider the {@code Name} of {@code System/Provider}, or empty
 * @param eventId the text of {@code System/EventID}, or empty
 * @param level the text of {@code System/Level}, or empty
 * @param timeCreated the {@code SystemTime} of {@code System/TimeCreated} as ISO-8601 text, or
 *     empty
 * @param timeCreatedInstant the instant of {@code timeCreated} when it is one FILETIME value (as
 *     Windows writes it), so that it need not be parsed; else null
 * @param data the text of the first {@code EventData/Data} element (with the text of what it
 *     holds), or null when there is none
 * @param cut true when {@code data} was cut at the text limit
 */
public record EvtxEvent(long recordId, long byteOffset, @Nullable Instant written,
    @NotNull String provider, @NotNull String eventId, @NotNull String level,
    @NotNull String timeCreated, @Nullable Instant timeCreatedInstant, @Nullable String data,
    boolean cut) {
  /**
   * Checks the fields.
   *
   * @param recordId the record's id
   * @param byteOffset where the record starts in the file
   * @param written when the record was written, or null
   * @param provider the provider name, or empty
   * @param eventId the event id's text, or empty
   * @param level the level's text, or empty
   * @param timeCreated the time created, or empty
   * @param timeCreatedInstant the time created as an instant, or null
   * @param data the first insertion string, or null
   * @param cut whether {@code data} was cut
   */
  public EvtxEvent {
    Objects.requireNonNull(provider, "provider");
    Objects.requireNonNull(eventId, "eventId");
    Objects.requireNonNull(level, "level");
    Objects.requireNonNull(timeCreated, "timeCreated");
  }
}
