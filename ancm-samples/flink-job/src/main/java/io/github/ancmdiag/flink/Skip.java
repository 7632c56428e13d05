package io.github.ancmdiag.flink;

/**
 * A part of a fleet file that could not be read, with its location: the side output of the
 * parsing step. A Flink POJO.
 */
public class Skip {
  /** The host folder name, or empty for a file outside {@code host/<name>/<site>/}. */
  public String host = "";
  /** The site folder name, or empty. */
  public String site = "";
  /** The file, relative to the fleet root. */
  public String source;
  /** The 1-based line where the skipped part starts, or 0 when unknown. */
  public long line;
  /** The byte offset where it starts, or -1 when unknown. */
  public long offset = -1;
  /** Why it was skipped. */
  public String reason;

  /** For Flink's POJO serializer. */
  public Skip() {}

  @Override
  public String toString() {
    return "skipped " + source + ":" + line + " (byte " + offset + "): " + reason;
  }
}
