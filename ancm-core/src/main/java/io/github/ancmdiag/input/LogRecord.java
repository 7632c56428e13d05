package io.github.ancmdiag.input;

import io.github.ancmdiag.model.Channel;
import io.github.ancmdiag.model.HttpStatus;
import java.time.Instant;
import java.util.Objects;
import java.util.Optional;
import java.util.OptionalLong;
import org.jetbrains.annotations.Contract;
import org.jetbrains.annotations.NotNull;
import org.jetbrains.annotations.Nullable;

/**
 * One record of evidence: an event log entry, a log line or grouped lines, or an error page's text,
 * with the channel it came from and where it was read. Immutable and thread-safe.
 *
 * <pre>{@code
 * LogRecord record = LogRecord.of(Channel.EVENT_LOG,
 *     "Failed to start application '/LM/W3SVC/2/ROOT', ErrorCode '0x8007023e'.");
 * }</pre>
 */
public final class LogRecord {
  private final Channel channel;
  private final String text;
  private final String source;
  private final long line;
  private final int eventId;
  private final @Nullable Instant time;
  private final String provider;
  private final String level;
  private final @Nullable HttpStatus httpStatus;
  /** The Win32 status, or {@link #NO_WIN32_STATUS}. */
  private final long win32Status;

  private static final long NO_WIN32_STATUS = -1;

  private LogRecord(Builder b) {
    this.channel = b.channel;
    this.text = b.text;
    this.source = b.source;
    this.line = b.line;
    this.eventId = b.eventId;
    this.time = b.time;
    this.provider = b.provider;
    this.level = b.level;
    this.httpStatus = b.httpStatus;
    this.win32Status = b.win32Status;
  }

  /**
   * Creates a record with no location.
   *
   * @param channel where the text was seen
   * @param text the text as the software printed it
   * @return a new record
   */
  @Contract(pure = true)
  public static @NotNull LogRecord of(@NotNull Channel channel, @NotNull CharSequence text) {
    return builder(channel, text).build();
  }

  /**
   * Starts a builder for a record with location details.
   *
   * @param channel where the text was seen
   * @param text the text as the software printed it
   * @return a new builder
   */
  public static @NotNull Builder builder(@NotNull Channel channel, @NotNull CharSequence text) {
    return new Builder(channel, text);
  }

  /**
   * Returns the channel the text came from.
   *
   * @return the channel
   */
  public @NotNull Channel channel() {
    return channel;
  }

  /**
   * Returns the text of the record.
   *
   * @return the text, never null
   */
  public @NotNull String text() {
    return text;
  }

  /**
   * Returns where the record was read, such as a file name; empty when unknown.
   *
   * @return the source name, or the empty string
   */
  public @NotNull String source() {
    return source;
  }

  /**
   * Returns the 1-based line where the record starts in its source, or 0 when unknown.
   *
   * @return the line number, or 0
   */
  public long line() {
    return line;
  }

  /**
   * Returns the Windows event id of an event log record, or 0 when unknown or not an event.
   *
   * @return the event id, or 0
   */
  public int eventId() {
    return eventId;
  }

  /**
   * Returns when the record was written, when its format says so in absolute time (event XML's
   * {@code SystemTime}); empty otherwise.
   *
   * @return the time, or empty
   */
  public @NotNull Optional<Instant> time() {
    return Optional.ofNullable(time);
  }

  /**
   * Returns the event provider (the event source), such as {@code IIS AspNetCore Module V2};
   * empty when unknown or not an event.
   *
   * @return the provider name, or the empty string
   */
  public @NotNull String provider() {
    return provider;
  }

  /**
   * Returns the level as the format names it, such as {@code Error} or {@code Warning} (event XML
   * levels are given their English Event Viewer names); empty when unknown.
   *
   * @return the level, or the empty string
   */
  public @NotNull String level() {
    return level;
  }

  /**
   * Returns the HTTP status the record states as a field of its format, such as a W3C log's
   * {@code sc-status} and {@code sc-substatus} or a failed request trace's {@code statusCode};
   * empty when the format has no such field (a status inside free text is not one). A record
   * with a status is taken to show exactly that status: its text is not searched for others. The
   * {@link io.github.ancmdiag.Diagnoser} weighs such a status only from 500 up, since a request
   * log's ordinary 200s and 404s say nothing about a start-up failure.
   *
   * @return the status, or empty
   */
  public @NotNull Optional<HttpStatus> httpStatus() {
    return Optional.ofNullable(httpStatus);
  }

