package io.github.ancmdiag.benchmarks;

import io.github.ancmdiag.Diagnoser;
import io.github.ancmdiag.benchmarks.baselines.JdkRegexEach;
import io.github.ancmdiag.benchmarks.baselines.RawFloor;
import io.github.ancmdiag.rules.Catalog;

/**
 * The engines a benchmark compares, chosen by a JMH {@code @Param} (as Caffeine's {@code
 * CacheType}); all run on the same corpus in the same run.
 */
public enum EngineType {
  /** Ours: {@code Diagnoser.classify}, returning the matched entry ids. */
  ANCM_DIAG {
    @Override
    public Engine create(Catalog catalog) {
      return new AncmDiagEngine(Diagnoser.builder().catalog(catalog).build());
    }
  },
  /** One {@link java.util.regex.Pattern} per catalog template, tried in turn. */
  JDK_REGEX_EACH {
    @Override
    public Engine create(Catalog catalog) {
      return new JdkRegexEach(catalog);
    }
  },
  /** Reads every character and sums them: the cost of touching the input, nothing more. */
  RAW_FLOOR {
    @Override
    public Engine create(Catalog catalog) {
      return new RawFloor();
    }
  };

  /**
   * Makes the engine for a catalog.
   *
   * @param catalog the catalog whose templates are matched
   * @return a new engine, for one thread
   */
  public abstract Engine create(Catalog catalog);
}
