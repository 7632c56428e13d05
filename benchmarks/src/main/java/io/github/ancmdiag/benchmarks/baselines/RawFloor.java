package io.github.ancmdiag.benchmarks.baselines;

import io.github.ancmdiag.benchmarks.Engine;

/**
 * The floor: reads every character of the line once and sums them, so the JIT cannot skip the
 * read. No engine that looks at every character can be faster; the gap between an engine and the
 * floor is what its matching costs. Returns the sum, boxed (one small allocation per line).
 */
public final class RawFloor implements Engine {
  /** Makes the floor engine; it has no state. */
  public RawFloor() {}

  @Override
  public Integer classify(String line) {
    int sum = 0;
    for (int i = 0; i < line.length(); i++) {
      sum += line.charAt(i);
    }
    return sum;
  }
}
