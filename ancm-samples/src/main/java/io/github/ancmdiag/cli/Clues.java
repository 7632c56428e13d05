package io.github.ancmdiag.cli;

import io.github.ancmdiag.Diagnosis;
import io.github.ancmdiag.DiagnosisReport;
import io.github.ancmdiag.Evidence;
import io.github.ancmdiag.model.Channel;
import io.github.ancmdiag.model.Confidence;
import io.github.ancmdiag.model.Expectation;
import io.github.ancmdiag.model.Finding;
import io.github.ancmdiag.model.HttpStatus;
import io.github.ancmdiag.rules.Catalog;
import io.github.ancmdiag.rules.Signature;
import io.github.ancmdiag.rules.Variant;
import java.util.ArrayList;
import java.util.Collections;
import java.util.Comparator;
import java.util.EnumMap;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

/**
 * What tells the top candidates apart. The candidates are the top diagnosis and the next ones
 * (at most {@value #CANDIDATES} in all) scoring at least half of it. Two expectations are the
 * same when their catalog signatures share a template, a status or the observation in the same
 * channel, whatever their ids; a candidate "expects" what any signature of its best-fitting
 * variant looks for, seen or not.
 *
 * <ul>
 *   <li>{@link #distinctive(Diagnosis)}: what a candidate expects, has not seen, and no other
 *       candidate expects (the report's {@code ? not seen} lines);
 *   <li>{@link #clues()}: when the top is not {@code HIGH}, the evidence some candidates expect
 *       and others do not, each with the {@link CollectStep} that would show it (what a
 *       candidate expects in a stdout log that is empty or was not created counts, as running
 *       the app by hand may show it);
 *   <li>{@link #step()} and {@link #laterSteps()}: the one step that tells the candidates apart
 *       best, and the others that tell something.
 * </ul>
 *
 * <p>Used by {@link TextReport} and {@link JsonReport}; one instance per report.
 */
final class Clues {
  /** At most this many candidates are compared. */
  static final int CANDIDATES = 3;
  /** At most this many clues are listed. */
  static final int MAX_CLUES = 8;
  /** At most this many further steps are named after the best one. */
  static final int LATER_STEPS = 3;

  /**
   * One piece of evidence to collect.
   *
   * @param channel where to look
   * @param description what to look for
   * @param expectedBy the candidates that expect it
   * @param notExpectedBy the candidates that do not
   * @param step what to do to collect it
   */
  record Clue(Channel channel, String description, List<String> expectedBy,
      List<String> notExpectedBy, CollectStep step) {}

  private final List<Diagnosis> candidates;
  private final Catalog catalog;
  /** Per candidate entry id, the keys of everything its variant looks for. */
  private final Map<String, Set<String>> expects = new HashMap<>();
  private final List<Clue> clues;
  private final CollectStep step;
  private final List<CollectStep> laterSteps;
  /** Whether the top is {@code HIGH} (or there is none): nothing is left to decide. */
  private final boolean decided;
  private final boolean stdoutBlind;

  private Clues(DiagnosisReport report, Catalog catalog, Evidence evidence) {
    this.catalog = catalog;
    this.candidates = candidates(report);
    for (Diagnosis d : candidates) {
      Set<String> keys = new HashSet<>();
      Optional<Variant> v = variant(d);
      if (v.isPresent()) {
        v.get().signatures().forEach(s -> keys.addAll(keys(s)));
      }
      d.missing().forEach(e -> keys.addAll(keys(d, e)));
      expects.put(d.entryId(), keys);
    }
    this.decided = report.diagnoses().isEmpty()
        || report.diagnoses().get(0).confidence() == Confidence.HIGH;
    this.stdoutBlind = CollectStep.stdoutBlind(evidence);
    List<Clue> all = decided ? List.of() : collect();
    Set<CollectStep> taken = CollectStep.taken(evidence);
    List<CollectStep> ranked = rank(all, taken);
    this.step = ranked.isEmpty() ? null : ranked.get(0);
    this.laterSteps = ranked.stream().skip(1).filter(s -> !taken.contains(s))
        .limit(LATER_STEPS).toList();
    List<Clue> sorted = new ArrayList<>(all);
    sorted.sort(Comparator.comparing((Clue c) -> c.step() != step)
        .thenComparingInt(c -> c.expectedBy().size())
        .thenComparing(c -> c.channel() == Channel.BROWSER));
    this.clues = List.copyOf(sorted.subList(0, Math.min(MAX_CLUES, sorted.size())));
  }

