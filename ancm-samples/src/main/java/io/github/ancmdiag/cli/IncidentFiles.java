package io.github.ancmdiag.cli;

import io.github.ancmdiag.Channel;
import io.github.ancmdiag.Evidence;
import io.github.ancmdiag.Observation;
import io.github.ancmdiag.input.Format;
import io.github.ancmdiag.input.LogReader;
import io.github.ancmdiag.input.LogRecord;
import io.github.ancmdiag.input.ReadLimits;
import io.github.ancmdiag.input.SkippedRecord;
import io.github.ancmdiag.input.WebConfigReader;
import io.github.ancmdiag.model.AspNetCoreVersion;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.stream.Stream;

/**
 * Collects an incident's files into {@link Evidence}: explicit channel files, single files and
 * incident folders read by file name. Not thread-safe; one instance per run of
 * {@link AncmDiagnose}.
 *
 * <p>In a folder, {@code browser*} or {@code error-page*} is what the browser showed,
 * {@code event*} one event log entry each, {@code stdout*} the ANCM stdout log, {@code *debug*}
 * the ANCM debug log, {@code observations.txt} one observation key per line ({@code #} starts a
 * comment), {@code version.txt} the app's ASP.NET Core version, and {@code web.config} a copy of
 * the app's web.config, checked as text alone (no file next to it is looked at, since the folder
 * is not the app's), with {@code parent.web.config} as its parent application's when present.
 * Other files are ignored. A single file given as a path is read by the same names, except that a
 * {@code web.config} given alone is taken as the deployed file, as with {@code --web-config}, and
 * as an event log entry otherwise.
 */
final class IncidentFiles {
  private final Evidence.Builder evidence = Evidence.builder();
  private final List<String> warnings = new ArrayList<>();
  private final List<LogRecord> webConfigFindings = new ArrayList<>();
  private final List<SkippedRecord> skipped = new ArrayList<>();
  private AspNetCoreVersion folderVersion;
  private int files;

  /**
   * Adds one file whose channel the user named. An event log file is read by its format (Windows
   * event XML or Event Viewer text copies, one record per event, detected from the content), and
   * taken whole as one event's text otherwise; a stdout or debug log file is read line by line,
   * grouped into one record per message; what cannot be read is kept as skipped.
   */
  void addFile(Channel channel, Path f) throws IOException {
    files++;
    if (channel == Channel.EVENT_LOG || channel == Channel.STDOUT_LOG
        || channel == Channel.DEBUG_LOG) {
      // The source is the path as given, as for the other channels' files.
      try (LogReader reader = LogReader.of(f.toString(), Files.newInputStream(f), Format.AUTO,
          channel, ReadLimits.defaults())) {
        for (LogRecord r : reader) {
          evidence.record(r);
        }
        skipped.addAll(reader.skipped());
      }
      return;
    }
    evidence.record(LogRecord.builder(channel, TextFiles.read(f)).source(f.toString()).build());
  }

  /** Returns the parts of the inputs that could not be read, with their locations. */
  List<SkippedRecord> skipped() {
    return skipped;
  }

  /**
   * Checks a deployed web.config: the files it names are looked for next to it, and a
   * {@code web.config} in the folder above is taken as its parent application's.
   *
   * @throws IOException when it or its parent cannot be read or parsed, naming every problem
   */
  void addWebConfig(Path f) throws IOException {
    if (!Files.isRegularFile(f)) {
      throw new IOException(f + ": no such file");
    }
    add(WebConfigReader.read(f));
  }

  private void add(WebConfigReader.Result checked) throws IOException {
    if (checked.hasProblems()) {
      StringBuilder sb = new StringBuilder();
      for (WebConfigReader.Problem p : checked.problems()) {
        sb.append(sb.length() == 0 ? "" : "; ").append(p);
      }
      throw new IOException(sb.toString());
    }
    checked.records().forEach(evidence::record);
    webConfigFindings.addAll(checked.findings());
    files++;
  }

  /**
   * Adds a file of another name when its content is an event log export (Windows event XML such
   * as App Service's {@code eventlog.xml}, or Event Viewer text copies), detected from the content.
   *
   * @return whether the file was an event export
   */
  private boolean addIfEventExport(Path f) throws IOException {
    try (LogReader reader = LogReader.of(f.toString(), Files.newInputStream(f), Format.AUTO,
        null, ReadLimits.defaults())) {
      List<LogRecord> records = new ArrayList<>();
      for (LogRecord r : reader) {
        records.add(r);
      }
      if (reader.format().isEmpty()) {
        return false;
      }
      records.forEach(evidence::record);
      skipped.addAll(reader.skipped());
      files++;
      return true;
    }
  }

