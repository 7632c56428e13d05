package io.github.ancmdiag.internal.read.text;

import io.github.ancmdiag.model.Channel;
import io.github.ancmdiag.model.HttpStatus;
import java.time.Instant;
import java.util.Objects;
import org.jetbrains.annotations.Nullable;

/**
 * One record as a format reader read it, before {@code input.LogReader} makes it a {@code
 * LogRecord} (the readers do not import {@code input}, so that {@code input} can use them without
 * a package cycle). Its builder checks what {@code io.github.ancmdiag.input.LogRecord}'s checks, at the same point.
 *
 * @param channel where the text was seen
 * @param text the text
 * @param source the file or stream name, or empty
 * @param line the 1-based line where the record starts, or 0 when unknown
 * @param eventId the Windows event id, or 0 when none
 * @param time when it was written, or null when unknown
 * @param provider the event provider or page producer, or empty
 * @param level the level, or empty
 * @param httpStatus the HTTP status a field states, or null
 * @param win32Status the Win32 status a field states, or -1 when none
 */
public record RawRecord(Channel channel, String text, String source, long line, int eventId,
    @Nullable Instant time, String provider, String level, @Nullable HttpStatus httpStatus,
    long win32Status) {

  /**
   * Starts a record.
   *
   * @param channel where the text was seen
   * @param text the text
   * @return a new builder
   */
  public static Builder builder(Channel channel, CharSequence text) {
    return new Builder(channel, text);
  }

  /** Builds a {@link RawRecord}; the setters check their values as {@code io.github.ancmdiag.input.LogRecord}'s do. */
  public static final class Builder {
    private final Channel channel;
    private final String text;
    private String source = "";
    private long line;
    private int eventId;
    private @Nullable Instant time;
    private String provider = "";
    private String level = "";
    private @Nullable HttpStatus httpStatus;
    private long win32Status = -1;

    private Builder(Channel channel, CharSequence text) {
      this.channel = Objects.requireNonNull(channel, "channel");
      this.text = Objects.requireNonNull(text, "text").toString();
    }

    /**
     * Sets the source.
     *
     * @param source the file or stream name
     * @return this builder
     */
    public Builder source(String source) {
      this.source = Objects.requireNonNull(source, "source");
      return this;
    }

    /**
     * Sets the first line.
     *
     * @param line the 1-based line, at least 1
     * @return this builder
     * @throws IllegalArgumentException if {@code line} is less than 1
     */
    public Builder line(long line) {
      if (line < 1) {
        throw new IllegalArgumentException("line must be at least 1 but was " + line);
      }
      this.line = line;
      return this;
    }

    /**
     * Sets the event id.
     *
     * @param eventId the id, 1 to 65535
     * @return this builder
     * @throws IllegalArgumentException if {@code eventId} is out of range
     */
    public Builder eventId(int eventId) {
      if (eventId < 1 || eventId > 65535) {
        throw new IllegalArgumentException("eventId must be 1..65535 but was " + eventId);
      }
      this.eventId = eventId;
      return this;
    }

    /**
     * Sets the time.
     *
     * @param time the instant
     * @return this builder
     */
    public Builder time(Instant time) {
      this.time = Objects.requireNonNull(time, "time");
      return this;
    }

    /**
     * Sets the provider.
     *
     * @param provider the provider, or empty
     * @return this builder
     */
    public Builder provider(String provider) {
      this.provider = Objects.requireNonNull(provider, "provider");
      return this;
    }

    /**
     * Sets the level.
     *
     * @param level the level, or empty
     * @return this builder
     */
    public Builder level(String level) {
      this.level = Objects.requireNonNull(level, "level");
      return this;
    }

    /**
     * Sets the HTTP status.
     *
     * @param httpStatus the status
     * @return this builder
     */
    public Builder httpStatus(HttpStatus httpStatus) {
      this.httpStatus = Objects.requireNonNull(httpStatus, "httpStatus");
      return this;
    }

    /**
     * Sets the Win32 status.
     *
     * @param win32Status the code, 0 to 4294967295
     * @return this builder
     * @throws IllegalArgumentException if {@code win32Status} is out of range
     */
    public Builder win32Status(long win32Status) {
      if (win32Status < 0 || win32Status > 0xFFFF_FFFFL) {
        throw new IllegalArgumentException(
            "a Win32 status is between 0 and 4294967295, but was " + win32Status);
      }
      this.win32Status = win32Status;
      return this;
    }

    /**
     * Builds the record.
     *
     * @return the record
     */
    public RawRecord build() {
      return new RawRecord(channel, text, source, line, eventId, time, provider, level,
          httpStatus, win32Status);
    }
  }
}
