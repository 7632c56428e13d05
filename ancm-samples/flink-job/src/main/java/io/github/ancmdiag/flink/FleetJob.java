package io.github.ancmdiag.flink;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.TreeMap;
import org.apache.flink.api.common.JobExecutionResult;
import org.apache.flink.api.common.RuntimeExecutionMode;
import org.apache.flink.api.common.eventtime.WatermarkStrategy;
import org.apache.flink.api.common.typeinfo.TypeInformation;
import org.apache.flink.connector.file.src.FileSource;
import org.apache.flink.streaming.api.datastream.DataStream;
import org.apache.flink.streaming.api.datastream.SingleOutputStreamOperator;
import org.apache.flink.streaming.api.environment.StreamExecutionEnvironment;
import org.apache.flink.streaming.api.windowing.assigners.EventTimeSessionWindows;
import org.apache.flink.util.CloseableIterator;
import org.apache.flink.util.Collector;
import org.apache.flink.util.OutputTag;
import org.jetbrains.annotations.Nullable;

/**
 * The fleet job: reads every file under a folder tree {@code host/<name>/<site>/...} (event
 * exports, W3C request logs, ANCM stdout and debug logs: any format the readers know), parses and
 * classifies each record ({@link ParseAndClassify}), keys by host and site, groups each site's
 * findings in event-time session windows ({@link #SESSION_GAP}: a start-up failure leaves its
 * events, logs and 5xx requests within seconds) and emits per window one {@link Incident} with its
 * ranked diagnosis ({@link IncidentWindow}), and per host a running count of classified failures
 * per entry and of normal ANCM events ({@link RunningCounts}). Skipped records go to a side output
 * with their location.
 *
 * <p>Over a fixed set of files the job runs in {@code BATCH} mode: every record lands in its
 * window whatever order the files are read in, so the result is the same at any parallelism. With
 * {@code --monitor} the source keeps watching for new files and the job runs in {@code STREAMING}
 * mode, with watermarks {@link #OUT_OF_ORDER} (or {@code --out-of-order}) behind the newest
 * record; a record that comes later than that misses its window and goes to {@link #LATE}, with
 * its location: a backlog of files is best read by a bounded run first.
 *
 * <pre>
 * java -cp ancm-flink-job.jar:$(cat flink-classpath.txt) io.github.ancmdiag.flink.FleetJob \
 *     --generate 300 6 --input target/fleet --parallelism 2
 * flink run -c io.github.ancmdiag.flink.FleetJob ancm-flink-job.jar --input hdfs:///fleet
 * </pre>
 */
public final class FleetJob {
  /** The gap that ends a session window: no record of the site for this long. */
  public static final Duration SESSION_GAP = Duration.ofMinutes(3);
  /** How far behind the newest record the watermark stays when monitoring, unless told. */
  public static final Duration OUT_OF_ORDER = Duration.ofMinutes(5);
  /** Records that came after the watermark had passed their window (monitoring only). */
  public static final OutputTag<Observed> LATE =
      new OutputTag<>("late", TypeInformation.of(Observed.class));

  private FleetJob() {}

  /**
   * The job's outputs.
   *
   * @param incidents one per session window that holds a failure
   * @param counts the running counts, each new value
   * @param skipped what the readers could not read, with its location
   * @param late records that missed their window (monitoring only: a file that turned up more
   *     than the out-of-order bound after newer records), with their location
   */
  public record Outputs(DataStream<Incident> incidents, DataStream<FleetCount> counts,
      DataStream<Skip> skipped, DataStream<Observed> late) {}

  /**
   * What a bounded run gives.
   *
   * @param incidents the incidents, by host, site and start
   * @param counts the last value of each running count, by {@code host|name}
   * @param skipped the skipped records
   * @param read records read (classified + skipped)
   * @param classified records classified
   * @param skippedCount records skipped
   */
  public record Result(List<Incident> incidents, Map<String, Long> counts, List<Skip> skipped,
      long read, long classified, long skippedCount) {}