  /** Adds an incident folder or a single file. */
  void addPath(Path path) throws IOException {
    if (Files.isRegularFile(path)) {
      if (isWebConfig(path)) {
        addWebConfig(path);
      } else if (!addByName(path)) {
        addFile(Channel.EVENT_LOG, path);
      }
      return;
    }
    if (!Files.isDirectory(path)) {
      throw new IOException(path + ": no such file or folder");
    }
    List<Path> entries = new ArrayList<>();
    try (Stream<Path> s = Files.list(path)) {
      s.filter(Files::isRegularFile).sorted().forEach(entries::add);
    } catch (IOException e) {
      throw new IOException(path + ": " + TextFiles.reason(e), e);
    }
    int before = files;
    for (Path f : entries) {
      if (isWebConfig(f)) {
        addWebConfigCopy(f, entries);
      } else if (!addByName(f)) {
        addIfEventExport(f);
      }
    }
    if (files == before) {
      warnings.add(path + " holds no event export and no file named browser*, error-page*,"
          + " event*, stdout*, *debug*, observations.txt, version.txt or web.config");
    }
  }

  /** Checks a web.config copied into an incident folder, with its parent's copy if there. */
  private void addWebConfigCopy(Path f, List<Path> folder) throws IOException {
    Path parent = null;
    for (Path p : folder) {
      if (p.getFileName().toString().equalsIgnoreCase("parent.web.config")) {
        parent = p;
      }
    }
    add(WebConfigReader.parse(TextFiles.read(f), f.toString(),
        parent == null ? null : TextFiles.read(parent), parent == null ? "" : parent.toString()));
  }

  private static boolean isWebConfig(Path f) {
    return f.getFileName().toString().equalsIgnoreCase("web.config");
  }

  /** Adds a file by its name; returns false when the name says nothing. */
  private boolean addByName(Path f) throws IOException {
    String name = f.getFileName().toString().toLowerCase(Locale.ROOT);
    if (name.equals("observations.txt")) {
      readObservations(f);
      files++;
      return true;
    }
    if (name.equals("version.txt")) {
      readVersion(f);
      files++;
      return true;
    }
    Optional<Channel> channel = channelOf(name);
    if (channel.isPresent()) {
      addFile(channel.get(), f);
      return true;
    }
    return false;
  }

  private void readObservations(Path f) throws IOException {
    String[] lines = TextFiles.read(f).split("\\R");
    for (int i = 0; i < lines.length; i++) {
      String key = lines[i].strip();
      if (key.isEmpty() || key.startsWith("#")) {
        continue;
      }
      Optional<Observation> o = Observation.fromKey(key);
      if (o.isEmpty()) {
        throw new IOException(f + ":" + (i + 1) + ": unknown observation '" + key
            + "'; known keys: " + String.join(", ", ObservationKeys.keys()));
      }
      evidence.observe(o.get());
    }
  }

  private void readVersion(Path f) throws IOException {
    String text = TextFiles.read(f).strip();
    AspNetCoreVersion v;
    try {
      v = AspNetCoreVersion.parse(text);
    } catch (IllegalArgumentException e) {
      throw new IOException(f + ": " + e.getMessage(), e);
    }
    if (folderVersion == null) {
      folderVersion = v;
    } else if (!folderVersion.equals(v)) {
      warnings.add(f + " says ASP.NET Core " + v + ", an earlier version.txt said "
          + folderVersion + "; using " + folderVersion);
    }
  }

  private static Optional<Channel> channelOf(String name) {
    if (name.startsWith("browser") || name.startsWith("error-page")) {
      return Optional.of(Channel.BROWSER);
    }
    if (name.startsWith("event")) {
      return Optional.of(Channel.EVENT_LOG);
    }
    if (name.startsWith("stdout")) {
      return Optional.of(Channel.STDOUT_LOG);
    }
    if (name.contains("debug")) {
      return Optional.of(Channel.DEBUG_LOG);
    }
    return Optional.empty();
  }

  /** Adds observations the user named on the command line. */
  void observe(List<Observation> observations) {
    observations.forEach(evidence::observe);
  }

  /** Tells whether anything at all was given. */
  boolean isEmpty(List<Observation> observations) {
    return files == 0 && observations.isEmpty();
  }

  /** Builds the evidence, once; an explicit version wins over a {@code version.txt}. */
  Evidence build(AspNetCoreVersion explicit) {
    AspNetCoreVersion v = explicit != null ? explicit : folderVersion;
    if (explicit != null && folderVersion != null && !explicit.equals(folderVersion)) {
      warnings.add("--aspnetcore-version " + explicit + " overrides version.txt's "
          + folderVersion);
    }
    if (v != null) {
      evidence.aspNetCoreVersion(v);
    }
    return evidence.build();
  }

  /** Returns the web.config findings added, in the order found. */
  List<LogRecord> webConfigFindings() {
    return webConfigFindings;
  }

  /** Returns what the user should know about the inputs (ignored folders, conflicts). */
  List<String> warnings() {
    return warnings;
  }
}
