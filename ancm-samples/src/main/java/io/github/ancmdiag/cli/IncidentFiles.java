package io.github.ancmdiag.cli;

import io.github.ancmdiag.Evidence;
import io.github.ancmdiag.input.Format;
import io.github.ancmdiag.input.IncidentLayout;
import io.github.ancmdiag.input.LogReader;
import io.github.ancmdiag.input.LogRecord;
import io.github.ancmdiag.input.ReadLimits;
import io.github.ancmdiag.input.SkippedRecord;
import io.github.ancmdiag.input.WebConfigReader;
import io.github.ancmdiag.model.AspNetCoreVersion;
import io.github.ancmdiag.model.Channel;
import io.github.ancmdiag.model.Observation;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;
import java.util.Locale;
import java.util.Optional;

/**
 * Collects an incident's files into {@link Evidence}: explicit channel files, single files and
 * incident folders. Not thread-safe; one instance per run of {@link AncmDiagnose}.
 *
 * <p>A folder is read by {@link Evidence#fromFolder(Path)} (formats from the content, names where
 * the content cannot tell, subfolders included, presence observations). A single file given as a
 * path is read by the same name rule ({@link IncidentLayout}): {@code observations.txt} and {@code
 * version.txt} by name, a {@code web.config} as the deployed file (as with {@code --web-config}),
 * a log whose name promises a channel with that channel for text of no known format, and any
 * other file by its detected format, else as one event log entry's text.
 * Unreadable parts of any file, web.config problems of a folder and unknown observation keys are
 * kept as skipped records.
 */
final class IncidentFiles {
  /** The most bytes of an {@code observations.txt} read, as the folder reader reads it. */
  static final int OBSERVATIONS_MAX_BYTES = ReadLimits.DEFAULT_MAX_RECORD_CHARS;
  /** The most bytes of a {@code version.txt} read; a version is a few characters. */
  static final int VERSION_MAX_BYTES = 1024;
  /** The most unknown observation keys listed one by one; the rest are counted. */
  static final int UNKNOWN_KEYS_LISTED = 20;

  private final Evidence.Builder evidence = Evidence.builder();
  private final List<String> warnings = new ArrayList<>();
  private Evidence built;
  private AspNetCoreVersion folderVersion;
  private String folderVersionSource;
  private int files;

  /**
   * Adds one file whose channel the user named. Its format is detected from the content (event
   * exports one record per event, logs and pages by their readers); text of no known format is
   * one record of the named channel. What cannot be read is kept as skipped.
   */
  void addFile(Channel channel, Path f) throws IOException {
    String notRegular = InputCheck.whyNotReadable(f);
    if (notRegular != null) {
      throw new IOException(f + ": " + notRegular);
    }
    files++;
    // The source is the path as given.
    InputCheck.Watched in;
    try {
      in = new InputCheck.Watched(Files.newInputStream(f));
    } catch (IOException e) {
      throw new IOException(f + ": " + TextFiles.reason(e), e);
    }
    try (LogReader reader = LogReader.of(f.toString(), in, Format.AUTO, channel,
        ReadLimits.defaults())) {
      for (LogRecord r : reader) {
        evidence.record(r);
      }
      if (in.failure() != null) {
        throw new IOException(f + ": " + TextFiles.reason(in.failure()), in.failure());
      }
      reader.skipped().forEach(evidence::skipped);
    }
  }

  /** Adds records read elsewhere (standard input), with what could not be read of them. */
  void addRecords(List<LogRecord> records, List<SkippedRecord> notRead) {
    records.forEach(evidence::record);
    notRead.forEach(evidence::skipped);
    files++;
  }

  /**
   * Returns the parts of the inputs that could not be read, with their locations, once the
   * evidence is built: at most 1,000, the last counting the rest, and what the evidence's bounds
   * dropped.
   */
  List<SkippedRecord> skipped() {
    return built == null ? List.of() : built.skipped();
  }

