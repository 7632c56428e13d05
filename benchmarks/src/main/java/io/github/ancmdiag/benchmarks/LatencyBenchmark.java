package io.github.ancmdiag.benchmarks;

import io.github.ancmdiag.catalog.BundledCatalog;
import io.github.ancmdiag.rules.Catalog;
import java.util.List;
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
 * Latency of one {@code classify} call, sampled ({@link Mode#SampleTime}: JMH reports the
 * percentiles, read p0.99), on a realistic ANCM failure event ({@link Inputs#ancmRecord}) and on a
 * realistic unrelated W3C line ({@link Inputs#unrelatedRecord}). Every engine is checked against
 * ours on the record first.
 */
@BenchmarkMode(Mode.SampleTime)
@OutputTimeUnit(TimeUnit.MICROSECONDS)
@State(Scope.Thread)
@Fork(value = 1, jvmArgsAppend = {"-Xms2g", "-Xmx2g"})
@Warmup(iterations = 2, time = 2)
@Measurement(iterations = 3, time = 2)
public class LatencyBenchmark {
  /** The engine under test. */
  @Param({"ANCM_DIAG", "JDK_REGEX_EACH", "JDK_REGEX_ALTERNATION", "RE2J", "AHO_CORASICK_REGEX",
      "RAW_FLOOR"})
  public EngineType engine;

  /** Which record: {@code ANCM} (matches) or {@code UNRELATED} (matches nothing). */
  @Param({"ANCM", "UNRELATED"})
  public String record;

  private String text;
  private Engine impl;

  /** Picks the record and builds and checks the engine. */
  @Setup(Level.Trial)
  public void setUp() {
    Catalog catalog = BundledCatalog.load();
    text = record.equals("ANCM") ? Inputs.ancmRecord(catalog) : Inputs.unrelatedRecord(catalog);
    System.out.println();
    System.out.println("record (" + text.length() + " chars): " + text.replace("\r\n", "\\r\\n"));
    impl = Checked.engine(engine, catalog, new String[] {text}, List.of());
  }

  /**
   * Classifies the record once.
   *
   * @return the result
   */
  @Benchmark
  public Object classifyOne() {
    return impl.classify(text);
  }
}
