package io.github.ancmdiag;

import io.github.ancmdiag.input.LogRecord;
import io.github.ancmdiag.internal.match.CompiledMatcher;
import io.github.ancmdiag.internal.score.CompiledCatalog;
import io.github.ancmdiag.internal.score.Match;
import io.github.ancmdiag.internal.score.RecordMatching;
import io.github.ancmdiag.internal.score.Scorer;
import io.github.ancmdiag.model.AspNetCoreVersion;
import io.github.ancmdiag.model.Channel;
import io.github.ancmdiag.model.Confidence;
import io.github.ancmdiag.rules.Catalog;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import java.util.function.Consumer;
import org.jetbrains.annotations.CheckReturnValue;
import org.jetbrains.annotations.Contract;
import org.jetbrains.annotations.NotNull;
import org.jetbrains.annotations.Nullable;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Tells why an ASP.NET Core app fails to start, from the evidence of an incident. Create one with
 * {@link #builder()}, then share it: a {@code Diagnoser} is immutable and thread-safe, and its
 * catalog is compiled once, in {@link Builder#build()}.
 *
 * <pre>{@code
 * Diagnoser diagnoser = Diagnoser.builder().catalog(BundledCatalog.load()).build();
 * DiagnosisReport report = diagnoser.diagnose(Evidence.builder()
 *     .browser("HTTP Error 500.0 - ANCM In-Process Handler Load Failure")
 *     .eventLog("Failed to start application '/LM/W3SVC/2/ROOT', ErrorCode '0x8000ffff'.")
 *     .build());
 * report.top().ifPresent(System.out::println);
 * }</pre>
 *
 * <p>{@link #classify(LogRecord)} looks at one record: which catalog signatures it holds. {@link
 * #diagnose(Evidence)} weighs every channel of an incident together. Each signature weighs by its
 * kind (a message 3, an HTTP status 2, an observation 1, times its catalog multiplier); evidence
 * that several causes explain is split among them by their weights and their catalog priors (how
 * often each cause is behind that evidence), and a template pinned to more values outweighs one
 * that leaves them open on the same text; a message found in another channel than the one the
 * software writes it to counts a little less (except an event's text that the ANCM debug log
 * copies as {@code Event Log: '...'}, which counts as the event), a message cut off part-way in
 * proportion to the part seen. Evidence against a cause subtracts: another HTTP status than the
 * cause produces, an observation that conflicts with one the cause expects (an event log entry
 * where it expects none, stdout output where it expects an empty log), a message the cause writes
 * to a log the user says was not created, or evidence the catalog marks as contrary to it. The
 * best diagnosis is {@link Confidence#HIGH} only when it has strong support, nothing against it, a
 * clear lead over the next one, and one whole message from a log that decides on its own (a page,
 * a message several causes share, or one the catalog weighs as weak never does); it is {@link
 * Confidence#MEDIUM} only with evidence beyond the page (a page line alone is {@link
 * Confidence#LOW}). Runners-up are always {@link Confidence#LOW}. Causes the evidence argues
 * against more than for are left out of the report.
 */
public final class Diagnoser {
  private static final Logger LOG = LoggerFactory.getLogger(Diagnoser.class);

  private final CompiledCatalog compiled;
  private final RecordMatching matching;
  private final Scorer scorer;
  private final AspNetCoreVersion version;

  private Diagnoser(CompiledCatalog compiled, RecordMatching matching, Scorer scorer,
      @Nullable AspNetCoreVersion version) {
    this.compiled = compiled;
    this.matching = matching;
    this.scorer = scorer;
    this.version = version;
  }

  /**
   * Starts building a diagnoser.
   *
   * @return a new builder
   */
  @Contract(pure = true)
  @CheckReturnValue
  public static @NotNull Builder builder() {
    return new Builder();
  }

  /**
   * Returns the catalog this diagnoser uses.
   *
   * @return the catalog
   */
  public @NotNull Catalog catalog() {
    return compiled.catalog();
  }

  /**
   * Returns the ASP.NET Core version assumed when the evidence does not give one.
   *
   * @return the version, or empty when it is inferred from the evidence
   */
  public @NotNull Optional<AspNetCoreVersion> aspNetCoreVersion() {
    return Optional.ofNullable(version);
  }

  /**
   * Returns a diagnoser that assumes another ASP.NET Core version, sharing this one's compiled
   * catalog.
   *
   * @param version the version, or null to infer it from the evidence
   * @return a diagnoser for that version
   */
  @Contract(pure = true)
  public @NotNull Diagnoser withAspNetCoreVersion(@Nullable AspNetCoreVersion version) {
    return Objects.equals(version, this.version) ? this
        : new Diagnoser(compiled, matching, scorer, version);
  }

  /**
   * Finds every catalog signature in one record. Cheap for unrelated records: one pass over the
   * text, nothing allocated past the result. To classify many records, {@link #classifyAll} or a
   * {@link #classifier()} reuses its working state and allocates nothing for unrelated records.
   *
   * @param record the record
   * @return the signatures found; empty for an unrelated record
   */
  @Contract(pure = true)
  @CheckReturnValue
  public @NotNull Classification classify(@NotNull LogRecord record) {
    Objects.requireNonNull(record, "record");
    CompiledMatcher.Scratch scratch = matching.borrowScratch();
    try {
      return new Classification(record, matching.find(record, scratch));
    } finally {
      matching.release(scratch);
    }
  }

  /**
   * Finds every catalog signature in a text seen in a channel.
   *
   * @param channel where the text was seen
   * @param text the text
   * @return the signatures found
   */
  @Contract(pure = true)
  @CheckReturnValue
  public @NotNull Classification classify(@NotNull Channel channel, @NotNull CharSequence text) {
    return classify(LogRecord.of(channel, text));
  }

  /**
   * Classifies records one after the other and passes on those that match any signature, reusing
   * one {@link Classifier}: nothing is allocated for a record that matches nothing. Each
   * classification passed on equals {@link #classify(LogRecord)} of its record; records that match
   * nothing are not passed on. A {@link io.github.ancmdiag.input.LogReader} is an {@code
   * Iterable} of records, so this classifies a whole log: {@code diagnoser.classifyAll(reader,
   * alerts::add)}.
   *
   * @param records the records, read once in order
   * @param sink receives the classification of each record that matches, in order
   * @return the number of records classified, matching or not
   * @throws NullPointerException if an argument or a record is null
   */
  public long classifyAll(@NotNull Iterable<? extends LogRecord> records,
      @NotNull Consumer<? super Classification> sink) {
    Objects.requireNonNull(records, "records");
    Objects.requireNonNull(sink, "sink");
    Classifier classifier = classifier();
    long count = 0;
    for (LogRecord r : records) {
      classifier.match(r).ifPresent(sink);
      count++;
    }
    return count;
  }

  /**
   * Returns a new classifier: this diagnoser's matching with working state of its own, for a
   * caller that classifies many records on one thread.
   *
   * @return a new classifier; not thread-safe, use one per thread
   */
  @Contract(pure = true)
  @CheckReturnValue
  public @NotNull Classifier classifier() {
    return new Classifier(matching);
  }

  /**
   * Classifies records one at a time with reusable working state, allocating nothing for a record
   * that matches no signature: for monitoring that pushes millions of records through, most of
   * them unrelated. Made by {@link Diagnoser#classifier()}.
   *
   * <p>Not thread-safe: the working state is reused from call to call, so use one classifier per
   * thread (they are cheap; the compiled catalog is shared).
   */
  public static final class Classifier {
    private final RecordMatching matching;
    private final CompiledMatcher.Scratch scratch;

    private Classifier(RecordMatching matching) {
      this.matching = matching;
      this.scratch = matching.newScratch();
    }

    /**
     * Classifies one record.
     *
     * @param record the record
     * @return the record's classification, equal to {@link Diagnoser#classify(LogRecord)}'s, when
     *     it matches any signature; empty, allocating nothing, when it matches none
     * @throws NullPointerException if {@code record} is null
     */
    @CheckReturnValue
    public @NotNull Optional<Classification> match(@NotNull LogRecord record) {
      Objects.requireNonNull(record, "record");
      List<Match> found = matching.find(record, scratch);
      return found.isEmpty() ? Optional.empty() : Optional.of(new Classification(record, found));
    }
  }

  /**
   * Weighs all the evidence of an incident and ranks the causes it supports.
   *
   * @param evidence the incident's records and observations
   * @return the ranked diagnoses; never null, empty when nothing matches
   */
  @Contract(pure = true)
  @CheckReturnValue
  public @NotNull DiagnosisReport diagnose(@NotNull Evidence evidence) {
    Objects.requireNonNull(evidence, "evidence");
    AspNetCoreVersion v = evidence.aspNetCoreVersion().orElse(version);
    Scorer.Result result = scorer.score(evidence.records(), evidence.observations(), v);
    return new DiagnosisReport(Diagnosis.wrap(result.diagnoses()), v, result.inferred(),
        evidence.records().size(), result.matchedRecords());
  }

  /**
   * Builds a {@link Diagnoser}. Not thread-safe; {@link #build()} leaves the builder unchanged and
   * may be called again.
   */
  public static final class Builder {
    private Catalog catalog;
    private AspNetCoreVersion version;

    private Builder() {}

    /**
     * Sets the catalog of causes.
     *
     * @param catalog the catalog, for example {@code BundledCatalog.load()}
     * @return this builder
     * @throws IllegalStateException if the catalog was already set
     */
    public @NotNull Builder catalog(@NotNull Catalog catalog) {
      Objects.requireNonNull(catalog, "catalog");
      if (this.catalog != null) {
        throw new IllegalStateException("catalog was already set");
      }
      this.catalog = catalog;
      return this;
    }

    /**
     * Sets the ASP.NET Core version of the apps diagnosed, when known. Evidence that carries its
     * own version overrides it.
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
     * Compiles the catalog and builds the diagnoser.
     *
     * @return a new immutable diagnoser
     * @throws IllegalStateException if no catalog was set
     */
    @Contract(pure = true)
    @CheckReturnValue
    public @NotNull Diagnoser build() {
      if (catalog == null) {
        throw new IllegalStateException("catalog was not set");
      }
      long t0 = System.nanoTime();
      CompiledCatalog compiled = new CompiledCatalog(catalog);
      LOG.debug("compiled catalog {} ({} templates, {} automaton states) in {} ms", catalog.version(),
          compiled.templateCount(), compiled.stateCount(), (System.nanoTime() - t0) / 1_000_000);
      RecordMatching matching = new RecordMatching(compiled);
      return new Diagnoser(compiled, matching, new Scorer(compiled, matching), version);
    }
  }
}
