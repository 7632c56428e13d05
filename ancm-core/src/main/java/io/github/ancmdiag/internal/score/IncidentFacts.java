package io.github.ancmdiag.internal.score;

import io.github.ancmdiag.input.LogRecord;
import io.github.ancmdiag.model.AspNetCoreVersion;
import io.github.ancmdiag.model.Channel;
import io.github.ancmdiag.model.HttpStatus;
import io.github.ancmdiag.model.Observation;
import io.github.ancmdiag.model.Parameter;
import io.github.ancmdiag.rules.Signature;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collection;
import java.util.Comparator;
import java.util.EnumSet;
import java.util.HashMap;
import java.util.IdentityHashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.jetbrains.annotations.Nullable;

/** What the evidence of one incident shows, gathered once for all entries. */
final class IncidentFacts {
  /** The best match of one signature, with the values every match of it captured. */
  static final class Best {
    final Match match;
    final LogRecord record;
    final double weight;
    /** The best match's values, then values only other matches of the signature captured. */
    final Map<String, Parameter> parameters = new LinkedHashMap<>();

    Best(Match match, LogRecord record, double weight) {
      this.match = match;
      this.record = record;
      this.weight = weight;
      add(match);
    }

    void add(Match m) {
      for (Parameter p : m.parameters()) {
        parameters.putIfAbsent(p.name(), p);
      }
    }
  }

  final Set<Observation> observations = EnumSet.noneOf(Observation.class);
  final List<HttpStatus> statuses = new ArrayList<>();
  final Map<CompiledCatalog.SigRef, Best> best = new IdentityHashMap<>();
  boolean ancmEvent;
  boolean debugContent;
  boolean stdoutContent;

