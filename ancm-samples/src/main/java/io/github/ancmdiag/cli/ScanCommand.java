package io.github.ancmdiag.cli;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.SerializationFeature;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.github.ancmdiag.Classification;
import io.github.ancmdiag.Diagnoser;
import io.github.ancmdiag.SignatureMatch;
import io.github.ancmdiag.catalog.BundledCatalog;
import io.github.ancmdiag.input.Format;
import io.github.ancmdiag.input.LogReader;
import io.github.ancmdiag.input.LogRecord;
import io.github.ancmdiag.input.SkippedRecord;
import io.github.ancmdiag.model.Channel;
import io.github.ancmdiag.rules.CatalogEntry;
import io.github.ancmdiag.rules.Signature;
import io.github.ancmdiag.rules.Variant;
import java.io.IOException;
import java.io.InputStream;
import java.io.PrintWriter;
import java.nio.file.FileVisitOption;
import java.nio.file.FileVisitResult;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.SimpleFileVisitor;
import java.nio.file.attribute.BasicFileAttributes;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.EnumSet;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.TreeMap;
import java.util.concurrent.Callable;
import java.util.function.BooleanSupplier;
import java.util.function.LongSupplier;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.ParameterException;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;

/**
 * {@code ancm-diagnose scan}: classifies every line of large log files or folders as an event
 * log record and counts what it finds per entry, per event id and per file. Reads one line at a
 * time through a {@link LineSource}, so memory stays constant whatever the input's size; a line
 * longer than {@link #LINE_LIMIT} bytes is cut, classified by its first part, and reported.
 * Instantiated by picocli, one instance per run.
 */
@Command(
    name = "scan",
    mixinStandardHelpOptions = true,
    versionProvider = AncmDiagnose.Version.class,
    sortOptions = false,
    usageHelpWidth = 100,
    synopsisHeading = "Usage: ",
    descriptionHeading = "%n",
    description = {
        "Classifies every line of large log files or folders (recursively) and prints counts per"
            + " catalog entry, per event id and per file, then lines, bytes, time and throughput.",
        "Each line is one event log record. Encoding: UTF-8 or UTF-16 by byte order mark, else"
            + " UTF-8 per line, or windows-1252 for a line that is not UTF-8. Lines longer than"
            + " 1 MiB are cut and reported as skipped (file:line). A progress line goes to stderr"
            + " when it is a terminal and the scan takes more than 2 s. A file that grows or is"
            + " truncated while scanned (log rotation) is read to its end as it is then, and"
            + " reported with the bytes it had when opened and the bytes read."},
    parameterListHeading = "%nArguments:%n",
    optionListHeading = "%nOptions:%n",
    exitCodeOnInvalidInput = AncmDiagnose.USAGE_ERROR,
    exitCodeOnExecutionException = AncmDiagnose.INTERNAL_ERROR,
    exitCodeListHeading = "%nExit codes:%n",
    exitCodeList = {
        "0:scanned (whether or not anything matched)",
        "1:usage error",
        "2:a file or folder cannot be read (the others are still scanned)",
        "3:internal error (a bug: please report it with the command line)"})
final class ScanCommand implements Callable<Integer> {
  /** The most bytes of one line classified; longer lines are cut. */
  static final int LINE_LIMIT = 1 << 20;
  /** The most skipped lines listed by location; all are counted. */
  static final int SKIPPED_LISTED = 1000;
  private static final byte[] EVTX_MAGIC = {'E', 'l', 'f', 'F', 'i', 'l', 'e', 0};
  private static final long PROGRESS_AFTER_NANOS = 2_000_000_000L;
  private static final long PROGRESS_EVERY_NANOS = 500_000_000L;

  @Spec
  CommandSpec spec;

  @Option(names = "--json", description = "Print the counts as one JSON document.")
  boolean json;

  @Option(names = "--jsonl", description = "Print one JSON line per matched record (source,"
      + " line, entries, signatures, parameters); the summary goes to stderr.")
  boolean jsonl;

