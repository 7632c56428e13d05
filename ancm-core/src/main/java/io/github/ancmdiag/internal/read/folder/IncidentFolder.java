package io.github.ancmdiag.internal.read.folder;

import io.github.ancmdiag.input.Format;
import io.github.ancmdiag.input.IncidentLayout;
import io.github.ancmdiag.input.LogReader;
import io.github.ancmdiag.input.LogRecord;
import io.github.ancmdiag.input.ReadLimits;
import io.github.ancmdiag.input.SkippedRecord;
import io.github.ancmdiag.input.WebConfigReader;
import io.github.ancmdiag.internal.io.Capped;
import io.github.ancmdiag.internal.io.IoFailures;
import io.github.ancmdiag.internal.io.RecordBudget;
import io.github.ancmdiag.model.AspNetCoreVersion;
import io.github.ancmdiag.model.Channel;
import io.github.ancmdiag.model.Observation;
import java.io.IOException;
import java.nio.file.FileVisitOption;
import java.nio.file.FileVisitResult;
import java.nio.file.FileVisitor;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.BasicFileAttributes;
import java.util.ArrayList;
import java.util.EnumSet;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.Set;
import org.jetbrains.annotations.Nullable;

/**
 * Reads a folder of collected files into its {@link Contents}, which {@code
 * Evidence.fromFolder(Path)} wraps (the rules are documented there). Not thread-safe: one
 * instance per folder.
 */
public final class IncidentFolder {
  /** How deep subfolders are followed (the site's {@code LogFiles/http/RawLogs} is three). */
  static final int MAX_DEPTH = 6;

  /** The formats of event log exports, whose records say whether ANCM logged an event. */
  private static final Set<Format> EVENT_EXPORTS = EnumSet.of(Format.EVENT_XML,
      Format.EVENT_TEXT, Format.EVENT_CSV, Format.POWERSHELL_JSON, Format.POWERSHELL_LIST,
      Format.EVTX);

  /**
   * What a folder holds, in reading order.
   *
   * @param records every record read
   * @param observations what the files show by their presence or content
   * @param version the ASP.NET Core version a {@code version.txt} gives, or null
   * @param skipped what could not be read, with its location
   */
  public record Contents(List<LogRecord> records, Set<Observation> observations,
      @Nullable AspNetCoreVersion version, List<SkippedRecord> skipped) {}

  /** The most unknown observation keys of one file listed one by one; the rest are counted. */
  static final int UNKNOWN_KEYS_LISTED = 20;

  private final List<LogRecord> records = new ArrayList<>();
  private final Set<Observation> observations = EnumSet.noneOf(Observation.class);
  private final Capped<SkippedRecord> skipped = new Capped<>(RecordBudget.SKIPPED_KEPT,
      (first, notKept, kept) -> new SkippedRecord(first.source(), first.line(),
          first.byteOffset(), RecordBudget.notListed(first.reason(), notKept, kept)));
  private final RecordBudget budget = new RecordBudget();
  private final List<Path> files = new ArrayList<>();
  private int stdoutLogs;
  private int stdoutLogsWithRecords;
  private int eventExportRecords;
  private boolean ancmEvent;
  private boolean userNamedEvent;
  private @Nullable AspNetCoreVersion version;
  private @Nullable Path versionFile;

  private IncidentFolder() {}

  /**
   * Reads a folder.
   *
   * @param folder the incident folder
   * @return what it holds, with what could not be read
   * @throws IOException if the folder itself cannot be listed
   */
  public static Contents read(Path folder) throws IOException {
    if (!Files.isDirectory(folder)) {
      throw new IOException(folder + ": not a folder");
    }
    IncidentFolder f = new IncidentFolder();
    f.collect(folder);
    for (Path file : f.files) {
      f.readFile(folder, file);
    }
    return f.finish();
  }

