/**
 * Evidence records: {@link io.github.ancmdiag.input.LogRecord} is one event, log entry or page
 * text with the channel it came from. {@link io.github.ancmdiag.input.WebConfigReader} turns an
 * app's {@code web.config} into findings on {@link io.github.ancmdiag.model.Channel#WEB_CONFIG}.
 * {@link io.github.ancmdiag.input.LogReader} reads exported log files (Windows event XML, Event
 * Viewer text copies, error pages saved or pasted from a browser, plain text) record by record
 * in constant memory, detecting the format and encoding from the content and reporting what it
 * cannot read as {@link io.github.ancmdiag.input.SkippedRecord}s instead of throwing.
 */
package io.github.ancmdiag.input;
