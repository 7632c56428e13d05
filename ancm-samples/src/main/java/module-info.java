/**
 * Runnable examples of ancm-diag and the {@code ancm-diagnose} command-line tool; proves the
 * library's exports work from outside.
 */
module io.github.ancmdiag.samples {
  requires io.github.ancmdiag.catalog;
  requires com.fasterxml.jackson.databind;
  requires info.picocli;
  requires static org.jetbrains.annotations;
  // not used by the tool: HtmlReportTest parses the scan report with the JDK's XML parser
  requires static java.xml;

  exports io.github.ancmdiag.samples;
  opens io.github.ancmdiag.cli to info.picocli;
}
