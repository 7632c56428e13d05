/**
 * The bundled catalog of ASP.NET Core Module start-up failure causes, and the loader that reads a
 * catalog from JSON files.
 *
 * <p>Start with {@link io.github.ancmdiag.catalog.BundledCatalog#load()}; read a catalog of your own
 * with {@link io.github.ancmdiag.catalog.CatalogReader}. Jackson is used inside only: no Jackson
 * type appears in this module's API.
 */
module io.github.ancmdiag.catalog {
  exports io.github.ancmdiag.catalog;

  requires transitive io.github.ancmdiag; // our API returns core types
  requires com.fasterxml.jackson.databind; // never transitive: no Jackson type in our API
  requires static org.jetbrains.annotations;

  opens io.github.ancmdiag.catalog.internal to com.fasterxml.jackson.databind;
}
