package io.github.ancmdiag.internal.score;

import io.github.ancmdiag.model.Channel;
import io.github.ancmdiag.model.Expectation;
import io.github.ancmdiag.model.Finding;
import io.github.ancmdiag.rules.CatalogEntry;
import io.github.ancmdiag.rules.Variant;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/** The score of one variant of one entry while diagnosing one incident. */
final class Candidate {
  final CatalogEntry entry;
  final Variant variant;
  double support;
  double against;
  /** A whole log message that weighs {@link Weights#DECISIVE} or more on its own supports it. */
  boolean decisive;
  /** Support beyond the page: a log message, a page's detail message, or an observation. */
  boolean beyondPage;
  double variantLead;
  final List<Finding> supporting = new ArrayList<>();
  final List<Expectation> missing = new ArrayList<>();
  final List<Finding> contradicting = new ArrayList<>();
  final Map<String, String> parameters = new LinkedHashMap<>();
  /** The one contradiction counted per log the evidence says is absent or empty. */
  final Map<Channel, Finding> absentLog = new EnumMap<>(Channel.class);

  Candidate(CatalogEntry entry, Variant variant) {
    this.entry = entry;
    this.variant = variant;
  }

  /**
   * Counts a log that is absent or empty against the cause once, however many of its messages
   * the cause could have written there: the heaviest of them stands for all.
   */
  void absentLog(Finding f) {
    Finding old = absentLog.get(f.channel());
    if (old == null) {
      absentLog.put(f.channel(), f);
      against += f.weight();
      contradicting.add(f);
    } else if (f.weight() > old.weight()) {
      absentLog.put(f.channel(), f);
      against += f.weight() - old.weight();
      contradicting.set(contradicting.indexOf(old), f);
    }
  }

  double raw() {
    return support - against;
  }
}
