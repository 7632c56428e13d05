package io.github.ancmdiag.benchmarks;

import io.github.ancmdiag.Classification;
import io.github.ancmdiag.Diagnoser;
import io.github.ancmdiag.SignatureMatch;
import io.github.ancmdiag.input.LogRecord;
import io.github.ancmdiag.model.Channel;
import io.github.ancmdiag.rules.Catalog;
import io.github.ancmdiag.rules.CatalogEntry;
import io.github.ancmdiag.rules.Signature;
import io.github.ancmdiag.rules.Variant;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import java.util.TreeSet;

/**
 * The check every benchmark of a matching engine runs before it is timed: a wrong answer never
 * gets a timing (RE2/J's rule). Runs ours and another engine over the whole corpus and throws
 * {@link IllegalStateException}, with examples, if they disagree on any line, or if ours misses an
 * entry in a record made from that entry's template. Ours is itself checked against {@link
 * EngineType#reference()}.
 *
 * <p>What is compared, precisely: for ours, the entries of the {@linkplain SignatureMatch matches}
 * that come from a text signature and are {@linkplain SignatureMatch#isComplete() complete}; for
 * the baseline, the entries of every template whose pattern is found. Left out on purpose, and
 * counted in the report: what ours reports beyond that, which a per-template regex cannot express.
 * Those are HTTP statuses found in the text ({@code HTTP Error 500.30} also counts as evidence of
 * the status signature {@code 500.30}) and truncated messages (a long template whose first part is
 * present and whose line then ends is reported with completeness below 1; ours reports such a
 * partial match of, say, the "multiple retries" template on a line that fully matches a sibling
 * template with the same opening).
 */
public final class Agreement {
  private static final int MAX_EXAMPLES = 10;

  private Agreement() {}

  /**
   * Checks an engine against ours on a whole corpus and returns a summary.
   *
   * @param corpus the corpus
   * @param catalog the catalog both engines were built from
   * @param ours our engine
   * @param name the other engine's name, for messages
   * @param other the other engine; its {@link Engine#classify} must return a set of entry ids
   * @return a summary of what matched, for the benchmark's output
   * @throws IllegalStateException if the engines disagree on a line or ours misses a planted entry
   */
  public static String check(Corpus corpus, Catalog catalog, Diagnoser ours, String name,
      Engine other) {
    return check(corpus.lines(), corpus.planted(), catalog, ours, name, other);
  }

  /**
   * Checks an engine against ours on some lines and returns a summary.
   *
   * @param lines the lines
   * @param planted the lines made from a template, whose entries ours must find; may be empty
   * @param catalog the catalog both engines were built from
   * @param ours our engine
   * @param name the other engine's name, for messages
   * @param other the other engine; its {@link Engine#classify} must return a set of entry ids
   * @return a summary of what matched, for the benchmark's output
   * @throws IllegalStateException if the engines disagree on a line or ours misses a planted entry
   */
  public static String check(String[] lines, List<Corpus.Planted> planted, Catalog catalog,
      Diagnoser ours, String name, Engine other) {
    Set<String> textSignatures = textSignatureKeys(catalog);
    List<String> problems = new ArrayList<>();
    int disagreements = 0;
    int matchedLines = 0;
    int unrelatedMatched = 0;
    int statusExtra = 0;
    int truncatedExtra = 0;
    Set<Integer> plantedLines = new HashSet<>();
    for (Corpus.Planted p : planted) {
      plantedLines.add(p.index());
    }
    List<Set<String>> complete = new ArrayList<>(lines.length);
    for (int i = 0; i < lines.length; i++) {
      Classification c = ours.classify(LogRecord.of(Channel.EVENT_LOG, lines[i]));
      Set<String> oursComplete = new TreeSet<>();
      boolean status = false;
      boolean truncated = false;
      for (SignatureMatch m : c.matches()) {
        if (!textSignatures.contains(key(m.entryId(), m.versions().toString(), m.signatureId()))) {
          status = true;
        } else if (m.isComplete()) {
          oursComplete.add(m.entryId());
        } else {
          truncated = true;
        }
      }
      Set<String> theirs = new TreeSet<>();
      Object result = other.classify(lines[i]);
      if (!(result instanceof Set<?> ids)) {
        throw new IllegalArgumentException(name + " does not return entry ids but " + result);
      }
      for (Object id : ids) {
        theirs.add((String) id);
      }
      complete.add(oursComplete);
      Set<String> all = c.entryIds();
      if (!oursComplete.isEmpty()) {
        matchedLines++;
        if (!plantedLines.contains(i)) {
          unrelatedMatched++;
        }
      }
      if (status && !oursComplete.containsAll(all)) {
        statusExtra++;
      }
      if (truncated && !oursComplete.containsAll(all)) {
        truncatedExtra++;
      }
      if (!oursComplete.equals(theirs)) {
        disagreements++;
        if (problems.size() < MAX_EXAMPLES) {
          problems.add("line " + i + ": ancm-diag " + oursComplete + ", " + name + " " + theirs
              + ": " + abbreviate(lines[i]));
        }
      }
    }
    int missed = 0;
    for (Corpus.Planted p : planted) {
      if (!complete.get(p.index()).containsAll(p.entryIds())) {
        missed++;
        if (problems.size() < 2 * MAX_EXAMPLES) {
          problems.add("planted line " + p.index() + " from template \"" + p.template()
              + "\" should give " + p.entryIds() + " but ancm-diag gave "
              + complete.get(p.index()) + ": " + abbreviate(lines[p.index()]));
        }
      }
    }
    if (disagreements > 0 || missed > 0) {
      throw new IllegalStateException(String.format(Locale.ROOT,
          "refusing to time engines that disagree: %,d of %,d lines differ between ancm-diag and"
              + " %s (complete text matches), %,d planted records missed by ancm-diag; examples:%n"
              + "  %s", disagreements, lines.length, name, missed,
          String.join(System.lineSeparator() + "  ", problems)));
    }
    return String.format(Locale.ROOT, "agreement: ancm-diag and %s give the same entry ids on all"
        + " %,d lines; %,d lines match (%,d planted, %,d other lines that contain"
        + " a catalog message); ancm-diag also reports status-only entries on %,d lines and"
        + " truncated-match entries on %,d lines (not compared)", name,
        lines.length, matchedLines, planted.size(),
        unrelatedMatched, statusExtra, truncatedExtra);
  }

  private static Set<String> textSignatureKeys(Catalog catalog) {
    Set<String> keys = new HashSet<>();
    for (CatalogEntry entry : catalog.entries()) {
      for (Variant variant : entry.variants()) {
        for (Signature sig : variant.signatures()) {
          if (sig.kind() == Signature.Kind.TEXT) {
            keys.add(key(entry.id(), variant.versions().toString(), sig.id()));
          }
        }
      }
    }
    return keys;
  }

  private static String key(String entry, String versions, String signature) {
    return entry + '\u0000' + versions + '\u0000' + signature;
  }

  private static String abbreviate(String line) {
    String flat = line.replace("\r", "\\r").replace("\n", "\\n");
    return flat.length() > 400 ? flat.substring(0, 397) + "..." : flat;
  }
}
