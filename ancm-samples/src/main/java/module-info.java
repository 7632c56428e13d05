/**
 * Runnable examples of ancm-diag and the {@code ancm-diagnose} command-line tool; proves the
 * library's exports work from outside.
 */
module io.github.ancmdiag.samples {
  requires io.github.ancmdiag.catalog;
  requires com.fasterxml.jackson.databind;
  requires info.picocli;
  requires static org.jetbrains.annotations;

  exports io.github.ancmdiag.samples;
  opens io.github.ancmdiag.cli to info.picocli;
}
