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
   * Event Viewer "Save All Events As..." CSV: a header row ({@code Level,Date and Time,Source,
   * Event ID,Task Category}, or its translation) and one RFC 4180 row per event whose sixth,
   * unnamed field is the message. One record per row, of {@link
   * io.github.ancmdiag.Channel#EVENT_LOG}, without a time (the dates are local).
   */
  EVENT_CSV,
  /**
   * PowerShell {@code Get-WinEvent | ConvertTo-Json} or {@code Get-EventLog | ConvertTo-Json}
   * (Windows PowerShell 5.1 or PowerShell 7): a JSON array of event objects, or one object. One
   * record per object, of {@link io.github.ancmdiag.Channel#EVENT_LOG}, with its time.
   */
  POWERSHELL_JSON,
  /**
   * PowerShell {@code Get-WinEvent | Format-List} (or {@code fl *}, or {@code Get-EventLog |
   * Format-List}) console text: blocks of {@code Name : value} lines, long values wrapped at the
   * console width. One record per block, of {@link io.github.ancmdiag.Channel#EVENT_LOG},
   * without a time (the dates are local).
   */
  POWERSHELL_LIST,
  /**
   * Any text, read whole as one record (cut at the record limit) of the channel the caller names.
   */
  PLAIN_TEXT
}
