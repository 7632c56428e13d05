package io.github.ancmdiag;

import io.github.ancmdiag.input.LogRecord;
import io.github.ancmdiag.input.SkippedRecord;
import io.github.ancmdiag.internal.io.Capped;
import io.github.ancmdiag.internal.io.RecordBudget;
import io.github.ancmdiag.internal.read.folder.IncidentFolder;
import io.github.ancmdiag.model.AspNetCoreVersion;
import io.github.ancmdiag.model.Channel;
import io.github.ancmdiag.model.Observation;
import java.io.IOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Collections;
import java.util.EnumSet;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;
import org.jetbrains.annotations.Contract;
import org.jetbrains.annotations.NotNull;
import org.jetbrains.annotations.Nullable;
import org.jetbrains.annotations.Unmodifiable;

/**
 * Everything known about one incident: records from any channel, observations, and the ASP.NET
 * Core version when known. Immutable and thread-safe.
 *
 * <pre>{@code
 * Evidence evidence = Evidence.builder()
 *     .browser("HTTP Error 500.30 - ANCM In-Process Start Failure")
 *     .eventLog("Application '/LM/W3SVC/5/ROOT' with physical root 'C:\\app\\' failed to load"
 *         + " clr and managed application. CLR worker thread exited prematurely")
 *     .observe(Observation.STDOUT_LOG_EMPTY)
 *     .build();
 * }</pre>
 */
public final class Evidence {
  private final List<LogRecord> records;
  private final Set<Observation> observations;
  private final AspNetCoreVersion version;
  private final List<SkippedRecord> skipped;

  private Evidence(List<LogRecord> records, Set<Observation> observations,
      @Nullable AspNetCoreVersion version, List<SkippedRecord> skipped) {
    this.records = List.copyOf(records);
    this.skipped = List.copyOf(skipped);
    this.observations = Collections.unmodifiableSet(
        observations.isEmpty() ? EnumSet.noneOf(Observation.class) : EnumSet.copyOf(observations));
    this.version = version;
  }

  /**
   * Starts building evidence.
   *
   * @return a new builder
   */
  @Contract(pure = true)
  public static @NotNull Builder builder() {
    return new Builder();
  }

  /**
   * Builds evidence from a folder of files collected for one incident, as a support engineer
   * would gather them: exports and logs in the folder and its subfolders (up to six levels, such
   * as a site's {@code LogFiles/http/RawLogs}), read by {@link io.github.ancmdiag.input.LogReader}
   * with the format detected from each file's content. Never throws for a file's content: what
   * cannot be read is in {@link #skipped()} with its file and location. Records and skips name
   * their file as {@code folder.resolve(file)}: relative when {@code folder} is.
   *
   * <p>Names help where content cannot tell, by the one rule of {@link
   * io.github.ancmdiag.input.IncidentLayout}: {@code browser*}, {@code error-page*}, {@code
   * *.html} are what the browser showed; {@code event*} holds event log entries (a plain text file
   * so named is one entry's text); {@code stdout*} or ANCM's {@code <name>_<time>_<pid>.log}
   * pattern is an ANCM stdout log; a name with the word {@code debug} is the ANCM debug log;
   * {@code observations.txt} holds one {@link Observation} key per line ({@code #} starts a
   * comment); {@code version.txt} the app's ASP.NET Core version (the one nearest the folder wins;
   * another that differs is reported as skipped). Other files are read when their content is
   * a known format, and reported in {@link #skipped()} otherwise; an app's binaries and static
   * assets ({@code .dll}, {@code .exe}, {@code .js}, {@code appsettings*.json} ...) are not read.
   * IIS and App Service request logs (W3C) are read whole, but only requests answered with a
   * status of 500 or more are kept as records: the others say nothing about a start-up failure,
   * and a site's request logs can be large.
   *
   * <p>A {@code web.config} is checked (see {@link io.github.ancmdiag.input.WebConfigReader}): as
   * the deployed file when its folder holds the app's {@code .dll} or {@code .exe} files, so the
   * files it names are looked for there; otherwise as a copy, checked as text alone, with a {@code
   * parent.web.config} beside it taken as the parent application's. Its problems go to {@link
   * #skipped()}.
   *
   * <p>What the files show by their presence is evidence too: stdout logs that are all empty
   * give {@link Observation#STDOUT_LOG_EMPTY}; event log exports with records but no entry from an
   * ASP.NET Core Module provider give {@link Observation#NO_EVENT_LOG_ENTRY}.
   *
   * @param folder the incident folder
   * @return the evidence
   * @throws IOException if {@code folder} is not a folder or cannot be listed
   */
  public static @NotNull Evidence fromFolder(@NotNull Path folder) throws IOException {
    IncidentFolder.Contents read = IncidentFolder.read(Objects.requireNonNull(folder, "folder"));
    Builder b = builder();
    read.records().forEach(b::record);
    read.observations().forEach(b::observe);
    read.skipped().forEach(b::skipped);
    if (read.version() != null) {
      b.aspNetCoreVersion(read.version());
    }
    return b.build();
  }

  /**
   * Creates evidence from records alone.
   *
   * @param records the records
   * @return new evidence
   */
  public static @NotNull Evidence of(@NotNull LogRecord... records) {
    Builder b = builder();
    for (LogRecord r : records) {
      b.record(r);
    }
    return b.build();
  }

