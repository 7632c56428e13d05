package io.github.ancmdiag.benchmarks;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URI;
import java.net.URISyntaxException;
import java.nio.charset.StandardCharsets;
import java.nio.file.FileSystem;
import java.nio.file.FileSystems;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;

/**
 * The real incident fixtures of the catalog's tests ({@code
 * ancm-catalog/src/test/resources/cases/<entry>/<positive|negative>/<case>/}), as the records a
 * monitoring product would get from them. The build copies their text files into this module's
 * classes under {@value #ROOT} (see {@code benchmarks/pom.xml}), so they are inside {@code
 * benchmarks.jar} and the forked benchmark JVMs read them from there.
 *
 * <p>Records: an {@code event-<n>.txt} (one Event Viewer event) and a {@code browser.txt} (one
 * error page or curl output) are one record each, as an agent forwards an event or a page; a
 * {@code stdout.log} or {@code debug.log} gives one record per line, as a log shipper tails a
 * file. Files are read as UTF-8 (a BOM dropped), in path order, so the list is the same on every
 * run.
 */
public final class Fixtures {
  /** Where the build puts the fixtures, relative to the class path root. */
  public static final String ROOT = "fixtures/cases";

  private Fixtures() {}

  /**
   * A fixture record.
   *
   * @param file the path of its file below the cases folder
   * @param text the record
   */
  public record Record(String file, String text) {}

  /**
   * Loads every fixture record.
   *
   * @return the records in path order
   * @throws IllegalStateException if the fixtures are not on the class path (the build did not
   *     copy them)
   */
  public static List<Record> load() {
    try {
      URI where = Fixtures.class.getProtectionDomain().getCodeSource().getLocation().toURI();
      Path location = Path.of(where);
      if (Files.isDirectory(location)) {
        return read(location.resolve(ROOT));
      }
      try (FileSystem jar = FileSystems.newFileSystem(URI.create("jar:" + where), Map.of())) {
        return read(jar.getPath("/" + ROOT));
      }
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    } catch (URISyntaxException e) {
      throw new IllegalStateException(e);
    }
  }

  private static List<Record> read(Path root) throws IOException {
    if (!Files.isDirectory(root)) {
      throw new IllegalStateException("no fixtures at " + root + ": build the module with Maven");
    }
    List<Path> files;
    try (Stream<Path> walk = Files.walk(root)) {
      files = walk.filter(Files::isRegularFile).filter(Fixtures::isRecordFile).sorted().toList();
    }
    List<Record> records = new ArrayList<>();
    for (Path f : files) {
      String name = root.relativize(f).toString();
      String text = new String(Files.readAllBytes(f), StandardCharsets.UTF_8);
      if (text.startsWith("\uFEFF")) {
        text = text.substring(1);
      }
      String file = f.getFileName().toString();
      if (file.endsWith(".log")) {
        for (String line : text.split("\r?\n")) {
          if (!line.isBlank()) {
            records.add(new Record(name, line));
          }
        }
      } else if (!text.isBlank()) {
        records.add(new Record(name, text));
      }
    }
    return records;
  }

  private static boolean isRecordFile(Path f) {
    String n = f.getFileName().toString();
    return n.equals("browser.txt") || n.equals("stdout.log") || n.equals("debug.log")
        || (n.startsWith("event-") && n.endsWith(".txt"));
  }
}
