package io.github.ancmdiag.samples;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.github.ancmdiag.Channel;
import io.github.ancmdiag.Diagnoser;
import io.github.ancmdiag.Diagnosis;
import io.github.ancmdiag.DiagnosisReport;
import io.github.ancmdiag.Evidence;
import io.github.ancmdiag.Expectation;
import io.github.ancmdiag.Finding;
import io.github.ancmdiag.Observation;
import io.github.ancmdiag.catalog.BundledCatalog;
import io.github.ancmdiag.input.LogRecord;
import io.github.ancmdiag.model.AspNetCoreVersion;
import java.io.IOException;
import java.io.PrintStream;
import java.nio.ByteBuffer;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.Charset;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.stream.Stream;

/**
 * Diagnoses one incident from files and prints the ranked causes, as text or as JSON.
 *
 * <pre>
 * java -jar ancm-samples/target/ancm-diagnose.jar ancm-samples/examples/missing-framework
 * java -jar ancm-diagnose.jar --json --browser page.txt --event-log event.txt \
 *     --observation stdout-log-empty --aspnetcore-version 3.1
 * </pre>
 *
 * <p>An incident folder is read by file name: {@code browser*} is what the browser showed,
 * {@code event*} one event log entry each, {@code stdout*} the ANCM stdout log, {@code *debug*}
 * the ANCM debug log, and {@code observations.txt} one observation key per line. Exit codes: 0
 * diagnosed or nothing wrong, 1 usage error, 2 input unreadable.
 */
public final class DiagnoseIncident {
  private static final String USAGE = String.join(System.lineSeparator(),
      "Usage: ancm-diagnose [--json] [--aspnetcore-version V] [--browser FILE]... "
          + "[--event-log FILE]...",
      "                     [--stdout-log FILE]... [--debug-log FILE]... "
          + "[--observation KEY]... [FOLDER]...",
      "Observation keys: " + String.join(", ", Stream.of(Observation.values())
          .map(Observation::key).toArray(String[]::new)),
      "Exit codes: 0 diagnosed or nothing wrong, 1 usage error, 2 input unreadable.");

  private DiagnoseIncident() {}

  /**
   * Runs the example.
   *
   * @param args the command line
   */
  public static void main(String[] args) {
    System.exit(run(args, System.out, System.err));
  }

  /**
   * Runs the example with the given streams; returns the exit code.
   *
   * @param args the command line
   * @param out where results go
   * @param err where errors go
   * @return 0 when diagnosed, 1 on a usage error, 2 when an input is unreadable
   */
  public static int run(String[] args, PrintStream out, PrintStream err) {
    Evidence.Builder evidence = Evidence.builder();
    boolean json = false;
    int inputs = 0;
    try {
      for (int i = 0; i < args.length; i++) {
        String a = args[i];
        switch (a) {
          case "--json":
            json = true;
            break;
          case "-h":
          case "--help":
            out.println(USAGE);
            return 0;
          case "--aspnetcore-version":
            evidence.aspNetCoreVersion(AspNetCoreVersion.parse(value(args, ++i, a)));
            break;
          case "--observation": {
            String key = value(args, ++i, a);
            evidence.observe(Observation.fromKey(key).orElseThrow(
                () -> new IllegalArgumentException("unknown observation '" + key + "'")));
            break;
          }
          case "--browser":
            addFile(evidence, Channel.BROWSER, Path.of(value(args, ++i, a)));
            inputs++;
            break;
          case "--event-log":
            addFile(evidence, Channel.EVENT_LOG, Path.of(value(args, ++i, a)));
            inputs++;
            break;
          case "--stdout-log":
            addFile(evidence, Channel.STDOUT_LOG, Path.of(value(args, ++i, a)));
            inputs++;
            break;
          case "--debug-log":
            addFile(evidence, Channel.DEBUG_LOG, Path.of(value(args, ++i, a)));
            inputs++;
            break;
          default:
            if (a.startsWith("-")) {
              throw new IllegalArgumentException("unknown option " + a);
            }
            addFolder(evidence, Path.of(a));
            inputs++;
        }
      }
    } catch (IllegalArgumentException | IllegalStateException e) {
      err.println("ancm-diagnose: " + e.getMessage());
      err.println(USAGE);
      return 1;
    } catch (IOException e) {
      err.println("ancm-diagnose: cannot read " + e.getMessage());
      return 2;
    }
    Evidence built = evidence.build();
    if (inputs == 0 && built.observations().isEmpty()) {
      err.println("ancm-diagnose: no evidence given");
      err.println(USAGE);
      return 1;
    }
    Diagnoser diagnoser = Diagnoser.builder().catalog(BundledCatalog.load()).build();
    DiagnosisReport report = diagnoser.diagnose(built);
    if (json) {
      out.println(toJson(report, diagnoser.catalog().version()));
    } else {
      printText(report, out);
    }
    return 0;
  }

