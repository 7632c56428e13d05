/**
 * Runnable examples, one main per use case: {@link io.github.ancmdiag.samples.ClassifyIncident}
 * diagnoses the README's incident. The command-line tool is {@code io.github.ancmdiag.cli}.
 */
package io.github.ancmdiag.samples;