  /**
   * Compares the report's top candidates.
   *
   * @param report the report
   * @param catalog the catalog it was made with, to compare signatures rather than words
   * @param evidence the evidence it was made from, to tell what was already collected
   */
  static Clues of(DiagnosisReport report, Catalog catalog, Evidence evidence) {
    return new Clues(report, catalog, evidence);
  }

  /** Returns the top diagnosis and the runners-up that score at least half of it. */
  static List<Diagnosis> candidates(DiagnosisReport report) {
    List<Diagnosis> all = report.diagnoses();
    List<Diagnosis> out = new ArrayList<>();
    for (Diagnosis d : all) {
      if (out.size() == CANDIDATES || (!out.isEmpty() && d.score() < all.get(0).score() / 2)) {
        break;
      }
      out.add(d);
    }
    return List.copyOf(out);
  }

  /**
   * Returns what this candidate expects, has not seen, and no other candidate expects, one per
   * description, those the best {@link #step()} would show first. Only the top has them when it
   * is {@code HIGH}; a lone top that is not {@code HIGH} has what the best step would show; a
   * diagnosis that is not a candidate has none.
   */
  List<Expectation> distinctive(Diagnosis d) {
    if (!candidates.contains(d) || (decided && d != candidates.get(0))
        || (decided && candidates.size() == 1)) {
      return List.of();
    }
    List<Expectation> out = new ArrayList<>();
    Set<String> descriptions = new HashSet<>();
    for (Expectation e : d.missing()) {
      Set<String> keys = keys(d, e);
      boolean shared = false;
      for (Diagnosis other : candidates) {
        if (other != d && !Collections.disjoint(expects.get(other.entryId()), keys)) {
          shared = true;
          break;
        }
      }
      boolean lone = candidates.size() == 1;
      if (!shared && (!lone || stepOf(d, e) == step) && descriptions.add(e.description())) {
        out.add(e);
      }
    }
    out.sort(Comparator.comparing(e -> stepOf(d, e) != step));
    return List.copyOf(out);
  }

  /**
   * Returns the clues, at most {@value #MAX_CLUES}: those of the best step first, then those
   * expected by fewer candidates and from logs rather than the browser; empty when the top is
   * HIGH.
   */
  List<Clue> clues() {
    return clues;
  }

  /** Returns the step that tells the candidates apart best; empty when there are no clues. */
  Optional<CollectStep> step() {
    return Optional.ofNullable(step);
  }

  /**
   * Returns the other steps that tell something and whose evidence the incident does not hold
   * yet, best first, at most {@value #LATER_STEPS}.
   */
  List<CollectStep> laterSteps() {
    return laterSteps;
  }

  /**
   * Returns the candidates the best step tells the top one from; when it tells the top from
   * none, the first pair it tells apart; with one candidate, that one.
   */
  List<String> toldApart() {
    if (step == null) {
      return List.of();
    }
    if (candidates.size() == 1) {
      return List.of(candidates.get(0).entryId());
    }
    List<Clue> of = clues.stream().filter(c -> c.step() == step).toList();
    String top = candidates.get(0).entryId();
    List<String> out = new ArrayList<>(List.of(top));
    for (Diagnosis d : candidates.subList(1, candidates.size())) {
      if (separates(of, top, d.entryId())) {
        out.add(d.entryId());
      }
    }
    if (out.size() > 1) {
      return List.copyOf(out);
    }
    for (int i = 1; i < candidates.size(); i++) {
      for (int j = i + 1; j < candidates.size(); j++) {
        if (separates(of, candidates.get(i).entryId(), candidates.get(j).entryId())) {
          return List.of(candidates.get(i).entryId(), candidates.get(j).entryId());
        }
      }
    }
    return List.of();
  }

  /** Returns the first template of the signature an expectation stands for, if it is a message. */
  Optional<String> template(Diagnosis d, Expectation e) {
    return signature(d, e).filter(s -> s.kind() == Signature.Kind.TEXT)
        .map(s -> s.texts().get(0));
  }

  private CollectStep stepOf(Diagnosis d, Expectation e) {
    return CollectStep.of(e.channel(), signature(d, e).flatMap(Signature::observation),
        stdoutBlind);
  }

  /**
   * Returns what a candidate still expects: what it has not seen and, when the stdout log is
   * empty or was not created, the messages it expects there, which only running the app by hand
   * can show now.
   */
  private List<Expectation> open(Diagnosis d) {
    List<Expectation> open = new ArrayList<>(d.missing());
    if (stdoutBlind) {
      for (Finding f : d.contradicting()) {
        signature(d, f.signatureId())
            .filter(s -> s.kind() == Signature.Kind.TEXT && s.channel() == Channel.STDOUT_LOG)
            .ifPresent(s -> open.add(new Expectation(s.id(), s.channel(), s.describe())));
      }
    }
    return open;
  }