  @Option(names = "--html", paramLabel = "FILE", description = "Also write a fleet report: one"
      + " self-contained HTML page with a timeline of failures per entry and per host or file,"
      + " the entries' counts, first and last seen, and example records.")
  Path html;

  @Parameters(paramLabel = "PATH", arity = "1..*",
      description = "A log file, or a folder scanned recursively.")
  List<Path> paths = new ArrayList<>();

  private final Map<String, Long> entries = new TreeMap<>();
  private final Map<Integer, Long> eventIds = new TreeMap<>();
  private final Map<String, long[]> sources = new LinkedHashMap<>();
  private final List<String[]> skipped = new ArrayList<>();
  private final List<String> errors = new ArrayList<>();
  /** Files whose length changed while scanned: source, length when opened, bytes read. */
  private final List<Changed> changed = new ArrayList<>();
  private final List<String> notes = new ArrayList<>();
  private Map<String, Integer> eventIdOf;
  private long skippedCount;
  private long lines;
  private long bytes;
  private long matched;
  private long started;
  private long lastProgress;
  private boolean progressShown;
  private HtmlReport report;

  /** Tells whether stderr is a terminal; replaced in tests. */
  private final BooleanSupplier terminal;
  /** The clock, in nanoseconds; replaced in tests. */
  private final LongSupplier clock;

  ScanCommand() {
    this(() -> System.console() != null, System::nanoTime);
  }

  ScanCommand(BooleanSupplier terminal, LongSupplier clock) {
    this.terminal = terminal;
    this.clock = clock;
  }

  @Override
  public Integer call() {
    if (json && jsonl) {
      throw new ParameterException(spec.commandLine(), "--json and --jsonl exclude each other");
    }
    PrintWriter out = TerminalSafe.wrap(spec.commandLine().getOut());
    PrintWriter rawErr = spec.commandLine().getErr(); // the progress line's carriage returns
    PrintWriter err = TerminalSafe.wrap(rawErr);
    for (Path p : paths) {
      String why = InputCheck.whyNotReadablePath(p);
      if (why != null) {
        err.println("ancm-diagnose scan: cannot read " + p + ": " + why);
        return AncmDiagnose.UNREADABLE;
      }
    }
    Diagnoser diagnoser = Diagnoser.builder().catalog(BundledCatalog.load()).build();
    eventIdOf = eventIds(diagnoser);
    started = clock.getAsLong();
    lastProgress = started;
    boolean console = terminal.getAsBoolean();
    Diagnoser.Classifier classifier = diagnoser.classifier(); // reused: one thread
    report = html == null ? null : new HtmlReport();
    for (Path p : paths) {
      for (Path f : files(p)) {
        scan(classifier, f, out, rawErr, console);
      }
    }
    long elapsed = clock.getAsLong() - started;
    if (progressShown) {
      rawErr.print("\r" + " ".repeat(79) + "\r");
      rawErr.flush();
    }
    if (json) {
      out.println(jsonSummary(diagnoser.catalog().version(), elapsed));
    } else {
      printSummary(jsonl ? err : out, elapsed);
    }
    notes.forEach(n -> err.println("ancm-diagnose scan: note: " + n));
    errors.forEach(e -> err.println("ancm-diagnose scan: cannot read " + e));
    if (report != null && !HtmlReports.write(report, html, diagnoser, lines, sources.size(),
        err)) {
      return AncmDiagnose.UNREADABLE;
    }
    out.flush();
    err.flush();
    return errors.isEmpty() ? AncmDiagnose.OK : AncmDiagnose.UNREADABLE;
  }

  /** A file that was truncated or grew while scanned (log rotation, a live log). */
  private record Changed(String source, long atOpen, long read) {
    String describe() {
      return read < atOpen
          ? String.format(Locale.ROOT, "%,d bytes when opened, %,d read: truncated while scanned,"
              + " %,d bytes not read", atOpen, read, atOpen - read)
          : String.format(Locale.ROOT, "%,d bytes when opened, %,d read: grew while scanned, read"
              + " to its end", atOpen, read);
    }
  }

