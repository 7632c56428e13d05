/**
 * Evidence records: {@link io.github.ancmdiag.input.LogRecord} is one event, log entry or page
 * text with the channel it came from. {@link io.github.ancmdiag.input.WebConfigReader} turns an
 * app's {@code web.config} into findings on {@link io.github.ancmdiag.Channel#WEB_CONFIG}.
 */
package io.github.ancmdiag.input;
