/**
 * The reading API: {@link io.github.ancmdiag.input.LogReader} reads exported log files (Windows
 * event XML, Event Viewer text copies, PowerShell and CSV exports, IIS logs and failed request
 * traces, ANCM stdout and debug logs, error pages saved or pasted from a browser, plain text)
 * record by record in constant memory, detecting the format ({@link
 * io.github.ancmdiag.input.Format}) and encoding from the content; each {@link
 * io.github.ancmdiag.input.LogRecord} is one event, log entry or page text with the channel it
 * came from, and what cannot be read is reported as a {@link
 * io.github.ancmdiag.input.SkippedRecord} instead of thrown, within the {@link
 * io.github.ancmdiag.input.ReadLimits}. {@link io.github.ancmdiag.input.WebConfigReader} turns an
 * app's {@code web.config} into neutral facts on {@link
 * io.github.ancmdiag.model.Channel#WEB_CONFIG} (what they mean is the catalog's to say), and
 * {@link io.github.ancmdiag.input.IncidentLayout} tells what a collected file is by its name.
 *
 * <p>The format parsers themselves are internal ({@code internal.read} and its subpackages) and
 * know nothing of this package: they return plain records that {@code LogReader} turns into
 * {@code LogRecord}s.
 */
package io.github.ancmdiag.input;
