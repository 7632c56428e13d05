package io.github.ancmdiag.flink;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import java.time.Duration;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import java.util.stream.Collectors;
import org.apache.flink.runtime.testutils.MiniClusterResourceConfiguration;
import org.apache.flink.streaming.api.environment.StreamExecutionEnvironment;
import org.apache.flink.test.junit5.MiniClusterExtension;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.api.io.TempDir;

/**
 * The fleet job on a MiniCluster over a generated fleet (hosts with failures of five catalog
 * entries planted at known sites and times, ordinary traffic, restarts, truncated and corrupt
 * files): every planted failure is one incident with its entry, nothing else is one, every record
 * written is classified or skipped, and the result is the same at parallelism 1, 2 and 4.
 */
class FleetJobTest {
  @RegisterExtension
  static final MiniClusterExtension CLUSTER = new MiniClusterExtension(
      new MiniClusterResourceConfiguration.Builder()
          .setNumberTaskManagers(1).setNumberSlotsPerTaskManager(4).build());

  @TempDir
  static Path dir;

  private static FleetGenerator.Manifest fleet;
  private static final Map<Integer, FleetJob.Result> RUNS = new HashMap<>();

  @BeforeAll
  static void generate() {
    fleet = FleetGenerator.generate(dir, 70, Duration.ofHours(2), 7);
  }

  private static FleetJob.Result run(int parallelism) throws Exception {
    FleetJob.Result r = RUNS.get(parallelism);
    if (r == null) {
      r = FleetJob.run(StreamExecutionEnvironment.getExecutionEnvironment(),
          dir.resolve("host").toString(), parallelism);
      RUNS.put(parallelism, r);
    }
    return r;
  }

  private static List<String> summary(FleetJob.Result r) {
    return r.incidents().stream().map(i -> i.host + "/" + i.site + " " + i.start + " "
        + i.entry + " " + i.confidence + " " + i.recovered + " " + i.parameters)
        .collect(Collectors.toList());
  }

  @Test
  @Timeout(value = 2, unit = TimeUnit.MINUTES)
  void should_report_every_planted_failure_exactly_once_with_its_entry() throws Exception {
    // given
    assertThat(fleet.planted()).hasSizeGreaterThanOrEqualTo(10);
    assertThat(fleet.planted()).extracting(FleetGenerator.Planted::entry).containsOnly(
        "missing-shared-framework", "wrong-processpath-or-runtime-missing",
        "aspnetcore-config-invalid", "wrong-aspnetcore-arguments", "stdout-log-path-incorrect");

    // when
    FleetJob.Result r = run(2);

    // then: one incident per planted site, of its entry, starting at the planted time
    assertThat(r.incidents()).hasSameSizeAs(fleet.planted());
    for (FleetGenerator.Planted p : fleet.planted()) {
      assertThat(r.incidents()).as("planted %s", p)
          .filteredOn(i -> i.host.equals(p.host()) && i.site.equals(p.site()))
          .singleElement().satisfies(i -> {
            assertThat(i.entry).isEqualTo(p.entry());
            assertThat(i.start).isEqualTo(p.time().toEpochMilli());
            assertThat(i.confidence).isEqualTo("HIGH");
            assertThat(i.recovered).isEqualTo(p.recovered());
            assertThat(i.ranked).isNotEmpty();
          });
    }
  }

  @Test
  @Timeout(value = 2, unit = TimeUnit.MINUTES)
  void should_account_for_every_record_written_as_classified_or_skipped() throws Exception {
    // when
    FleetJob.Result r = run(2);

    // then
    assertThat(r.read()).isEqualTo(fleet.records());
    assertThat(r.classified() + r.skippedCount()).isEqualTo(r.read());
    assertThat(r.skippedCount()).isEqualTo(fleet.damaged()).isPositive();
    assertThat(r.skipped()).hasSize((int) fleet.damaged()).allSatisfy(s -> {
      assertThat(s.host).startsWith("web-");
      assertThat(s.source).startsWith("host/" + s.host + "/" + s.site + "/");
      assertThat(s.line).isPositive();
      assertThat(s.reason).isNotBlank();
    });
  }

  @Test
  @Timeout(value = 2, unit = TimeUnit.MINUTES)
  void should_count_every_start_and_the_failures_per_entry_and_host() throws Exception {
    // when
    FleetJob.Result r = run(2);

    // then: the starts of the damaged copies' last events are skipped, not counted
    long started = r.counts().entrySet().stream().filter(e -> e.getKey().endsWith("|event:"
        + "STARTED")).mapToLong(Map.Entry::getValue).sum();
    assertThat(started).isBetween(fleet.starts() - fleet.damaged(), fleet.starts());
    assertThat(r.counts().keySet()).anyMatch(k -> k.endsWith("|event:SHUT_DOWN"));
    for (FleetGenerator.Planted p : fleet.planted()) {
      assertThat(r.counts()).containsKey(p.host() + "|failure:" + p.entry());
    }
  }

  @Test
  @Timeout(value = 3, unit = TimeUnit.MINUTES)
  void should_give_the_same_result_at_parallelism_1_and_4() throws Exception {
    // when
    FleetJob.Result two = run(2);
    FleetJob.Result one = run(1);
    FleetJob.Result four = run(4);

    // then
    assertThat(summary(one)).isEqualTo(summary(two)).isEqualTo(summary(four));
    assertThat(one.counts()).isEqualTo(two.counts()).isEqualTo(four.counts());
    assertThat(List.of(one.read(), one.classified(), one.skippedCount()))
        .isEqualTo(List.of(four.read(), four.classified(), four.skippedCount()));
  }
}
