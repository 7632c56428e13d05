package io.github.ancmdiag.benchmarks;

import io.github.ancmdiag.Classification;
import io.github.ancmdiag.Diagnoser;
import io.github.ancmdiag.input.LogRecord;
import io.github.ancmdiag.model.Channel;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;

/**
 * Ours on the bulk path a monitoring product would use: one {@link Diagnoser.Classifier} per
 * thread, reused for every line, which allocates nothing for a line that matches nothing (the
 * {@link LogRecord} wrapping the line is still made per line, as a caller reading records does).
 * Not thread-safe, like the classifier; JMH runs each benchmark thread with its own engine.
 */
public final class AncmDiagBulkEngine implements Engine {
  private final Diagnoser.Classifier classifier;

  /**
   * Wraps a diagnoser's classifier.
   *
   * @param diagnoser the diagnoser, built from the catalog under test
   */
  public AncmDiagBulkEngine(Diagnoser diagnoser) {
    this.classifier = Objects.requireNonNull(diagnoser, "diagnoser").classifier();
  }

  @Override
  public Set<String> classify(String line) {
    Optional<Classification> found = classifier.match(LogRecord.of(Channel.EVENT_LOG, line));
    return found.isPresent() ? found.get().entryIds() : Set.of();
  }
}
