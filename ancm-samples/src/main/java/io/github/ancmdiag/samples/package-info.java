/** Runnable examples: {@link io.github.ancmdiag.samples.DiagnoseIncident} diagnoses one incident. */
package io.github.ancmdiag.samples;
