package io.github.ancmdiag.flink;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/** Compares a run's incidents with the failures a {@link FleetGenerator} planted. */
final class Planted {
  private Planted() {}

  /**
   * Says how the incidents match {@code planted.tsv}: each planted failure should be one
   * incident of its host and site with its entry, and nothing else an incident.
   *
   * @param plantedLines the lines of {@code planted.tsv}
   * @param incidents the incidents
   * @return one line of counts, then one line per mismatch
   */
  static String compare(List<String> plantedLines, List<Incident> incidents) {
    Map<String, String> planted = new HashMap<>();
    for (String line : plantedLines) {
      if (line.startsWith("#") || line.isBlank()) {
        continue;
      }
      String[] col = line.split("\t");
      planted.put(col[0] + "/" + col[1], col[2]);
    }
    int right = 0;
    List<String> wrong = new ArrayList<>();
    Map<String, Integer> seen = new HashMap<>();
    for (Incident i : incidents) {
      String key = i.host + "/" + i.site;
      seen.merge(key, 1, Integer::sum);
      String entry = planted.get(key);
      if (entry == null) {
        wrong.add("  not planted: " + i);
      } else if (!entry.equals(i.entry)) {
        wrong.add("  planted " + entry + ", reported: " + i);
      } else if (seen.get(key) == 1) {
        right++;
      } else {
        wrong.add("  reported again: " + i);
      }
    }
    for (String key : planted.keySet()) {
      if (!seen.containsKey(key)) {
        wrong.add("  planted " + planted.get(key) + " at " + key + ", not reported");
      }
    }
    return String.format(Locale.ROOT, "planted %d failures: %d reported once with their entry, "
        + "%d mismatches%n", planted.size(), right, wrong.size()) + String.join("\n", wrong);
  }
}
