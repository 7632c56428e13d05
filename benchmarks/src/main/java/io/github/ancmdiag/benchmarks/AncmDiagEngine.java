package io.github.ancmdiag.benchmarks;

import io.github.ancmdiag.Diagnoser;
import io.github.ancmdiag.input.LogRecord;
import io.github.ancmdiag.model.Channel;
import java.util.Objects;
import java.util.Set;

/**
 * Ours, used as an application would: wrap the line in a {@link LogRecord} of the event log
 * channel, {@link Diagnoser#classify(LogRecord)} it, and return the matched entry ids. The channel
 * does not change what is matched, only how a diagnosis would weigh it.
 */
public final class AncmDiagEngine implements Engine {
  private final Diagnoser diagnoser;

  /**
   * Wraps a diagnoser.
   *
   * @param diagnoser the diagnoser, built from the catalog under test
   */
  public AncmDiagEngine(Diagnoser diagnoser) {
    this.diagnoser = Objects.requireNonNull(diagnoser, "diagnoser");
  }

  @Override
  public Set<String> classify(String line) {
    return diagnoser.classify(LogRecord.of(Channel.EVENT_LOG, line)).entryIds();
  }

  /**
   * Returns the diagnoser, for the agreement check.
   *
   * @return the diagnoser
   */
  public Diagnoser diagnoser() {
    return diagnoser;
  }
}