  /**
   * Adds the job to an environment.
   *
   * @param env the environment
   * @param input the folder (any Flink file system URI) read recursively
   * @param monitor how often to look for new files, or null to read the files there once
   * @param outOfOrder how far behind the newest record the watermark stays when monitoring
   * @return the outputs, for the caller's sinks
   */
  public static Outputs build(StreamExecutionEnvironment env, String input,
      @Nullable Duration monitor, Duration outOfOrder) {
    FileSource.FileSourceBuilder<FileContent> source = FileSource.forBulkFileFormat(
        new WholeFileFormat(), new org.apache.flink.core.fs.Path(input));
    if (monitor != null) {
      source.monitorContinuously(monitor);
    }
    env.setRuntimeMode(monitor == null ? RuntimeExecutionMode.BATCH
        : RuntimeExecutionMode.STREAMING);
    // every operator at the environment's parallelism: BATCH's adaptive scheduler would otherwise
    // pick its own for the keyed steps, and the test runs them at 1, 2 and 4 on purpose
    int p = env.getParallelism();
    DataStream<FileContent> files =
        env.fromSource(source.build(), WatermarkStrategy.noWatermarks(), "fleet files")
            .setParallelism(p);
    SingleOutputStreamOperator<Observed> observed = files.process(new ParseAndClassify())
        .name("parse and classify").uid("parse").setParallelism(p);
    DataStream<Skip> skipped = observed.getSideOutput(ParseAndClassify.SKIPPED);
    DataStream<Observed> timed = observed.assignTimestampsAndWatermarks(
        WatermarkStrategy.<Observed>forBoundedOutOfOrderness(outOfOrder)
            .withTimestampAssigner((o, previous) -> o.time)).name("event time").setParallelism(p);
    SingleOutputStreamOperator<Incident> incidents = timed.keyBy(o -> o.key)
        .window(EventTimeSessionWindows.withGap(SESSION_GAP)).sideOutputLateData(LATE)
        .process(new IncidentWindow()).name("incidents").uid("incidents").setParallelism(p);
    DataStream<FleetCount> counts = timed
        .flatMap((Observed o, Collector<FleetCount> out) -> {
          for (String name : o.counts) {
            FleetCount c = new FleetCount();
            c.host = o.host;
            c.name = name;
            c.count = 1;
            c.time = o.time;
            out.collect(c);
          }
        }).returns(FleetCount.class).name("countable").setParallelism(p)
        .keyBy(c -> c.host + "|" + c.name)
        .process(new RunningCounts()).name("running counts").uid("counts").setParallelism(p);
    return new Outputs(incidents, counts, skipped, incidents.getSideOutput(LATE));
  }

  /**
   * Runs the job once over the files of a folder and collects what it gives.
   *
   * @param env the environment (a MiniCluster's, or a local one)
   * @param input the folder
   * @param parallelism the parallelism
   * @return the result
   * @throws Exception if the job fails
   */
  public static Result run(StreamExecutionEnvironment env, String input, int parallelism)
      throws Exception {
    env.setParallelism(parallelism);
    Outputs out = build(env, input, null, OUT_OF_ORDER);
    CloseableIterator<Incident> incidents = out.incidents().collectAsync();
    CloseableIterator<FleetCount> counts = out.counts().collectAsync();
    CloseableIterator<Skip> skipped = out.skipped().collectAsync();
    JobExecutionResult job = env.execute("ancm-diag fleet");
    List<Incident> found = new ArrayList<>();
    incidents.forEachRemaining(found::add);
    found.sort(Comparator.comparing((Incident i) -> i.host).thenComparing(i -> i.site)
        .thenComparingLong(i -> i.start));
    Map<String, Long> last = new TreeMap<>();
    counts.forEachRemaining(c -> last.merge(c.host + "|" + c.name, c.count, Math::max));
    List<Skip> skips = new ArrayList<>();
    skipped.forEachRemaining(skips::add);
    incidents.close();
    counts.close();
    skipped.close();
    return new Result(found, last, skips, counter(job, ParseAndClassify.READ),
        counter(job, ParseAndClassify.CLASSIFIED), counter(job, ParseAndClassify.SKIPPED_COUNT));
  }