  /**
   * Returns the Win32 error code the record states as a field of its format, such as a W3C log's
   * {@code sc-win32-status} ({@code 0} for success, {@code 64} for a network name no longer
   * available); empty when the format has no such field.
   *
   * @return the code, {@code 0..4294967295}, or empty
   */
  public @NotNull OptionalLong win32Status() {
    return win32Status == NO_WIN32_STATUS ? OptionalLong.empty() : OptionalLong.of(win32Status);
  }

  @Override
  public boolean equals(Object o) {
    if (this == o) {
      return true;
    }
    if (!(o instanceof LogRecord r)) {
      return false;
    }
    return channel == r.channel && line == r.line && eventId == r.eventId
        && text.equals(r.text) && source.equals(r.source) && Objects.equals(time, r.time)
        && provider.equals(r.provider) && level.equals(r.level)
        && Objects.equals(httpStatus, r.httpStatus) && win32Status == r.win32Status;
  }

  @Override
  public int hashCode() {
    int h = Objects.hash(channel, text, source, line, eventId);
    // records without the newer fields keep their former hash
    if (time != null || !provider.isEmpty() || !level.isEmpty()) {
      h = 31 * h + Objects.hash(time, provider, level);
    }
    if (httpStatus != null || win32Status != NO_WIN32_STATUS) {
      h = 31 * h + Objects.hash(httpStatus, win32Status);
    }
    return h;
  }

  @Override
  public String toString() {
    String where = source.isEmpty() ? "" : " " + source + (line > 0 ? ":" + line : "");
    String shown = text.length() > 80 ? text.substring(0, 77) + "..." : text;
    String status = httpStatus == null ? "" : " HTTP " + httpStatus;
    String win32 = win32Status == NO_WIN32_STATUS ? "" : " win32 " + win32Status;
    return channel + where + status + win32 + " \"" + shown + "\"";
  }

  /** Builds a {@link LogRecord}. Not thread-safe; {@link #build()} may be called repeatedly. */
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
    private long win32Status = NO_WIN32_STATUS;

    private Builder(Channel channel, CharSequence text) {
      this.channel = Objects.requireNonNull(channel, "channel");
      this.text = Objects.requireNonNull(text, "text").toString();
    }

    /**
     * Sets where the record was read.
     *
     * @param source a file name or other description
     * @return this builder
     */
    public @NotNull Builder source(@NotNull String source) {
      this.source = Objects.requireNonNull(source, "source");
      return this;
    }

    /**
     * Sets the 1-based line where the record starts.
     *
     * @param line the line number, at least 1
     * @return this builder
     * @throws IllegalArgumentException if {@code line} is less than 1
     */
    public @NotNull Builder line(long line) {
      if (line < 1) {
        throw new IllegalArgumentException("line must be at least 1 but was " + line);
      }
      this.line = line;
      return this;
    }

    /**
     * Sets the Windows event id.
     *
     * @param eventId the event id, 1 to 65535
     * @return this builder
     * @throws IllegalArgumentException if {@code eventId} is out of range
     */
    public @NotNull Builder eventId(int eventId) {
      if (eventId < 1 || eventId > 65535) {
        throw new IllegalArgumentException("eventId must be 1..65535 but was " + eventId);
      }
      this.eventId = eventId;
      return this;
    }

    /**
     * Sets when the record was written.
     *
     * @param time the instant
     * @return this builder
     */
    public @NotNull Builder time(@NotNull Instant time) {
      this.time = Objects.requireNonNull(time, "time");
      return this;
    }

    /**
     * Sets the event provider (the event source).
     *
     * @param provider the provider name; empty for unknown
     * @return this builder
     */
    public @NotNull Builder provider(@NotNull String provider) {
      this.provider = Objects.requireNonNull(provider, "provider");
      return this;
    }

    /**
     * Sets the level, such as {@code Error}.
     *
     * @param level the level; empty for unknown
     * @return this builder
     */
    public @NotNull Builder level(@NotNull String level) {
      this.level = Objects.requireNonNull(level, "level");
      return this;
    }

    /**
     * Sets the HTTP status the format states as a field (see {@link LogRecord#httpStatus()}).
     *
     * @param httpStatus the status
     * @return this builder
     */
    public @NotNull Builder httpStatus(@NotNull HttpStatus httpStatus) {
      this.httpStatus = Objects.requireNonNull(httpStatus, "httpStatus");
      return this;
    }

    /**
     * Sets the Win32 error code the format states as a field (see {@link
     * LogRecord#win32Status()}).
     *
     * @param win32Status the code, {@code 0..4294967295} (an unsigned 32-bit value)
     * @return this builder
     * @throws IllegalArgumentException if {@code win32Status} is out of range
     */
    public @NotNull Builder win32Status(long win32Status) {
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
     * @return a new immutable record
     */
    public @NotNull LogRecord build() {
      return new LogRecord(this);
    }
  }
}
