package io.github.ancmdiag.benchmarks;

import io.github.ancmdiag.catalog.BundledCatalog;
import io.github.ancmdiag.rules.Catalog;
import java.lang.management.ManagementFactory;
import java.lang.management.MemoryMXBean;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

/**
 * Retained heap of a built engine, measured without JOL (not available here): heap used after a
 * full GC with {@value #COPIES} engines held ({@value #COPIES_10X} for the 10x catalog), minus
 * heap used after a full GC before they were built, divided by their number. The catalogs they are built from are loaded (one per
 * engine, so nothing is shared between instances) and held <em>before</em> the first reading, so
 * the figure is what an engine adds on top of a catalog already in memory: for our {@code
 * Diagnoser} its compiled matcher and lookup tables (not the {@code Catalog} it refers to), for
 * the baselines their patterns, automata and entry-id sets. Run in a fresh JVM with a fixed heap
 * and the serial collector ({@code -Xms4g -Xmx4g -XX:+UseSerialGC}: 20 RE2/J engines of the 10x
 * catalog take 2 GB) and nothing else running in it; several GCs are asked for and the smallest
 * reading kept.
 *
 * <p>Usage: {@code java -Xms4g -Xmx4g -XX:+UseSerialGC -cp benchmarks.jar
 * io.github.ancmdiag.benchmarks.RetainedSize [BUNDLED|SYNTHETIC_10X]}
 */
public final class RetainedSize {
  /** How many instances are held at once (for the 10x catalog: {@value #COPIES_10X}). */
  static final int COPIES = 20;
  /** Fewer for the 10x catalog: an RE2/J engine of it takes half a minute to build. */
  static final int COPIES_10X = 4;

  private static CatalogScale scale = CatalogScale.BUNDLED;

  private RetainedSize() {}

  /**
   * Prints the retained size of each engine and of the catalog.
   *
   * @param args optionally the catalog scale
   */
  public static void main(String[] args) {
    scale = args.length > 0 ? CatalogScale.valueOf(args[0]) : CatalogScale.BUNDLED;
    System.out.printf(Locale.ROOT, "retained size per instance, catalog %s (%d copies held):%n",
        scale, copies());
    // Warm up class loading and caches so that one-off statics are not charged to the first kind.
    for (EngineType t : EngineType.values()) {
      t.create(fresh(CatalogScale.BUNDLED));
    }
    for (EngineType t : EngineType.values()) {
      if (t.matches()) {
        System.out.printf(Locale.ROOT, "  %-22s %,12d bytes%n", t, measure(t));
      }
    }
  }

  private static int copies() {
    return scale == CatalogScale.BUNDLED ? COPIES : COPIES_10X;
  }

  private static Catalog fresh(CatalogScale scale) {
    return CatalogScale.times(BundledCatalog.load(), scale == CatalogScale.BUNDLED ? 1 : 10);
  }

  /**
   * Measures the heap retained by one instance.
   *
   * @param type the engine to build from a catalog loaded beforehand
   * @return bytes per instance
   */
  static long measure(EngineType type) {
    List<Catalog> catalogs = new ArrayList<>();
    int copies = copies();
    for (int i = 0; i < copies; i++) {
      catalogs.add(fresh(scale));
    }
    long before = usedAfterGc();
    List<Object> held = new ArrayList<>();
    for (int i = 0; i < copies; i++) {
      held.add(type.create(catalogs.get(i)));
    }
    long after = usedAfterGc();
    if (held.size() != copies || catalogs.size() != copies) {
      throw new AssertionError("instances were not held");
    }
    return (after - before) / copies;
  }

  private static long usedAfterGc() {
    MemoryMXBean memory = ManagementFactory.getMemoryMXBean();
    long best = Long.MAX_VALUE;
    for (int i = 0; i < 5; i++) {
      System.gc();
      best = Math.min(best, memory.getHeapMemoryUsage().getUsed());
    }
    return best;
  }
}
