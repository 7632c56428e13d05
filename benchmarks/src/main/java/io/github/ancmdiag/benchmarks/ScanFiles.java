package io.github.ancmdiag.benchmarks;

import io.github.ancmdiag.Diagnoser;
import io.github.ancmdiag.catalog.BundledCatalog;
import io.github.ancmdiag.model.Channel;
import io.github.ancmdiag.rules.Catalog;
import java.io.BufferedWriter;
import java.io.IOException;
import java.io.Writer;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

/**
 * Writes the large log files that {@code benchmarks/scan-vs-grep.sh} times {@code ancm-diagnose
 * scan} and {@code grep} on, from the {@link Corpus} (deterministic: the same arguments give the
 * same bytes). Generated at run time, never committed.
 *
 * <ul>
 *   <li>{@code unrelated FILE MB}: W3C access log lines of the corpus that match nothing, in
 *       turn, until the file has {@code MB} megabytes;
 *   <li>{@code mixed FILE MB}: the corpus's records one per line (line breaks inside a record
 *       become spaces), with every eleventh line an ANCM failure record of the corpus, so about
 *       9% of the lines match;
 *   <li>{@code tree DIR MB}: {@code DIR/host/WEB<n>/<site>/u_ex<date>.log} files of 50 MB of
 *       mixed lines each (the last one shorter), {@code MB} megabytes in all.
 * </ul>
 */
public final class ScanFiles {
  private static final long MB = 1_000_000L;
  private static final long TREE_FILE = 50 * MB;

  private ScanFiles() {}

  /**
   * Writes one file or tree.
   *
   * @param args the kind ({@code unrelated}, {@code mixed} or {@code tree}), the path and the size
   *     in megabytes
   * @throws IOException if a file cannot be written
   */
  public static void main(String[] args) throws IOException {
    if (args.length != 3) {
      throw new IllegalArgumentException("usage: ScanFiles unrelated|mixed|tree PATH MB");
    }
    long size = Long.parseLong(args[2]) * MB;
    Path path = Path.of(args[1]);
    Catalog catalog = BundledCatalog.load();
    Corpus corpus = Corpus.generate(200_000, catalog);
    switch (args[0]) {
      case "unrelated" -> write(path, unrelated(corpus, catalog), List.of(), size);
      case "mixed" -> write(path, flat(corpus.lines()), planted(corpus), size);
      case "tree" -> tree(path, corpus, size);
      default -> throw new IllegalArgumentException("unknown kind " + args[0]);
    }
  }

  private static List<String> unrelated(Corpus corpus, Catalog catalog) {
    Diagnoser ours = Diagnoser.builder().catalog(catalog).build();
    List<String> out = new ArrayList<>();
    for (String line : corpus.lines()) {
      if ((line.contains(" GET ") || line.contains(" POST ")) && line.indexOf('\n') < 0
          && ours.classify(Channel.EVENT_LOG, line).matches().isEmpty()) {
        out.add(line);
      }
    }
    return out;
  }

  private static List<String> flat(String[] lines) {
    List<String> out = new ArrayList<>(lines.length);
    for (String line : lines) {
      out.add(line.replace("\r\n", " ").replace('\n', ' ').replace('\r', ' '));
    }
    return out;
  }

  private static List<String> planted(Corpus corpus) {
    List<String> out = new ArrayList<>();
    for (Corpus.Planted p : corpus.planted()) {
      out.add(corpus.lines()[p.index()]);
    }
    return flat(out.toArray(String[]::new));
  }

  private static void tree(Path dir, Corpus corpus, long size) throws IOException {
    List<String> lines = flat(corpus.lines());
    List<String> planted = planted(corpus);
    String[] sites = {"shop", "orders-api", "identity", "intranet"};
    long left = size;
    for (int n = 0; left > 0; n++) {
      Path f = dir.resolve("host").resolve(String.format(Locale.ROOT, "WEB%02d", n / 4))
          .resolve(sites[n % 4]).resolve(String.format(Locale.ROOT, "u_ex2612%02d.log", 1 + n % 28));
      Files.createDirectories(f.getParent());
      long part = Math.min(left, TREE_FILE);
      write(f, rotate(lines, n * 7919), rotate(planted, n), part);
      left -= part;
    }
  }

  private static List<String> rotate(List<String> lines, int by) {
    if (lines.isEmpty()) {
      return lines;
    }
    int k = Math.floorMod(by, lines.size());
    List<String> out = new ArrayList<>(lines.subList(k, lines.size()));
    out.addAll(lines.subList(0, k));
    return out;
  }

  /** Writes lines in turn, with a planted one every eleventh line when given, up to the size. */
  private static void write(Path f, List<String> lines, List<String> planted, long size)
      throws IOException {
    if (lines.isEmpty()) {
      throw new IllegalStateException("no lines to write");
    }
    long written = 0;
    int i = 0;
    int j = 0;
    long n = 0;
    try (Writer w = new BufferedWriter(Files.newBufferedWriter(f, StandardCharsets.UTF_8),
        1 << 16)) {
      while (written < size) {
        String line;
        if (!planted.isEmpty() && ++n % 11 == 0) {
          line = planted.get(j++ % planted.size());
        } else {
          line = lines.get(i++ % lines.size());
        }
        w.write(line);
        w.write("\r\n");
        written += line.getBytes(StandardCharsets.UTF_8).length + 2;
      }
    }
  }
}
