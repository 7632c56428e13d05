package io.github.ancmdiag;

import io.github.ancmdiag.model.AncmEventKind;
import io.github.ancmdiag.model.AncmModule;
import io.github.ancmdiag.model.VersionRange;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import org.jetbrains.annotations.NotNull;
import org.jetbrains.annotations.Unmodifiable;

/**
 * One event of the ASP.NET Core Module recognised in a record by its format: which event it is
 * (id, the module and ASP.NET Core versions whose wording it has, its typed values) and what it
 * reports, a start, a shutdown, a recycle or a failure. Every event format the module prints is
 * known, the normal ones too, whether or not a catalog entry uses it; found by {@link
 * Diagnoser#classify(io.github.ancmdiag.input.LogRecord)} in {@link Classification#events()}.
 *
 * <pre>{@code
 * Classification c = diagnoser.classify(Channel.EVENT_LOG,
 *     "Application 'C:\\inetpub\\shop' started successfully.");
 * c.events().get(0).eventId();    // 1032
 * c.events().get(0).kind();       // STARTED
 * c.events().get(0).parameter("appPath").map(Parameter::value); // C:\inetpub\shop
 * }</pre>
 *
 * @param eventId the Windows event id; 0 for the one text the module defines under no id
 * @param format the name of the format (unique: one id carries several texts), such as {@code
 *     inprocess-start-success} or {@code v1-process-start-error}
 * @param module the module that prints this wording
 * @param versions the ASP.NET Core versions whose module prints this wording
 * @param kind what the event reports
 * @param parameters the typed values captured, in the order of the format
 * @param start where the event starts in the record's text
 * @param end where it ends (exclusive) in the record's text
 * @param completeness 1 for the whole text, less for a text cut off part-way
 */
public record AncmEvent(
    int eventId,
    @NotNull String format,
    @NotNull AncmModule module,
    @NotNull VersionRange versions,
    @NotNull AncmEventKind kind,
    @NotNull @Unmodifiable List<Parameter> parameters,
    int start,
    int end,
    double completeness) {

  /**
   * Validates and copies the parts.
   *
   * @param eventId the Windows event id; 0 for the one text the module defines under no id
   * @param format the name of the format
   * @param module the module that prints this wording
   * @param versions the ASP.NET Core versions whose module prints this wording
   * @param kind what the event reports
   * @param parameters the typed values captured
   * @param start where the event starts in the record's text
   * @param end where it ends (exclusive) in the record's text
   * @param completeness 1 for the whole text, less for a text cut off part-way
   * @throws IllegalArgumentException if the id, span or completeness is out of range
   */
  public AncmEvent {
    Objects.requireNonNull(format, "format");
    Objects.requireNonNull(module, "module");
    Objects.requireNonNull(versions, "versions");
    Objects.requireNonNull(kind, "kind");
    parameters = List.copyOf(parameters);
    if (eventId < 0) {
      throw new IllegalArgumentException("bad event id " + eventId);
    }
    if (start < 0 || end < start) {
      throw new IllegalArgumentException("bad span " + start + ".." + end);
    }
    if (!(completeness > 0 && completeness <= 1)) {
      throw new IllegalArgumentException("completeness must be in (0, 1] but was " + completeness);
    }
  }

  /**
   * Tells whether the event reports a failure ({@link AncmEventKind#FAILURE}).
   *
   * @return true for a failure
   */
  public boolean isFailure() {
    return kind == AncmEventKind.FAILURE;
  }

  /**
   * Tells whether the whole text of the event was found, not a part cut off.
   *
   * @return true for a whole text
   */
  public boolean isComplete() {
    return completeness >= 1.0;
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
    for (Parameter p : parameters) {
      if (p.name().equals(name)) {
        return Optional.of(p);
      }
    }
    return Optional.empty();
  }

  /**
   * Returns the values that name the application: its id ({@code appId}, such as {@code
   * /LM/W3SVC/2/ROOT}), its folder ({@code physicalRoot} or {@code appPath}), in that order.
   *
   * @return the values the event carries; empty when it names no application
   */
  public @NotNull @Unmodifiable List<String> applications() {
    if (parameters.isEmpty()) {
      return List.of();
    }
    String id = value("appId");
    String root = value("physicalRoot");
    String path = value("appPath");
    if (id == null && root == null && path == null) {
      return List.of();
    }
    return java.util.stream.Stream.of(id, root, path).filter(Objects::nonNull).toList();
  }

  private String value(String name) {
    return parameter(name).map(Parameter::value).orElse(null);
  }
}
