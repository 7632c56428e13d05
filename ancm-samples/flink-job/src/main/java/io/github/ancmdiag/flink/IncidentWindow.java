package io.github.ancmdiag.flink;

import io.github.ancmdiag.Diagnoser;
import io.github.ancmdiag.Diagnosis;
import io.github.ancmdiag.DiagnosisReport;
import io.github.ancmdiag.Evidence;
import io.github.ancmdiag.catalog.BundledCatalog;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Locale;
import java.util.TreeMap;
import org.apache.flink.api.common.functions.OpenContext;
import org.apache.flink.streaming.api.functions.windowing.ProcessWindowFunction;
import org.apache.flink.streaming.api.windowing.windows.TimeWindow;
import org.apache.flink.util.Collector;

/**
 * Diagnoses the records of one session window of one site: one {@link Incident} when the window
 * holds a failure that opens one ({@link Observed#trigger}: an ANCM failure event, a stdout or
 * debug log line, a page; a request log's 5xx alone does not), nothing otherwise (a routine
 * restart, the app's own 500 now and then). The records are weighed in time order (then file and
 * line), so the result does not depend on the order they arrived in. One {@link Diagnoser} per
 * task, built in {@link #open}.
 */
public final class IncidentWindow
    extends ProcessWindowFunction<Observed, Incident, String, TimeWindow> {
  private static final long serialVersionUID = 1L;

  /** The most records of one window weighed; the rest are counted only. */
  static final int MAX_RECORDS = 10_000;

  private transient Diagnoser diagnoser;

  @Override
  public void open(OpenContext context) {
    diagnoser = Diagnoser.builder().catalog(BundledCatalog.load()).build();
  }

  @Override
  public void process(String key, Context context, Iterable<Observed> elements,
      Collector<Incident> out) {
    List<Observed> records = new ArrayList<>();
    boolean trigger = false;
    int total = 0;
    for (Observed o : elements) {
      total++;
      trigger |= o.trigger;
      if (records.size() < MAX_RECORDS) {
        records.add(o);
      }
    }
    if (!trigger) {
      return;
    }
    records.sort(Comparator.comparingLong((Observed o) -> o.time)
        .thenComparing(o -> o.source).thenComparingLong(o -> o.line));
    Evidence.Builder evidence = Evidence.builder();
    for (Observed o : records) {
      evidence.record(o.toRecord());
    }
    DiagnosisReport report = diagnoser.diagnose(evidence.build());
    Incident incident = new Incident();
    incident.host = records.get(0).host;
    incident.site = records.get(0).site;
    incident.start = records.get(0).time;
    incident.end = records.get(records.size() - 1).time;
    incident.records = total;
    incident.recovered = report.isRecovered();
    report.top().ifPresent(top -> {
      incident.entry = top.entryId();
      incident.confidence = top.confidence().name();
      incident.score = top.score();
      incident.parameters = new TreeMap<>(top.parameters());
    });
    List<Diagnosis> ranked = report.diagnoses();
    incident.ranked = ranked.stream().limit(3).map(d -> String.format(Locale.ROOT,
        "%s:%s:%.2f", d.entryId(), d.confidence(), d.score())).toArray(String[]::new);
    out.collect(incident);
  }
}