  /** Maps each signature id to the event id ANCM logs it under (0: none). */
  private static Map<String, Integer> eventIds(Diagnoser diagnoser) {
    Map<String, Integer> ids = new HashMap<>();
    for (CatalogEntry e : diagnoser.catalog().entries()) {
      for (Variant v : e.variants()) {
        for (Signature s : v.signatures()) {
          ids.put(s.id(), s.eventId());
        }
      }
    }
    return ids;
  }

  /**
   * Lists the regular files under a folder, sorted, following symbolic links (to files and to
   * folders alike; a link that loops back is reported). A subfolder or file that cannot be
   * opened, a pipe or a device is reported and the rest is still listed.
   */
  private List<Path> files(Path p) {
    if (!Files.isDirectory(p)) {
      return List.of(p);
    }
    List<Path> found = new ArrayList<>();
    try {
      Files.walkFileTree(p, EnumSet.of(FileVisitOption.FOLLOW_LINKS), Integer.MAX_VALUE,
          new SimpleFileVisitor<>() {
            @Override
            public FileVisitResult visitFile(Path file, BasicFileAttributes attrs) {
              if (attrs.isRegularFile()) {
                found.add(file);
              } else if (attrs.isSymbolicLink()) {
                errors.add(file + ": is a symbolic link to nothing");
              } else if (!attrs.isDirectory()) {
                errors.add(file + ": is not a regular file (a pipe, socket or device), so it"
                    + " is not read");
              }
              return FileVisitResult.CONTINUE;
            }

            @Override
            public FileVisitResult visitFileFailed(Path file, IOException e) {
              errors.add(file + ": " + TextFiles.reason(e));
              return FileVisitResult.CONTINUE;
            }

            @Override
            public FileVisitResult postVisitDirectory(Path dir, IOException e) {
              if (e != null) {
                errors.add(dir + ": the folder could not be listed to its end ("
                    + TextFiles.reason(e) + ")");
              }
              return FileVisitResult.CONTINUE;
            }
          });
    } catch (IOException e) {
      errors.add(p + ": " + TextFiles.reason(e));
    }
    found.sort(null);
    return found;
  }

  private void scan(Diagnoser.Classifier classifier, Path f, PrintWriter out, PrintWriter err,
      boolean console) {
    String source = f.toString();
    long[] counts = sources.computeIfAbsent(source, k -> new long[3]);
    long atOpen;
    try {
      atOpen = Files.size(f);
    } catch (IOException e) {
      atOpen = -1; // not known: opening it below says why
    }
    if (isEvtx(f)) {
      scanEvtx(classifier, f, source, counts, out, atOpen);
      return;
    }
    try (LineSource in = new LineSource(Files.newInputStream(f), LINE_LIMIT)) {
      long fileBytes = 0;
      for (CharSequence line = in.next(); line != null; line = in.next()) {
        lines++;
        counts[0]++;
        bytes += in.bytesRead() - fileBytes;
        counts[1] += in.bytesRead() - fileBytes;
        fileBytes = in.bytesRead();
        if (in.isCut()) {
          skippedCount++;
          if (skipped.size() < SKIPPED_LISTED) {
            skipped.add(new String[] {source, Long.toString(in.lineNumber()),
                "line of " + in.lineBytes() + " bytes cut to its first " + LINE_LIMIT
                    + " bytes"});
          }
        }
        if (console && (lines & 0x3fff) == 0) {
          progress(err, source);
        }
        if (line.length() == 0 || !classifier.mayMatch(Channel.EVENT_LOG, line)) {
          continue; // most lines: classified from the decoded buffer, nothing made of them
        }
        classify(classifier, LogRecord.builder(Channel.EVENT_LOG, line.toString())
            .source(source).line(in.lineNumber()).build(), counts, out);
      }
      bytes += in.bytesRead() - fileBytes;
      counts[1] += in.bytesRead() - fileBytes;
      if (in.bomNote() != null) {
        notes.add(source + ": " + in.bomNote());
      }
      if (atOpen >= 0 && in.streamBytes() != atOpen) {
        changed.add(new Changed(source, atOpen, in.streamBytes()));
      }
    } catch (IOException e) {
      errors.add(source + ": " + TextFiles.reason(e));
    }
  }

