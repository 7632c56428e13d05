package io.github.ancmdiag.benchmarks;

import io.github.ancmdiag.benchmarks.baselines.JdkRegexEach;
import io.github.ancmdiag.catalog.BundledCatalog;
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
import org.openjdk.jmh.infra.Blackhole;

/**
 * Bulk classification: how long one engine takes to classify every record of a {@link Corpus}
 * (99.5% unrelated Windows/IIS lines, 0.5% ANCM failure records), one record at a time, as a
 * monitoring product streaming logs through {@code Diagnoser.classify} would. One operation is one
 * pass over the whole corpus, so the score is milliseconds per corpus; divide the corpus size
 * printed at setup by it for MB/s, and by the record count for time per line.
 *
 * <p>Engines ({@link EngineType}): {@code ANCM_DIAG} (ours), {@code JDK_REGEX_EACH} (one JDK regex
 * per template) and {@code RAW_FLOOR} (touch every character). Before timing {@code ANCM_DIAG} or
 * {@code JDK_REGEX_EACH}, setup runs the {@link Agreement} check over the whole corpus and refuses
 * to run (throws) if the two disagree; that check takes seconds and is not timed.
 *
 * <p>Run, from the repository root, after {@code mvn -q package -DskipTests}:
 *
 * <pre>
 * java -jar benchmarks/target/benchmarks.jar ClassifyBenchmark -f 1 -wi 2 -i 3 -w 2s -r 3s \
 *     -p lines=200000 -rf json -rff benchmarks/results-DATE.json
 * </pre>
 *
 * <p>({@code -p lines=10000} for a smoke run; the default corpus is 1,000,000 records.)
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
  @Param({"ANCM_DIAG", "JDK_REGEX_EACH", "RAW_FLOOR"})
  public EngineType engine;

  private String[] corpusLines;
  private Engine impl;

  /** Builds the corpus and the engine, and checks the matching engines against each other. */
  @Setup(Level.Trial)
  public void setUp() {
    Catalog catalog = BundledCatalog.load();
    Corpus corpus = Corpus.generate(lines, catalog);
    System.out.println();
    System.out.println(corpus.describe());
    impl = engine.create(catalog);
    if (engine != EngineType.RAW_FLOOR) {
      AncmDiagEngine ours = impl instanceof AncmDiagEngine ? (AncmDiagEngine) impl
          : (AncmDiagEngine) EngineType.ANCM_DIAG.create(catalog);
      JdkRegexEach regex = impl instanceof JdkRegexEach ? (JdkRegexEach) impl
          : (JdkRegexEach) EngineType.JDK_REGEX_EACH.create(catalog);
      long start = System.nanoTime();
      String summary = Agreement.check(corpus, catalog, ours.diagnoser(), regex);
      System.out.printf("%s [%.1f s]%n", summary, (System.nanoTime() - start) / 1e9);
    }
    corpusLines = corpus.lines();
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