  private void collect(Path folder) throws IOException {
    // links are followed (a symlinked LogFiles folder is read); a loop is reported, not walked
    Files.walkFileTree(folder, EnumSet.of(FileVisitOption.FOLLOW_LINKS), MAX_DEPTH,
        new FileVisitor<>() {
          @Override
          public FileVisitResult preVisitDirectory(Path dir, BasicFileAttributes attrs) {
            return FileVisitResult.CONTINUE;
          }

          @Override
          public FileVisitResult visitFile(Path file, BasicFileAttributes attrs) {
            if (attrs.isRegularFile()) {
              files.add(file);
            } else if (attrs.isDirectory()) {
              skipped.add(new SkippedRecord(file.toString(), 0, -1, "a folder more than "
                  + MAX_DEPTH + " levels below the incident folder; not read"));
            } else if (attrs.isSymbolicLink()) {
              skipped.add(new SkippedRecord(file.toString(), 0, -1,
                  "a symbolic link to nothing; not read"));
            } else {
              skipped.add(new SkippedRecord(file.toString(), 0, -1,
                  "not a regular file (a pipe, socket or device); not read"));
            }
            return FileVisitResult.CONTINUE;
          }

          @Override
          public FileVisitResult visitFileFailed(Path file, IOException e) {
            if (file.equals(folder)) {
              return FileVisitResult.TERMINATE;
            }
            skipped.add(new SkippedRecord(file.toString(), 0, -1,
                "could not be opened (" + IoFailures.reason(e) + "); not read"));
            return FileVisitResult.CONTINUE;
          }

          @Override
          public FileVisitResult postVisitDirectory(Path dir, @Nullable IOException e) {
            if (e != null) {
              skipped.add(new SkippedRecord(dir.toString(), 0, -1,
                  "the folder could not be listed to its end (" + IoFailures.reason(e) + ")"));
            }
            return FileVisitResult.CONTINUE;
          }
        });
    // the folder's own files first, then each level of subfolders, each by name
    files.sort(java.util.Comparator.comparingInt(Path::getNameCount).thenComparing(p -> p));
  }

  private void readFile(Path root, Path file) {
    String name = file.getFileName().toString();
    String source = file.toString();
    try {
      switch (IncidentLayout.kindOf(name)) {
        case WEB_CONFIG -> readWebConfig(file, source);
        case OBSERVATIONS -> readObservations(file, source);
        case VERSION -> readVersion(file, source);
        case LOG -> readLog(file, source, IncidentLayout.channelOf(name).orElse(null));
        case PARENT_WEB_CONFIG, NOT_A_LOG -> {
          // a parent's copy is read with the web.config beside it; binaries are no evidence
        }
      }
    } catch (IOException e) {
      skipped.add(new SkippedRecord(source, 0, -1, "could not be read ("
          + IoFailures.reason(e) + "); not read"));
    }
  }

  private void readLog(Path file, String source, @Nullable Channel byName) throws IOException {
    boolean stdout = byName == Channel.STDOUT_LOG;
    if (stdout) {
      stdoutLogs++;
    }
    Format read = Format.AUTO;
    if (byName == Channel.EVENT_LOG) {
      // one event's text saved by the user may quote the app's output (an exception, a stack),
      // which reads like a stdout or debug log; the name says it is an event
      try (LogReader probe = LogReader.of(source, Files.newInputStream(file), Format.AUTO,
          byName, ReadLimits.defaults())) {
        Format detected = probe.format().orElse(null);
        if (detected == Format.STDOUT_LOG || detected == Format.DEBUG_LOG) {
          read = Format.PLAIN_TEXT;
        }
      }
    }
    try (LogReader reader = LogReader.of(source, Files.newInputStream(file), read,
        byName, ReadLimits.defaults())) {
      // a request answered below 500 is read but kept as no evidence about a start-up
      boolean requestLog = reader.format().orElse(null) == Format.W3C_LOG;
      int n = 0;
      for (LogRecord r : reader) {
        n++;
        if (requestLog && r.httpStatus().map(st -> st.status() < 500).orElse(false)) {
          continue;
        }
        if (r.channel() == Channel.EVENT_LOG && isAncmProvider(r.provider())) {
          ancmEvent = true;
        }
        if (budget.admit(r.source(), r.text().length())) {
          records.add(r);
        }
      }
      skipped.addAll(reader.skipped());
      Optional<Format> format = reader.format();
      if (stdout && n > 0) {
        stdoutLogsWithRecords++;
      }
      if (format.isPresent() && n > 0 && byName == Channel.EVENT_LOG
          && format.get() == Format.PLAIN_TEXT) {
        userNamedEvent = true; // one event's text saved by the user: an entry was seen
      } else if (format.isPresent() && n > 0 && isEventFormat(format.get())) {
        eventExportRecords += n;
      }
    }
  }

  private static boolean isEventFormat(Format f) {
    return EVENT_EXPORTS.contains(f);
  }

  /** Tells whether an event provider is one of the ASP.NET Core Modules (any version, IIS Express). */
  static boolean isAncmProvider(String provider) {
    String p = provider.toLowerCase(Locale.ROOT);
    return p.contains("aspnetcore module") || p.contains("asp.net core module");
  }

