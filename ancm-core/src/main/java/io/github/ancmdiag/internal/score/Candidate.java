package io.github.ancmdiag.internal.score;

import io.github.ancmdiag.model.Expectation;
import io.github.ancmdiag.model.Finding;
import io.github.ancmdiag.rules.CatalogEntry;
import io.github.ancmdiag.rules.Variant;
import java.util.ArrayList;
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

  Candidate(CatalogEntry entry, Variant variant) {
    this.entry = entry;
    this.variant = variant;
  }

  double raw() {
    return support - against;
  }
}
