package io.github.ancmdiag;

import io.github.ancmdiag.input.LogRecord;
import java.util.Collections;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;
import org.jetbrains.annotations.NotNull;
import org.jetbrains.annotations.Unmodifiable;

/**
 * What {@link Diagnoser#classify(LogRecord)} found in one record: every catalog signature it
 * matches, and the ANCM event it is, when it is one (a start, shutdown or recycle as much as a
 * failure: {@link #events()}, {@link #isFailure()}).
 *
 * @param record the record classified
 * @param matches the signatures found, in order of position; empty for an unrelated record
 * @param events the ANCM events the record holds, in order of position; usually one or none, more
 *     when one text stands in two modules or under two ids and the record does not tell which
 */
public record Classification(
    @NotNull LogRecord record,
    @NotNull @Unmodifiable List<SignatureMatch> matches,
    @NotNull @Unmodifiable List<AncmEvent> events) {

  /**
   * Validates and copies the parts.
   *
   * @param record the record classified
   * @param matches the signatures found, in order of position; empty for an unrelated record
   * @param events the ANCM events the record holds, in order of position
   * @throws NullPointerException if a part is null
   */
  public Classification {
    Objects.requireNonNull(record, "record");
    matches = List.copyOf(matches);
    events = List.copyOf(events);
  }

  /**
   * A classification with signatures and no ANCM event.
   *
   * @param record the record classified
   * @param matches the signatures found, in order of position
   * @throws NullPointerException if a part is null
   */
  public Classification(@NotNull LogRecord record, @NotNull List<SignatureMatch> matches) {
    this(record, matches, List.of());
  }

  /**
   * Tells whether the record matched nothing in the catalog and is no ANCM event.
   *
   * @return true for an unrelated record
   */
  public boolean isEmpty() {
    return matches.isEmpty() && events.isEmpty();
  }

  /**
   * Returns the first ANCM event of the record.
   *
   * @return the event, or empty when the record is none
   */
  public @NotNull Optional<AncmEvent> event() {
    return events.isEmpty() ? Optional.empty() : Optional.of(events.get(0));
  }

  /**
   * Tells whether the record is evidence of a failure: an ANCM event that reports one, or, in a
   * record that is no ANCM event (a stdout line, a page), a catalog signature. A start, shutdown
   * or recycle event is no failure, even where a catalog signature also matches it.
   *
   * @return true for a failure
   */
  public boolean isFailure() {
    for (AncmEvent e : events) {
      if (e.isFailure()) {
        return true;
      }
    }
    return events.isEmpty() && !matches.isEmpty();
  }

  /**
   * Returns the ids of the entries whose signatures the record matches.
   *
   * @return the entry ids in order of first match
   */
  public @NotNull @Unmodifiable Set<String> entryIds() {
    if (matches.isEmpty()) {
      return Set.of();
    }
    Set<String> ids = new LinkedHashSet<>();
    for (SignatureMatch m : matches) {
      ids.add(m.entryId());
    }
    return Collections.unmodifiableSet(ids);
  }
}