  private static long counter(JobExecutionResult job, String name) {
    Object v = job.getAccumulatorResult(name);
    return v instanceof Number ? ((Number) v).longValue() : 0;
  }

  /**
   * Runs the job: {@code --input DIR [--parallelism N] [--generate HOSTS HOURS]
   * [--monitor SECONDS [--out-of-order MINUTES]] [--counts]}. With {@code --generate}, a fleet is written to {@code DIR}
   * first ({@link FleetGenerator}); the job then reads {@code DIR/host}, prints every incident and
   * skipped record, and compares the incidents with {@code DIR/planted.tsv} when it is there.
   *
   * @param args the options
   * @throws Exception if the job fails
   */
  public static void main(String[] args) throws Exception {
    String input = null;
    int parallelism = 2;
    Duration monitor = null;
    Duration outOfOrder = OUT_OF_ORDER;
    boolean printCounts = false;
    int[] generate = null;
    for (int i = 0; i < args.length; i++) {
      switch (args[i]) {
        case "--input" -> input = args[++i];
        case "--parallelism" -> parallelism = Integer.parseInt(args[++i]);
        case "--monitor" -> monitor = Duration.ofSeconds(Long.parseLong(args[++i]));
        case "--counts" -> printCounts = true;
        case "--out-of-order" -> outOfOrder = Duration.ofMinutes(Long.parseLong(args[++i]));
        case "--generate" -> generate = new int[] {Integer.parseInt(args[++i]),
            Integer.parseInt(args[++i])};
        default -> {
          System.err.println("unknown option " + args[i] + "; usage: FleetJob --input DIR "
              + "[--parallelism N] [--generate HOSTS HOURS] [--monitor SECONDS [--out-of-order MINUTES]] "
              + "[--counts]");
          System.exit(1);
        }
      }
    }
    if (input == null) {
      System.err.println("usage: FleetJob --input DIR [--parallelism N] [--generate HOSTS HOURS]"
          + " [--monitor SECONDS [--out-of-order MINUTES]] [--counts]");
      System.exit(1);
    }
    if (generate != null) {
      FleetGenerator.Manifest m = FleetGenerator.generate(Path.of(input), generate[0],
          Duration.ofHours(generate[1]), 1);
      System.out.printf(Locale.ROOT, "generated %d hosts, %d files, %d records, %d planted "
          + "failures%n", generate[0], m.files(), m.records(), m.planted().size());
    }
    Path hosts = Path.of(input).resolve("host");
    String read = Files.isDirectory(hosts) ? hosts.toString() : input;
    StreamExecutionEnvironment env = StreamExecutionEnvironment.getExecutionEnvironment();
    if (monitor != null) {
      env.setParallelism(parallelism);
      Outputs out = build(env, read, monitor, outOfOrder);
      out.incidents().print();
      out.skipped().print();
      out.late().map(o -> "late " + o.source + ":" + o.line).returns(String.class).print();
      if (printCounts) {
        out.counts().print();
      }
      env.execute("ancm-diag fleet (monitoring " + read + ")");
      return;
    }
    long t0 = System.nanoTime();
    Result r = run(env, read, parallelism);
    double seconds = (System.nanoTime() - t0) / 1e9;
    r.incidents().forEach(System.out::println);
    r.skipped().forEach(System.out::println);
    if (printCounts) {
      r.counts().forEach((k, v) -> System.out.println("count " + k + " " + v));
    }
    System.out.printf(Locale.ROOT, "records read %d = classified %d + skipped %d; %d incidents;"
        + " %.1f s at parallelism %d%n", r.read(), r.classified(), r.skippedCount(),
        r.incidents().size(), seconds, parallelism);
    Path planted = Path.of(input).resolve("planted.tsv");
    if (Files.isRegularFile(planted)) {
      System.out.println(Planted.compare(Files.readAllLines(planted), r.incidents()));
    }
  }
}
