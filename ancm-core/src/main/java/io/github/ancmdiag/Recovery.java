package io.github.ancmdiag;

import io.github.ancmdiag.input.LogRecord;
import io.github.ancmdiag.model.AncmEventKind;
import java.util.Objects;
import org.jetbrains.annotations.NotNull;
import org.jetbrains.annotations.Nullable;

/**
 * An application that started again after it failed: an ANCM failure event, then a start event
 * ({@code Application '...' started successfully.}, {@code ... started process '...'
 * successfully ...}) of the same application later in the evidence (see {@link
 * DiagnosisReport#recoveries()} for when two events are of the same application). Found by {@link
 * Diagnoser#diagnose(Evidence)}; it does not change the ranking of the causes, which tell why the
 * failure happened. Made by the library only; equal when every part is equal.
 */
public final class Recovery {
  private final String application;
  private final AncmEvent failure;
  private final LogRecord failureRecord;
  private final AncmEvent started;
  private final LogRecord startedRecord;

  Recovery(String application, AncmEvent failure, LogRecord failureRecord, AncmEvent started,
      LogRecord startedRecord) {
    this.application = Objects.requireNonNull(application, "application");
    this.failure = Objects.requireNonNull(failure, "failure");
    this.failureRecord = Objects.requireNonNull(failureRecord, "failureRecord");
    this.started = Objects.requireNonNull(started, "started");
    this.startedRecord = Objects.requireNonNull(startedRecord, "startedRecord");
    if (!failure.isFailure() || started.kind() != AncmEventKind.STARTED) {
      throw new IllegalArgumentException("a recovery is a failure, then a start");
    }
  }

  /**
   * Returns the application: its id ({@code /LM/W3SVC/2/ROOT}) or its folder, as the failure
   * event gives it (as the start gives it when the failure names none, such as 1034).
   *
   * @return the application
   */
  public @NotNull String application() {
    return application;
  }

  /**
   * Returns the last failure event of the application before the start.
   *
   * @return the failure event
   */
  public @NotNull AncmEvent failure() {
    return failure;
  }

  /**
   * Returns the record that holds the failure, with its location and time.
   *
   * @return the record
   */
  public @NotNull LogRecord failureRecord() {
    return failureRecord;
  }

  /**
   * Returns the start event.
   *
   * @return the start event
   */
  public @NotNull AncmEvent started() {
    return started;
  }

  /**
   * Returns the record that holds the start, with its location and time.
   *
   * @return the record
   */
  public @NotNull LogRecord startedRecord() {
    return startedRecord;
  }

  @Override
  public boolean equals(@Nullable Object o) {
    return o instanceof Recovery other && application.equals(other.application)
        && failure.equals(other.failure) && failureRecord.equals(other.failureRecord)
        && started.equals(other.started) && startedRecord.equals(other.startedRecord);
  }

  @Override
  public int hashCode() {
    return Objects.hash(application, failure, failureRecord, started, startedRecord);
  }

  @Override
  public String toString() {
    return application + " started again (" + started.format() + ") after " + failure.format();
  }
}