  /**
   * Checks a deployed web.config: the files it names are looked for next to it, and a
   * {@code web.config} in the folder above is taken as its parent application's.
   *
   * @throws IOException when it or its parent cannot be read or parsed, naming every problem
   */
  void addWebConfig(Path f) throws IOException {
    String notRegular = InputCheck.whyNotReadable(f);
    if (notRegular != null) {
      throw new IOException(f + ": " + notRegular);
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
    files++;
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
    String notReadable = InputCheck.whyNotReadablePath(path);
    if (notReadable != null) {
      throw new IOException(path + ": " + notReadable);
    }
    Evidence found = Evidence.fromFolder(path);
    found.records().forEach(evidence::record);
    found.observations().forEach(evidence::observe);
    found.skipped().forEach(evidence::skipped);
    Optional<AspNetCoreVersion> v = found.aspNetCoreVersion();
    if (v.isPresent()) {
      useVersion(v.get(), path.toString());
    }
    if (found.records().isEmpty() && found.observations().isEmpty() && v.isEmpty()) {
      warnings.add(path + " holds nothing this tool can read: no event export, log, error page,"
          + " web.config, observations.txt or version.txt"
          + (found.skipped().isEmpty() ? "" : " (see the skipped files)"));
    }
    files++;
  }

  private static boolean isWebConfig(Path f) {
    return IncidentLayout.kindOf(f.getFileName().toString()) == IncidentLayout.Kind.WEB_CONFIG;
  }

  /** Adds a file by its name; returns false when the name says nothing. */
  private boolean addByName(Path f) throws IOException {
    String name = f.getFileName().toString();
    switch (IncidentLayout.kindOf(name)) {
      case OBSERVATIONS -> {
        readObservations(f);
        files++;
        return true;
      }
      case VERSION -> {
        readVersion(f);
        files++;
        return true;
      }
      default -> {
        Optional<Channel> channel = IncidentLayout.channelOf(name);
        if (channel.isPresent()) {
          addFile(channel.get(), f);
          return true;
        }
        return false;
      }
    }
  }

  private void readObservations(Path f) throws IOException {
    TextFiles.Head head = TextFiles.read(f, OBSERVATIONS_MAX_BYTES);
    Iterator<String> lines = head.text().lines().iterator();
    long unknown = 0;
    long firstUnlisted = 0;
    for (long i = 1; lines.hasNext(); i++) {
      String key = lines.next().strip();
      if (key.isEmpty() || key.startsWith("#")) {
        continue;
      }
      Optional<Observation> o = Observation.fromKey(key);
      if (o.isPresent()) {
        evidence.observe(o.get());
      } else if (++unknown <= UNKNOWN_KEYS_LISTED) {
        // the known keys are named once, with the first unknown one
        evidence.skipped(new SkippedRecord(f.toString(), i, -1, "'" + shorten(key)
            + "' is not an observation key; the line was not used" + (unknown > 1 ? ""
                : " (known keys: " + String.join(", ", ObservationKeys.keys()) + ")")));
      } else if (firstUnlisted == 0) {
        firstUnlisted = i;
      }
    }
    if (unknown > UNKNOWN_KEYS_LISTED) {
      evidence.skipped(new SkippedRecord(f.toString(), firstUnlisted, -1, String.format(
          Locale.ROOT, "%,d more line(s) from here on are not observation keys and were not"
              + " used", unknown - UNKNOWN_KEYS_LISTED)));
    }
    if (head.cut()) {
      evidence.skipped(new SkippedRecord(f.toString(), 0, OBSERVATIONS_MAX_BYTES, String.format(
          Locale.ROOT, "the file is longer than %,d bytes; the rest was not read",
          OBSERVATIONS_MAX_BYTES)));
    }
  }

  private void readVersion(Path f) throws IOException {
    TextFiles.Head head = TextFiles.read(f, VERSION_MAX_BYTES);
    if (head.cut()) {
      throw new IOException(f + ": is longer than " + VERSION_MAX_BYTES + " bytes, so it holds"
          + " no version such as 3.1.32");
    }
    String text = head.text().strip();
    try {
      useVersion(AspNetCoreVersion.parse(text), f.toString());
    } catch (IllegalArgumentException e) {
      throw new IOException(f + ": '" + shorten(text) + "' is not an ASP.NET Core version such"
          + " as 3.1.32", e);
    }
  }

  /** Cuts a value quoted in a message to 100 characters. */
  private static String shorten(String value) {
    return value.length() <= 100 ? value : value.substring(0, 100) + "...";
  }

  private void useVersion(AspNetCoreVersion v, String from) {
    if (folderVersion == null) {
      folderVersion = v;
      folderVersionSource = from;
    } else if (!folderVersion.equals(v)) {
      warnings.add(from + " says ASP.NET Core " + v + ", but " + folderVersionSource + " said "
          + folderVersion + "; using " + folderVersion);
    }
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
    built = evidence.build();
    return built;
  }

  /** Returns what the user should know about the inputs (ignored folders, conflicts). */
  List<String> warnings() {
    return warnings;
  }
}
