package io.github.ancmdiag.benchmarks;

import io.github.ancmdiag.Diagnoser;
import io.github.ancmdiag.rules.Catalog;
import java.util.List;
import java.util.Locale;

/**
 * Makes the engine a benchmark times, after the {@link Agreement} check on the very lines it will
 * be timed on: a matching engine is compared with ours, and ours (and its bulk path, which must
 * also give exactly what {@code classify} gives on every line) with {@link
 * EngineType#reference()}. Throws, so JMH reports the benchmark as failed and times nothing, if
 * they disagree.
 */
public final class Checked {
  private Checked() {}

  /**
   * Makes an engine and checks it.
   *
   * @param type the engine
   * @param catalog the catalog to build it from
   * @param lines the lines it will be timed on
   * @param planted which of them were made from a template
   * @return the engine, checked
   * @throws IllegalStateException if it disagrees with ours
   */
  public static Engine engine(EngineType type, Catalog catalog, String[] lines,
      List<Corpus.Planted> planted) {
    Engine impl = type.create(catalog);
    if (!type.matches()) {
      return impl;
    }
    AncmDiagEngine oursEngine = impl instanceof AncmDiagEngine ? (AncmDiagEngine) impl
        : (AncmDiagEngine) EngineType.ANCM_DIAG.create(catalog);
    Diagnoser ours = oursEngine.diagnoser();
    boolean isOurs = type == EngineType.ANCM_DIAG || type == EngineType.ANCM_DIAG_BULK;
    if (type == EngineType.ANCM_DIAG_BULK) {
      // the bulk path must give exactly what classify gives, on every line
      for (int i = 0; i < lines.length; i++) {
        if (!impl.classify(lines[i]).equals(oursEngine.classify(lines[i]))) {
          throw new IllegalStateException("refusing to time ANCM_DIAG_BULK: line " + (i + 1)
              + " gives " + impl.classify(lines[i]) + " where classify gives "
              + oursEngine.classify(lines[i]) + ": " + lines[i]);
        }
      }
    }
    EngineType otherType = isOurs ? EngineType.reference() : type;
    Engine other = isOurs ? otherType.create(catalog) : impl;
    long start = System.nanoTime();
    String summary = Agreement.check(lines, planted, catalog, ours, otherType.name(), other);
    System.out.printf(Locale.ROOT, "%s [catalog %s, %d entries; %.1f s]%n", summary,
        catalog.version(), catalog.entries().size(), (System.nanoTime() - start) / 1e9);
    return impl;
  }
}
