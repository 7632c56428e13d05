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
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
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
  private final Evidence.Builder evidence = Evidence.builder();
  private final List<String> warnings = new ArrayList<>();
  private final List<SkippedRecord> skipped = new ArrayList<>();
  private AspNetCoreVersion folderVersion;
  private String folderVersionSource;
  private int files;

  /**
   * Adds one file whose channel the user named. Its format is detected from the content (event
   * exports one record per event, logs and pages by their readers); text of no known format is
   * one record of the named channel. What cannot be read is kept as skipped.
   */
  void addFile(Channel channel, Path f) throws IOException {
    files++;
    // The source is the path as given.
    try (LogReader reader = LogReader.of(f.toString(), Files.newInputStream(f), Format.AUTO,
        channel, ReadLimits.defaults())) {
      for (LogRecord r : reader) {
        evidence.record(r);
      }
      skipped.addAll(reader.skipped());
    } catch (NoSuchFileException e) {
      throw new IOException(f + ": no such file", e);
    }
  }

  /** Adds records read elsewhere (standard input), with what could not be read of them. */
  void addRecords(List<LogRecord> records, List<SkippedRecord> notRead) {
    records.forEach(evidence::record);
    skipped.addAll(notRead);
    files++;
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
    if (!Files.isDirectory(path)) {
      throw new IOException(path + ": no such file or folder");
    }
    Evidence found = Evidence.fromFolder(path);
    found.records().forEach(evidence::record);
    found.observations().forEach(evidence::observe);
    skipped.addAll(found.skipped());
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
    String[] lines = TextFiles.read(f).split("\\R");
    for (int i = 0; i < lines.length; i++) {
      String key = lines[i].strip();
      if (key.isEmpty() || key.startsWith("#")) {
        continue;
      }
      Optional<Observation> o = Observation.fromKey(key);
      if (o.isEmpty()) {
        skipped.add(new SkippedRecord(f.toString(), i + 1, -1, "'" + key
            + "' is not an observation key; the line was not used (known keys: "
            + String.join(", ", ObservationKeys.keys()) + ")"));
      } else {
        evidence.observe(o.get());
      }
    }
  }

  private void readVersion(Path f) throws IOException {
    String text = TextFiles.read(f).strip();
    try {
      useVersion(AspNetCoreVersion.parse(text), f.toString());
    } catch (IllegalArgumentException e) {
      throw new IOException(f + ": " + e.getMessage(), e);
    }
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
    return evidence.build();
  }

  /** Returns what the user should know about the inputs (ignored folders, conflicts). */
  List<String> warnings() {
    return warnings;
  }
}
