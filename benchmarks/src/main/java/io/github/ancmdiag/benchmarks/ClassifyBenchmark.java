package io.github.ancmdiag.benchmarks;

import io.github.ancmdiag.catalog.BundledCatalog;
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
import org.openjdk.jmh.infra.Blackhole;

/**
 * Bulk classification: how long one engine takes to classify every record of a {@link Corpus}
 * (99.5% unrelated Windows/IIS lines, 0.5% ANCM failure records), one record at a time, as a
 * monitoring product streaming logs through {@code Diagnoser.classify} would. One operation is one
 * pass over the whole corpus, so the score is milliseconds per corpus; divide the corpus size
 * printed at setup by it for MB/s, and by the record count for time per line.
 *
 * <p>Engines ({@link EngineType}): ours, four regex-based baselines and {@code RAW_FLOOR} (touch
 * every character). Before timing a matching engine, setup runs the {@link Agreement} check over
 * the whole corpus ({@link Checked}) and refuses to run (throws) if it disagrees with ours; that
 * check takes as long as one pass and is not timed. With {@code -p catalog=SYNTHETIC_10X} the
 * engine is built from a catalog ten times larger ({@link CatalogScale}), on the same corpus.
 * With {@code -prof gc}, {@code gc.alloc.rate.norm} divided by the record count is the
 * allocation per record.
 *
 * <p>{@code benchmarks/run-all.sh} runs it with the other scenarios. By hand, from the repository
 * root, after {@code mvn -q -o -pl benchmarks -am package -DskipTests}:
 *
 * <pre>
 * java -jar benchmarks/target/benchmarks.jar ClassifyBenchmark -p lines=20000 -f 1 -wi 1 -i 3 \
 *     -w 2s -r 2s -prof gc -rf json -rff throughput.json
 * </pre>
 *
 * <p>({@code -p lines=1000} for a smoke run; the default corpus is 1,000,000 records, on which the
 * regex engines take minutes per pass.)
 */
@BenchmarkMode(Mode.AverageTime)
@OutputTimeUnit(TimeUnit.MILLISECONDS)
@State(Scope.Thread)
@Fork(value = 1, jvmArgsAppend = {"-Xms2g", "-Xmx2g"})
@Warmup(iterations = 3, time = 2)
@Measurement(iterations = 5, time = 3)
public class ClassifyBenchmark {
  /** Records in the corpus. */
  @Param("1000000")
  public int lines;

  /** The engine under test. */
  @Param({"ANCM_DIAG", "ANCM_DIAG_BULK", "JDK_REGEX_EACH", "JDK_REGEX_ALTERNATION", "RE2J",
      "AHO_CORASICK_REGEX", "RAW_FLOOR"})
  public EngineType engine;

  /** The catalog the engine is built from; the corpus is always made from the bundled one. */
  @Param("BUNDLED")
  public CatalogScale catalog;

  private String[] corpusLines;
  private Engine impl;

  /** Builds the corpus and the engine, and checks the engine's answers against ours. */
  @Setup(Level.Trial)
  public void setUp() {
    Corpus corpus = Corpus.generate(lines, BundledCatalog.load());
    System.out.println();
    System.out.println(corpus.describe());
    impl = Checked.engine(engine, catalog.load(), corpus.lines(), corpus.planted());
    corpusLines = corpus.lines();
    // The corpus (about 0.5 GB of strings) is the run's own data, made just now: collected once
    // here, it is old before the first iteration. Otherwise each young collection an engine's
    // allocations cause copies it again until it is tenured (140 ms a collection here), which
    // charges an engine for the benchmark's data and made the figures swing by half.
    System.gc();
  }

  /**
   * Classifies every record of the corpus once.
   *
   * @param bh sinks each record's result
   */
  @Benchmark
  public void classifyCorpus(Blackhole bh) {
    Engine e = impl;
    for (String line : corpusLines) {
      bh.consume(e.classify(line));
    }
  }
}
