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
   * {@code <Event>}, of {@link io.github.ancmdiag.model.Channel#EVENT_LOG}.
   */
  EVENT_XML,
  /**
   * Event Viewer "Copy details as text": blocks of {@code Log Name:}, {@code Source:}, {@code
   * Date:}, {@code Event ID:}, ... {@code Description:} lines, in English or, by position, in
   * another language. One record per block, of {@link io.github.ancmdiag.model.Channel#EVENT_LOG}.
   */
  EVENT_TEXT,
  /**
   * IIS W3C extended logs ({@code u_ex*.log}) and Azure App Service {@code LogFiles/http/RawLogs}:
   * fields named by the {@code #Fields:} directive. One record per data line, of {@link
   * io.github.ancmdiag.model.Channel#BROWSER}, with its typed HTTP status and Win32 status.
   */
  W3C_LOG,
  /**
   * IIS failed request traces ({@code fr000001.xml}, a {@code <failedRequest>} root): one record
   * for the request, then one per trace event, of {@link io.github.ancmdiag.model.Channel#BROWSER}.
   */
  FREB_XML,
  /**
   * An error page a browser showed: ANCM's pages ({@code HTTP Error 500.30 - ...}), IIS detailed
   * and custom error pages, HTTP.sys's {@code Service Unavailable}, Azure App Service's pages;
   * saved as HTML (its text extracted as a browser shows it, the IIS detail table as {@code
   * Label: value} lines) or pasted as text (kept whole). One record per input, of {@link
   * io.github.ancmdiag.model.Channel#BROWSER}, whose provider names what produced the page ({@code
   * ANCM}, {@code IIS}, {@code HTTP.sys}, {@code Azure App Service}) or is empty.
   */
  ERROR_PAGE,
  /**
   * An ANCM stdout log ({@code stdoutLogFile}, such as {@code stdout_20240501101112_4242.log}):
   * the app's and the .NET host's console output. Lines are grouped so that one message is one
   * record of {@link io.github.ancmdiag.model.Channel#STDOUT_LOG}: a .NET exception with its stack, a
   * multi-line .NET host message (such as hostfxr's framework-not-found block), a console logger
   * entry ({@code info: Category[id]} and its indented lines), else a single line.
   */
  STDOUT_LOG,
  /**
   * The ANCM V2 debug log ({@code aspnetcore-debug.log}), in both its {@code [module.dll] text}
   * and its {@code [time, PID: n] [module.dll] text} line formats. One record of {@link
   * io.github.ancmdiag.model.Channel#DEBUG_LOG} per entry, with the lines that continue it.
   */
  DEBUG_LOG,
  /**
   * Event Viewer "Save All Events As..." CSV: a header row ({@code Level,Date and Time,Source,
   * Event ID,Task Category}, or its translation) and one RFC 4180 row per event whose sixth,
   * unnamed field is the message. One record per row, of {@link
   * io.github.ancmdiag.model.Channel#EVENT_LOG}, without a time (the dates are local).
   */
  EVENT_CSV,
  /**
   * PowerShell {@code Get-WinEvent | ConvertTo-Json} or {@code Get-EventLog | ConvertTo-Json}
   * (Windows PowerShell 5.1 or PowerShell 7): a JSON array of event objects, or one object. One
   * record per object, of {@link io.github.ancmdiag.model.Channel#EVENT_LOG}, with its time.
   */
  POWERSHELL_JSON,
  /**
   * PowerShell {@code Get-WinEvent | Format-List} (or {@code fl *}, or {@code Get-EventLog |
   * Format-List}) console text: blocks of {@code Name : value} lines, long values wrapped at the
   * console width. One record per block, of {@link io.github.ancmdiag.model.Channel#EVENT_LOG},
   * without a time (the dates are local).
   */
  POWERSHELL_LIST,
  /**
   * Windows event log files in Event Viewer's binary format ({@code .evtx}: "Save All Events
   * As...", {@code wevtutil epl}), detected by their {@code ElfFile} signature and read chunk by
   * chunk in constant memory. One record per event record, of {@link
   * io.github.ancmdiag.model.Channel#EVENT_LOG}, with what {@link #EVENT_XML} gives the same
   * event exported as XML: the provider, event id, level and time, and as text the first {@code
   * EventData/Data} insertion string (the file holds no rendered message). Records carry no line.
   * What is damaged is skipped with its byte offset (a record, or a stretch of bytes naming the
   * record ids it held) and the rest is read; a chunk whose records' CRC32 does not match is also
   * reported once, though its records that still read are returned.
   */
  EVTX,
  /**
   * Any text, read whole as one record (cut at the record limit) of the channel the caller names.
   */
  PLAIN_TEXT
}
