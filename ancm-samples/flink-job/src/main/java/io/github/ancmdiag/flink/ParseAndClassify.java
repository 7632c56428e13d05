package io.github.ancmdiag.flink;

import io.github.ancmdiag.AncmEvent;
import io.github.ancmdiag.Classification;
import io.github.ancmdiag.Diagnoser;
import io.github.ancmdiag.catalog.BundledCatalog;
import io.github.ancmdiag.input.Format;
import io.github.ancmdiag.input.LogReader;
import io.github.ancmdiag.input.LogRecord;
import io.github.ancmdiag.input.ReadLimits;
import io.github.ancmdiag.input.SkippedRecord;
import io.github.ancmdiag.model.AncmEventKind;
import io.github.ancmdiag.model.Channel;
import io.github.ancmdiag.model.HttpStatus;
import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.time.Instant;
import java.time.LocalDateTime;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.time.format.DateTimeParseException;
import java.util.LinkedHashSet;
import java.util.Locale;
import java.util.Optional;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.apache.flink.api.common.accumulators.LongCounter;
import org.apache.flink.api.common.functions.OpenContext;
import org.apache.flink.api.common.typeinfo.TypeInformation;
import org.apache.flink.metrics.Counter;
import org.apache.flink.streaming.api.functions.ProcessFunction;
import org.apache.flink.util.Collector;
import org.apache.flink.util.OutputTag;
import org.jetbrains.annotations.Nullable;

/**
 * Parses each fleet file with {@link LogReader} (format detected from the content; {@code
 * stdout*} and {@code *debug*} names read text as those logs) and classifies every record with one
 * {@link Diagnoser.Classifier} per task, built in {@link #open} from a {@link Diagnoser} made
 * there: nothing of the library is serialized with the job or its records. Records in which
 * {@code classify} finds something (a catalog signature or an ANCM event) go on as {@link
 * Observed}; what the readers skip goes to {@link #SKIPPED} with its location. Counts every record
 * read, classified and skipped: metrics {@code recordsRead}, {@code recordsClassified}, {@code
 * recordsSkipped} (read = classified + skipped), and accumulators of the same names for the
 * job's result.
 */
public final class ParseAndClassify extends ProcessFunction<FileContent, Observed> {
  private static final long serialVersionUID = 1L;

  /** The side output of skipped records. */
  public static final OutputTag<Skip> SKIPPED =
      new OutputTag<>("skipped", TypeInformation.of(Skip.class));

  /** Metric and accumulator names. */
  public static final String READ = "recordsRead";
  /** Records classified. */
  public static final String CLASSIFIED = "recordsClassified";
  /** Records skipped. */
  public static final String SKIPPED_COUNT = "recordsSkipped";

  /** ANCM V2's stdout log name: {@code <stdoutLogFile>_yyyyMMddHHmmss_<pid>.log}. */
  private static final Pattern STDOUT_V2 = Pattern.compile(".*_(\\d{14})_\\d+\\.log");
  private static final DateTimeFormatter STDOUT_TIME = DateTimeFormatter.ofPattern("yyyyMMddHHmmss");

  private transient Diagnoser.Classifier classifier;
  private transient Counter read;
  private transient Counter classified;
  private transient Counter skipped;
  private transient LongCounter readTotal;
  private transient LongCounter classifiedTotal;
  private transient LongCounter skippedTotal;

  @Override
  public void open(OpenContext context) {
    classifier = Diagnoser.builder().catalog(BundledCatalog.load()).build().classifier();
    read = getRuntimeContext().getMetricGroup().counter(READ);
    classified = getRuntimeContext().getMetricGroup().counter(CLASSIFIED);
    skipped = getRuntimeContext().getMetricGroup().counter(SKIPPED_COUNT);
    readTotal = getRuntimeContext().getLongCounter(READ);
    classifiedTotal = getRuntimeContext().getLongCounter(CLASSIFIED);
    skippedTotal = getRuntimeContext().getLongCounter(SKIPPED_COUNT);
  }

