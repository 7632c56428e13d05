package io.github.ancmdiag.flink;

import java.time.Instant;
import java.util.Locale;
import java.util.Map;
import java.util.TreeMap;

/**
 * One start-up failure of one site of one host: the records of one event-time session window,
 * diagnosed together. A Flink POJO.
 */
public class Incident {
  /** The host folder name. */
  public String host;
  /** The site folder name. */
  public String site;
  /** When the window's first record was written, in epoch milliseconds. */
  public long start;
  /** When its last record was written, in epoch milliseconds. */
  public long end;
  /** The best diagnosis's catalog entry, or empty when no cause fits. */
  public String entry = "";
  /** Its confidence ({@code HIGH}, {@code MEDIUM}, {@code LOW}), or empty. */
  public String confidence = "";
  /** Its score, 0 to 1. */
  public double score;
  /** The values it captured ({@code appId}, {@code frameworkVersion}, ...). */
  public Map<String, String> parameters = new TreeMap<>();
  /** The causes best first, as {@code entry:CONFIDENCE:score}, at most three. */
  public String[] ranked = new String[0];
  /** Whether the site started again after the failure within the window. */
  public boolean recovered;
  /** How many records the window held. */
  public int records;

  /** For Flink's POJO serializer. */
  public Incident() {}

  @Override
  public String toString() {
    return String.format(Locale.ROOT, "incident %s/%s %s..%s %s %s %.2f %s%s (%d records) %s",
        host, site, Instant.ofEpochMilli(start), Instant.ofEpochMilli(end),
        entry.isEmpty() ? "(no known cause)" : entry, confidence, score,
        recovered ? "recovered " : "", parameters, records, String.join(" ", ranked));
  }
}
