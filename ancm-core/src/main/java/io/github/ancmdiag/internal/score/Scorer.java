package io.github.ancmdiag.internal.score;

import io.github.ancmdiag.input.LogRecord;
import io.github.ancmdiag.model.AspNetCoreVersion;
import io.github.ancmdiag.model.Channel;
import io.github.ancmdiag.model.Confidence;
import io.github.ancmdiag.model.Expectation;
import io.github.ancmdiag.model.Finding;
import io.github.ancmdiag.model.HttpStatus;
import io.github.ancmdiag.model.Observation;
import io.github.ancmdiag.model.Parameter;
import io.github.ancmdiag.model.VersionRange;
import io.github.ancmdiag.rules.CatalogEntry;
import io.github.ancmdiag.rules.FixStep;
import io.github.ancmdiag.rules.Signature;
import io.github.ancmdiag.rules.Variant;
import java.util.ArrayList;
import java.util.Collection;
import java.util.Comparator;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import org.jetbrains.annotations.Nullable;

/**
 * Weighs the evidence of one incident and ranks the causes it supports. Each signature weighs by
 * its kind and its catalog multiplier ({@link Weights}); evidence several causes explain is split
 * among them by weight and prior; evidence against a cause subtracts (another HTTP status than the
 * cause produces, an observation that conflicts with one it expects, a message it writes to a log
 * the user says was not created, a contrary signature found). The best diagnosis is {@code HIGH}
 * only with strong support, nothing against it, a clear lead, and one whole log message that
 * decides on its own; {@code MEDIUM} needs evidence beyond the page; runners-up are {@code LOW}.
 * Stateless and thread-safe.
 */
public final class Scorer {
  /** A ranked result: the diagnoses, the version range inferred, and the records that matched. */
  public record Result(List<RankedCause> diagnoses, @Nullable VersionRange inferred,
      int matchedRecords) {}

  private final CompiledCatalog compiled;
  private final RecordMatching matching;

  /**
   * Creates the scorer of a compiled catalog.
   *
   * @param compiled the compiled catalog
   * @param matching its record matching
   */
  public Scorer(CompiledCatalog compiled, RecordMatching matching) {
    this.compiled = compiled;
    this.matching = matching;
  }