  /** Tells whether a file starts with the signature of Event Viewer's binary format. */
  private static boolean isEvtx(Path f) {
    byte[] head = new byte[EVTX_MAGIC.length];
    try (InputStream in = Files.newInputStream(f)) {
      return in.readNBytes(head, 0, head.length) == head.length && Arrays.equals(head, EVTX_MAGIC);
    } catch (IOException e) {
      return false; // the line reader opens it again and says why it cannot
    }
  }

  /**
   * Scans an {@code .evtx} file event by event (its records are binary, not lines): each event
   * counts as one line, at the file's bytes; what the reader cannot read is noted by offset.
   */
  private void scanEvtx(Diagnoser.Classifier classifier, Path f, String source, long[] counts,
      PrintWriter out, long atOpen) {
    try (LogReader reader = LogReader.open(f, Format.EVTX)) {
      for (LogRecord record : reader) {
        lines++;
        counts[0]++;
        classify(classifier, record, counts, out);
      }
      // the parts of the file it could not read (a damaged chunk, a cut record), by byte offset
      List<SkippedRecord> unread = reader.skipped();
      for (int i = 0; i < unread.size() && i < SKIPPED_LISTED; i++) {
        notes.add(unread.get(i).toString());
      }
      if (unread.size() > SKIPPED_LISTED) {
        notes.add(source + ": ... and " + (unread.size() - SKIPPED_LISTED) + " more unread parts");
      }
      long size = Math.max(0, atOpen);
      bytes += size;
      counts[1] += size;
    } catch (IOException e) {
      errors.add(source + ": " + TextFiles.reason(e));
    }
  }

  /** Classifies one record and counts it, prints it and adds it to the report if it matches. */
  private void classify(Diagnoser.Classifier classifier, LogRecord record, long[] counts,
      PrintWriter out) {
    Optional<Classification> found = classifier.match(record);
    // a record that is only a normal ANCM event (a start, a shutdown) matches no entry
    if (found.isEmpty() || found.get().matches().isEmpty()) {
      return;
    }
    Classification c = found.get();
    matched++;
    counts[2]++;
    count(c);
    if (jsonl) {
      out.println(jsonLine(c, record.source(), record.line()));
    }
    if (report != null) {
      report.add(c, record.source(), record.line(), record.text());
    }
  }

  private void count(Classification c) {
    for (String id : c.entryIds()) {
      entries.merge(id, 1L, Long::sum);
    }
    Set<Integer> events = new LinkedHashSet<>();
    for (SignatureMatch m : c.matches()) {
      int id = eventIdOf.getOrDefault(m.signatureId(), 0);
      if (id > 0) {
        events.add(id);
      }
    }
    for (Integer id : events) {
      eventIds.merge(id, 1L, Long::sum);
    }
  }

  private void progress(PrintWriter err, String source) {
    long now = clock.getAsLong();
    if (now - started < PROGRESS_AFTER_NANOS || now - lastProgress < PROGRESS_EVERY_NANOS) {
      return;
    }
    lastProgress = now;
    progressShown = true;
    double seconds = (now - started) / 1e9;
    String shown = TerminalSafe.escape(source);
    String name = shown.length() > 30 ? "..." + shown.substring(shown.length() - 27) : shown;
    err.printf(Locale.ROOT, "\rscanning %s: %,d lines, %.1f MB, %.1f MB/s   ", name, lines,
        bytes / 1e6, bytes / 1e6 / seconds);
    err.flush();
  }

