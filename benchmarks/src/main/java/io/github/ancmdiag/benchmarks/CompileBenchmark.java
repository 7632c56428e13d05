package io.github.ancmdiag.benchmarks;

import io.github.ancmdiag.rules.Catalog;
import java.util.concurrent.TimeUnit;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Fork;
import org.openjdk.jmh.annotations.Level;
import org.openjdk.jmh.annotations.Measurement;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Param;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.annotations.Warmup;

/**
 * Compile time: building an engine from a catalog that is already loaded, for ours {@code
 * Diagnoser.builder().catalog(c).build()}, for the baselines their patterns and automata. {@link
 * Mode#SingleShotTime}: each measurement is one build, so the first ones (cold code, in the first
 * fork) show what an application pays at start-up and the later ones the warm cost. Bundled
 * catalog and the synthetic 10x one ({@link CatalogScale}).
 */
@BenchmarkMode(Mode.SingleShotTime)
@OutputTimeUnit(TimeUnit.MILLISECONDS)
@State(Scope.Thread)
@Fork(value = 3, jvmArgsAppend = {"-Xms2g", "-Xmx2g"})
@Warmup(iterations = 5)
@Measurement(iterations = 20)
public class CompileBenchmark {
  /** The engine built. */
  @Param({"ANCM_DIAG", "JDK_REGEX_EACH", "JDK_REGEX_ALTERNATION", "RE2J", "AHO_CORASICK_REGEX"})
  public EngineType engine;

  /** The catalog it is built from. */
  @Param({"BUNDLED", "SYNTHETIC_10X"})
  public CatalogScale catalog;

  private Catalog loaded;

  /** Loads the catalog (not timed). */
  @Setup(Level.Trial)
  public void setUp() {
    loaded = catalog.load();
  }

  /**
   * Builds the engine once.
   *
   * @return the engine
   */
  @Benchmark
  public Engine build() {
    return engine.create(loaded);
  }
}
