package io.github.ancmdiag.benchmarks;

import io.github.ancmdiag.Diagnoser;
import io.github.ancmdiag.benchmarks.baselines.AhoCorasickRegex;
import io.github.ancmdiag.benchmarks.baselines.JdkRegexAlternation;
import io.github.ancmdiag.benchmarks.baselines.JdkRegexEach;
import io.github.ancmdiag.benchmarks.baselines.RawFloor;
import io.github.ancmdiag.benchmarks.baselines.Re2jEngine;
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
  /** Ours on the bulk path: one reused {@code Diagnoser.Classifier}. */
  ANCM_DIAG_BULK {
    @Override
    public Engine create(Catalog catalog) {
      return new AncmDiagBulkEngine(Diagnoser.builder().catalog(catalog).build());
    }
  },
  /** One {@link java.util.regex.Pattern} per catalog template, tried in turn. */
  JDK_REGEX_EACH {
    @Override
    public Engine create(Catalog catalog) {
      return new JdkRegexEach(catalog);
    }
  },
  /** One {@link java.util.regex.Pattern} alternation of every template, then per-template confirmation. */
  JDK_REGEX_ALTERNATION {
    @Override
    public Engine create(Catalog catalog) {
      return new JdkRegexAlternation(catalog);
    }
  },
  /** RE2/J: an alternation of every template as prefilter, RE2/J per template to confirm. */
  RE2J {
    @Override
    public Engine create(Catalog catalog) {
      return new Re2jEngine(catalog);
    }
  },
  /** Aho-Corasick ({@code org.ahocorasick}) over one literal per template, JDK regex to confirm. */
  AHO_CORASICK_REGEX {
    @Override
    public Engine create(Catalog catalog) {
      return new AhoCorasickRegex(catalog);
    }
  },
  /** Reads every character and sums them: the cost of touching the input, nothing more. */
  RAW_FLOOR {
    @Override
    public Engine create(Catalog catalog) {
      return new RawFloor();
    }

    @Override
    public boolean matches() {
      return false;
    }
  };

  /**
   * Returns whether the engine matches templates (and returns entry ids), so the agreement check
   * applies to it.
   *
   * @return false for {@link #RAW_FLOOR} only
   */
  public boolean matches() {
    return true;
  }

  /**
   * Returns the engine ours is checked against when ours is timed: the fastest other engine with
   * the per-template regex semantics.
   *
   * @return {@link #AHO_CORASICK_REGEX}
   */
  public static EngineType reference() {
    return AHO_CORASICK_REGEX;
  }

  /**
   * Makes the engine for a catalog.
   *
   * @param catalog the catalog whose templates are matched
   * @return a new engine, for one thread
   */
  public abstract Engine create(Catalog catalog);
}
