package io.github.ancmdiag.benchmarks;

import io.github.ancmdiag.Classification;
import io.github.ancmdiag.Diagnoser;
import io.github.ancmdiag.catalog.BundledCatalog;
import io.github.ancmdiag.input.LogRecord;
import io.github.ancmdiag.model.Channel;
import java.util.Optional;
import java.util.concurrent.TimeUnit;
import java.lang.management.ManagementFactory;
import java.lang.management.ThreadMXBean;
import org.openjdk.jmh.annotations.AuxCounters;
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
import org.openjdk.jmh.annotations.Threads;
import org.openjdk.jmh.annotations.Warmup;
import org.openjdk.jmh.infra.Blackhole;

/**
 * Scaling across threads: one {@link Diagnoser} shared by 1, 2 or 4 threads, each pass over the
 * same read-only {@link Corpus}. One operation is one pass of one thread, so the score
 * (milliseconds per pass, averaged over the threads) stays flat from 1 to 2 threads on a 2-core
 * machine exactly when nothing on the classify path is shared for writing: per-thread throughput
 * is the corpus size divided by it. At 4 threads on 2 cores each thread gets half a core, so the
 * score doubles by itself.
 *
 * <p>Two paths: {@code classifier*}, one {@link Diagnoser.Classifier} per thread (a JMH thread
 * state, made in setup), the bulk path a multi-threaded consumer uses; and {@code classify*},
 * {@link Diagnoser#classify(LogRecord)} on the shared diagnoser, which borrows its working state
 * from the matcher's pool on every call.
 *
 * <p>Wall time per pass on a machine others share says little: a thread waits for a core. So
 * each thread also counts the CPU time it spent ({@link Cpu}, from {@link
 * ThreadMXBean#getCurrentThreadCpuTime()}, read once a pass) and its passes; {@code cpuMicros}
 * divided by {@code passes} is the CPU time of one pass, which a cache line that two threads
 * write in turn, or a lock, would raise from 1 to 2 threads whatever else the machine runs.
 *
 * <p>From the repository root, after {@code mvn -q -o -pl benchmarks -am package -DskipTests}:
 *
 * <pre>
 * java -jar benchmarks/target/benchmarks.jar ThreadsBenchmark -f 1 -wi 3 -i 5 -w 3s -r 3s \
 *     -prof gc -rf json -rff threads.json
 * </pre>
 */
@BenchmarkMode(Mode.AverageTime)
@OutputTimeUnit(TimeUnit.MILLISECONDS)
@Fork(value = 1, jvmArgsAppend = {"-Xms2g", "-Xmx2g"})
@Warmup(iterations = 3, time = 3)
@Measurement(iterations = 5, time = 3)
public class ThreadsBenchmark {
  /** What all threads share: the diagnoser and the corpus, both read only. */
  @State(Scope.Benchmark)
  public static class Shared {
    /** Records in the corpus. */
    @Param("100000")
    public int lines;

    Diagnoser diagnoser;
    String[] corpus;

    /**
     * Builds the corpus and the one diagnoser, checks that a classifier gives what {@code
     * classify} gives on every line, and prints how many planted records ours finds.
     */
    @Setup(Level.Trial)
    public void setUp() {
      Corpus c = Corpus.generate(lines, BundledCatalog.load());
      System.out.println();
      System.out.println(c.describe());
      diagnoser = Diagnoser.builder().catalog(BundledCatalog.load()).build();
      int found = 0;
      for (Corpus.Planted p : c.planted()) {
        if (diagnoser.classify(Channel.EVENT_LOG, c.lines()[p.index()]).entryIds()
            .containsAll(p.entryIds())) {
          found++;
        }
      }
      Diagnoser.Classifier classifier = diagnoser.classifier();
      for (int i = 0; i < c.lines().length; i++) {
        LogRecord r = LogRecord.of(Channel.EVENT_LOG, c.lines()[i]);
        Classification once = diagnoser.classify(r);
        if (!classifier.match(r).orElse(once).equals(once)
            || classifier.match(r).isEmpty() != once.matches().isEmpty()) {
          throw new IllegalStateException("refusing to time: the classifier and classify differ"
              + " on line " + (i + 1));
        }
      }
      System.out.printf("ours finds the entry of %d of %d planted records%n", found,
          c.planted().size());
      corpus = c.lines();
      System.gc(); // the corpus is old before timing starts (see ClassifyBenchmark)
    }
  }

