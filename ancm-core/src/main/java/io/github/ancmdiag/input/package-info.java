/**
 * Evidence records: {@link io.github.ancmdiag.input.LogRecord} is one event, log entry or page
 * text with the channel it came from.
 */
package io.github.ancmdiag.input;
