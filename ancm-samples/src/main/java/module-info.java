/** Runnable examples of ancm-diag; proves the library's exports work from outside. */
module io.github.ancmdiag.samples {
  requires io.github.ancmdiag.catalog;
  requires com.fasterxml.jackson.databind;
  requires static org.jetbrains.annotations;

  exports io.github.ancmdiag.samples;
}
