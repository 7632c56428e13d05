package io.github.ancmdiag.benchmarks;

import io.github.ancmdiag.catalog.BundledCatalog;
import io.github.ancmdiag.rules.Catalog;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Locale;
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
 * One 1 MB line ({@link #chars} characters), hostile or ordinary: {@code ADVERSARIAL} is near-matches of
 * every template and {@code Application '} repeated ({@link Inputs#adversarialLine}),
 * {@code ORDINARY} is unrelated corpus records joined into one line ({@link Inputs#ordinaryLine}).
 * A linear engine takes about as long on both. Every engine is checked against ours on the line
 * first (which costs one classification of it, untimed).
 */
@BenchmarkMode(Mode.AverageTime)
@OutputTimeUnit(TimeUnit.MILLISECONDS)
@State(Scope.Thread)
@Fork(value = 1, jvmArgsAppend = {"-Xms2g", "-Xmx2g"})
@Warmup(iterations = 2, time = 2)
@Measurement(iterations = 3, time = 2)
public class AdversarialBenchmark {
  /** The engine under test. */
  @Param({"ANCM_DIAG", "JDK_REGEX_EACH", "JDK_REGEX_ALTERNATION", "RE2J", "AHO_CORASICK_REGEX",
      "RAW_FLOOR"})
  public EngineType engine;

  /** Which line: {@code ADVERSARIAL} or {@code ORDINARY}. */
  @Param({"ADVERSARIAL", "ORDINARY"})
  public String line;

  /** Length of the line in characters. */
  @Param("1000000")
  public int chars;

  private String text;
  private Engine impl;

  /** Makes the line and builds and checks the engine. */
  @Setup(Level.Trial)
  public void setUp() {
    Catalog catalog = BundledCatalog.load();
    text = line.equals("ADVERSARIAL") ? Inputs.adversarialLine(catalog, chars)
        : Inputs.ordinaryLine(catalog, chars);
    System.out.println();
    System.out.printf(Locale.ROOT, "%s line: %,d chars, %,d bytes UTF-8%n", line, text.length(),
        text.getBytes(StandardCharsets.UTF_8).length);
    impl = Checked.engine(engine, catalog, new String[] {text}, List.of());
  }

  /**
   * Classifies the line once.
   *
   * @return the result
   */
  @Benchmark
  public Object classifyLine() {
    return impl.classify(text);
  }
}
