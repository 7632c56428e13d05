package io.github.ancmdiag.flink;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.io.Writer;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Locale;
import java.util.Objects;
import java.util.Random;
import org.jetbrains.annotations.NotNull;

/**
 * Writes a sample fleet of IIS servers as {@code host/<name>/<site>/...}: per site an event log
 * export ({@code eventlog.xml}, ANCM's starts and shutdowns, V2 in-process or V1 out of process),
 * a W3C request log ({@code http/u_ex*.log}, hours of ordinary traffic with the odd 500 of the
 * app's own), and an ANCM stdout log per start. Failures of several catalog entries are planted at
 * known hosts, sites and times (their events, stdout lines and 5xx requests within seconds, then a
 * start when the site recovers); some hosts get a truncated event export or a corrupt request log.
 * What it wrote is returned as a {@link Manifest} and saved as {@code planted.tsv} and {@code
 * records.tsv} beside {@code host/}.
 *
 * <pre>{@code
 * java -cp ancm-flink-job.jar io.github.ancmdiag.flink.FleetGenerator target/fleet 300 6
 * }</pre>
 */
public final class FleetGenerator {
  /** Where every generated fleet starts. */
  public static final Instant START = Instant.parse("2024-06-03T00:00:00Z");

  private static final DateTimeFormatter W3C_TIME =
      DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm:ss").withZone(ZoneOffset.UTC);
  private static final DateTimeFormatter STDOUT_TIME =
      DateTimeFormatter.ofPattern("yyyyMMddHHmmss").withZone(ZoneOffset.UTC);
  private static final String[] SITES = {"shop", "api", "blog", "crm", "docs", "pay"};
  private static final String V2 = "IIS AspNetCore Module V2";
  private static final String V1 = "IIS AspNetCore Module";
  private static final String[] PATHS = {"/", "/products", "/api/orders", "/css/site.css",
      "/js/app.js", "/account/login", "/health", "/search"};

  /**
   * One failure the generator planted.
   *
   * @param host the host folder name
   * @param site the site folder name
   * @param entry the catalog entry id whose failure it is
   * @param time when its first event was written
   * @param recovered whether the site starts again after it
   */
  public record Planted(@NotNull String host, @NotNull String site, @NotNull String entry,
      @NotNull Instant time, boolean recovered) {}

  /**
   * What was written.
   *
   * @param root the folder holding {@code host/}
   * @param planted the failures planted, by host, site and time
   * @param records the record units written: every event, request line and stdout line, and
   *     each damaged part (a cut event, a corrupt file), which the readers must skip
   * @param damaged how many of those are damaged parts
   * @param starts the ANCM start events written
   * @param files the files written
   */
  public record Manifest(@NotNull Path root, @NotNull List<Planted> planted, long records,
      long damaged, long starts, int files) {}

  /** The failure kinds the generator plants, each of one catalog entry. */
  private enum Failure {
    MISSING_FRAMEWORK("missing-shared-framework", false),
    EXECUTABLE_NOT_FOUND("wrong-processpath-or-runtime-missing", false),
    CONFIG_INVALID("aspnetcore-config-invalid", false),
    V1_APP_MISSING("wrong-aspnetcore-arguments", true),
    STDOUT_PATH("stdout-log-path-incorrect", false);

    final String entry;
    final boolean v1;

    Failure(String entry, boolean v1) {
      this.entry = entry;
      this.v1 = v1;
    }
  }

  private final Random random;
  private final int hosts;
  private final Duration span;
  private long records;
  private long damaged;
  private long starts;
  private int files;

  private FleetGenerator(long seed, int hosts, Duration span) {
    this.random = new Random(seed);
    this.hosts = hosts;
    this.span = span;
  }

