package io.github.ancmdiag;

import io.github.ancmdiag.input.LogRecord;
import io.github.ancmdiag.internal.match.CompiledMatcher;
import io.github.ancmdiag.internal.match.Template;
import io.github.ancmdiag.model.AspNetCoreVersion;
import io.github.ancmdiag.model.HttpStatus;
import io.github.ancmdiag.model.VersionRange;
import io.github.ancmdiag.rules.CaptureType;
import io.github.ancmdiag.rules.Catalog;
import io.github.ancmdiag.rules.CatalogEntry;
import io.github.ancmdiag.rules.Signature;
import io.github.ancmdiag.rules.Variant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.EnumSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;
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
 * that several causes explain is split evenly among them; a message found in another channel than
 * the one the software writes it to counts {@value #OTHER_CHANNEL} (except an event's text that
 * the ANCM debug log copies as {@code Event Log: '...'}, which counts as the event), a message cut
 * off part-way in proportion to the part seen. Evidence against a cause subtracts: another HTTP status than the cause produces, an
 * observation that conflicts with one the cause expects (an event log entry where it expects none,
 * stdout output where it expects an empty log), or a message the cause writes to a log the user
 * says was not created. The confidence of the best diagnosis is {@link Confidence#HIGH} only when
 * it has strong support, nothing against it, a clear lead over the next one, and corroboration: a
 * whole message from a log, or support from two channels (one line from a browser is never proof).
 * Runners-up are always {@link Confidence#LOW}. Causes the evidence argues against more than for
 * are left out of the report.
 */
public final class Diagnoser {
  private static final Logger LOG = LoggerFactory.getLogger(Diagnoser.class);

  /** Factor for evidence found in another channel than expected. */
  static final double OTHER_CHANNEL = 0.85;
  /** Factor for a truncated message on top of its completeness. */
  static final double TRUNCATED = 0.8;
  /** Weight subtracted for a status that contradicts the cause's page. */
  static final double STATUS_CONTRADICTION = 2.0;
  /** Weight subtracted for a conflicting observation. */
  static final double OBSERVATION_CONTRADICTION = 1.5;
  /** Weight subtracted for a message the cause writes to a log said to be absent or empty. */
  static final double ABSENT_LOG_CONTRADICTION = 1.0;
  /** Support needed for {@link Confidence#HIGH}. */
  static final double HIGH_SUPPORT = 2.5;
  /** Lead over the runner-up needed for {@link Confidence#HIGH}. */
  static final double HIGH_LEAD = 1.6;
  /** Support needed for {@link Confidence#MEDIUM}. */
  static final double MEDIUM_SUPPORT = 0.9;
  /** Lead over the runner-up needed for {@link Confidence#MEDIUM}. */
  static final double MEDIUM_LEAD = 1.2;
  private static final String OBSERVATION_PREFIX = "observation ";
  /**
   * Support set aside for a cause outside the catalog: a score is a cause's support over its own,
   * its strongest rival's, and this.
   */
  static final double SCORE_OTHER = 2.0;

  private final CompiledCatalog compiled;
  private final AspNetCoreVersion version;

  private Diagnoser(CompiledCatalog compiled, @Nullable AspNetCoreVersion version) {
    this.compiled = compiled;
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
    return compiled.catalog;
  }

  /**
   * Returns the ASP.NET Core version assumed when the evidence does not give one.
   *
   * @return the version, or empty when it is inferred from the evidence
   */
  public @NotNull java.util.Optional<AspNetCoreVersion> aspNetCoreVersion() {
    return java.util.Optional.ofNullable(version);
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
    return Objects.equals(version, this.version) ? this : new Diagnoser(compiled, version);
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
    CompiledMatcher.Scratch scratch = compiled.matcher.borrowScratch();
    try {
      return new Classification(record, find(record, scratch));
    } finally {
      compiled.matcher.release(scratch);
    }
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
    return new Classifier(this);
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
    private final Diagnoser diagnoser;
    private final CompiledMatcher.Scratch scratch;

    private Classifier(Diagnoser diagnoser) {
      this.diagnoser = diagnoser;
      this.scratch = diagnoser.compiled.matcher.newScratch();
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
      List<SignatureMatch> found = diagnoser.find(record, scratch);
      return found.isEmpty() ? Optional.empty() : Optional.of(new Classification(record, found));
    }
  }

  /**
   * Finds the signatures of one record for {@link #classify}: one pass of the compiled matcher
   * over the raw text; the status scan only when the record may hold a status that counts.
   */
  private List<SignatureMatch> find(LogRecord record, CompiledMatcher.Scratch scratch) {
    String text = record.text();
    int scan = compiled.matcher.scan(text, scratch);
    if ((scan & CompiledMatcher.MAY_MATCH) != 0) {
      List<SignatureMatch> matches = new ArrayList<>(2);
      collect(record, statuses(record), compiled.matcher.matchAll(text, scratch), matches, null);
      return matches;
    }
    if (!mayCountStatus(record, scan)) {
      return List.of();
    }
    List<HttpStatus> statuses = statuses(record);
    if (statuses.isEmpty()) {
      return List.of();
    }
    List<SignatureMatch> matches = new ArrayList<>(2);
    collect(record, statuses, List.of(), matches, null);
    return matches;
  }

  /**
   * Tells whether {@link #statuses} may find a status that a status signature matches: the
   * catalog has status signatures, and the record is from a browser (every 4xx/5xx number counts)
   * or holds a word that makes a number a status ({@link CompiledCatalog#STATUS_KEYWORDS}), or
   * its format typed its status (W3C, FREB).
   */
  private boolean mayCountStatus(LogRecord record, int scan) {
    return !compiled.statusRefs.isEmpty()
        && ((scan & CompiledMatcher.KEYWORD) != 0 || record.channel() == Channel.BROWSER
            || record.httpStatus().isPresent());
  }

  /**
   * Finds the signatures in a record, given the statuses it shows; {@code refs}, when given,
   * receives each match's signature.
   */
  private void collect(LogRecord record, List<HttpStatus> statuses, List<SignatureMatch> matches,
      @Nullable List<CompiledCatalog.SigRef> refs) {
    collect(record, statuses, compiled.matcher.match(record.text()), matches, refs);
  }

  private void collect(LogRecord record, List<HttpStatus> statuses,
      List<CompiledMatcher.Hit> hits, List<SignatureMatch> matches,
      @Nullable List<CompiledCatalog.SigRef> refs) {
    for (CompiledMatcher.Hit hit : hits) {
      Template tpl = compiled.templates.get(hit.template());
      List<Parameter> params = new ArrayList<>();
      for (int c = 0; c < tpl.captures().size(); c++) {
        Template.Capture cap = tpl.captures().get(c);
        if (cap.name().equals("_")) {
          continue;
        }
        hit.capture(c).ifPresent(v -> params.add(new Parameter(cap.name(), cap.type(), v)));
      }
      int[] span = hit.originalSpan();
      for (CompiledCatalog.SigRef ref : compiled.templateRefs.get(hit.template())) {
        matches.add(new SignatureMatch(ref.entryRef.id(), ref.sig.id(),
            ref.variantRef.versions(), ref.sig.channel(), record.channel(), params, span[0],
            span[1], hit.matchedText(), hit.completeness()));
        if (refs != null) {
          refs.add(ref);
        }
      }
    }
    for (HttpStatus seen : statuses) {
      for (CompiledCatalog.SigRef ref : compiled.statusRefs) {
        double best = 0;
        for (HttpStatus expected : ref.sig.statuses()) {
          if (expected.isCompatibleWith(seen)) {
            best = Math.max(best, seen.hasSubstatus() || !expected.hasSubstatus() ? 1.0 : 0.6);
          }
        }
        if (best > 0) {
          matches.add(new SignatureMatch(ref.entryRef.id(), ref.sig.id(),
              ref.variantRef.versions(), Channel.BROWSER, record.channel(),
              List.of(new Parameter("status", CaptureType.TEXT, seen.toString())), 0, 0,
              "HTTP " + seen, best));
          if (refs != null) {
            refs.add(ref);
          }
        }
      }
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
   * The statuses a record shows: its typed status when its format gives one (a W3C log line's
   * text holds ports, sizes and times that would read as statuses, so it is not searched), else
   * those found in its text. A typed status below 500 counts for nothing: a request log holds
   * the site's ordinary 200s, 304s and 404s beside the failure, and those say nothing against a
   * start-up failure.
   */
  private static List<HttpStatus> statuses(LogRecord record) {
    HttpStatus typed = record.httpStatus().orElse(null);
    if (typed != null) {
      return typed.status() >= 500 ? List.of(typed) : List.of();
    }
    String text = record.text();
    return mayHoldStatus(text)
        ? HttpStatus.findAll(text, record.channel() == Channel.BROWSER) : List.of();
  }

  /**
   * Tells whether a debug log match is ANCM's copy of an event it logged: the V2 debug log writes
   * every event's text as {@code Event Log: '<message>'}, so the message counts as the event.
   */
  private static boolean isEventEcho(SignatureMatch m, LogRecord record) {
    return m.expectedChannel() == Channel.EVENT_LOG && m.recordChannel() == Channel.DEBUG_LOG
        && record.text().contains("Event Log: '");
  }

  /** One cheap pass: a status needs a 4 or 5 followed by two digits, not inside a number. */
  static boolean mayHoldStatus(String text) {
    int n = text.length();
    for (int i = 0; i + 2 < n; i++) {
      char c = text.charAt(i);
      if ((c == '4' || c == '5') && isDigit(text.charAt(i + 1)) && isDigit(text.charAt(i + 2))
          && (i == 0 || !isDigit(text.charAt(i - 1)))) {
        return true;
      }
    }
    return false;
  }

  private static boolean isDigit(char c) {
    return c >= '0' && c <= '9';
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
    Facts facts = new Facts(evidence);
    int matchedRecords = 0;
    List<SignatureMatch> matches = new ArrayList<>();
    List<CompiledCatalog.SigRef> refs = new ArrayList<>();
    for (LogRecord r : evidence.records()) {
      matches.clear();
      refs.clear();
      List<HttpStatus> statuses = statuses(r);
      collect(r, statuses, matches, refs);
      if (!matches.isEmpty()) {
        matchedRecords++;
      }
      facts.add(r, matches, refs, v);
      facts.statuses.addAll(statuses);
    }
    facts.finish();
    List<Scored> scored = new ArrayList<>();
    List<CatalogEntry> entries = compiled.catalog.entries();
    for (int e = 0; e < entries.size(); e++) {
      Scored best = null;
      Scored second = null;
      for (int vi = 0; vi < entries.get(e).variants().size(); vi++) {
        Variant variant = entries.get(e).variants().get(vi);
        if (v != null && !variant.versions().contains(v)) {
          continue;
        }
        Scored s = score(e, vi, facts);
        if (best == null || s.raw() > best.raw()) {
          second = best;
          best = s;
        } else if (second == null || s.raw() > second.raw()) {
          second = s;
        }
      }
      if (best != null && best.support > 0 && best.raw() > 0) {
        best.variantLead = second == null ? Double.POSITIVE_INFINITY : best.raw() - second.raw();
        scored.add(best);
      }
    }
    scored.sort(Comparator.comparingDouble(Scored::raw).reversed()
        .thenComparing(Comparator.comparingDouble((Scored s) -> s.support).reversed())
        .thenComparing(s -> s.entry.id()));
    List<Diagnosis> diagnoses = new ArrayList<>();
    double secondRaw = scored.size() < 2 ? 0 : Math.max(0, scored.get(1).raw());
    double topRaw = scored.isEmpty() ? 0 : scored.get(0).raw();
    for (int i = 0; i < scored.size(); i++) {
      Scored s = scored.get(i);
      Confidence conf = confidence(s, i, secondRaw);
      double rival = i == 0 ? secondRaw : topRaw;
      double score = s.raw() / (s.raw() + rival + SCORE_OTHER);
      diagnoses.add(new Diagnosis(s.entry.id(), s.entry.title(), s.entry.summary(),
          s.variant.versions(), score, conf, s.supporting, s.missing, s.contradicting,
          s.parameters, renderFix(s.entry.fixFor(s.variant), s.parameters)));
    }
    VersionRange inferred = null;
    if (v == null && !scored.isEmpty() && scored.get(0).variantLead > 1e-9
        && scored.get(0).raw() > 0) {
      inferred = scored.get(0).variant.versions();
    }
    return new DiagnosisReport(diagnoses, v, inferred, evidence.records().size(), matchedRecords);
  }

  private static Confidence confidence(Scored s, int rank, double secondRaw) {
    double raw = s.raw();
    if (rank == 0) {
      if (raw >= HIGH_SUPPORT && raw >= HIGH_LEAD * secondRaw && s.contradicting.isEmpty()
          && s.isCorroborated()) {
        return Confidence.HIGH;
      }
      if (raw >= MEDIUM_SUPPORT && raw >= MEDIUM_LEAD * secondRaw) {
        return Confidence.MEDIUM;
      }
      return Confidence.LOW;
    }
    // A runner-up is one possible cause among several: never more certain than the leader.
    return Confidence.LOW;
  }

  private Scored score(int e, int vi, Facts facts) {
    CatalogEntry entry = compiled.catalog.entries().get(e);
    Variant variant = entry.variants().get(vi);
    Scored s = new Scored(entry, variant);
    CompiledCatalog.SigRef[] refs = compiled.refs[e][vi];
    // One page per incident: when any status of the variant was seen, the others are not
    // evidence against it.
    boolean statusContradicted = false;
    for (CompiledCatalog.SigRef ref : refs) {
      if (ref.sig.kind() == Signature.Kind.STATUS && facts.best.containsKey(ref)) {
        statusContradicted = true;
      }
    }
    for (CompiledCatalog.SigRef ref : refs) {
      Signature sig = ref.sig;
      if (sig.kind() == Signature.Kind.OBSERVATION) {
        Observation o = sig.observation().orElseThrow();
        if (facts.observations.contains(o)) {
          s.support += ref.weight;
          s.supporting.add(new Finding(sig.id(), sig.channel(), OBSERVATION_PREFIX + o.key(), "",
              ref.weight));
        } else {
          String why = facts.conflict(o);
          if (why != null) {
            double w = OBSERVATION_CONTRADICTION * sig.weight();
            s.against += w;
            s.contradicting.add(new Finding(sig.id(), sig.channel(), why, "", w));
          } else {
            s.missing.add(new Expectation(sig.id(), sig.channel(), sig.describe()));
          }
        }
        continue;
      }
      Facts.Best best = facts.best.get(ref);
      if (best != null) {
        double w = best.weight;
        s.support += w;
        if (sig.kind() == Signature.Kind.TEXT && best.match.isComplete()
            && best.record.channel() != Channel.BROWSER && w >= CompiledCatalog.TEXT_WEIGHT / 3) {
          s.strong = true;
        }
        s.supporting.add(new Finding(sig.id(), best.record.channel(),
            quote(best.match), where(best.record), w));
        for (Parameter p : best.parameters.values()) {
          s.parameters.putIfAbsent(p.name(), p.canonicalValue());
        }
        continue;
      }
      String why = null;
      double w = 0;
      if (sig.kind() == Signature.Kind.STATUS) {
        if (!statusContradicted && !facts.statuses.isEmpty()) {
          why = "the browser showed HTTP " + facts.statusText() + ", not " + statusList(sig);
          w = STATUS_CONTRADICTION * sig.weight();
          statusContradicted = true;
        } else if (facts.observations.contains(Observation.CONNECTION_REFUSED)
            || facts.observations.contains(Observation.APP_RESPONDS_NORMALLY)) {
          why = "the browser showed no error page";
          w = OBSERVATION_CONTRADICTION * sig.weight();
        }
      } else {
        why = facts.absentLog(sig.channel());
        w = ABSENT_LOG_CONTRADICTION * sig.weight();
      }
      if (why != null) {
        s.against += w;
        s.contradicting.add(new Finding(sig.id(), sig.channel(), why, "", w));
      } else {
        s.missing.add(new Expectation(sig.id(), sig.channel(), sig.describe()));
      }
    }
    return s;
  }

  private static String statusList(Signature sig) {
    StringBuilder sb = new StringBuilder();
    for (HttpStatus st : sig.statuses()) {
      sb.append(sb.length() == 0 ? "" : " or ").append(st);
    }
    return sb.toString();
  }

  private static String quote(SignatureMatch m) {
    String t = m.matchedText();
    if (t.length() > 300) {
      t = t.substring(0, 297) + "...";
    }
    return m.isComplete() ? "\"" + t + "\""
        : String.format(Locale.ROOT, "\"%s\" (cut off, %.0f%% of the message)", t,
            100 * m.completeness());
  }

  private static String where(LogRecord r) {
    if (r.source().isEmpty()) {
      return "";
    }
    return r.line() > 0 ? r.source() + ":" + r.line() : r.source();
  }

  static List<String> renderFix(List<String> steps, Map<String, String> params) {
    List<String> out = new ArrayList<>(steps.size());
    for (String step : steps) {
      StringBuilder sb = new StringBuilder(step.length() + 32);
      int i = 0;
      while (i < step.length()) {
        int open = step.indexOf('{', i);
        int close = open < 0 ? -1 : step.indexOf('}', open);
        if (open < 0 || close < 0) {
          sb.append(step, i, step.length());
          break;
        }
        sb.append(step, i, open);
        String spec = step.substring(open + 1, close);
        int bar = spec.indexOf('|');
        String name = bar >= 0 ? spec.substring(0, bar) : spec;
        String value = params.get(name);
        if (value != null) {
          sb.append(value);
        } else if (bar >= 0) {
          sb.append(spec, bar + 1, spec.length());
        } else {
          sb.append('<').append(name).append('>');
        }
        i = close + 1;
      }
      out.add(sb.toString());
    }
    return out;
  }

  /** The score of one variant of one entry while diagnosing. */
  private static final class Scored {
    final CatalogEntry entry;
    final Variant variant;
    double support;
    double against;
    boolean strong;
    double variantLead;
    final List<Finding> supporting = new ArrayList<>();
    final List<Expectation> missing = new ArrayList<>();
    final List<Finding> contradicting = new ArrayList<>();
    final Map<String, String> parameters = new LinkedHashMap<>();

    Scored(CatalogEntry entry, Variant variant) {
      this.entry = entry;
      this.variant = variant;
    }

    double raw() {
      return support - against;
    }

    /**
     * Tells whether the support is more than one glance at a browser: a whole message from a log
     * that carries real weight, or support from at least two channels.
     */
    boolean isCorroborated() {
      if (strong) {
        return true;
      }
      java.util.EnumSet<Channel> channels = java.util.EnumSet.noneOf(Channel.class);
      for (Finding f : supporting) {
        if (!f.detail().startsWith(OBSERVATION_PREFIX)) {
          channels.add(f.channel());
        }
      }
      return channels.size() >= 2;
    }
  }

  /** What the evidence of one incident shows, gathered once for all entries. */
  private final class Facts {
    final class Best {
      final SignatureMatch match;
      final LogRecord record;
      final double weight;
      /** The best match's values, then values only other matches of the signature captured. */
      final Map<String, Parameter> parameters = new LinkedHashMap<>();

      Best(SignatureMatch match, LogRecord record, double weight) {
        this.match = match;
        this.record = record;
        this.weight = weight;
        add(match);
      }

      void add(SignatureMatch m) {
        for (Parameter p : m.parameters()) {
          parameters.putIfAbsent(p.name(), p);
        }
      }
    }

    final Set<Observation> observations = EnumSet.noneOf(Observation.class);
    final List<HttpStatus> statuses = new ArrayList<>();
    final Map<CompiledCatalog.SigRef, Best> best = new java.util.IdentityHashMap<>();
    boolean ancmEvent;
    boolean debugContent;
    boolean stdoutContent;

    Facts(Evidence evidence) {
      observations.addAll(evidence.observations());
      for (LogRecord r : evidence.records()) {
        if (!r.text().isBlank()) {
          if (r.channel() == Channel.STDOUT_LOG) {
            stdoutContent = true;
          } else if (r.channel() == Channel.DEBUG_LOG) {
            debugContent = true;
          }
        }
      }
    }

    /**
     * Records the matches of one record. A piece of text that several entries' signatures match
     * is shared evidence: its weight is divided among those entries, however differently their
     * templates are written.
     */
    void add(LogRecord record, List<SignatureMatch> matches,
        List<CompiledCatalog.SigRef> refs, @Nullable AspNetCoreVersion v) {
      int n = matches.size();
      int[] cluster = clusters(matches, refs);
      // Per cluster of overlapping evidence: the strongest claim of each entry on it.
      Map<Integer, Map<Integer, Double>> claims = new java.util.HashMap<>();
      for (int i = 0; i < n; i++) {
        CompiledCatalog.SigRef ref = refs.get(i);
        if (v == null || ref.variantRef.versions().contains(v)) {
          claims.computeIfAbsent(cluster[i], k -> new java.util.HashMap<>())
              .merge(ref.entry, ref.plainWeight, Math::max);
        }
      }
      for (int i = 0; i < n; i++) {
        SignatureMatch m = matches.get(i);
        CompiledCatalog.SigRef ref = refs.get(i);
        if (m.expectedChannel() == Channel.EVENT_LOG && m.isComplete()
            && record.channel() == Channel.EVENT_LOG) {
          ancmEvent = true;
        }
        if (v != null && !ref.variantRef.versions().contains(v)) {
          continue;
        }
        double maxPlain = 0;
        double sumPlain = 0;
        for (double c : claims.get(cluster[i]).values()) {
          maxPlain = Math.max(maxPlain, c);
          sumPlain += c;
        }
        double q = m.completeness() < 1 ? m.completeness() * TRUNCATED : 1.0;
        if (ref.sig.kind() == Signature.Kind.STATUS) {
          q = m.completeness();
        }
        if (m.recordChannel() != m.expectedChannel() && !isEventEcho(m, record)) {
          q *= OTHER_CHANNEL;
        }
        // Evidence several causes explain is worth what its strongest claim says, split among
        // them in proportion to their claims; a template pinned to more values is more specific
        // and keeps a bonus.
        double share = sumPlain > 0 ? maxPlain * ref.plainWeight / sumPlain : ref.plainWeight;
        double w = share * ref.specificity * q;
        Best old = best.get(ref);
        if (old == null || w > old.weight) {
          Best b = new Best(m, record, w);
          if (old != null) { // a weaker match of the same signature may still name a value
            old.parameters.values().forEach(p -> b.parameters.putIfAbsent(p.name(), p));
          }
          best.put(ref, b);
        } else {
          old.add(m);
        }
      }
    }

    /**
     * Groups the matches of one record into pieces of evidence: text matches whose spans overlap
     * (transitively), and status matches of the same status. O(m log m) for m matches.
     */
    private int[] clusters(List<SignatureMatch> matches, List<CompiledCatalog.SigRef> refs) {
      int n = matches.size();
      int[] cluster = new int[n];
      Integer[] order = new Integer[n];
      for (int i = 0; i < n; i++) {
        order[i] = i;
      }
      java.util.Arrays.sort(order, Comparator
          .comparingInt((Integer i) -> refs.get(i).sig.kind().ordinal())
          .thenComparing(i -> isPoint(matches.get(i)) ? matches.get(i).matchedText() : "")
          .thenComparingInt(i -> matches.get(i).start()));
      int id = -1;
      int end = -1;
      Signature.Kind kind = null;
      String point = null;
      for (Integer i : order) {
        SignatureMatch m = matches.get(i);
        Signature.Kind k = refs.get(i).sig.kind();
        boolean sameCluster;
        if (isPoint(m)) {
          sameCluster = k == kind && m.matchedText().equals(point);
          point = m.matchedText();
        } else {
          sameCluster = k == kind && point == null && m.start() < end;
          point = null;
        }
        if (!sameCluster) {
          id++;
          end = m.end();
        } else {
          end = Math.max(end, m.end());
        }
        kind = k;
        cluster[i] = id;
      }
      return cluster;
    }

    private boolean isPoint(SignatureMatch m) {
      return m.start() == m.end();
    }

    void finish() {
      if (stdoutContent && !observations.contains(Observation.STDOUT_LOG_EMPTY)
          && !observations.contains(Observation.STDOUT_LOG_NOT_CREATED)) {
        observations.add(Observation.STDOUT_LOG_HAS_OUTPUT);
      }
    }

    String statusText() {
      StringBuilder sb = new StringBuilder();
      for (HttpStatus st : statuses) {
        if (sb.indexOf(st.toString()) < 0) {
          sb.append(sb.length() == 0 ? "" : ", ").append(st);
        }
      }
      return sb.toString();
    }

    /** Says why an expected observation conflicts with the evidence, or null when it does not. */
    @Nullable String conflict(Observation o) {
      switch (o) {
        case NO_EVENT_LOG_ENTRY:
          return ancmEvent ? "the event log has an ANCM entry" : null;
        case STDOUT_LOG_NOT_CREATED:
          if (observations.contains(Observation.STDOUT_LOG_EMPTY)) {
            return "the stdout log was created (empty)";
          }
          return stdoutContent || observations.contains(Observation.STDOUT_LOG_HAS_OUTPUT)
              ? "the stdout log was created and has output" : null;
        case STDOUT_LOG_EMPTY:
          if (observations.contains(Observation.STDOUT_LOG_NOT_CREATED)) {
            return "the stdout log was not created";
          }
          return stdoutContent || observations.contains(Observation.STDOUT_LOG_HAS_OUTPUT)
              ? "the stdout log has output" : null;
        case STDOUT_LOG_HAS_OUTPUT:
          if (observations.contains(Observation.STDOUT_LOG_NOT_CREATED)) {
            return "the stdout log was not created";
          }
          return observations.contains(Observation.STDOUT_LOG_EMPTY)
              ? "the stdout log is empty" : null;
        case DEBUG_LOG_NOT_CREATED:
          return debugContent ? "the debug log exists and has content" : null;
        case APP_RESPONDS_NORMALLY:
          if (!statuses.isEmpty()) {
            return "the browser showed HTTP " + statusText();
          }
          return observations.contains(Observation.CONNECTION_REFUSED)
              ? "the browser could not connect" : null;
        case CONNECTION_REFUSED:
          if (!statuses.isEmpty()) {
            return "the browser showed HTTP " + statusText();
          }
          return observations.contains(Observation.APP_RESPONDS_NORMALLY)
              ? "the app responds normally" : null;
        default:
          return null;
      }
    }

    /** Says why a message expected in a log cannot be there, or null. */
    @Nullable String absentLog(Channel channel) {
      switch (channel) {
        case EVENT_LOG:
          return observations.contains(Observation.NO_EVENT_LOG_ENTRY)
              ? "the event log has no entry" : null;
        case STDOUT_LOG:
          if (observations.contains(Observation.STDOUT_LOG_NOT_CREATED)) {
            return "the stdout log was not created";
          }
          return observations.contains(Observation.STDOUT_LOG_EMPTY)
              ? "the stdout log is empty" : null;
        case DEBUG_LOG:
          return observations.contains(Observation.DEBUG_LOG_NOT_CREATED)
              ? "the debug log was not created" : null;
        case BROWSER:
          return observations.contains(Observation.APP_RESPONDS_NORMALLY)
              ? "the app responds normally" : null;
        default:
          return null;
      }
    }
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
          compiled.templates.size(), compiled.matcher.stateCount(),
          (System.nanoTime() - t0) / 1_000_000);
      return new Diagnoser(compiled, version);
    }
  }
}