  private static String jsonLine(Classification c, String source, long line) {
    ObjectNode n = JsonReport.MAPPER.createObjectNode();
    n.put("source", source).put("line", line);
    ArrayNode ids = n.putArray("entries");
    c.entryIds().forEach(ids::add);
    ArrayNode sigs = n.putArray("signatures");
    Set<String> seen = new LinkedHashSet<>();
    ObjectNode params = n.putObject("parameters");
    for (SignatureMatch m : c.matches()) {
      if (seen.add(m.signatureId())) {
        sigs.add(m.signatureId());
      }
      m.parameters().forEach(p -> {
        if (!params.has(p.name())) {
          params.put(p.name(), p.value());
        }
      });
    }
    return n.toString();
  }

  private void printSummary(PrintWriter w, long elapsedNanos) {
    w.println("Entries (matched records):");
    if (entries.isEmpty()) {
      w.println("   none");
    }
    entries.forEach((id, n) -> w.printf(Locale.ROOT, "   %-48s %,d%n", id, n));
    if (!eventIds.isEmpty()) {
      w.println("Event ids (matched records):");
      eventIds.forEach((id, n) -> w.printf(Locale.ROOT, "   %-48d %,d%n", id, n));
    }
    w.println("Sources:");
    sources.forEach((s, c) -> w.printf(Locale.ROOT, "   %s: %,d lines, %,d matched%n", s, c[0],
        c[2]));
    if (skippedCount > 0) {
      w.printf(Locale.ROOT, "Skipped: %,d line(s) longer than %,d bytes, cut%n", skippedCount,
          LINE_LIMIT);
      skipped.forEach(s -> w.println("   " + s[0] + ":" + s[1] + ": " + s[2]));
      if (skippedCount > skipped.size()) {
        w.printf(Locale.ROOT, "   ... and %,d more%n", skippedCount - skipped.size());
      }
    }
    if (!changed.isEmpty()) {
      w.println("Changed while scanned (each read to its end as it was then):");
      changed.forEach(c -> w.println("   " + c.source() + ": " + c.describe()));
    }
    double seconds = Math.max(elapsedNanos, 1) / 1e9;
    w.printf(Locale.ROOT, "Read %,d lines, %,d bytes in %.2f s: %.1f MB/s, %,.0f lines/s;"
        + " %,d matched%n", lines, bytes, seconds, bytes / 1e6 / seconds, lines / seconds,
        matched);
    w.flush();
  }

  private String jsonSummary(String catalogVersion, long elapsedNanos) {
    double seconds = Math.max(elapsedNanos, 1) / 1e9;
    ObjectNode root = JsonReport.MAPPER.createObjectNode();
    root.put("version", catalogVersion);
    root.put("lines", lines).put("bytes", bytes).put("matched", matched);
    root.put("elapsedSeconds", JsonReport.round(seconds));
    root.put("mbPerSecond", JsonReport.round(bytes / 1e6 / seconds));
    root.put("linesPerSecond", Math.round(lines / seconds));
    ObjectNode e = root.putObject("entries");
    entries.forEach(e::put);
    ObjectNode ev = root.putObject("eventIds");
    eventIds.forEach((id, n) -> ev.put(Integer.toString(id), n));
    ArrayNode src = root.putArray("sources");
    sources.forEach((s, c) -> src.addObject().put("source", s).put("lines", c[0])
        .put("bytes", c[1]).put("matched", c[2]));
    root.put("skippedCount", skippedCount);
    ArrayNode sk = root.putArray("skipped");
    skipped.forEach(s -> sk.addObject().put("source", s[0]).put("line", Long.parseLong(s[1]))
        .put("reason", s[2]));
    ArrayNode ch = root.putArray("changed");
    changed.forEach(c -> ch.addObject().put("source", c.source()).put("bytesAtOpen", c.atOpen())
        .put("bytesRead", c.read()));
    try {
      return JsonReport.MAPPER.writer().with(SerializationFeature.INDENT_OUTPUT)
          .writeValueAsString(root);
    } catch (JsonProcessingException x) {
      throw new IllegalStateException("cannot write a JSON tree, which cannot happen", x);
    }
  }
}
