package io.github.ancmdiag;

import io.github.ancmdiag.input.LogRecord;
import io.github.ancmdiag.internal.score.Match;
import java.util.Collections;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Objects;
import java.util.Set;
import org.jetbrains.annotations.NotNull;
import org.jetbrains.annotations.Nullable;
import org.jetbrains.annotations.Unmodifiable;

/**
 * What {@link Diagnoser#classify(LogRecord)} found in one record: every signature it matches.
 * Made by the {@link Diagnoser} only; equal when the record and the matches are equal.
 */
public final class Classification {
  private final LogRecord record;
  private final List<SignatureMatch> matches;

  Classification(LogRecord record, List<Match> matches) {
    this.record = Objects.requireNonNull(record, "record");
    this.matches = SignatureMatch.wrap(matches);
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
   * Tells whether the record matched nothing in the catalog.
   *
   * @return true for an unrelated record
   */
  public boolean isEmpty() {
    return matches.isEmpty();
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
        && matches.equals(other.matches);
  }

  @Override
  public int hashCode() {
    return 31 * record.hashCode() + matches.hashCode();
  }

  @Override
  public String toString() {
    return "Classification" + entryIds();
  }
}