  private void readWebConfig(Path file, String source) throws IOException {
    Path dir = file.getParent();
    WebConfigReader.Result result;
    if (dir != null && holdsApp(dir)) {
      result = WebConfigReader.read(file); // deployed: the files it names are looked for
    } else {
      Path parentCopy = dir == null ? null : findIgnoringCase(dir, "parent.web.config");
      String text = readText(file, source);
      String parentText = parentCopy == null ? null : readText(parentCopy, source);
      result = WebConfigReader.parse(text, source, parentText,
          parentCopy == null ? "" : parentCopy.toString());
    }
    for (LogRecord r : result.records()) {
      if (budget.admit(r.source(), r.text().length())) {
        records.add(r);
      }
    }
    for (WebConfigReader.Problem p : result.problems()) {
      skipped.add(new SkippedRecord(p.source(), p.line(), -1, p.message()));
    }
  }

  /** A folder holds a deployed app when it has the app's assemblies next to the web.config. */
  private static boolean holdsApp(Path dir) throws IOException {
    try (var s = Files.list(dir)) {
      return s.anyMatch(p -> {
        String n = p.getFileName().toString().toLowerCase(Locale.ROOT);
        return n.endsWith(".dll") || n.endsWith(".exe");
      });
    }
  }

  private static @Nullable Path findIgnoringCase(Path dir, String name) throws IOException {
    try (var s = Files.list(dir)) {
      return s.filter(p -> p.getFileName().toString().equalsIgnoreCase(name)).findFirst()
          .orElse(null);
    }
  }

  private String readText(Path file, String source) throws IOException {
    try (LogReader reader = LogReader.of(source, Files.newInputStream(file), Format.PLAIN_TEXT,
        Channel.WEB_CONFIG, ReadLimits.defaults())) {
      StringBuilder sb = new StringBuilder();
      for (LogRecord r : reader) {
        sb.append(r.text());
      }
      skipped.addAll(reader.skipped());
      return sb.toString();
    }
  }

  private void readObservations(Path file, String source) throws IOException {
    java.util.Iterator<String> lines = readText(file, source).lines().iterator();
    long unknown = 0;
    long firstUnlisted = 0;
    for (int i = 0; lines.hasNext(); i++) {
      String key = lines.next().strip();
      if (key.isEmpty() || key.startsWith("#")) {
        continue;
      }
      Optional<Observation> o = Observation.fromKey(key);
      if (o.isPresent()) {
        observations.add(o.get());
      } else if (++unknown <= UNKNOWN_KEYS_LISTED) {
        skipped.add(new SkippedRecord(source, i + 1, -1, "'" + shorten(key)
            + "' is not an observation key; the line was not used"));
      } else if (firstUnlisted == 0) {
        firstUnlisted = i + 1;
      }
    }
    if (unknown > UNKNOWN_KEYS_LISTED) {
      skipped.add(new SkippedRecord(source, firstUnlisted, -1, String.format(Locale.ROOT,
          "%,d more line(s) from here on are not observation keys and were not used",
          unknown - UNKNOWN_KEYS_LISTED)));
    }
  }

  private void readVersion(Path file, String source) throws IOException {
    String text = readText(file, source).strip();
    AspNetCoreVersion v;
    try {
      v = AspNetCoreVersion.parse(text);
    } catch (IllegalArgumentException e) {
      skipped.add(new SkippedRecord(source, 1, -1, "'" + shorten(text)
          + "' is not an ASP.NET Core version; not used"));
      return;
    }
    if (version == null) {
      version = v;
      versionFile = file;
    } else if (!version.equals(v)) {
      skipped.add(new SkippedRecord(source, 1, -1, "says ASP.NET Core " + v + " but "
          + versionFile + " said " + version + "; the first was used"));
    }
  }

  /** Cuts a value quoted in a message to 100 characters. */
  static String shorten(String value) {
    return value.length() <= 100 ? value : value.substring(0, 100) + "...";
  }

  private Contents finish() {
    budget.forEachRefused((source, why) -> skipped.add(new SkippedRecord(source, 0, -1, why)));
    if (stdoutLogs > 0 && stdoutLogsWithRecords == 0) {
      observations.add(Observation.STDOUT_LOG_EMPTY);
    }
    if (eventExportRecords > 0 && !ancmEvent && !userNamedEvent) {
      observations.add(Observation.NO_EVENT_LOG_ENTRY);
    }
    return new Contents(List.copyOf(records), Set.copyOf(observations), version,
        List.copyOf(skipped.view()));
  }
}
