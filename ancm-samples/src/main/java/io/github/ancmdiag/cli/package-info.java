/**
 * The {@code ancm-diagnose} command-line tool: {@link io.github.ancmdiag.cli.AncmDiagnose}
 * diagnoses one incident (text or JSON), its {@code scan} command classifies large logs. Not an
 * API: this package is opened to picocli only.
 */
package io.github.ancmdiag.cli;
