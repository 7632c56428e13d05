package io.github.ancmdiag.flink;

/**
 * A running count of one host: classified failures per catalog entry ({@code failure:<entry>})
 * or normal ANCM events per kind ({@code event:STARTED}, {@code event:SHUT_DOWN}, {@code
 * event:RECYCLED}), as a dashboard shows them. Each new record sends the new count. A Flink POJO.
 */
public class FleetCount {
  /** The host folder name. */
  public String host;
  /** What is counted. */
  public String name;
  /** The count so far. */
  public long count;
  /** When the record that made it was written, in epoch milliseconds. */
  public long time;

  /** For Flink's POJO serializer. */
  public FleetCount() {}

  @Override
  public String toString() {
    return "count " + host + " " + name + " " + count;
  }
}
