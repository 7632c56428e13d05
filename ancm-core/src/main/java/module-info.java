/**
 * Diagnoses ASP.NET Core Module start-up failures from error pages, event logs and ANCM logs.
 *
 * <p>Start with {@link io.github.ancmdiag.Diagnoser}. The typed model is in {@code
 * io.github.ancmdiag.model}, what a catalog is in {@code io.github.ancmdiag.rules}, and records in
 * {@code io.github.ancmdiag.input}.
 */
module io.github.ancmdiag {
  exports io.github.ancmdiag;
  exports io.github.ancmdiag.model;
  exports io.github.ancmdiag.rules;
  exports io.github.ancmdiag.input;

  requires org.slf4j;
  requires java.xml;
  requires static transitive org.jetbrains.annotations; // type-use annotations in the API
}
