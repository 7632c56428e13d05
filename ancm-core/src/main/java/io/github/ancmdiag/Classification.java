package io.github.ancmdiag;

import io.github.ancmdiag.input.LogRecord;
import java.util.Collections;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Objects;
import java.util.Set;
import org.jetbrains.annotations.NotNull;
import org.jetbrains.annotations.Unmodifiable;

/**
 * What {@link Diagnoser#classify(LogRecord)} found in one record: every signature it matches.
 *
 * @param record the record classified
 * @param matches the signatures found, in order of position; empty for an unrelated record
 */
public record Classification(
    @NotNull LogRecord record, @NotNull @Unmodifiable List<SignatureMatch> matches) {

  /**
   * Validates and copies the parts.
   *
   * @param record the record classified
   * @param matches the signatures found, in order of position; empty for an unrelated record
   * @throws NullPointerException if a part is null
   */
  public Classification {
    Objects.requireNonNull(record, "record");
    matches = List.copyOf(matches);
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
}