  @Override
  public void processElement(FileContent file, Context ctx, Collector<Observed> out)
      throws IOException {
    FleetPath where = FleetPath.of(file.path);
    String name = where.fileName();
    Channel hint = channelHint(name);
    long fallback = fileTime(name, file.modified);
    try (LogReader reader = LogReader.of(where.relative(), new ByteArrayInputStream(file.bytes),
        Format.AUTO, hint, ReadLimits.defaults())) {
      long last = fallback;
      for (LogRecord r : reader) {
        count(true);
        long time = r.time().map(Instant::toEpochMilli).orElse(last);
        last = time;
        Optional<Classification> found = classifier.match(r);
        if (found.isPresent()) {
          out.collect(observed(where, r, found.get(), time));
        }
      }
      for (SkippedRecord s : reader.skipped()) {
        skip(ctx, where, s.line(), s.byteOffset(), s.reason());
      }
    }
    if (file.size > file.bytes.length) {
      skip(ctx, where, 0, file.bytes.length, "the file holds " + file.size + " bytes; only the "
          + "first " + file.bytes.length + " were read");
    }
  }

  private void count(boolean wasClassified) {
    read.inc();
    readTotal.add(1);
    if (wasClassified) {
      classified.inc();
      classifiedTotal.add(1);
    } else {
      skipped.inc();
      skippedTotal.add(1);
    }
  }

  private void skip(Context ctx, FleetPath where, long line, long offset, String reason) {
    count(false);
    Skip s = new Skip();
    s.host = where.host();
    s.site = where.site();
    s.source = where.relative();
    s.line = line;
    s.offset = offset;
    s.reason = reason;
    ctx.output(SKIPPED, s);
  }

  private static Observed observed(FleetPath where, LogRecord r, Classification c, long time) {
    Observed o = new Observed();
    o.host = where.host();
    o.site = where.site();
    o.key = where.host() + "/" + where.site();
    o.source = r.source();
    o.line = r.line();
    o.channel = r.channel().name();
    o.text = r.text();
    o.eventId = r.eventId();
    o.provider = r.provider();
    o.level = r.level();
    HttpStatus status = r.httpStatus().orElse(null);
    if (status != null) {
      o.status = status.status();
      o.substatus = status.hasSubstatus() ? status.substatus() : -1;
    }
    o.time = time;
    // a request log's 5xx is context: an incident needs an event, a log line or a page
    o.trigger = c.isFailure() && status == null;
    Set<String> counts = new LinkedHashSet<>();
    if (o.trigger) {
      for (String entry : c.entryIds()) {
        counts.add("failure:" + entry);
      }
    }
    for (AncmEvent e : c.events()) {
      AncmEventKind k = e.kind();
      if (k == AncmEventKind.STARTED || k == AncmEventKind.SHUT_DOWN
          || k == AncmEventKind.RECYCLED) {
        counts.add("event:" + k.name());
      }
    }
    o.counts = counts.toArray(new String[0]);
    return o;
  }

  private static @Nullable Channel channelHint(String name) {
    String n = name.toLowerCase(Locale.ROOT);
    if (n.startsWith("stdout")) {
      return Channel.STDOUT_LOG;
    }
    return n.contains("debug") ? Channel.DEBUG_LOG : null;
  }

  /** A V2 stdout log's time from its name (UTC, as App Service writes it), else the file's. */
  private static long fileTime(String name, long modified) {
    Matcher m = STDOUT_V2.matcher(name);
    if (m.matches()) {
      try {
        return LocalDateTime.parse(m.group(1), STDOUT_TIME).toInstant(ZoneOffset.UTC)
            .toEpochMilli();
      } catch (DateTimeParseException e) {
        return modified; // fourteen digits that are no time
      }
    }
    return modified;
  }
}