  private static String value(String[] args, int i, String option) {
    if (i >= args.length) {
      throw new IllegalArgumentException(option + " needs a value");
    }
    return args[i];
  }

  private static void addFolder(Evidence.Builder evidence, Path folder) throws IOException {
    if (Files.isRegularFile(folder)) {
      addFile(evidence, channelOf(folder).orElse(Channel.EVENT_LOG), folder);
      return;
    }
    if (!Files.isDirectory(folder)) {
      throw new IOException(folder + ": no such file or folder");
    }
    List<Path> files = new ArrayList<>();
    try (Stream<Path> s = Files.list(folder)) {
      s.filter(Files::isRegularFile).sorted().forEach(files::add);
    }
    for (Path f : files) {
      String name = f.getFileName().toString().toLowerCase(Locale.ROOT);
      if (name.equals("observations.txt")) {
        for (String line : read(f).split("\\R")) {
          String key = line.strip();
          if (!key.isEmpty() && !key.startsWith("#")) {
            evidence.observe(Observation.fromKey(key).orElseThrow(() ->
                new IllegalArgumentException(f + ": unknown observation '" + key + "'")));
          }
        }
      } else if (name.equals("version.txt")) {
        evidence.aspNetCoreVersion(AspNetCoreVersion.parse(read(f).strip()));
      } else {
        Optional<Channel> channel = channelOf(f);
        if (channel.isPresent()) {
          addFile(evidence, channel.get(), f);
        }
      }
    }
  }

  private static Optional<Channel> channelOf(Path f) {
    String name = f.getFileName().toString().toLowerCase(Locale.ROOT);
    if (name.startsWith("browser") || name.startsWith("error-page")) {
      return Optional.of(Channel.BROWSER);
    }
    if (name.startsWith("event")) {
      return Optional.of(Channel.EVENT_LOG);
    }
    if (name.startsWith("stdout")) {
      return Optional.of(Channel.STDOUT_LOG);
    }
    if (name.contains("debug")) {
      return Optional.of(Channel.DEBUG_LOG);
    }
    return Optional.empty();
  }

  private static void addFile(Evidence.Builder evidence, Channel channel, Path f)
      throws IOException {
    evidence.record(LogRecord.builder(channel, read(f)).source(f.toString()).build());
  }