  /**
   * Returns the records, in the order added.
   *
   * @return the records
   */
  public @NotNull @Unmodifiable List<LogRecord> records() {
    return records;
  }

  /**
   * Returns what could not be read while gathering this evidence, with its location: parts of
   * files {@link #fromFolder(Path)} could not read, or what a caller added with {@link
   * Builder#skipped(SkippedRecord)}. Empty for evidence built from text.
   *
   * @return the skipped records, in the order found
   */
  public @NotNull @Unmodifiable List<SkippedRecord> skipped() {
    return skipped;
  }

  /**
   * Returns the observations given.
   *
   * @return the observations
   */
  public @NotNull @Unmodifiable Set<Observation> observations() {
    return observations;
  }

  /**
   * Returns the ASP.NET Core version of the app, when known.
   *
   * @return the version, or empty
   */
  public @NotNull Optional<AspNetCoreVersion> aspNetCoreVersion() {
    return Optional.ofNullable(version);
  }

  /**
   * Returns a builder holding this evidence, to add more.
   *
   * @return a new builder
   */
  public @NotNull Builder toBuilder() {
    Builder b = new Builder();
    records.forEach(b::record);
    b.observations.addAll(observations);
    b.version = version;
    skipped.forEach(b::skipped);
    return b;
  }

  /** Builds {@link Evidence}. Not thread-safe; {@link #build()} may be called repeatedly. */
  public static final class Builder {
    private final List<LogRecord> records = new ArrayList<>();
    private final Set<Observation> observations = EnumSet.noneOf(Observation.class);
    private final Capped<SkippedRecord> skipped = new Capped<>(RecordBudget.SKIPPED_KEPT,
        (first, notKept, kept) -> new SkippedRecord(first.source(), first.line(),
            first.byteOffset(), RecordBudget.notListed(first.reason(), notKept, kept)));
    private final RecordBudget budget = new RecordBudget();
    private AspNetCoreVersion version;

    private Builder() {}

    /**
     * Adds a record. Evidence is bounded: past 100,000 records of one source, or 32 Mi
     * characters of text in all, records are counted instead of kept, and {@link #build()} adds
     * one {@link SkippedRecord} per source saying how many were dropped.
     *
     * @param record the record
     * @return this builder
     */
    public @NotNull Builder record(@NotNull LogRecord record) {
      Objects.requireNonNull(record, "record");
      if (budget.admit(record.source(), record.text().length())) {
        records.add(record);
      }
      return this;
    }

    /**
     * Adds text seen in a channel.
     *
     * @param channel where it was seen
     * @param text the text
     * @return this builder
     */
    public @NotNull Builder text(@NotNull Channel channel, @NotNull CharSequence text) {
      return record(LogRecord.of(channel, text));
    }

    /**
     * Adds what the browser showed.
     *
     * @param text an error page's text or a pasted browser message
     * @return this builder
     */
    public @NotNull Builder browser(@NotNull CharSequence text) {
      return text(Channel.BROWSER, text);
    }

    /**
     * Adds one event log entry.
     *
     * @param text the event's message, with or without Event Viewer details around it
     * @return this builder
     */
    public @NotNull Builder eventLog(@NotNull CharSequence text) {
      return text(Channel.EVENT_LOG, text);
    }

    /**
     * Adds the content of an ANCM stdout log.
     *
     * @param text the log's content
     * @return this builder
     */
    public @NotNull Builder stdoutLog(@NotNull CharSequence text) {
      return text(Channel.STDOUT_LOG, text);
    }

    /**
     * Adds the content of an ANCM debug log.
     *
     * @param text the log's content
     * @return this builder
     */
    public @NotNull Builder debugLog(@NotNull CharSequence text) {
      return text(Channel.DEBUG_LOG, text);
    }

    /**
     * Adds observations.
     *
     * @param observations what was seen but cannot be attached
     * @return this builder
     */
    public @NotNull Builder observe(@NotNull Observation... observations) {
      for (Observation o : observations) {
        this.observations.add(Objects.requireNonNull(o, "observation"));
      }
      return this;
    }

    /**
     * Records a part of the inputs that could not be read, so the evidence accounts for it. The
     * first 999 are kept as given; past them one last skipped record counts the rest.
     *
     * @param skipped what could not be read, and where
     * @return this builder
     */
    public @NotNull Builder skipped(@NotNull SkippedRecord skipped) {
      this.skipped.add(Objects.requireNonNull(skipped, "skipped"));
      return this;
    }

    /**
     * Sets the app's ASP.NET Core version.
     *
     * @param version the version
     * @return this builder
     * @throws IllegalStateException if the version was already set
     */
    public @NotNull Builder aspNetCoreVersion(@NotNull AspNetCoreVersion version) {
      Objects.requireNonNull(version, "version");
      if (this.version != null) {
        throw new IllegalStateException("aspNetCoreVersion was already set to " + this.version);
      }
      this.version = version;
      return this;
    }

    /**
     * Builds the evidence.
     *
     * @return new immutable evidence
     */
    public @NotNull Evidence build() {
      List<SkippedRecord> all = new ArrayList<>(skipped.view());
      budget.forEachRefused((source, why) -> all.add(new SkippedRecord(source, 0, -1, why)));
      return new Evidence(records, observations, version, all);
    }
  }
}