  IncidentFacts(Collection<? extends LogRecord> records, Set<Observation> given) {
    observations.addAll(given);
    for (LogRecord r : records) {
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
   * is shared evidence: it is worth what its strongest claim says, split among the entries in
   * proportion to their claims, so a page five causes produce decides little; each share is then
   * scaled by its cause's prior, so the page ranks them by how often each is behind it without
   * outweighing a message that only one of them writes. A template that leaves a value open counts
   * little where a template pinned to more values matched the same text ({@link
   * Weights#SHADOWED}). Evidence that counts against its cause is not shared.
   */
  void add(LogRecord record, List<Match> matches, List<RecordMatching.Claim> claimList,
      @Nullable AspNetCoreVersion v) {
    int n = matches.size();
    int[] cluster = clusters(matches, claimList);
    Map<Integer, Integer> mostConstrained = new HashMap<>();
    for (int i = 0; i < n; i++) {
      RecordMatching.Claim c = claimList.get(i);
      if (!c.ref().sig.isContrary() && inRange(c.ref(), v)) {
        mostConstrained.merge(cluster[i], c.constraints(), Math::max);
      }
    }
    // Per cluster of overlapping evidence: the strongest claim of each entry on it.
    Map<Integer, Map<Integer, Double>> claims = new HashMap<>();
    Map<Integer, Double> worth = new HashMap<>();
    double[] claim = new double[n];
    for (int i = 0; i < n; i++) {
      RecordMatching.Claim c = claimList.get(i);
      CompiledCatalog.SigRef ref = c.ref();
      if (ref.sig.isContrary() || !inRange(ref, v)) {
        continue;
      }
      double shadow = c.constraints() < mostConstrained.get(cluster[i]) ? Weights.SHADOWED : 1;
      claim[i] = ref.plainWeight * shadow;
      claims.computeIfAbsent(cluster[i], k -> new HashMap<>()).merge(ref.entry, claim[i], Math::max);
      worth.merge(cluster[i], ref.plainWeight, Math::max);
    }
    for (int i = 0; i < n; i++) {
      Match m = matches.get(i);
      CompiledCatalog.SigRef ref = claimList.get(i).ref();
      if (m.expectedChannel() == Channel.EVENT_LOG && m.isComplete()
          && record.channel() == Channel.EVENT_LOG && !ref.sig.isContrary()) {
        ancmEvent = true;
      }
      if (!inRange(ref, v)) {
        continue;
      }
      double q = m.completeness() < 1 ? m.completeness() * Weights.TRUNCATED : 1.0;
      if (ref.sig.kind() == Signature.Kind.STATUS) {
        q = m.completeness();
      }
      if (m.recordChannel() != m.expectedChannel() && !isEventEcho(m, record)) {
        q *= Weights.OTHER_CHANNEL;
      }
      double w;
      if (ref.sig.isContrary()) {
        w = ref.plainWeight * q;
      } else {
        double sum = 0;
        for (double x : claims.get(cluster[i]).values()) {
          sum += x;
        }
        double share = sum > 0 ? worth.get(cluster[i]) * claim[i] / sum : ref.plainWeight;
        w = share * ref.specificity * q * prior(ref.sig, sum > claim[i]);
      }
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
   * The factor a prior puts on a cause's share of evidence it shares with other causes: from
   * {@link Weights#PRIOR_FLOOR} for the rarest to 1 for a typical one. Evidence of one cause
   * alone is not scaled.
   */
  private static double prior(Signature sig, boolean shared) {
    return shared ? Weights.PRIOR_FLOOR + (1 - Weights.PRIOR_FLOOR) * sig.prior() : 1;
  }

  private static boolean inRange(CompiledCatalog.SigRef ref, @Nullable AspNetCoreVersion v) {
    return v == null || ref.variantRef.versions().contains(v);
  }

  /**
   * Tells whether a debug log match is ANCM's copy of an event it logged: the V2 debug log writes
   * every event's text as {@code Event Log: '<message>'}, so the message counts as the event.
   */
  private static boolean isEventEcho(Match m, LogRecord record) {
    return m.expectedChannel() == Channel.EVENT_LOG && m.recordChannel() == Channel.DEBUG_LOG
        && record.text().contains("Event Log: '");
  }

  /**
   * Groups the matches of one record into pieces of evidence: text matches whose spans overlap
   * (transitively), and status matches of the same status. O(m log m) for m matches.
   */
  private static int[] clusters(List<Match> matches, List<RecordMatching.Claim> claims) {
    int n = matches.size();
    int[] cluster = new int[n];
    Integer[] order = new Integer[n];
    for (int i = 0; i < n; i++) {
      order[i] = i;
    }
    Arrays.sort(order, Comparator
        .comparingInt((Integer i) -> claims.get(i).ref().sig.kind().ordinal())
        .thenComparing(i -> isPoint(matches.get(i)) ? matches.get(i).matchedText() : "")
        .thenComparingInt(i -> matches.get(i).start()));
    int id = -1;
    int end = -1;
    Signature.Kind kind = null;
    String point = null;
    for (Integer i : order) {
      Match m = matches.get(i);
      Signature.Kind k = claims.get(i).ref().sig.kind();
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

  private static boolean isPoint(Match m) {
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
    return switch (o) {
      case NO_EVENT_LOG_ENTRY -> ancmEvent ? "the event log has an ANCM entry" : null;
      case STDOUT_LOG_NOT_CREATED -> {
        if (observations.contains(Observation.STDOUT_LOG_EMPTY)) {
          yield "the stdout log was created (empty)";
        }
        yield stdoutContent || observations.contains(Observation.STDOUT_LOG_HAS_OUTPUT)
            ? "the stdout log was created and has output" : null;
      }
      case STDOUT_LOG_EMPTY -> {
        if (observations.contains(Observation.STDOUT_LOG_NOT_CREATED)) {
          yield "the stdout log was not created";
        }
        yield stdoutContent || observations.contains(Observation.STDOUT_LOG_HAS_OUTPUT)
            ? "the stdout log has output" : null;
      }
      case STDOUT_LOG_HAS_OUTPUT -> {
        if (observations.contains(Observation.STDOUT_LOG_NOT_CREATED)) {
          yield "the stdout log was not created";
        }
        yield observations.contains(Observation.STDOUT_LOG_EMPTY)
            ? "the stdout log is empty" : null;
      }
      case DEBUG_LOG_NOT_CREATED -> debugContent ? "the debug log exists and has content" : null;
      case APP_RESPONDS_NORMALLY -> {
        if (!statuses.isEmpty()) {
          yield "the browser showed HTTP " + statusText();
        }
        yield observations.contains(Observation.CONNECTION_REFUSED)
            ? "the browser could not connect" : null;
      }
      case CONNECTION_REFUSED -> {
        if (!statuses.isEmpty()) {
          yield "the browser showed HTTP " + statusText();
        }
        yield observations.contains(Observation.APP_RESPONDS_NORMALLY)
            ? "the app responds normally" : null;
      }
      default -> null;
    };
  }

  /** Says why a message expected in a log cannot be there, or null. */
  @Nullable String absentLog(Channel channel) {
    return switch (channel) {
      case EVENT_LOG -> observations.contains(Observation.NO_EVENT_LOG_ENTRY)
          ? "the event log has no entry" : null;
      case STDOUT_LOG -> {
        if (observations.contains(Observation.STDOUT_LOG_NOT_CREATED)) {
          yield "the stdout log was not created";
        }
        yield observations.contains(Observation.STDOUT_LOG_EMPTY)
            ? "the stdout log is empty" : null;
      }
      case DEBUG_LOG -> observations.contains(Observation.DEBUG_LOG_NOT_CREATED)
          ? "the debug log was not created" : null;
      case BROWSER -> observations.contains(Observation.APP_RESPONDS_NORMALLY)
          ? "the app responds normally" : null;
      default -> null;
    };
  }
}
