package io.github.ancmdiag.internal.read;

import io.github.ancmdiag.internal.read.ancm.DebugLogReader;
import io.github.ancmdiag.internal.read.ancm.StdoutLogReader;
import io.github.ancmdiag.internal.read.events.EventCsvReader;
import io.github.ancmdiag.internal.read.events.EventTextReader;
import io.github.ancmdiag.internal.read.events.PowerShellJsonReader;
import io.github.ancmdiag.internal.read.events.PowerShellListReader;
import io.github.ancmdiag.internal.read.evtx.EvtxReader;
import io.github.ancmdiag.internal.read.iis.FrebReader;
import io.github.ancmdiag.internal.read.iis.W3cLogReader;
import io.github.ancmdiag.internal.read.pages.ErrorPageReader;
import io.github.ancmdiag.internal.read.text.Sniff;
import java.util.Arrays;
import java.util.List;
import java.util.regex.Pattern;

/**
 * Chooses a {@link io.github.ancmdiag.input.Format} from the first characters of an input (never from its name). Called by
 * {@link io.github.ancmdiag.input.LogReader} with up to {@value #SNIFF_CHARS} decoded characters.
 *
 * <p>In order: blank text is {@link Verdict#EMPTY}; a NUL, or more than 5% control, private-use
 * or unpaired surrogate characters, in the first 8192 characters is {@link Verdict#BINARY}; a
 * {@code <failedRequest>} root is {@link io.github.ancmdiag.input.Format#FREB_XML} (before event XML: its trace events are
 * {@code <Event>} elements); an {@code <Event>} or {@code <Events>} tag is {@link
 * Format#EVENT_XML}; an IIS {@code #Software:} or a {@code #Fields:} directive within the first
 * 20 lines is {@link io.github.ancmdiag.input.Format#W3C_LOG}; PowerShell Format-List blocks ({@link
 * PowerShellListReader#looksLike}) are {@link io.github.ancmdiag.input.Format#POWERSHELL_LIST}, checked before Event
 * Viewer text because ten lines of {@code fl *} output have the shape of a translated Event
 * Viewer header, while an Event Viewer copy never has the space-padded {@code Id}, {@code
 * ProviderName} and {@code Message} labels Format-List needs; an Event Viewer header (see {@link
 * EventTextReader}) within the first lines is {@link io.github.ancmdiag.input.Format#EVENT_TEXT}; then PowerShell JSON
 * ({@link PowerShellJsonReader#looksLike}) and an Event Viewer CSV header ({@link
 * EventCsvReader#looksLike}); an ANCM debug log line prefix ({@link DebugLogReader#looksLike}) is
 * {@link io.github.ancmdiag.input.Format#DEBUG_LOG}; a .NET host message, unhandled exception or console logger header
 * among the first lines ({@link StdoutLogReader#looksLike}) is {@link io.github.ancmdiag.input.Format#STDOUT_LOG}; then
 * HTML, or an error page title line near the start ({@link ErrorPageReader#looksLike}), is
 * {@link io.github.ancmdiag.input.Format#ERROR_PAGE}, last so that it never takes an export or a log quoting a page;
 * anything else is {@link Verdict#OTHER_TEXT}.
 *
 * <p>Before any of that, on the raw bytes: the {@code ElfFile\0} signature is {@link
 * io.github.ancmdiag.input.Format#EVTX} ({@link #isEvtx(byte[])}).
 */
public final class FormatDetector {
  /** How many decoded characters {@link #detect} is given: {@value}. */
  public static final int SNIFF_CHARS = Sniff.SNIFF_CHARS;
  private static final Pattern EVENT_TAG = Pattern.compile("<(?:[\\w.-]+:)?Events?[\\s/>]");

  /** What the content is. */
  public enum Verdict {
    EMPTY, BINARY, FREB_XML, EVENT_XML, W3C_LOG, POWERSHELL_LIST, EVENT_TEXT, POWERSHELL_JSON,
    EVENT_CSV, DEBUG_LOG, STDOUT_LOG, ERROR_PAGE, OTHER_TEXT
  }

  private FormatDetector() {}

  /**
   * Tells whether the first bytes of an input are the {@code .evtx} file signature.
   *
   * @param head the first bytes (8 are enough)
   * @return true for an {@code .evtx} file
   */
  public static boolean isEvtx(byte[] head) {
    return EvtxReader.hasSignature(head, head.length);
  }

  public static Verdict detect(String head) {
    if (head.isBlank()) {
      return Verdict.EMPTY;
    }
    if (Sniff.isBinary(head)) {
      return Verdict.BINARY;
    }
    String start = head.stripLeading();
    if (FrebReader.looksLike(head)) {
      return Verdict.FREB_XML;
    }
    if (start.startsWith("<") && EVENT_TAG.matcher(head).find()) {
      return Verdict.EVENT_XML;
    }
    if (W3cLogReader.looksLike(head)) {
      return Verdict.W3C_LOG;
    }
    if (PowerShellListReader.looksLike(head)) {
      return Verdict.POWERSHELL_LIST;
    }
    List<String> lines = Arrays.asList(head.split("\r?\n", -1));
    int n = Math.min(lines.size() - 1, 200); // the last line may be cut by the sniff
    for (int i = 0; i < n; i++) {
      if (EventTextReader.headerLength(lines.subList(0, Math.max(0, lines.size() - 1)), i) > 0) {
        return Verdict.EVENT_TEXT;
      }
    }
    if (PowerShellJsonReader.looksLike(head)) {
      return Verdict.POWERSHELL_JSON;
    }
    if (EventCsvReader.looksLike(head)) {
      return Verdict.EVENT_CSV;
    }
    if (DebugLogReader.looksLike(head)) {
      return Verdict.DEBUG_LOG;
    }
    if (StdoutLogReader.looksLike(head)) {
      return Verdict.STDOUT_LOG;
    }
    if (ErrorPageReader.looksLike(head)) {
      return Verdict.ERROR_PAGE;
    }
    return Verdict.OTHER_TEXT;
  }
}
