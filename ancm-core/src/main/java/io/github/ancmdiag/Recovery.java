package io.github.ancmdiag;

import io.github.ancmdiag.input.LogRecord;
import java.util.Objects;
import org.jetbrains.annotations.NotNull;

/**
 * An application that started again after it failed: an ANCM failure event, then a start event
 * ({@code Application '...' started successfully.}, {@code ... started process '...'
 * successfully ...}) of the same application later in the evidence (see {@link
 * DiagnosisReport#recoveries()} for when two events are of the same application). Found by {@link
 * Diagnoser#diagnose(Evidence)}, listed in {@link DiagnosisReport#recoveries()}; it does not
 * change the ranking of the causes, which tell why the failure happened.
 *
 * @param application the application: its id ({@code /LM/W3SVC/2/ROOT}) or its folder, as the
 *     failure event gives it (as the start gives it when the failure names none, such as 1034)
 * @param failure the last failure event of the application before the start
 * @param failureRecord the record that holds the failure
 * @param started the start event
 * @param startedRecord the record that holds the start
 */
public record Recovery(
    @NotNull String application,
    @NotNull AncmEvent failure,
    @NotNull LogRecord failureRecord,
    @NotNull AncmEvent started,
    @NotNull LogRecord startedRecord) {

  /**
   * Validates the parts.
   *
   * @param application the application both events name
   * @param failure the last failure event of the application before the start
   * @param failureRecord the record that holds the failure
   * @param started the start event
   * @param startedRecord the record that holds the start
   * @throws NullPointerException if a part is null
   * @throws IllegalArgumentException if {@code failure} is no failure or {@code started} no start
   */
  public Recovery {
    Objects.requireNonNull(application, "application");
    Objects.requireNonNull(failure, "failure");
    Objects.requireNonNull(failureRecord, "failureRecord");
    Objects.requireNonNull(started, "started");
    Objects.requireNonNull(startedRecord, "startedRecord");
    if (!failure.isFailure()) {
      throw new IllegalArgumentException("not a failure event: " + failure.format());
    }
    if (started.kind() != io.github.ancmdiag.model.AncmEventKind.STARTED) {
      throw new IllegalArgumentException("not a start event: " + started.format());
    }
  }
}
