/**
 * The one-page API: build a {@link io.github.ancmdiag.Diagnoser} once, then {@link
 * io.github.ancmdiag.Diagnoser#classify(io.github.ancmdiag.input.LogRecord) classify} single
 * records or {@link io.github.ancmdiag.Diagnoser#diagnose(io.github.ancmdiag.Evidence) diagnose}
 * whole incidents into a ranked {@link io.github.ancmdiag.DiagnosisReport}.
 */
package io.github.ancmdiag;