  /** One thread's own classifier. */
  @State(Scope.Thread)
  public static class Own {
    Diagnoser.Classifier classifier;

    /**
     * Makes this thread's classifier from the shared diagnoser.
     *
     * @param shared the shared state
     */
    @Setup(Level.Trial)
    public void setUp(Shared shared) {
      classifier = shared.diagnoser.classifier();
    }
  }

  /** One thread's CPU time and passes in an iteration, summed over the threads by JMH. */
  @State(Scope.Thread)
  @AuxCounters(AuxCounters.Type.EVENTS)
  public static class Cpu {
    private static final ThreadMXBean THREADS = ManagementFactory.getThreadMXBean();

    /** CPU time of this thread's passes, in microseconds. */
    public long cpuMicros;
    /** Passes of this thread. */
    public long passes;

    long start() {
      return THREADS.getCurrentThreadCpuTime();
    }

    void stop(long start) {
      cpuMicros += (THREADS.getCurrentThreadCpuTime() - start) / 1000;
      passes++;
    }
  }

  private static void classifierPass(Shared shared, Own own, Cpu cpu, Blackhole bh) {
    long start = cpu.start();
    Diagnoser.Classifier c = own.classifier;
    for (String line : shared.corpus) {
      Optional<Classification> found = c.match(LogRecord.of(Channel.EVENT_LOG, line));
      bh.consume(found);
    }
    cpu.stop(start);
  }

  private static void classifyPass(Shared shared, Cpu cpu, Blackhole bh) {
    long start = cpu.start();
    Diagnoser d = shared.diagnoser;
    for (String line : shared.corpus) {
      bh.consume(d.classify(LogRecord.of(Channel.EVENT_LOG, line)));
    }
    cpu.stop(start);
  }

  /**
   * One pass with this thread's classifier, one thread.
   *
   * @param shared the diagnoser and corpus
   * @param own this thread's classifier
   * @param cpu this thread's CPU time
   * @param bh sinks each result
   */
  @Benchmark
  @Threads(1)
  public void classifier1(Shared shared, Own own, Cpu cpu, Blackhole bh) {
    classifierPass(shared, own, cpu, bh);
  }

  /**
   * One pass with this thread's classifier, two threads.
   *
   * @param shared the diagnoser and corpus
   * @param own this thread's classifier
   * @param cpu this thread's CPU time
   * @param bh sinks each result
   */
  @Benchmark
  @Threads(2)
  public void classifier2(Shared shared, Own own, Cpu cpu, Blackhole bh) {
    classifierPass(shared, own, cpu, bh);
  }

  /**
   * One pass with this thread's classifier, four threads.
   *
   * @param shared the diagnoser and corpus
   * @param own this thread's classifier
   * @param cpu this thread's CPU time
   * @param bh sinks each result
   */
  @Benchmark
  @Threads(4)
  public void classifier4(Shared shared, Own own, Cpu cpu, Blackhole bh) {
    classifierPass(shared, own, cpu, bh);
  }

  /**
   * One pass of the shared diagnoser's {@code classify}, one thread.
   *
   * @param shared the diagnoser and corpus
   * @param cpu this thread's CPU time
   * @param bh sinks each result
   */
  @Benchmark
  @Threads(1)
  public void classify1(Shared shared, Cpu cpu, Blackhole bh) {
    classifyPass(shared, cpu, bh);
  }

  /**
   * One pass of the shared diagnoser's {@code classify}, two threads.
   *
   * @param shared the diagnoser and corpus
   * @param cpu this thread's CPU time
   * @param bh sinks each result
   */
  @Benchmark
  @Threads(2)
  public void classify2(Shared shared, Cpu cpu, Blackhole bh) {
    classifyPass(shared, cpu, bh);
  }

  /**
   * One pass of the shared diagnoser's {@code classify}, four threads.
   *
   * @param shared the diagnoser and corpus
   * @param cpu this thread's CPU time
   * @param bh sinks each result
   */
  @Benchmark
  @Threads(4)
  public void classify4(Shared shared, Cpu cpu, Blackhole bh) {
    classifyPass(shared, cpu, bh);
  }
}
