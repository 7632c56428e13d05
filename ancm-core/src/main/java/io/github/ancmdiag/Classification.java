package io.github.ancmdiag;

import io.github.ancmdiag.input.LogRecord;
import io.github.ancmdiag.internal.score.EventMatch;
import io.github.ancmdiag.internal.score.Match;
import java.util.Collections;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;
import org.jetbrains.annotations.NotNull;
import org.jetbrains.annotations.Nullable;
import org.jetbrains.annotations.Unmodifiable;

/**
 * What {@link Diagnoser#classify(LogRecord)} found in one record: every catalog signature it
 * matches, and the ANCM event it is, when it is one (a start, shutdown or recycle as much as a
 * failure: {@link #events()}, {@link #isFailure()}). Made by the {@link Diagnoser} only; equal
 * when the record, the matches and the events are equal.
 */
public final class Classification {
  private final LogRecord record;
  private final List<SignatureMatch> matches;
  private final List<AncmEvent> events;

  Classification(LogRecord record, List<Match> matches, List<EventMatch> events) {
    this.record = Objects.requireNonNull(record, "record");
    this.matches = SignatureMatch.wrap(matches);
    this.events = AncmEvent.wrap(events);
  }

  /**
   * Returns the record classified.
   *
   * @return the record
   */
  public @NotNull LogRecord record() {
    return record;
  }

  /**
   * Returns the signatures found, in order of position.
   *
   * @return the matches; empty for an unrelated record
   */
  public @NotNull @Unmodifiable List<SignatureMatch> matches() {
    return matches;
  }

  /**
   * Returns the ANCM events the record holds, in order of position: usually one or none, more
   * when one text stands in two modules or under two ids and the record (its provider, its event
   * id) does not tell which.
   *
   * @return the events; empty when the record is no ANCM event
   */
  public @NotNull @Unmodifiable List<AncmEvent> events() {
    return events;
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
   * Tells whether the record matched nothing in the catalog and is no ANCM event.
   *
   * @return true for an unrelated record
   */
  public boolean isEmpty() {
    return matches.isEmpty() && events.isEmpty();
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

  @Override
  public boolean equals(@Nullable Object o) {
    return o instanceof Classification other && record.equals(other.record)
        && matches.equals(other.matches) && events.equals(other.events);
  }

  @Override
  public int hashCode() {
    return (31 * record.hashCode() + matches.hashCode()) * 31 + events.hashCode();
  }

  @Override
  public String toString() {
    return "Classification" + entryIds() + (events.isEmpty() ? "" : " " + events);
  }
}
