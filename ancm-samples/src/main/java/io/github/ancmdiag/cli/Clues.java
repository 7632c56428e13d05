package io.github.ancmdiag.cli;

import io.github.ancmdiag.Channel;
import io.github.ancmdiag.Confidence;
import io.github.ancmdiag.Diagnosis;
import io.github.ancmdiag.DiagnosisReport;
import io.github.ancmdiag.Expectation;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * What to collect next when the top diagnosis is not {@code HIGH}: the evidence that some of the
 * top candidates expect and the others do not, so that finding it (or not) tells them apart.
 * Built from each candidate's {@link Diagnosis#missing()} list; expectations are the same when
 * their channel and description are. Used by {@link TextReport} and {@link JsonReport}.
 */
final class Clues {
  /** At most this many candidates are compared. */
  static final int CANDIDATES = 3;
  /** At most this many clues are listed, the ones that single out one candidate first. */
  static final int MAX_CLUES = 8;

  /**
   * One piece of evidence to collect.
   *
   * @param channel where to look
   * @param description what to look for
   * @param expectedBy the candidates that expect it
   * @param notExpectedBy the candidates that do not
   */
  record Clue(Channel channel, String description, List<String> expectedBy,
      List<String> notExpectedBy) {}

  private Clues() {}

  /**
   * Returns the candidates compared: the top diagnosis and those scoring at least half of it.
   */
  static List<Diagnosis> candidates(DiagnosisReport report) {
    List<Diagnosis> all = report.diagnoses();
    if (all.isEmpty() || all.get(0).confidence() == Confidence.HIGH) {
      return List.of();
    }
    List<Diagnosis> out = new ArrayList<>();
    double top = all.get(0).score();
    for (Diagnosis d : all) {
      if (out.size() == CANDIDATES || (!out.isEmpty() && d.score() < top / 2)) {
        break;
      }
      out.add(d);
    }
    return out;
  }

  /**
   * Returns the clues that tell the candidates apart, at most {@value #MAX_CLUES}, those expected
   * by fewer candidates and from logs rather than the browser first; empty when the top one is
   * HIGH.
   */
  static List<Clue> of(DiagnosisReport report) {
    List<Diagnosis> candidates = candidates(report);
    Map<String, Clue> clues = new LinkedHashMap<>();
    for (Diagnosis d : candidates) {
      for (Expectation e : d.missing()) {
        String key = e.channel() + "\n" + e.description();
        if (clues.containsKey(key)) {
          continue;
        }
        List<String> by = new ArrayList<>();
        List<String> notBy = new ArrayList<>();
        for (Diagnosis other : candidates) {
          boolean expects = other.missing().stream().anyMatch(
              x -> x.channel() == e.channel() && x.description().equals(e.description()));
          (expects ? by : notBy).add(other.entryId());
        }
        if (!notBy.isEmpty() || candidates.size() == 1) {
          clues.put(key, new Clue(e.channel(), e.description(), List.copyOf(by),
              List.copyOf(notBy)));
        }
      }
    }
    List<Clue> sorted = new ArrayList<>(clues.values());
    sorted.sort(java.util.Comparator.comparingInt((Clue c) -> c.expectedBy().size())
        .thenComparing(c -> c.channel() == Channel.BROWSER));
    return List.copyOf(sorted.subList(0, Math.min(MAX_CLUES, sorted.size())));
  }
}
