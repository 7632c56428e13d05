package io.github.ancmdiag.benchmarks;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.github.ancmdiag.catalog.BundledCatalog;
import java.io.File;
import java.io.IOException;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.TreeMap;

/**
 * Turns JMH JSON result files ({@code -rf json}) of these benchmarks into the Markdown tables of
 * RESULTS.md, deriving what JMH does not print: MB/s and records/s from the time per corpus pass
 * (the corpus is regenerated to get its exact size), the ratio to ours and to the raw floor, bytes
 * allocated per record ({@code gc.alloc.rate.norm} over the records per pass, when run with
 * {@code -prof gc}), latency percentiles, and the adversarial/ordinary ratio.
 *
 * <p>Usage: {@code java -cp benchmarks.jar io.github.ancmdiag.benchmarks.Report FILE.json...}
 */
public final class Report {
  private static final String PKG = "io.github.ancmdiag.benchmarks.";

  private Report() {}

  /**
   * Prints the tables.
   *
   * @param args the JSON files
   * @throws IOException if a file cannot be read
   */
  public static void main(String[] args) throws IOException {
    List<JsonNode> runs = new ArrayList<>();
    ObjectMapper mapper = new ObjectMapper();
    for (String a : args) {
      for (JsonNode n : mapper.readTree(new File(a))) {
        runs.add(n);
      }
    }
    classify(runs);
    latency(runs);
    compile(runs);
    adversarial(runs);
  }

  private static String cls(JsonNode run) {
    String b = run.get("benchmark").asText();
    return b.substring(PKG.length(), b.lastIndexOf('.'));
  }

  private static String param(JsonNode run, String name) {
    JsonNode p = run.path("params").path(name);
    return p.isMissingNode() ? "" : p.asText();
  }

  private static double score(JsonNode run) {
    return run.path("primaryMetric").path("score").asDouble();
  }

  private static String pm(JsonNode run) {
    double e = run.path("primaryMetric").path("scoreError").asDouble(Double.NaN);
    String s = num(score(run));
    return Double.isNaN(e) ? s + " (1 sample)" : s + " ± " + num(e);
  }

  private static String num(double v) {
    if (v >= 100) {
      return String.format(Locale.ROOT, "%,.0f", v);
    }
    if (v >= 10) {
      return String.format(Locale.ROOT, "%.1f", v);
    }
    if (v >= 0.1) {
      return String.format(Locale.ROOT, "%.2f", v);
    }
    return String.format(Locale.ROOT, "%.4f", v);
  }

  private static void classify(List<JsonNode> runs) {
    // Bundled catalog first, then by corpus size.
    Map<String, List<JsonNode>> groups = new TreeMap<>();
    for (JsonNode r : runs) {
      if (cls(r).equals("ClassifyBenchmark")) {
        groups.computeIfAbsent(String.format(Locale.ROOT, "%s %010d", param(r, "catalog"),
            Integer.parseInt(param(r, "lines"))), k -> new ArrayList<>()).add(r);
      }
    }
    Map<Integer, Corpus> corpora = new HashMap<>();
    for (Map.Entry<String, List<JsonNode>> g : groups.entrySet()) {
      int lines = Integer.parseInt(param(g.getValue().get(0), "lines"));
      Corpus corpus = corpora.computeIfAbsent(lines,
          n -> Corpus.generate(n, BundledCatalog.load()));
      System.out.println();
      System.out.println("### Throughput: " + lines + " records, catalog "
          + param(g.getValue().get(0), "catalog"));
      System.out.println();
      System.out.println(corpus.describe());
      System.out.println();
      double ours = Double.NaN;
      double floor = Double.NaN;
      for (JsonNode r : g.getValue()) {
        if (param(r, "engine").equals("ANCM_DIAG")) {
          ours = score(r);
        } else if (param(r, "engine").equals("RAW_FLOOR")) {
          floor = score(r);
        }
      }
      System.out.println("| engine | ms per corpus pass (± 99.9% CI) | MB/s | records/s"
          + " | time ÷ ours | % of floor's MB/s | bytes allocated per record |");
      System.out.println("|---|---:|---:|---:|---:|---:|---:|");
      for (JsonNode r : g.getValue()) {
        double ms = score(r);
        JsonNode norm = r.path("secondaryMetrics").path("gc.alloc.rate.norm");
        String alloc = norm.isMissingNode() ? "(no -prof gc)"
            : num(norm.path("score").asDouble() / lines);
        System.out.printf(Locale.ROOT, "| %s | %s | %s | %s | %s | %s | %s |%n",
            param(r, "engine"), pm(r), num(corpus.megabytes() / (ms / 1000)),
            num(lines / (ms / 1000)), num(ms / ours),
            Double.isNaN(floor) ? "" : num(100 * floor / ms) + "%", alloc);
      }
    }
  }