  private List<Clue> collect() {
    Map<Set<String>, Clue> found = new LinkedHashMap<>();
    for (Diagnosis d : candidates) {
      for (Expectation e : open(d)) {
        Set<String> keys = keys(d, e);
        if (found.containsKey(keys)) {
          continue;
        }
        List<String> by = new ArrayList<>();
        List<String> notBy = new ArrayList<>();
        for (Diagnosis other : candidates) {
          boolean expected = other == d
              || !Collections.disjoint(expects.get(other.entryId()), keys);
          (expected ? by : notBy).add(other.entryId());
        }
        if (!notBy.isEmpty() || candidates.size() == 1) {
          found.put(keys, new Clue(e.channel(), e.description(), List.copyOf(by),
              List.copyOf(notBy), stepOf(d, e)));
        }
      }
    }
    return List.copyOf(found.values());
  }

  /**
   * Ranks the steps that have clues: those not taken yet first, then by how many runners-up
   * they tell the top from, how many pairs of candidates they tell apart, how many candidates
   * expect something there, and cheapest first.
   */
  private List<CollectStep> rank(List<Clue> all, Set<CollectStep> taken) {
    Map<CollectStep, List<Clue>> byStep = new EnumMap<>(CollectStep.class);
    for (Clue c : all) {
      byStep.computeIfAbsent(c.step(), k -> new ArrayList<>()).add(c);
    }
    Map<CollectStep, int[]> score = new EnumMap<>(CollectStep.class);
    for (Map.Entry<CollectStep, List<Clue>> en : byStep.entrySet()) {
      List<Clue> of = en.getValue();
      int fromTop = 0;
      int pairs = 0;
      for (int i = 0; i < candidates.size(); i++) {
        for (int j = i + 1; j < candidates.size(); j++) {
          if (separates(of, candidates.get(i).entryId(), candidates.get(j).entryId())) {
            pairs++;
            fromTop += i == 0 ? 1 : 0;
          }
        }
      }
      Set<String> covered = new LinkedHashSet<>();
      of.forEach(c -> covered.addAll(c.expectedBy()));
      score.put(en.getKey(), new int[] {taken.contains(en.getKey()) ? 0 : 1, fromTop, pairs,
          covered.size()});
    }
    List<CollectStep> ranked = new ArrayList<>(score.keySet());
    Comparator<CollectStep> better = Comparator.comparingInt(s -> -score.get(s)[0]);
    for (int k = 1; k < 4; k++) {
      int at = k;
      better = better.thenComparingInt(s -> -score.get(s)[at]);
    }
    ranked.sort(better.thenComparing(Comparator.naturalOrder()));
    return ranked;
  }

  private static boolean separates(List<Clue> clues, String a, String b) {
    for (Clue c : clues) {
      if (c.expectedBy().contains(a) != c.expectedBy().contains(b)) {
        return true;
      }
    }
    return false;
  }

  private Optional<Variant> variant(Diagnosis d) {
    return catalog.entry(d.entryId()).flatMap(entry -> entry.variants().stream()
        .filter(v -> v.versions().equals(d.versions())).findFirst());
  }

  private Optional<Signature> signature(Diagnosis d, Expectation e) {
    return signature(d, e.signatureId());
  }

  private Optional<Signature> signature(Diagnosis d, String signatureId) {
    return variant(d).flatMap(v -> v.signatures().stream()
        .filter(s -> s.id().equals(signatureId)).findFirst());
  }

  /** Keys of what an expectation looks for; its words when its signature is not found. */
  private Set<String> keys(Diagnosis d, Expectation e) {
    return signature(d, e).map(Clues::keys)
        .orElseGet(() -> Set.of("D " + e.channel() + " " + e.description()));
  }

  private static Set<String> keys(Signature s) {
    Set<String> keys = new HashSet<>();
    switch (s.kind()) {
      case TEXT:
        s.texts().forEach(t -> keys.add("T " + s.channel() + " " + t.strip()));
        break;
      case STATUS:
        for (HttpStatus st : s.statuses()) {
          keys.add("S " + st);
        }
        break;
      default:
        keys.add("O " + s.observation().orElseThrow().key());
        break;
    }
    return keys;
  }
}
