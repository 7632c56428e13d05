package io.github.ancmdiag.input;

/**
 * The file formats {@link LogReader} reads. {@link #AUTO} asks the reader to detect the format
 * from the content; the others force one.
 */
public enum Format {
  /** Detect the format from the content (never from the file name). Never reported as read. */
  AUTO,
  /**
   * Windows event XML: {@code wevtutil qe Application /f:xml} output (a sequence of
   * {@code <Event>} elements without a root), Event Viewer "Save Selected Events as XML"
   * ({@code <Events>} root) and Azure App Service's {@code LogFiles\eventlog.xml}. One record per
   * {@code <Event>}, of {@link io.github.ancmdiag.Channel#EVENT_LOG}.
   */
  EVENT_XML,
  /**
   * Event Viewer "Copy details as text": blocks of {@code Log Name:}, {@code Source:}, {@code
   * Date:}, {@code Event ID:}, ... {@code Description:} lines, in English or, by position, in
   * another language. One record per block, of {@link io.github.ancmdiag.Channel#EVENT_LOG}.
   */
  EVENT_TEXT,
  /**
   * An ANCM stdout log ({@code stdoutLogFile}, such as {@code stdout_20240501101112_4242.log}):
   * the app's and the .NET host's console output. Lines are grouped so that one message is one
   * record of {@link io.github.ancmdiag.Channel#STDOUT_LOG}: a .NET exception with its stack, a
   * multi-line .NET host message (such as hostfxr's framework-not-found block), a console logger
   * entry ({@code info: Category[id]} and its indented lines), else a single line.
   */
  STDOUT_LOG,
  /**
   * The ANCM V2 debug log ({@code aspnetcore-debug.log}), in both its {@code [module.dll] text}
   * and its {@code [time, PID: n] [module.dll] text} line formats. One record of {@link
   * io.github.ancmdiag.Channel#DEBUG_LOG} per entry, with the lines that continue it.
   */
  DEBUG_LOG,
  /**
   * Any text, read whole as one record (cut at the record limit) of the channel the caller names.
   */
  PLAIN_TEXT
}
