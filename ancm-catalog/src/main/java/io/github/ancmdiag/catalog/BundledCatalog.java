package io.github.ancmdiag.catalog;

import io.github.ancmdiag.rules.Catalog;
import io.github.ancmdiag.rules.CatalogException;
import org.jetbrains.annotations.CheckReturnValue;
import org.jetbrains.annotations.NotNull;

/**
 * The catalog shipped in this jar: the causes of ASP.NET Core Module start-up failures that
 * ancm-diag knows, listed in {@code CATALOG.md}.
 *
 * <pre>{@code
 * Diagnoser diagnoser = Diagnoser.builder().catalog(BundledCatalog.load()).build();
 * }</pre>
 *
 * <p>The catalog is read and validated once, on the first call of {@link #load()}, and the same
 * immutable instance is returned from then on. Thread-safe.
 */
public final class BundledCatalog {
  /** The resource folder of the bundled catalog, in this module. */
  private static final String BASE = "/io/github/ancmdiag/catalog/";

  private BundledCatalog() {}

  /**
   * Returns the bundled catalog, loading it on the first call.
   *
   * @return the bundled catalog; the same instance on every call
   * @throws CatalogException listing every problem if the bundled data is broken (a build of this
   *     library that its own tests would reject); thrown again, with the same problems, on every
   *     call
   */
  @CheckReturnValue
  public static @NotNull Catalog load() {
    if (Holder.FAILURE != null) {
      throw new CatalogException(Holder.FAILURE.problems());
    }
    return Holder.CATALOG;
  }

  /**
   * Loads the catalog when first used (the lazy initialization holder idiom: the JVM runs this
   * class's initializer once, thread-safely, on first access). A failure is kept and rethrown,
   * rather than becoming an {@link ExceptionInInitializerError}.
   */
  private static final class Holder {
    static final Catalog CATALOG;
    static final CatalogException FAILURE;

    static {
      Catalog catalog = null;
      CatalogException failure = null;
      try {
        // Class.getResourceAsStream finds resources of this module's own, unopened packages
        catalog = CatalogLoader.load(CatalogReader.resources(
            name -> BundledCatalog.class.getResourceAsStream(BASE + name)));
      } catch (CatalogException e) {
        failure = e;
      }
      CATALOG = catalog;
      FAILURE = failure;
    }

    private Holder() {}
  }
}