  /** Reads a text file: UTF-8 or UTF-16 by byte order mark, else UTF-8, else Windows-1252. */
  static String read(Path f) throws IOException {
    byte[] b;
    try {
      b = Files.readAllBytes(f);
    } catch (IOException e) {
      throw new IOException(f + " (" + e.getMessage() + ")", e);
    }
    if (b.length >= 3 && (b[0] & 0xff) == 0xef && (b[1] & 0xff) == 0xbb && (b[2] & 0xff) == 0xbf) {
      return new String(b, 3, b.length - 3, StandardCharsets.UTF_8);
    }
    if (b.length >= 2 && (b[0] & 0xff) == 0xff && (b[1] & 0xff) == 0xfe) {
      return new String(b, 2, b.length - 2, StandardCharsets.UTF_16LE);
    }
    if (b.length >= 2 && (b[0] & 0xff) == 0xfe && (b[1] & 0xff) == 0xff) {
      return new String(b, 2, b.length - 2, StandardCharsets.UTF_16BE);
    }
    try {
      return StandardCharsets.UTF_8.newDecoder().onMalformedInput(CodingErrorAction.REPORT)
          .onUnmappableCharacter(CodingErrorAction.REPORT).decode(ByteBuffer.wrap(b)).toString();
    } catch (CharacterCodingException e) {
      return new String(b, Charset.forName("windows-1252"));
    }
  }

  private static void printText(DiagnosisReport report, PrintStream out) {
    if (report.diagnoses().isEmpty()) {
      out.println("No known cause matches this evidence.");
      return;
    }
    report.aspNetCoreVersion().ifPresentOrElse(v -> out.println("ASP.NET Core " + v),
        () -> report.inferredVersions().ifPresent(r ->
            out.println("ASP.NET Core version inferred from the wording: " + r)));
    int rank = 1;
    for (Diagnosis d : report.diagnoses()) {
      out.printf(Locale.ROOT, "%d. %s%n   confidence %s, score %.2f, ASP.NET Core %s%n", rank++, d,
          d.confidence(), d.score(), d.versions());
      for (Finding f : d.supporting()) {
        out.println("   + " + f);
      }
      for (Finding f : d.contradicting()) {
        out.println("   - " + f);
      }
      for (Expectation e : d.missing()) {
        out.println("   ? not seen: " + e);
      }
      if (rank == 2) {
        int step = 1;
        for (String s : d.fix()) {
          out.println("   fix " + step++ + ". " + s);
        }
      }
    }
  }

  static String toJson(DiagnosisReport report, String catalogVersion) {
    ObjectMapper mapper = new ObjectMapper().enable(SerializationFeature.INDENT_OUTPUT);
    ObjectNode root = mapper.createObjectNode();
    root.put("version", catalogVersion);
    report.aspNetCoreVersion().ifPresent(v -> root.put("aspnetcoreVersion", v.toString()));
    report.inferredVersions().ifPresent(v -> root.put("inferredVersions", v.toString()));
    ArrayNode diagnoses = root.putArray("diagnoses");
    for (Diagnosis d : report.diagnoses()) {
      ObjectNode n = diagnoses.addObject();
      n.put("id", d.entryId());
      n.put("confidence", d.confidence().name());
      n.put("score", Math.round(d.score() * 1000) / 1000.0);
      n.put("summary", d.summary());
      n.put("versions", d.versions().toString());
      ArrayNode ev = n.putArray("evidence");
      for (Finding f : d.supporting()) {
        ev.addObject().put("signature", f.signatureId()).put("channel", f.channel().name())
            .put("detail", f.detail()).put("source", f.source())
            .put("weight", Math.round(f.weight() * 1000) / 1000.0);
      }
      ArrayNode missing = n.putArray("missing");
      for (Expectation e : d.missing()) {
        missing.addObject().put("signature", e.signatureId()).put("channel", e.channel().name())
            .put("description", e.description());
      }
      ArrayNode against = n.putArray("contradicting");
      for (Finding f : d.contradicting()) {
        against.addObject().put("signature", f.signatureId()).put("channel", f.channel().name())
            .put("detail", f.detail());
      }
      ObjectNode params = n.putObject("parameters");
      for (Map.Entry<String, String> p : d.parameters().entrySet()) {
        params.put(p.getKey(), p.getValue());
      }
      ArrayNode fix = n.putArray("fix");
      d.fix().forEach(fix::add);
    }
    root.putArray("skipped");
    try {
      return mapper.writeValueAsString(root);
    } catch (IOException e) {
      throw new IllegalStateException("cannot write JSON", e);
    }
  }
}
