package io.github.ancmdiag.benchmarks;

/**
 * One way of classifying a log line, timed by the benchmarks: ours ({@link AncmDiagEngine}) or a
 * baseline (in {@code io.github.ancmdiag.benchmarks.baselines}). Made by {@link EngineType}.
 * Instances need not be thread-safe: each benchmark thread makes its own.
 */
public interface Engine {
  /**
   * Classifies one line.
   *
   * @param line the line
   * @return the result, to be sunk into a {@code Blackhole}: the ids of the matched catalog entries
   *     for an engine that matches
   */
  Object classify(String line);
}
