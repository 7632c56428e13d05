package io.github.ancmdiag;

import io.github.ancmdiag.internal.score.EventMatch;
import io.github.ancmdiag.model.AncmEventKind;
import io.github.ancmdiag.model.AncmModule;
import io.github.ancmdiag.model.Parameter;
import io.github.ancmdiag.model.VersionRange;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import org.jetbrains.annotations.NotNull;
import org.jetbrains.annotations.Nullable;
import org.jetbrains.annotations.Unmodifiable;

/**
 * One event of the ASP.NET Core Module recognised in a record by its format: which event it is
 * (id, the module and ASP.NET Core versions whose wording it has, its typed values) and what it
 * reports, a start, a shutdown, a recycle or a failure. Every event format the module prints is
 * known, the normal ones too, whether or not a catalog entry uses it. Found by {@link
 * Diagnoser#classify(io.github.ancmdiag.input.LogRecord)}, in {@link Classification#events()};
 * made by the library only; equal when every part is equal.
 *
 * <pre>{@code
 * Classification c = diagnoser.classify(Channel.EVENT_LOG,
 *     "Application 'C:\\inetpub\\shop' started successfully.");
 * AncmEvent e = c.event().orElseThrow();
 * e.eventId();                  // 1032
 * e.kind();                     // STARTED
 * e.parameter("appPath");       // C:\inetpub\shop
 * }</pre>
 */
public final class AncmEvent {
  private final EventMatch event;

  AncmEvent(EventMatch event) {
    this.event = event;
  }

  static @NotNull List<AncmEvent> wrap(@NotNull List<EventMatch> events) {
    AncmEvent[] out = new AncmEvent[events.size()];
    for (int i = 0; i < out.length; i++) {
      out[i] = new AncmEvent(events.get(i));
    }
    return List.of(out);
  }

  /**
   * Returns the Windows event id.
   *
   * @return the id, such as 1032; 0 for the one text the module defines under no id
   */
  public int eventId() {
    return event.eventId();
  }

  /**
   * Returns the name of the format: unique, as one id carries several texts.
   *
   * @return the name, such as {@code inprocess-start-success} or {@code v1-process-start-error}
   */
  public @NotNull String format() {
    return event.format();
  }

  /**
   * Returns the module that prints this wording.
   *
   * @return the module
   */
  public @NotNull AncmModule module() {
    return event.module();
  }

  /**
   * Returns the ASP.NET Core versions whose module prints this wording: its era.
   *
   * @return the version range, such as {@code [3.0,)} or {@code [2.2,3.0)}
   */
  public @NotNull VersionRange versions() {
    return event.versions();
  }

  /**
   * Returns what the event reports.
   *
   * @return the kind
   */
  public @NotNull AncmEventKind kind() {
    return event.kind();
  }

  /**
   * Returns the typed values captured, in the order of the format.
   *
   * @return the parameters
   */
  public @NotNull @Unmodifiable List<Parameter> parameters() {
    return event.parameters();
  }

  /**
   * Returns where the event starts in the record's text.
   *
   * @return the start index
   */
  public int start() {
    return event.start();
  }

  /**
   * Returns where the event ends in the record's text.
   *
   * @return the end index, exclusive
   */
  public int end() {
    return event.end();
  }

  /**
   * Returns how much of the event's text was found.
   *
   * @return 1 for the whole text, less for a text cut off part-way
   */
  public double completeness() {
    return event.completeness();
  }

  /**
   * Tells whether the event reports a failure ({@link AncmEventKind#FAILURE}).
   *
   * @return true for a failure
   */
  public boolean isFailure() {
    return event.kind() == AncmEventKind.FAILURE;
  }

  /**
   * Tells whether the whole text of the event was found, not a part cut off.
   *
   * @return true for a whole text
   */
  public boolean isComplete() {
    return event.completeness() >= 1.0;
  }

  /**
   * Finds a captured value by name ({@code appId}, {@code physicalRoot}, {@code appPath}, {@code
   * processId}, {@code port}, {@code hresult}, ...; the names are those of the format).
   *
   * @param name the capture name
   * @return the parameter, or empty when the format has none by that name or it was cut off
   */
  public @NotNull Optional<Parameter> parameter(@NotNull String name) {
    Objects.requireNonNull(name, "name");
    for (Parameter p : event.parameters()) {
      if (p.name().equals(name)) {
        return Optional.of(p);
      }
    }
    return Optional.empty();
  }

  /**
   * Returns the values that name the application: its id ({@code appId}, such as {@code
   * /LM/W3SVC/2/ROOT}), then its folder ({@code physicalRoot}, {@code appPath}).
   *
   * @return the values the event carries; empty when it names no application
   */
  public @NotNull @Unmodifiable List<String> applications() {
    if (event.parameters().isEmpty()) {
      return List.of();
    }
    List<String> apps = new ArrayList<>(2);
    for (String name : new String[] {"appId", "physicalRoot", "appPath"}) {
      parameter(name).ifPresent(p -> apps.add(p.value()));
    }
    return List.copyOf(apps);
  }

  @Override
  public boolean equals(@Nullable Object o) {
    return o instanceof AncmEvent other && event.equals(other.event);
  }

  @Override
  public int hashCode() {
    return event.hashCode();
  }

  @Override
  public String toString() {
    return event.eventId() + " " + event.format() + " " + event.kind() + " "
        + event.parameters() + " at " + event.start() + ".." + event.end();
  }
}
