package io.github.ancmdiag.internal.score;

import io.github.ancmdiag.model.AncmEventKind;
import io.github.ancmdiag.model.AncmModule;
import io.github.ancmdiag.model.Parameter;
import io.github.ancmdiag.model.VersionRange;
import java.util.List;
import java.util.Objects;
import org.jetbrains.annotations.NotNull;

/**
 * One ANCM event format found in one record, as the matching sees it; the facade shows it as an
 * {@code AncmEvent}.
 *
 * @param eventId the Windows event id; 0 for the one text the module defines under no id
 * @param format the name of the format
 * @param module the module that prints this wording
 * @param versions the ASP.NET Core versions whose module prints this wording
 * @param kind what the event reports
 * @param parameters the typed values captured, in the order of the format
 * @param start where the event starts in the record's text
 * @param end where it ends (exclusive) in the record's text
 * @param completeness 1 for the whole text, less for a text cut off part-way
 */
public record EventMatch(
    int eventId,
    @NotNull String format,
    @NotNull AncmModule module,
    @NotNull VersionRange versions,
    @NotNull AncmEventKind kind,
    @NotNull List<Parameter> parameters,
    int start,
    int end,
    double completeness) {

  /** Validates and copies the parts. */
  public EventMatch {
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

  /** Tells whether the whole text was found. */
  boolean isComplete() {
    return completeness >= 1.0;
  }
}