  /**
   * Writes a fleet.
   *
   * @param root the folder to write {@code host/} into (created)
   * @param hosts how many hosts, 10 or more
   * @param span how much traffic, from {@link #START}, at least two hours
   * @param seed the seed: the same seed writes the same fleet
   * @return what was written
   * @throws UncheckedIOException if a file cannot be written
   * @throws IllegalArgumentException if there are too few hosts or too little time
   */
  public static @NotNull Manifest generate(@NotNull Path root, int hosts, @NotNull Duration span,
      long seed) {
    Objects.requireNonNull(root, "root");
    if (hosts < 10 || span.compareTo(Duration.ofHours(2)) < 0) {
      throw new IllegalArgumentException("needs 10 hosts and 2 hours at least");
    }
    try {
      return new FleetGenerator(seed, hosts, span).write(root);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  /**
   * Writes a fleet from the command line: {@code FleetGenerator DIR [HOSTS [HOURS [SEED]]]}.
   *
   * @param args the folder, then optionally hosts (300), hours (6) and seed (1)
   */
  public static void main(String[] args) {
    if (args.length < 1) {
      System.err.println("usage: FleetGenerator DIR [HOSTS [HOURS [SEED]]]");
      System.exit(1);
    }
    int n = args.length > 1 ? Integer.parseInt(args[1]) : 300;
    int hours = args.length > 2 ? Integer.parseInt(args[2]) : 6;
    long seed = args.length > 3 ? Long.parseLong(args[3]) : 1;
    Manifest m = generate(Path.of(args[0]), n, Duration.ofHours(hours), seed);
    System.out.printf(Locale.ROOT, "%d hosts, %d files, %d records (%d damaged), %d planted "
        + "failures in %s%n", n, m.files(), m.records(), m.damaged(), m.planted().size(),
        m.root().resolve("planted.tsv"));
  }

  private Manifest write(Path root) throws IOException {
    Files.createDirectories(root);
    List<Planted> planted = new ArrayList<>();
    Failure[] kinds = Failure.values();
    int next = 0;
    for (int h = 0; h < hosts; h++) {
      String host = String.format(Locale.ROOT, "web-%03d", h + 1);
      int siteCount = 1 + (h % 3 == 0 ? 1 : 0);
      // every seventh host plants one failure, the kinds in turn; a V1 kind needs a V1 site
      boolean plants = h % 7 == 3;
      boolean truncated = h % 11 == 5;
      boolean corrupt = h % 13 == 8;
      for (int s = 0; s < siteCount; s++) {
        String site = SITES[(h + s) % SITES.length];
        Failure failure = plants && s == 0 ? kinds[next++ % kinds.length] : null;
        boolean v1 = failure != null ? failure.v1 : (h + s) % 5 == 4;
        Path dir = root.resolve("host").resolve(host).resolve(site);
        Site out = new Site(host, site, 2 + s + (h % 7), v1, dir);
        Planted p = out.write(failure, truncated && s == 0 && failure == null,
            corrupt && s == 0 && failure == null);
        if (p != null) {
          planted.add(p);
        }
      }
    }
    planted.sort(Comparator.comparing(Planted::host).thenComparing(Planted::site));
    try (Writer w = Files.newBufferedWriter(root.resolve("planted.tsv"), StandardCharsets.UTF_8)) {
      w.write("# host\tsite\tentry\ttime\trecovered\n");
      for (Planted p : planted) {
        w.write(p.host() + "\t" + p.site() + "\t" + p.entry() + "\t" + p.time() + "\t"
            + p.recovered() + "\n");
      }
    }
    try (Writer w = Files.newBufferedWriter(root.resolve("records.tsv"), StandardCharsets.UTF_8)) {
      w.write("# record units written (each damaged part counts one)\tdamaged\tstarts\tfiles\n");
      w.write(records + "\t" + damaged + "\t" + starts + "\t" + files + "\n");
    }
    return new Manifest(root, List.copyOf(planted), records, damaged, starts, files);
  }

  /** One site of one host and its files. */
  private final class Site {
    final String host;
    final String site;
    final int siteId;
    final boolean v1;
    final Path dir;
    final String appId;
    final String root;
    final StringBuilder events = new StringBuilder();
    final List<String[]> requests = new ArrayList<>();
    int eventRecordId = 1000;

    Site(String host, String site, int siteId, boolean v1, Path dir) {
      this.host = host;
      this.site = site;
      this.siteId = siteId;
      this.v1 = v1;
      this.dir = dir;
      this.appId = "/LM/W3SVC/" + siteId + "/ROOT";
      this.root = "C:\\sites\\" + site + "\\";
    }

    Planted write(Failure failure, boolean truncateEvents, boolean corruptRequests)
        throws IOException {
      Files.createDirectories(dir.resolve("http"));
      Instant end = START.plus(span);
      // routine restarts: a start at the beginning, then a recycle every 100 to 160 minutes
      List<Instant> restarts = new ArrayList<>();
      Instant t = START.plusSeconds(5 + random.nextInt(60));
      restarts.add(t);
      while (true) {
        t = t.plusSeconds(6000 + random.nextInt(3600));
        if (t.isAfter(end.minusSeconds(600))) {
          break;
        }
        restarts.add(t);
      }
      Instant failAt = null;
      boolean recovered = false;
      if (failure != null) {
        failAt = quietTime(restarts, end);
        recovered = random.nextInt(3) != 0;
      }
      for (int i = 0; i < restarts.size(); i++) {
        Instant at = restarts.get(i);
        if (i > 0) {
          shutdown(at);
        }
        start(at.plusSeconds(2), i == 0);
      }
      Instant downUntil = null;
      if (failure != null) {
        downUntil = fail(failure, failAt, recovered);
      }
      traffic(end, failure, failAt, downUntil);
      writeEvents(truncateEvents);
      writeRequests(corruptRequests);
      return failure == null ? null : new Planted(host, site, failure.entry, failAt, recovered);
    }

    /** A time at least 20 minutes from any routine restart and from the ends. */
    private Instant quietTime(List<Instant> restarts, Instant end) {
      for (int tries = 0; ; tries++) {
        long seconds = 1800 + random.nextInt((int) Math.max(1, span.getSeconds() - 3600));
        Instant at = START.plusSeconds(seconds);
        boolean quiet = !at.isAfter(end.minusSeconds(1800));
        for (Instant r : restarts) {
          quiet &= Math.abs(Duration.between(r, at).getSeconds()) > 1200;
        }
        if (quiet || tries > 1000) {
          return at;
        }
      }
    }

    private void start(Instant at, boolean stdout) throws IOException {
      int pid = 1000 + random.nextInt(30000);
      if (v1) {
        event(at, V1, 1001, 4, "Application '" + appId + "' started process '" + pid
            + "' successfully and is listening on port '" + (10000 + random.nextInt(40000))
            + "'.");
      } else {
        event(at, V2, 1032, 4, "Application '" + root + "' started successfully.");
      }
      starts++;
      if (stdout) {
        stdoutLog(at, pid, List.of(
            "info: Microsoft.Hosting.Lifetime[14]",
            "      Now listening on: http://127.0.0.1:" + (10000 + random.nextInt(40000)),
            "info: Microsoft.Hosting.Lifetime[0]",
            "      Application started. Press Ctrl+C to shut down.",
            "info: Microsoft.Hosting.Lifetime[0]",
            "      Hosting environment: Production"), 3);
      }
    }

    private void shutdown(Instant at) {
      if (v1) {
        event(at, V1, 1006, 4, "Sent shutdown HTTP message to process '"
            + (1000 + random.nextInt(30000)) + "' and received http status '202'.");
      } else {
        event(at, V2, 1033, 4, "Application 'MACHINE/WEBROOT/APPHOST/" + site.toUpperCase(
            Locale.ROOT) + "' has shutdown.");
      }
    }

    /** Writes the failure's evidence; returns until when the site answers with errors. */
    private Instant fail(Failure failure, Instant at, boolean recovered) throws IOException {
      int pid = 1000 + random.nextInt(30000);
      switch (failure) {
        case MISSING_FRAMEWORK:
          event(at, V2, 1027, 2, "Could not find 'aspnetcorev2_inprocess.dll'. Exception "
              + "message:\r\nIt was not possible to find any compatible framework version\r\n"
              + "The framework 'Microsoft.AspNetCore.App', version '3.1.0' was not found.\r\n"
              + "  - The following frameworks were found:\r\n      6.0.25 at [C:\\Program Files"
              + "\\dotnet\\shared\\Microsoft.AspNetCore.App]\r\n");
          event(at.plusMillis(40), V2, 1010, 2, "Failed to start application '" + appId
              + "', ErrorCode '0x8000ffff'.");
          break;
        case EXECUTABLE_NOT_FOUND:
          event(at, V2, 1031, 2, "Application '" + root + "' failed to start. Exception "
              + "message:\r\nExecutable was not found at '" + root + "Shop.Web.exe'");
          event(at.plusMillis(30), V2, 1010, 2, "Failed to start application '" + appId
              + "', ErrorCode '0x8007023e'.");
          break;
        case CONFIG_INVALID:
          event(at, V2, 1034, 2, "Could not load configuration. Exception message:\r\nUnknown "
              + "hosting model 'inproc'. Please specify either hostingModel=\"inprocess\" or "
              + "hostingModel=\"outofprocess\" in the web.config file.");
          break;
        case V1_APP_MISSING:
          for (int retry = 0; retry < 3; retry++) {
            event(at.plusSeconds(retry), V1, 1000, 2, "Application '" + appId + "' with "
                + "physical root '" + root + "' failed to start process with commandline "
                + "'\"dotnet\" .\\" + cap(site) + ".dll', ErrorCode = '0x80004005 : 80008081.");
          }
          stdoutLog(at, pid, List.of("The application to execute does not exist: '" + root
              + cap(site) + ".dll'"), 1);
          break;
        case STDOUT_PATH:
          event(at, V2, 1004, 3, "Could not create stdoutLogFile " + root + "log\\stdout_"
              + STDOUT_TIME.format(at) + "_" + pid + ".log, ErrorCode = '0x80070003'.");
          break;
        default:
          throw new AssertionError(failure);
      }
      Instant back = at.plusSeconds(recovered ? 60 + random.nextInt(30) : 40);
      if (recovered) {
        start(back, false);
      }
      return back;
    }

    private void traffic(Instant end, Failure failure, Instant failAt, Instant downUntil) {
      Instant t = START.plusSeconds(random.nextInt(30));
      while (t.isBefore(end)) {
        String status = "200 0 0";
        int r = random.nextInt(1000);
        if (r < 60) {
          status = "304 0 0";
        } else if (r < 90) {
          status = "404 0 2";
        } else if (r == 90) {
          status = "500 0 0"; // the app's own error now and then: no start-up failure
        }
        if (failure != null && !t.isBefore(failAt) && t.isBefore(downUntil)) {
          status = failure == Failure.V1_APP_MISSING ? "502 5 0"
              : failure == Failure.MISSING_FRAMEWORK ? "500 31 0"
              : failure == Failure.STDOUT_PATH ? status : "500 0 0";
        }
        requests.add(new String[] {W3C_TIME.format(t), PATHS[random.nextInt(PATHS.length)],
            status, Integer.toString(3 + random.nextInt(400))});
        t = t.plusSeconds(failure != null && !t.isBefore(failAt) && t.isBefore(downUntil)
            ? 2 + random.nextInt(8) : 20 + random.nextInt(70));
      }
    }

    private void event(Instant at, String provider, int id, int level, String message) {
      String text = message.replace("&", "&amp;").replace("<", "&lt;").replace(">", "&gt;");
      events.append("  <Event xmlns=\"http://schemas.microsoft.com/win/2004/08/events/event\">\r\n")
          .append("    <System>\r\n")
          .append("      <Provider Name=\"").append(provider).append("\"/>\r\n")
          .append("      <EventID Qualifiers=\"0\">").append(id).append("</EventID>\r\n")
          .append("      <Level>").append(level).append("</Level>\r\n")
          .append("      <TimeCreated SystemTime=\"").append(at).append("\"/>\r\n")
          .append("      <EventRecordID>").append(eventRecordId++).append("</EventRecordID>\r\n")
          .append("      <Channel>Application</Channel>\r\n")
          .append("      <Computer>").append(host.toUpperCase(Locale.ROOT)).append("</Computer>\r\n")
          .append("    </System>\r\n")
          .append("    <EventData>\r\n")
          .append("      <Data>").append(text).append("</Data>\r\n")
          .append("      <Data>Process Id: ").append(1000 + random.nextInt(30000))
          .append(".</Data>\r\n")
          .append("    </EventData>\r\n")
          .append("  </Event>\r\n");
      records++;
    }

    private void writeEvents(boolean truncate) throws IOException {
      String xml = "<?xml version=\"1.0\" encoding=\"UTF-8\"?>\r\n<Events>\r\n" + events
          + "</Events>\r\n";
      if (truncate && eventRecordId - 1000 >= 2) {
        // a copy cut off part-way through its last event: that event is damaged, not lost (a
        // copy of one event cut so is no event XML at all for the reader: two skips, not one)
        int lastEvent = xml.lastIndexOf("<Event ");
        xml = xml.substring(0, lastEvent + (xml.length() - lastEvent) / 2);
        damaged++;
      }
      Files.writeString(dir.resolve("eventlog.xml"), xml, StandardCharsets.UTF_8);
      files++;
    }

    private void writeRequests(boolean corrupt) throws IOException {
      String day = STDOUT_TIME.format(START).substring(2, 8);
      Path file = dir.resolve("http").resolve("u_ex" + day + ".log");
      files++;
      if (corrupt) {
        // a request log overwritten with binary junk: one damaged part, its lines are gone
        byte[] junk = new byte[4096 + random.nextInt(4096)];
        random.nextBytes(junk);
        junk[0] = 0;
        Files.write(file, junk);
        records++;
        damaged++;
        return;
      }
      StringBuilder sb = new StringBuilder();
      sb.append("#Software: Microsoft Internet Information Services 10.0\r\n#Version: 1.0\r\n")
          .append("#Date: ").append(W3C_TIME.format(START)).append("\r\n")
          .append("#Fields: date time s-ip cs-method cs-uri-stem cs-uri-query s-port cs-username "
              + "c-ip cs(User-Agent) cs(Referer) sc-status sc-substatus sc-win32-status "
              + "time-taken\r\n");
      for (String[] r : requests) {
        sb.append(r[0]).append(" 10.0.0.").append(siteId).append(" GET ").append(r[1])
            .append(" - 443 - 203.0.113.").append(1 + random.nextInt(250))
            .append(" Mozilla/5.0+(Windows+NT+10.0;+Win64;+x64) - ").append(r[2]).append(' ')
            .append(r[3]).append("\r\n");
        records++;
      }
      Files.writeString(file, sb.toString(), StandardCharsets.UTF_8);
    }

    /** Writes a stdout log of {@code messages} records (console logger entries, host lines). */
    private void stdoutLog(Instant at, int pid, List<String> lines, int messages)
        throws IOException {
      Path logs = Files.createDirectories(dir.resolve("logs"));
      Path file = logs.resolve("stdout_" + STDOUT_TIME.format(at) + "_" + pid + ".log");
      Files.writeString(file, String.join("\r\n", lines) + "\r\n", StandardCharsets.UTF_8);
      files++;
      records += messages;
    }
  }

  private static String cap(String s) {
    return Character.toUpperCase(s.charAt(0)) + s.substring(1);
  }
}