  private static void latency(List<JsonNode> runs) {
    boolean header = false;
    for (JsonNode r : runs) {
      if (!cls(r).equals("LatencyBenchmark")) {
        continue;
      }
      if (!header) {
        System.out.println();
        System.out.println("### Latency of one classify (" + r.path("primaryMetric")
            .path("scoreUnit").asText() + ", sampled)");
        System.out.println();
        System.out.println("| engine | record | mean (± 99.9% CI) | p50 | p99 | p99.9 | samples |");
        System.out.println("|---|---|---:|---:|---:|---:|---:|");
        header = true;
      }
      JsonNode pc = r.path("primaryMetric").path("scorePercentiles");
      long samples = 0;
      for (JsonNode fork : r.path("primaryMetric").path("rawDataHistogram")) {
        for (JsonNode iteration : fork) {
          for (JsonNode bin : iteration) {
            samples += bin.get(1).asLong();
          }
        }
      }
      System.out.printf(Locale.ROOT, "| %s | %s | %s | %s | %s | %s | %,d |%n",
          param(r, "engine"), param(r, "record"), pm(r), num(pc.path("50.0").asDouble()),
          num(pc.path("99.0").asDouble()), num(pc.path("99.9").asDouble()), samples);
    }
  }

  private static void compile(List<JsonNode> runs) {
    boolean header = false;
    for (JsonNode r : runs) {
      if (!cls(r).equals("CompileBenchmark")) {
        continue;
      }
      if (!header) {
        System.out.println();
        System.out.println("### Compile time (ms, one build per sample)");
        System.out.println();
        System.out.println("| engine | catalog | mean (± 99.9% CI) | p50 | max (a cold build) |");
        System.out.println("|---|---|---:|---:|---:|");
        header = true;
      }
      JsonNode pc = r.path("primaryMetric").path("scorePercentiles");
      System.out.printf(Locale.ROOT, "| %s | %s | %s | %s | %s |%n", param(r, "engine"),
          param(r, "catalog"), pm(r), num(pc.path("50.0").asDouble()),
          num(pc.path("100.0").asDouble()));
    }
  }

  private static void adversarial(List<JsonNode> runs) {
    Map<String, JsonNode[]> byEngine = new LinkedHashMap<>();
    String chars = "";
    for (JsonNode r : runs) {
      if (cls(r).equals("AdversarialBenchmark")) {
        JsonNode[] pair = byEngine.computeIfAbsent(param(r, "engine"), k -> new JsonNode[2]);
        pair[param(r, "line").equals("ADVERSARIAL") ? 1 : 0] = r;
        chars = param(r, "chars");
      }
    }
    if (byEngine.isEmpty()) {
      return;
    }
    System.out.println();
    System.out.println("### One line of " + chars + " characters (ms per line)");
    System.out.println();
    System.out.println("| engine | ordinary (± 99.9% CI) | adversarial (± 99.9% CI) |"
        + " adversarial / ordinary |");
    System.out.println("|---|---:|---:|---:|");
    for (Map.Entry<String, JsonNode[]> e : byEngine.entrySet()) {
      JsonNode o = e.getValue()[0];
      JsonNode a = e.getValue()[1];
      System.out.printf(Locale.ROOT, "| %s | %s | %s | %s |%n", e.getKey(),
          o == null ? "-" : pm(o), a == null ? "-" : pm(a),
          o == null || a == null ? "-" : num(score(a) / score(o)));
    }
  }
}
