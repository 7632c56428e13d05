package io.github.ancmdiag.benchmarks;

import io.github.ancmdiag.input.Format;
import io.github.ancmdiag.input.LogReader;
import io.github.ancmdiag.input.LogRecord;
import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
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
 * The log readers: one operation reads a whole file held in memory through {@code
 * LogReader.of(name, stream, AUTO)} (format detection included) and visits every record; MB/s is
 * the file's bytes divided by the time. Inputs are real files: the {@code .evtx} samples of
 * ancm-core's tests (a System log of 1,881 records in 15 chunks plus 2 empty ones, 1,118,208
 * bytes; an Application log of 17 records, 69,632 bytes; a damaged AppXDeployment log of 298
 * readable records, 1,052,672 bytes), copied into the jar at build.
 */
@BenchmarkMode(Mode.AverageTime)
@OutputTimeUnit(TimeUnit.MILLISECONDS)
@State(Scope.Thread)
@Fork(value = 1, jvmArgsAppend = {"-Xms1g", "-Xmx1g"})
@Warmup(iterations = 5, time = 2)
@Measurement(iterations = 10, time = 2)
public class ReadersBenchmark {
  /** The file read. */
  @Param({"EVTX_SYSTEM", "EVTX_APPLICATION", "EVTX_DAMAGED"})
  public Input input;

  /** A file to read, by its format and where it is in the jar. */
  public enum Input {
    /** {@code evtx/system.evtx}. */
    EVTX_SYSTEM("/evtx/system.evtx", Format.EVTX, 1881),
    /** {@code evtx/Application_no_crc32.evtx}. */
    EVTX_APPLICATION("/evtx/Application_no_crc32.evtx", Format.EVTX, 17),
    /**
     * {@code evtx/sample_with_a_bad_chunk_magic.evtx}: zeroed stretches, two chunks without
     * their header (searched for records), 90 damage reports.
     */
    EVTX_DAMAGED("/evtx/sample_with_a_bad_chunk_magic.evtx", Format.EVTX, 298);

    final String resource;
    final Format format;
    final int records;

    Input(String resource, Format format, int records) {
      this.resource = resource;
      this.format = format;
      this.records = records;
    }
  }

  private byte[] bytes;

  /** Loads the file and checks that it reads as expected (not timed). */
  @Setup(Level.Trial)
  public void setUp() {
    try (InputStream in = ReadersBenchmark.class.getResourceAsStream(input.resource)) {
      if (in == null) {
        throw new IllegalStateException(input.resource + " is not in the jar");
      }
      bytes = in.readAllBytes();
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
    try (LogReader reader = read()) {
      long n = 0;
      for (LogRecord r : reader) {
        n++;
      }
      boolean damaged = input == Input.EVTX_DAMAGED;
      if (reader.format().orElse(null) != input.format || n != input.records
          || reader.skipped().isEmpty() != !damaged) {
        throw new IllegalStateException(input + " read as " + reader.format() + ", " + n
            + " records, skipped " + reader.skipped());
      }
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
    System.out.println(input + ": " + bytes.length + " bytes, " + input.records + " records");
  }

  private LogReader read() {
    return LogReader.of("bench", new ByteArrayInputStream(bytes), Format.AUTO);
  }

  /**
   * Reads every record of the file.
   *
   * @return the sum of the records' text lengths, so that nothing is optimized away
   */
  @Benchmark
  public long readAll() {
    long sum = 0;
    try (LogReader reader = read()) {
      for (LogRecord r : reader) {
        sum += r.text().length() + r.eventId();
      }
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
    return sum;
  }
}
