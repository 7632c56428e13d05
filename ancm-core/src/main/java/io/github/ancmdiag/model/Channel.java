package io.github.ancmdiag.model;

/**
 * Where a piece of evidence was seen. ANCM writes each message to one channel; users often paste a
 * message where they can, so a signature found in another channel still counts, a little less.
 */
public enum Channel {
  /** What the browser showed: an error page, its title, or a connection error. */
  BROWSER,
  /** The Windows Application event log (Event Viewer, {@code wevtutil}, App Service eventlog.xml). */
  EVENT_LOG,
  /** The ANCM stdout log file ({@code stdoutLogFile}), holding the app's console output. */
  STDOUT_LOG,
  /** The ANCM debug log file ({@code aspnetcore-debug.log}). */
  DEBUG_LOG,
  /** A message from Windows itself or from an installer, outside IIS logs. */
  OS_MESSAGE,
  /**
   * A finding about the app's {@code web.config}, made by reading the file before or after
   * deployment rather than by the module at run time.
   */
  WEB_CONFIG
}