  /**
   * Weighs an incident.
   *
   * @param records the incident's records
   * @param observations what the user observed
   * @param v the ASP.NET Core version, or null when unknown
   * @return the ranked diagnoses
   */
  public Result score(Collection<? extends LogRecord> records, Set<Observation> observations,
      @Nullable AspNetCoreVersion v) {
    IncidentFacts facts = new IncidentFacts(records, observations);
    int matchedRecords = 0;
    List<Match> matches = new ArrayList<>();
    List<RecordMatching.Claim> claims = new ArrayList<>();
    for (LogRecord r : records) {
      matches.clear();
      claims.clear();
      List<HttpStatus> statuses = RecordMatching.statuses(r);
      matching.collect(r, statuses, matches, claims);
      if (!matches.isEmpty()) {
        matchedRecords++;
      }
      facts.add(r, matches, claims, v);
      facts.statuses.addAll(statuses);
      if (!r.provider().isEmpty()) {
        providerCues(r, facts, v);
      }
    }
    facts.finish();
    List<Candidate> scored = new ArrayList<>();
    List<CatalogEntry> entries = compiled.catalog.entries();
    for (int e = 0; e < entries.size(); e++) {
      Candidate best = null;
      Candidate second = null;
      for (int vi = 0; vi < entries.get(e).variants().size(); vi++) {
        Variant variant = entries.get(e).variants().get(vi);
        if (v != null && !variant.versions().contains(v)) {
          continue;
        }
        Candidate s = candidate(e, vi, facts);
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
    scored.sort(Comparator.comparingDouble(Candidate::raw).reversed()
        .thenComparing(Comparator.comparingDouble((Candidate s) -> s.support).reversed())
        .thenComparing(s -> s.entry.id()));
    List<RankedCause> diagnoses = new ArrayList<>();
    double secondRaw = scored.size() < 2 ? 0 : Math.max(0, scored.get(1).raw());
    double topRaw = scored.isEmpty() ? 0 : scored.get(0).raw();
    for (int i = 0; i < scored.size(); i++) {
      Candidate s = scored.get(i);
      Confidence conf = i == 0 ? confidence(s, secondRaw) : Confidence.LOW;
      double rival = i == 0 ? secondRaw : topRaw;
      double score = s.raw() / (s.raw() + rival + Weights.SCORE_OTHER);
      List<String> fix = new ArrayList<>();
      for (String step : s.entry.fixFor(s.variant)) {
        fix.add(FixStep.parse(step).render(s.parameters));
      }
      diagnoses.add(new RankedCause(s.entry.id(), s.entry.title(), s.entry.summary(),
          s.variant.versions(), score, conf, s.supporting, s.missing, s.contradicting,
          s.parameters, fix));
    }
    VersionRange inferred = null;
    if (v == null && !scored.isEmpty() && scored.get(0).variantLead > 1e-9
        && scored.get(0).raw() > 0) {
      inferred = scored.get(0).variant.versions();
    }
    return new Result(diagnoses, inferred, matchedRecords);
  }

  /**
   * Weighs the contrary signatures an event's provider name matches: where the event was
   * written ({@code IIS Express AspNetCore Module V2}) is a cue about where the app runs, though
   * the provider is not part of the message.
   */
  private void providerCues(LogRecord r, IncidentFacts facts, @Nullable AspNetCoreVersion v) {
    List<Match> matches = new ArrayList<>();
    List<RecordMatching.Claim> claims = new ArrayList<>();
    LogRecord.Builder b = LogRecord.builder(r.channel(), r.provider()).source(r.source());
    if (r.line() > 0) {
      b.line(r.line());
    }
    LogRecord provider = b.build();
    matching.collect(provider, List.of(), matches, claims);
    for (int i = claims.size() - 1; i >= 0; i--) {
      if (!claims.get(i).ref().sig.isContrary()) {
        claims.remove(i);
        matches.remove(i);
      }
    }
    if (!matches.isEmpty()) {
      facts.add(provider, matches, claims, v);
    }
  }

  /**
   * The leader's confidence. A runner-up is one possible cause among several: never more certain
   * than the leader, so always {@code LOW}.
   */
  private static Confidence confidence(Candidate s, double secondRaw) {
    double raw = s.raw();
    if (raw >= Weights.HIGH_SUPPORT && raw >= Weights.HIGH_LEAD * secondRaw
        && s.contradicting.isEmpty() && s.decisive) {
      return Confidence.HIGH;
    }
    if (raw >= Weights.MEDIUM_SUPPORT && raw >= Weights.MEDIUM_LEAD * secondRaw && s.beyondPage) {
      return Confidence.MEDIUM;
    }
    return Confidence.LOW;
  }

  private Candidate candidate(int e, int vi, IncidentFacts facts) {
    CatalogEntry entry = compiled.catalog.entries().get(e);
    Variant variant = entry.variants().get(vi);
    Candidate s = new Candidate(entry, variant);
    CompiledCatalog.SigRef[] refs = compiled.refs[e][vi];
    CompiledCatalog.VariantTraits traits = compiled.traits[e][vi];
    // One page per incident: when any status of the variant was seen, the others are not
    // evidence against it, and a status against it counts once.
    boolean ownStatusSeen = false;
    for (CompiledCatalog.SigRef ref : refs) {
      if (ref.sig.kind() == Signature.Kind.STATUS && !ref.sig.isContrary()
          && facts.best.containsKey(ref)) {
        ownStatusSeen = true;
      }
    }
    boolean statusCounted = ownStatusSeen;
    for (CompiledCatalog.SigRef ref : refs) {
      Signature sig = ref.sig;
      if (sig.isContrary()) {
        contrary(s, ref, facts);
      } else if (sig.kind() == Signature.Kind.OBSERVATION) {
        observation(s, ref, facts, ownStatusSeen);
      } else {
        IncidentFacts.Best best = facts.best.get(ref);
        if (best != null) {
          found(s, ref, best);
        } else {
          statusCounted |= notFound(s, ref, facts, statusCounted, traits.servesRequests(),
              traits.mayBeAbsent().contains(sig.channel()));
        }
      }
    }
    return s;
  }

  private static void found(Candidate s, CompiledCatalog.SigRef ref, IncidentFacts.Best best) {
    Signature sig = ref.sig;
    double w = best.weight;
    s.support += w;
    boolean message = sig.kind() == Signature.Kind.TEXT;
    // decisive by what the message says, not by the bonus for the values it pins
    if (message && best.match.isComplete() && best.record.channel() != Channel.BROWSER
        && w / ref.specificity >= Weights.DECISIVE) {
      s.decisive = true;
    }
    if (sig.channel() != Channel.BROWSER) {
      s.beyondPage = true;
    }
    s.supporting.add(new Finding(sig.id(), message ? Finding.Kind.MESSAGE : Finding.Kind.STATUS,
        best.record.channel(), quote(best.match), where(best.record), w));
    for (Parameter p : best.parameters.values()) {
      s.parameters.putIfAbsent(p.name(), p.canonicalValue());
    }
  }

  /**
   * Weighs a message or status that was not seen: against the cause when the evidence says it
   * cannot be there, else an expectation. Returns whether a status contradiction was counted.
   */
  private static boolean notFound(Candidate s, CompiledCatalog.SigRef ref, IncidentFacts facts,
      boolean statusSeenOrCounted, boolean servesRequests, boolean logMayBeAbsent) {
    Signature sig = ref.sig;
    String why = null;
    double w = 0;
    boolean statusCounted = false;
    if (sig.kind() == Signature.Kind.STATUS) {
      if (!statusSeenOrCounted && !facts.statuses.isEmpty()) {
        why = "the browser showed HTTP " + facts.statusText() + ", not " + statusList(sig);
        w = Weights.STATUS_CONTRADICTION * sig.weight();
        statusCounted = true;
      } else if (facts.observations.contains(Observation.CONNECTION_REFUSED)
          || !servesRequests && facts.observations.contains(Observation.APP_RESPONDS_NORMALLY)) {
        why = "the browser showed no error page";
        w = Weights.OBSERVATION_CONTRADICTION * sig.weight();
      }
    } else if (!(servesRequests && sig.channel() == Channel.BROWSER) && !logMayBeAbsent) {
      why = facts.absentLog(sig.channel());
      w = Weights.ABSENT_LOG_CONTRADICTION * sig.weight();
    }
    Finding.Kind kind =
        sig.kind() == Signature.Kind.STATUS ? Finding.Kind.STATUS : Finding.Kind.MESSAGE;
    if (why != null && kind == Finding.Kind.MESSAGE) {
      s.absentLog(new Finding(sig.id(), kind, sig.channel(), why, "", w));
    } else if (why != null) {
      s.against += w;
      s.contradicting.add(new Finding(sig.id(), kind, sig.channel(), why, "", w));
    } else {
      s.missing.add(new Expectation(sig.id(), sig.channel(), sig.describe()));
    }
    return statusCounted;
  }

  private static void observation(Candidate s, CompiledCatalog.SigRef ref, IncidentFacts facts,
      boolean ownStatusSeen) {
    Signature sig = ref.sig;
    Observation o = sig.observation().orElseThrow();
    if (facts.observations.contains(o)) {
      s.support += ref.weight;
      s.beyondPage = true;
      s.supporting.add(new Finding(sig.id(), Finding.Kind.OBSERVATION, sig.channel(),
          "observation " + o.key(), "", ref.weight));
      return;
    }
    // the page of a cause whose app keeps serving requests is no sign that it does not
    String why = o == Observation.APP_RESPONDS_NORMALLY && ownStatusSeen ? null : facts.conflict(o);
    if (why != null) {
      double w = Weights.OBSERVATION_CONTRADICTION * sig.weight();
      s.against += w;
      s.contradicting.add(new Finding(sig.id(), Finding.Kind.OBSERVATION, sig.channel(), why, "",
          w));
    } else {
      s.missing.add(new Expectation(sig.id(), sig.channel(), sig.describe()));
    }
  }

  /** A contrary signature subtracts when found and is never missing. */
  private static void contrary(Candidate s, CompiledCatalog.SigRef ref, IncidentFacts facts) {
    Signature sig = ref.sig;
    if (sig.kind() == Signature.Kind.OBSERVATION) {
      Observation o = sig.observation().orElseThrow();
      if (facts.observations.contains(o)) {
        double w = Weights.OBSERVATION_CONTRADICTION * sig.weight();
        s.against += w;
        s.contradicting.add(new Finding(sig.id(), Finding.Kind.OBSERVATION, sig.channel(),
            o.key(), "", w));
      }
      return;
    }
    IncidentFacts.Best best = facts.best.get(ref);
    if (best != null) {
      s.against += best.weight;
      s.contradicting.add(new Finding(sig.id(),
          sig.kind() == Signature.Kind.STATUS ? Finding.Kind.STATUS : Finding.Kind.MESSAGE,
          best.record.channel(), quote(best.match), where(best.record), best.weight));
    }
  }

  private static String statusList(Signature sig) {
    StringBuilder sb = new StringBuilder();
    for (HttpStatus st : sig.statuses()) {
      sb.append(sb.length() == 0 ? "" : " or ").append(st);
    }
    return sb.toString();
  }

  private static String quote(Match m) {
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
}
