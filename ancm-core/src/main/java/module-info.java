/**
 * Diagnoses ASP.NET Core Module start-up failures from error pages, event logs and ANCM logs.
 *
 * <p>Start with {@link io.github.ancmdiag.Diagnoser}. The typed model is in {@code
 * io.github.ancmdiag.model}, what a catalog is in {@code io.github.ancmdiag.rules}, and records in
 * {@code io.github.ancmdiag.input}.
 */
@SuppressWarnings("module") // the qualified export names ancm-catalog, built after this module
module io.github.ancmdiag {
  exports io.github.ancmdiag;
  exports io.github.ancmdiag.model;
  exports io.github.ancmdiag.rules;
  exports io.github.ancmdiag.input;
  exports io.github.ancmdiag.internal.text to io.github.ancmdiag.catalog; // the catalog loader checks ids as the core does

  requires org.slf4j;
  requires java.xml;
  requires static transitive org.jetbrains.annotations; // type-use annotations in the API
}
