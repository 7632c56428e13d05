package io.github.ancmdiag.benchmarks;

import io.github.ancmdiag.benchmarks.TemplateSyntax.Capture;
import io.github.ancmdiag.benchmarks.TemplateSyntax.Literal;
import io.github.ancmdiag.benchmarks.TemplateSyntax.Part;
import io.github.ancmdiag.catalog.BundledCatalog;
import io.github.ancmdiag.model.CaptureType;
import io.github.ancmdiag.model.Channel;
import io.github.ancmdiag.model.HResult;
import io.github.ancmdiag.rules.Catalog;
import io.github.ancmdiag.rules.CatalogEntry;
import io.github.ancmdiag.rules.Signature;
import io.github.ancmdiag.rules.Variant;
import java.nio.charset.StandardCharsets;
import java.time.LocalDateTime;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.Collections;
import java.util.EnumMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.SplittableRandom;

/**
 * A deterministic corpus of log records with the mix a monitoring product sees on IIS servers:
 * mostly unrelated lines (W3C access log lines, Service Control Manager, Windows Update, .NET
 * Runtime, ASP.NET 4 and IIS worker process / WAS events, ANCM informational events, stdout lines
 * of healthy ASP.NET Core apps, ANCM debug-log lines of healthy starts) and one
 * record in {@value #ANCM_EVERY} (0.5%) made from a catalog template with realistic values filled
 * in. Every catalog entry gets planted records in turn, and within an entry each of its templates
 * in turn, so a corpus of at least {@code 200 * entries} lines holds every entry. Also one record
 * in {@value #FIXTURE_EVERY} (0.1%) is a record of a real incident fixture ({@link Fixtures}),
 * taken in turn: error pages, event texts, stdout and debug log lines, positive and negative.
 *
 * <p>The same size and seed give the same records on every JVM ({@link SplittableRandom} is
 * specified bit for bit). A record is one element of {@link #lines()}; an event message keeps its
 * CR LF line breaks inside the record, as a monitoring agent forwards it. All text is ASCII.
 *
 * <p>Not thread-safe to build; immutable after construction.
 */
public final class Corpus {
  /** The fixed seed of every corpus. */
  public static final long SEED = 0x5EED_A9C3_2026L;
  /** One ANCM record in this many lines. */
  public static final int ANCM_EVERY = 200;
  /** One real fixture record in this many lines (the fixtures in turn). */
  public static final int FIXTURE_EVERY = 1000;

  /** Where a record comes from. */
  public enum Kind {
    /** W3C extended log line of IIS. */
    W3C_ACCESS(62),
    /** Service Control Manager event. */
    SERVICE_CONTROL_MANAGER(8),
    /** Windows Update client event. */
    WINDOWS_UPDATE(5),
    /** .NET Runtime event (1026 crash reports, 1022, 1023). */
    DOTNET_RUNTIME(3),
    /** ASP.NET 4.0.30319.0 health monitoring event (1309, 1310). */
    ASPNET4(5),
    /** IIS-W3SVC-WP and WAS warnings, ANCM informational events. */
    IIS_WORKER_PROCESS(7),
    /** A line of the stdout log of a healthy ASP.NET Core app (console logger). */
    APP_STDOUT(7),
    /** A line of the ANCM debug log of a healthy start (aspnetcorev2.dll tracing). */
    DEBUG_LOG_NOISE(3),
    /** A record of a real incident fixture of the catalog's tests ({@link Fixtures}). */
    FIXTURE(0),
    /** An ANCM failure record made from a catalog template. */
    ANCM(0);

    private final int weight;

    Kind(int weight) {
      this.weight = weight;
    }
  }

  /**
   * A record made from a catalog template.
   *
   * @param index the record's position in {@link #lines()}
   * @param template the catalog template it was made from
   * @param entryIds the entries that use that template: every one must be found in the record
   */
  public record Planted(int index, String template, Set<String> entryIds) {}

  private final String[] lines;
  private final long utf8Bytes;
  private final Map<Kind, Integer> mix;
  private final List<Planted> planted;

  private Corpus(String[] lines, Map<Kind, Integer> mix, List<Planted> planted) {
    this.lines = lines;
    long bytes = 0;
    for (String line : lines) {
      bytes += line.getBytes(StandardCharsets.UTF_8).length;
    }
    this.utf8Bytes = bytes;
    this.mix = Collections.unmodifiableMap(mix);
    this.planted = List.copyOf(planted);
  }

  /**
   * Generates a corpus.
   *
   * @param size the number of records, at least 1
   * @param catalog the catalog whose templates are planted
   * @return the corpus
   */
  public static Corpus generate(int size, Catalog catalog) {
    return generate(size, catalog, Fixtures.load());
  }

  /**
   * Generates a corpus with given fixture records.
   *
   * @param size the number of records, at least 1
   * @param catalog the catalog whose templates are planted
   * @param fixtures the real records to mix in, in turn; may be empty
   * @return the corpus
   */
  public static Corpus generate(int size, Catalog catalog, List<Fixtures.Record> fixtures) {
    if (size < 1) {
      throw new IllegalArgumentException("size must be at least 1 but was " + size);
    }
    return new Generator(catalog, fixtures).run(size);
  }

  /**
   * Prints the size and mix of the default corpus (or of the size given as the first argument),
   * for RESULTS.md.
   *
   * @param args optionally the number of records
   */
  public static void main(String[] args) {
    int size = args.length > 0 ? Integer.parseInt(args[0]) : 1_000_000;
    System.out.println(generate(size, BundledCatalog.load())
        .describe());
  }

  /**
   * Returns the records. The array is shared, not copied: callers must not change it.
   *
   * @return the records
   */
  public String[] lines() {
    return lines;
  }

  /**
   * Returns the size of the records in UTF-8, without separators.
   *
   * @return the byte count
   */
  public long utf8Bytes() {
    return utf8Bytes;
  }

  /**
   * Returns the size in decimal megabytes (10^6 bytes) of UTF-8.
   *
   * @return the size in MB
   */
  public double megabytes() {
    return utf8Bytes / 1e6;
  }

  /**
   * Returns how many records of each kind the corpus holds.
   *
   * @return the count per kind
   */
  public Map<Kind, Integer> mix() {
    return mix;
  }

  /**
   * Returns the records made from catalog templates.
   *
   * @return the planted records in order
   */
  public List<Planted> planted() {
    return planted;
  }

  /**
   * Describes the size and mix in one paragraph, for the benchmark's output and RESULTS.md.
   *
   * @return the description
   */
  public String describe() {
    StringBuilder sb = new StringBuilder();
    sb.append(String.format(Locale.ROOT, "corpus: %,d records, %.2f MB UTF-8 (%.1f bytes/record),"
        + " seed 0x%X; mix:", lines.length, megabytes(), (double) utf8Bytes / lines.length, SEED));
    for (Map.Entry<Kind, Integer> e : mix.entrySet()) {
      sb.append(String.format(Locale.ROOT, " %s %,d (%.2f%%)", e.getKey(), e.getValue(),
          100.0 * e.getValue() / lines.length));
    }
    return sb.toString();
  }

  /** Makes the records; one per corpus. */
  private static final class Generator {
    private static final String[] HOSTS = {"WEB01", "WEB02", "WEB03", "WEB04", "APP01", "APP02"};
    private static final String[] SITES = {"shop", "orders-api", "identity", "intranet",
        "reporting", "legacy", "payments", "cms"};
    private static final String[] APP_NAMES = {"Contoso.Shop.Web", "Orders.Api", "Identity.Server",
        "Intranet.Portal", "Reporting.Service", "Payments.Gateway", "Cms.Host"};
    private static final String[] SERVICES = {"Windows Update",
        "Background Intelligent Transfer Service", "World Wide Web Publishing Service",
        "Windows Process Activation Service", "Windows Modules Installer",
        "Microsoft Defender Antivirus Service", "Application Host Helper Service",
        "WinHTTP Web Proxy Auto-Discovery Service", "Delivery Optimization",
        "Software Protection", "Windows Event Log", "Remote Registry"};
    private static final String[] START_TYPES = {"demand start", "auto start", "disabled"};
    private static final String[] USER_AGENTS = {
        "Mozilla/5.0+(Windows+NT+10.0;+Win64;+x64)+AppleWebKit/537.36+(KHTML,+like+Gecko)"
            + "+Chrome/122.0.0.0+Safari/537.36+Edg/122.0.0.0",
        "Mozilla/5.0+(Macintosh;+Intel+Mac+OS+X+10_15_7)+AppleWebKit/605.1.15+(KHTML,+like+Gecko)"
            + "+Version/17.3.1+Safari/605.1.15",
        "Mozilla/5.0+(Windows+NT+10.0;+Win64;+x64;+rv:123.0)+Gecko/20100101+Firefox/123.0",
        "Mozilla/5.0+(iPhone;+CPU+iPhone+OS+17_3_1+like+Mac+OS+X)+AppleWebKit/605.1.15"
            + "+(KHTML,+like+Gecko)+Version/17.3+Mobile/15E148+Safari/604.1",
        "AlwaysOn", "Microsoft-Azure-Application-LB/1.0", "okhttp/4.12.0",
        "Mozilla/5.0+(compatible;+bingbot/2.0;++http://www.bing.com/bingbot.htm)",
        "Go-http-client/1.1", "-"};
    private static final String[] STEMS = {"/", "/api/orders/%d", "/api/customers/%d/invoices",
        "/static/js/app.%x.js", "/images/products/%d.jpg", "/health", "/signin-oidc",
        "/Account/Login", "/favicon.ico", "/_framework/blazor.server.js",
        "/hubs/notifications/negotiate", "/api/v2/catalog/items/%d", "/reports/daily/%d.pdf",
        "/Default.aspx", "/wp-login.php"};
    private static final String[] EXCEPTIONS = {"System.NullReferenceException",
        "System.InvalidOperationException", "System.IO.FileNotFoundException",
        "System.Data.SqlClient.SqlException", "System.OutOfMemoryException",
        "System.StackOverflowException", "System.TimeoutException"};
    private static final String[] UPDATES = {
        "2024-03 Cumulative Update for Windows Server 2019 (1809) for x64-based Systems (KB%d)",
        "Security Intelligence Update for Microsoft Defender Antivirus - KB2267602"
            + " (Version 1.%d.%d.0)",
        "2024-02 Cumulative Update for .NET Framework 3.5, 4.7.2 and 4.8 for Windows Server 2019"
            + " for x64 (KB%d)",
        "Microsoft .NET 8.0.%d Security Update for x64 Server (KB%d)",
        "Windows Malicious Software Removal Tool x64 - v5.%d (KB890830)"};
    private static final String[] MODULES = {"C:\\Windows\\system32\\inetsrv\\rewrite.dll",
        "C:\\Program Files\\iisnode\\iisnode.dll", "C:\\Windows\\system32\\inetsrv\\iiscore.dll",
        "C:\\Program Files\\IIS\\Application Request Routing\\requestRouter.dll",
        "%SystemRoot%\\system32\\inetsrv\\cachuri.dll"};
    private static final String[] FRAMEWORKS = {"Microsoft.AspNetCore.App", "Microsoft.NETCore.App",
        "Microsoft.WindowsDesktop.App"};
    private static final String[] VERSIONS = {"2.2.0", "3.1.32", "5.0.17", "6.0.36", "7.0.20",
        "8.0.11", "9.0.0"};
    private static final String[] PREVIEWS = {"3.0.0-preview-18579-0056",
        "5.0.0-preview.7.20365.19", "9.0.0-preview.3.24172.13"};
    private static final String[] HRESULTS = {"0x80070005", "0x800700c1", "0x8007007e",
        "0x80004005", "0x800705b4", "0x80070020", "0x8007000e", "0x80131500", "0xc0000005"};

    private final SplittableRandom random = new SplittableRandom(SEED);
    private final List<CatalogEntry> entries;
    private final Map<String, List<String>> templatesByEntry = new LinkedHashMap<>();
    private final Map<String, Channel> channelOf = new LinkedHashMap<>();
    private final Map<String, Integer> eventIdOf = new LinkedHashMap<>();
    private final Map<String, Set<String>> entriesOf;
    private final int[] nextTemplate;
    private final Map<String, List<Part>> parsed = new LinkedHashMap<>();
    private long millis = LocalDateTime.of(2024, 3, 14, 0, 0).toEpochSecond(ZoneOffset.UTC) * 1000;
    private int plantedCount;

    private final List<Fixtures.Record> fixtures;
    private int fixtureCount;

    Generator(Catalog catalog, List<Fixtures.Record> fixtures) {
      this.fixtures = List.copyOf(fixtures);
      this.entries = catalog.entries();
      this.entriesOf = TemplateSyntax.entriesByTemplate(catalog);
      for (CatalogEntry entry : entries) {
        List<String> own = new ArrayList<>();
        for (Variant variant : entry.variants()) {
          for (Signature sig : variant.signatures()) {
            for (String text : sig.texts()) {
              if (!own.contains(text)) {
                own.add(text);
              }
              channelOf.putIfAbsent(text, sig.channel());
              eventIdOf.putIfAbsent(text, sig.eventId());
            }
          }
        }
        if (own.isEmpty()) {
          throw new IllegalStateException("entry " + entry.id() + " has no text template to plant");
        }
        templatesByEntry.put(entry.id(), own);
      }
      this.nextTemplate = new int[entries.size()];
    }

    Corpus run(int size) {
      String[] lines = new String[size];
      Map<Kind, Integer> mix = new EnumMap<>(Kind.class);
      for (Kind k : Kind.values()) {
        mix.put(k, 0);
      }
      List<Planted> planted = new ArrayList<>();
      int total = 0;
      for (Kind k : Kind.values()) {
        total += k.weight;
      }
      int ancmSlot = random.nextInt(ANCM_EVERY);
      for (int i = 0; i < size; i++) {
        millis += random.nextInt(1, 400);
        if (i % ANCM_EVERY == 0 && i > 0) {
          ancmSlot = random.nextInt(ANCM_EVERY);
        }
        Kind kind;
        if (i % ANCM_EVERY == ancmSlot) {
          kind = Kind.ANCM;
          CatalogEntry entry = entries.get(plantedCount % entries.size());
          List<String> own = templatesByEntry.get(entry.id());
          int e = plantedCount % entries.size();
          String template = own.get(nextTemplate[e]++ % own.size());
          plantedCount++;
          lines[i] = ancm(template);
          planted.add(new Planted(i, template, entriesOf.get(template)));
        } else if (i % FIXTURE_EVERY == FIXTURE_EVERY / 2 && !fixtures.isEmpty()) {
          kind = Kind.FIXTURE;
          lines[i] = fixtures.get(fixtureCount++ % fixtures.size()).text();
        } else {
          int pick = random.nextInt(total);
          kind = Kind.W3C_ACCESS;
          for (Kind k : Kind.values()) {
            if (pick < k.weight) {
              kind = k;
              break;
            }
            pick -= k.weight;
          }
          lines[i] = unrelated(kind);
        }
        mix.merge(kind, 1, Integer::sum);
      }
      return new Corpus(lines, mix, planted);
    }

    private String unrelated(Kind kind) {
      return switch (kind) {
        case W3C_ACCESS -> w3c();
        case SERVICE_CONTROL_MANAGER -> serviceControlManager();
        case WINDOWS_UPDATE -> windowsUpdate();
        case DOTNET_RUNTIME -> dotnetRuntime();
        case ASPNET4 -> aspnet4();
        case APP_STDOUT -> appStdout();
        case DEBUG_LOG_NOISE -> debugLogNoise();
        default -> iisWorkerProcess();
      };
    }

    // ---- unrelated records -------------------------------------------------------------------

    private String w3c() {
      StringBuilder sb = new StringBuilder(320);
      LocalDateTime t = now();
      date(sb, t, '-');
      sb.append(' ');
      time(sb, t);
      sb.append(" 10.0.0.").append(4 + random.nextInt(4)).append(' ');
      int m = random.nextInt(100);
      sb.append(m < 78 ? "GET" : m < 94 ? "POST" : m < 97 ? "HEAD" : "PUT").append(' ');
      String stem = pick(STEMS);
      sb.append(stem.contains("%") ? String.format(Locale.ROOT, stem, random.nextInt(1, 99999))
          : stem);
      int q = random.nextInt(10);
      sb.append(' ').append(q < 6 ? "-" : q < 8 ? "page=" + random.nextInt(1, 40) + "&size=50"
          : "v=" + Integer.toHexString(random.nextInt()) + "&utm_source=newsletter");
      sb.append(random.nextInt(10) < 9 ? " 443 " : " 80 ");
      sb.append(random.nextInt(10) < 8 ? "-" : "CONTOSO\\user" + random.nextInt(1, 500));
      sb.append(' ').append(random.nextInt(1, 224)).append('.').append(random.nextInt(256))
          .append('.').append(random.nextInt(256)).append('.').append(random.nextInt(1, 255));
      sb.append(' ').append(pick(USER_AGENTS)).append(' ');
      sb.append(random.nextInt(10) < 5 ? "-"
          : "https://" + pick(SITES) + ".contoso.com/" + pick(SITES) + "/index");
      int s = random.nextInt(1000);
      String status = s < 750 ? "200 0 0" : s < 830 ? "304 0 0" : s < 880 ? "302 0 0"
          : s < 940 ? "404 0 2" : s < 960 ? "401 2 5" : s < 980 ? "500 0 0"
          : s < 990 ? "502 3 12030" : "503 0 64";
      sb.append(' ').append(status).append(' ').append(random.nextInt(1, 1200));
      return sb.toString();
    }

    private String serviceControlManager() {
      String svc = pick(SERVICES);
      int k = random.nextInt(10);
      if (k < 6) {
        return event("System", "Service Control Manager", "Information", 7036, "The " + svc
            + " service entered the " + (random.nextBoolean() ? "running" : "stopped") + " state.");
      }
      if (k < 8) {
        return event("System", "Service Control Manager", "Information", 7040,
            "The start type of the " + svc + " service was changed from " + pick(START_TYPES)
                + " to " + pick(START_TYPES) + ".");
      }
      if (k < 9) {
        return event("System", "Service Control Manager", "Error", 7031, "The " + svc
            + " service terminated unexpectedly.  It has done this " + random.nextInt(1, 4)
            + " time(s).  The following corrective action will be taken in "
            + 1000 * random.nextInt(1, 120) + " milliseconds: Restart the service.");
      }
      return event("System", "Service Control Manager", "Information", 7045,
          "A service was installed in the system.\r\n\r\nService Name:  " + svc
              + "\r\nService File Name:  \"C:\\Program Files\\Agent\\agent" + random.nextInt(9)
              + ".exe\" -service\r\nService Type:  user mode service\r\nService Start Type:  "
              + pick(START_TYPES) + "\r\nService Account:  LocalSystem");
    }

    private String windowsUpdate() {
      String title = String.format(Locale.ROOT, pick(UPDATES), 5_000_000 + random.nextInt(99_999),
          random.nextInt(100, 999), random.nextInt(1000, 9999));
      int k = random.nextInt(10);
      String source = "Microsoft-Windows-WindowsUpdateClient";
      if (k < 4) {
        return event("System", source, "Information", 19,
            "Installation Successful: Windows successfully installed the following update: "
                + title);
      }
      if (k < 7) {
        return event("System", source, "Information", 43,
            "Installation Started: Windows has started installing the following update: " + title);
      }
      if (k < 9) {
        return event("System", source, "Information", 44,
            "Windows Update started downloading an update.");
      }
      return event("System", source, "Error", 20, "Installation Failure: Windows failed to install"
          + " the following update with error " + pick(HRESULTS) + ": " + title + ".");
    }

    private String dotnetRuntime() {
      int k = random.nextInt(10);
      if (k < 2) {
        // A .NET Framework or .NET app crashing: real text, and it contains "unhandled exception."
        boolean core = random.nextBoolean();
        return event("Application", ".NET Runtime", "Error", 1026, "Application: "
            + (core ? "dotnet.exe\r\nCoreCLR Version: 8.0.1124.51707\r\n.NET Version: 8.0.11"
                : "w3wp.exe\r\nFramework Version: v4.0.30319")
            + "\r\nDescription: The process was terminated due to an unhandled exception.\r\n"
            + "Exception Info: " + pick(EXCEPTIONS) + "\r\n   at " + pick(APP_NAMES)
            + ".Startup.Configure()\r\n   at System.Threading.ThreadHelper.ThreadStart()");
      }
      if (k < 8) {
        return event("Application", ".NET Runtime", "Error", 1022, ".NET Runtime version"
            + " 4.0.30319.0 - Loading profiler failed during CoCreateInstance.  Profiler CLSID: '{"
            + uuid() + "}'.  HRESULT: 0x80040154.  Process ID (decimal): " + pid()
            + ".  Message ID: [0x2504].");
      }
      return event("Application", ".NET Runtime", "Error", 1023, ".NET Runtime version"
          + " 4.0.30319.0 - Fatal Execution Engine Error (00007FF" + hex(9) + ") (80131506)");
    }

    private String aspnet4() {
      String site = pick(SITES);
      String common = "Event time: 3/14/2024 " + random.nextInt(1, 12) + ":"
          + two(random.nextInt(60)) + ":" + two(random.nextInt(60)) + " AM \r\nEvent ID: "
          + hex(32) + " \r\nEvent sequence: " + random.nextInt(1, 9999)
          + " \r\nEvent occurrence: " + random.nextInt(1, 99) + " \r\nEvent detail code: 0 \r\n"
          + " \r\nApplication information: \r\n    Application domain: /LM/W3SVC/"
          + random.nextInt(1, 20) + "/ROOT-1-13354" + random.nextInt(100000, 999999)
          + " \r\n    Trust level: Full \r\n    Application Virtual Path: / \r\n"
          + "    Application Path: C:\\inetpub\\wwwroot\\" + site + "\\ \r\n    Machine name: "
          + pick(HOSTS) + " \r\n \r\nProcess information: \r\n    Process ID: " + pid()
          + " \r\n    Process name: w3wp.exe \r\n    Account name: IIS APPPOOL\\" + site
          + " \r\n \r\n";
      if (random.nextInt(10) < 7) {
        return event("Application", "ASP.NET 4.0.30319.0", "Warning", 1309,
            "Event code: 3005 \r\nEvent message: An unhandled exception has occurred. \r\n"
                + common + "Exception information: \r\n    Exception type: HttpException \r\n"
                + "    Exception message: The file '/" + site + "/page" + random.nextInt(99)
                + ".aspx' does not exist.\r\n   at System.Web.UI.Util.CheckVirtualFileExists(Virtua"
                + "lPath virtualPath)\r\n \r\nRequest information: \r\n    Request URL: https://"
                + site + ".contoso.com/page.aspx \r\n    Request path: /page.aspx \r\n");
      }
      return event("Application", "ASP.NET 4.0.30319.0", "Warning", 1310,
          "Event code: 3008 \r\nEvent message: A configuration error has occurred. \r\n" + common
              + "Exception information: \r\n    Exception type: ConfigurationErrorsException \r\n"
              + "    Exception message: Could not load file or assembly 'System.Web.Mvc,"
              + " Version=5.2.7.0, Culture=neutral, PublicKeyToken=31bf3856ad364e35' or one of"
              + " its dependencies. The system cannot find the file specified.");
    }

    private String iisWorkerProcess() {
      String pool = pick(SITES) + "-pool";
      int k = random.nextInt(12);
      return switch (k) {
        case 0, 1 -> event("System", "Microsoft-Windows-IIS-W3SVC-WP", "Error", 2280,
            "The Module DLL " + pick(MODULES) + " failed to load.  The data is the error.");
        case 2 -> event("System", "Microsoft-Windows-IIS-W3SVC-WP", "Error", 2268,
            "Could not load all ISAPI filters for site '" + pick(SITES).toUpperCase(Locale.ROOT)
            + "'.  Therefore site startup aborted.");
        case 3 -> event("System", "Microsoft-Windows-IIS-W3SVC-WP", "Error", 2307,
            "The worker process for application pool '" + pool + "' encountered an error"
            + " 'Cannot read configuration file ' trying to read configuration data from"
            + " file '\\\\?\\C:\\inetpub\\temp\\apppools\\" + pool + "\\" + pool
            + ".config', line number '0'.  The data field contains the error code.");
        case 4, 5 -> event("System", "Microsoft-Windows-WAS", "Information", 5186,
            "A worker process with process id of '" + pid() + "' serving application pool '"
            + pool + "' was shutdown due to inactivity.  Application Pool timeout"
            + " configuration was set to 20 minutes.  A new worker process will be"
            + " started when needed.");
        case 6 -> event("System", "Microsoft-Windows-WAS", "Information", 5074,
            "A worker process with process id of '" + pid() + "' serving application pool '"
            + pool + "' has requested a recycle because it reached its scheduled recycle"
            + " time.");
        case 7 -> event("System", "Microsoft-Windows-WAS", "Warning", 5011,
            "A process serving application pool '" + pool + "' suffered a fatal communication"
            + " error with the Windows Process Activation Service. The process id was '"
            + pid() + "'. The data field contains the error number.");
        case 8, 9 -> event("Application", "IIS AspNetCore Module V2", "Information", 1001,
            "Application '" + appId() + "' started the coreclr in-process successfully.");
        default -> event("Application", "IIS AspNetCore Module", "Information", 1001,
            "Application '" + appId() + "' started process '" + pid()
            + "' successfully and process '" + pid() + "' is listening on port '"
            + random.nextInt(1024, 65536) + "'.");
      };
    }

    private String appStdout() {
      String site = pick(SITES);
      int k = random.nextInt(20);
      return switch (k) {
        case 0 -> "info: Microsoft.Hosting.Lifetime[14]";
        case 1 -> "      Now listening on: http://127.0.0.1:" + random.nextInt(10000, 60000);
        case 2 -> "      Application started. Press Ctrl+C to shut down.";
        case 3 -> "      Hosting environment: Production";
        case 4 -> "      Content root path: C:\\inetpub\\wwwroot\\" + site;
        case 5 -> "warn: Microsoft.AspNetCore.DataProtection.KeyManagement.XmlKeyManager[35]";
        case 6 -> "      No XML encryptor configured. Key {" + uuid().toLowerCase(Locale.ROOT)
            + "} may be persisted to storage in unencrypted form.";
        case 7, 8 -> "info: Microsoft.AspNetCore.Hosting.Diagnostics[1]";
        case 9, 10 -> "      Request starting HTTP/1.1 GET https://" + site + ".contoso.com/api/orders/"
            + random.nextInt(1, 99999) + " - - -";
        case 11, 12 -> "      Request finished HTTP/1.1 GET https://" + site + ".contoso.com/api/orders/"
            + random.nextInt(1, 99999) + " - 200 - application/json;+charset=utf-8 "
            + random.nextInt(1, 900) + "." + random.nextInt(1000, 9999) + "ms";
        case 13 -> "info: Microsoft.EntityFrameworkCore.Database.Command[20101]";
        case 14, 15 -> "      Executed DbCommand (" + random.nextInt(1, 80) + "ms) [Parameters=[@__p_0='?'"
            + " (DbType = Int32)], CommandType='Text', CommandTimeout='30']";
        case 16 -> "      SELECT TOP(1) [o].[Id], [o].[CustomerId], [o].[Total] FROM [Orders] AS [o]"
            + " WHERE [o].[Id] = @__p_0";
        case 17 -> "info: " + pick(APP_NAMES) + ".Controllers.OrdersController[0]";
        case 18 -> "      Order " + random.nextInt(1, 99999) + " shipped to customer "
            + random.nextInt(1, 9999);
        default -> "dbug: Microsoft.AspNetCore.Routing.EndpointMiddleware[1]";
      };
    }

    private String debugLogNoise() {
      StringBuilder sb = new StringBuilder("[");
      iso(sb, now());
      sb.append(", PID: ").append(pid()).append("] ");
      String site = "C:\\inetpub\\wwwroot\\" + pick(SITES) + "\\";
      return switch (random.nextInt(8)) {
        case 0 -> sb.append("[aspnetcorev2.dll] Initializing logs for 'C:\\Program Files\\IIS\\Asp.Net"
            + " Core Module\\V2\\aspnetcorev2.dll'. Process Id: ").append(pid())
            .append(".. File Version: 18.0.24141.0. Description: IIS ASP.NET Core Module V2.")
            .toString();
        case 1 -> sb.append("[aspnetcorev2.dll] Resolving hostfxr parameters for application:"
            + " 'dotnet' arguments: '.\\").append(pick(APP_NAMES)).append(".dll' path: '")
            .append(site).append("'").toString();
        case 2 -> sb.append("[aspnetcorev2.dll] Known dotnet.exe location: 'C:\\Program"
            + " Files\\dotnet\\dotnet.exe'").toString();
        case 3 -> sb.append("[aspnetcorev2.dll] Parsed hostfxr options: dotnet location: 'C:\\Program"
            + " Files\\dotnet\\dotnet.exe' hostfxr path: 'C:\\Program Files\\dotnet\\host\\fxr\\")
            .append(pick(VERSIONS)).append("\\hostfxr.dll' arguments:").toString();
        case 4 -> sb.append("[aspnetcorev2.dll] Loading request handler:  '").append(site)
            .append("aspnetcorev2_inprocess.dll'").toString();
        case 5 -> sb.append("[aspnetcorev2_inprocess.dll] Starting app_offline monitoring in"
            + " application '").append(site).append("'").toString();
        case 6 -> sb.append("[aspnetcorev2_inprocess.dll] Event Log: 'Application '")
            .append(appId()).append("' started the coreclr in-process successfully.'"
            + " \r\nEnd Event Log Message.").toString();
        default -> sb.append("[aspnetcorev2_inprocess.dll] Managed application main returned"
            + " success, waiting for requests").toString();
      };
    }

    // ---- planted ANCM records ----------------------------------------------------------------

    private String ancm(String template) {
      StringBuilder body = new StringBuilder();
      List<Part> parts = parsed.computeIfAbsent(template, TemplateSyntax::parse);
      for (Part part : parts) {
        if (part instanceof Literal) {
          body.append(((Literal) part).text());
        } else {
          body.append(value((Capture) part));
        }
      }
      String text = body.toString();
      if (text.endsWith(":")) {
        text += text.endsWith("message:") ? "\r\n" + detail() : " " + detail();
      } else if (text.endsWith(" at")) {
        text += " D:\\a\\_work\\1\\s\\src\\Servers\\IIS\\AspNetCoreModuleV2\\CommonLib\\"
            + "HostFxrResolver.cpp:" + random.nextInt(50, 500);
      } else if (text.endsWith("failed to load")) {
        text += ".  The data is the error.";
      } else if (text.startsWith("Unhandled")) {
        text += " " + pick(EXCEPTIONS) + ": Unable to configure HTTPS endpoint.\n   at "
            + pick(APP_NAMES) + ".Program.Main(String[] args) in C:\\src\\Program.cs:line 21";
      }
      Channel channel = channelOf.get(template);
      switch (channel) {
        case EVENT_LOG: {
          int id = eventIdOf.get(template);
          return id == 2280
              ? event("System", "Microsoft-Windows-IIS-W3SVC-WP", "Error", id, text)
              : event("Application", "IIS AspNetCore Module V2", "Error", id > 0 ? id : 1000, text);
        }
        case DEBUG_LOG: {
          StringBuilder sb = new StringBuilder("[");
          iso(sb, now());
          return sb.append(", PID: ").append(pid()).append("] [aspnetcorev2.dll] ").append(text)
              .toString();
        }
        default:
          return text;
      }
    }

    private String detail() {
      return "System.IO.FileNotFoundException: Could not load file or assembly '"
          + pick(APP_NAMES) + "'. The system cannot find the file specified.";
    }

    private String value(Capture c) {
      if (c.op() == '=') {
        if (c.type() == CaptureType.HRESULT) {
          // ANCM prints hex; a few in signed decimal (as %d would print them) test typed equality
          HResult hr = HResult.parse(c.value());
          int spelling = random.nextInt(10);
          return spelling < 8 ? c.value().toLowerCase(Locale.ROOT)
              : spelling < 9 ? "0x" + c.value().substring(2).toUpperCase(Locale.ROOT)
              : Integer.toString((int) hr.unsignedValue());
        }
        return c.value();
      }
      if (c.op() == '~' && c.type() == CaptureType.NAME) {
        // a NAME holds no path: a module's file name, as Windows' 'Faulting module name' gives it
        String path = fragment(c);
        return path.substring(path.lastIndexOf('\\') + 1);
      }
      if (c.op() == '~') {
        return fragment(c);
      }
      switch (c.name()) {
        case "appId":
          return appId();
        case "physicalRoot":
          return "C:\\inetpub\\wwwroot\\" + pick(SITES) + "\\";
        case "commandLine":
          return random.nextBoolean()
              ? "\"C:\\Program Files\\dotnet\\dotnet.exe\" .\\" + pick(APP_NAMES) + ".dll"
              : ".\\" + pick(APP_NAMES) + ".exe";
        case "port":
          return Integer.toString(random.nextInt(1024, 65536));
        case "exceptionCode":
          return "0xe0434352";
        case "exitCode":
          return c.type() == CaptureType.HEX
              ? pick(new String[] {"e0434352", "c0000005", "80131506", "1", "ffffffff"})
              : pick(new String[] {"-532462766", "1", "134", "-2147450743"});
        case "stage":
          return pick(new String[] {"CreateProcess", "AssignProcessToJobObject", "ResumeThread"});
        case "frameworkName":
          return pick(FRAMEWORKS);
        case "frameworkVersion":
          return random.nextInt(10) == 0 ? pick(PREVIEWS) : pick(VERSIONS);
        case "modulePath":
          return "C:\\Program Files\\IIS\\Asp.Net Core Module\\V2\\"
              + (random.nextBoolean() ? "aspnetcorev2.dll" : "aspnetcorev2_outofprocess.dll");
        case "sourceLocation":
          return "D:\\a\\_work\\1\\s\\src\\Servers\\IIS\\AspNetCoreModuleV2\\CommonLib\\"
              + "StdWrapper.cpp:" + random.nextInt(50, 200);
        case "stdoutLogFile":
          return "\\\\?\\C:\\inetpub\\wwwroot\\" + pick(SITES) + "\\logs\\stdout_" + pid() + "_"
              + "20240314" + two(random.nextInt(24)) + two(random.nextInt(60)) + ".log";
        case "processPath":
          return random.nextBoolean() ? "C:\\Program Files\\dotnet\\dotnet.exe"
              : ".\\" + pick(APP_NAMES) + ".exe";
        case "assembly":
          return pick(APP_NAMES);
        case "assemblyPath":
          return "C:\\inetpub\\wwwroot\\" + pick(SITES) + "\\" + pick(APP_NAMES) + ".dll";
        case "handlerName":
          return "aspNetCore";
        case "hresult":
          return pick(HRESULTS);
        default:
          break;
      }
      return switch (c.type()) {
        case PATH -> "C:\\inetpub\\wwwroot\\" + pick(SITES) + "\\web.config";
        case HRESULT -> pick(HRESULTS);
        case HEX -> Integer.toHexString(random.nextInt(1, 256));
        case INT, PORT -> Integer.toString(random.nextInt(1, 65536));
        case VERSION -> pick(VERSIONS);
        case NAME -> random.nextBoolean() ? "x64" : "x86";
        case APP_ID -> appId();
        default -> "1.0.0.0, Culture=neutral, PublicKeyToken=null";
      };
    }

    /** A value for a capture that must hold a fragment: a path or text around it. */
    private String fragment(Capture c) {
      return switch (c.value()) {
        case "aspnetcore" -> random.nextBoolean() ? "C:\\Windows\\System32\\inetsrv\\aspnetcore.dll"
            : "C:\\Windows\\SysWOW64\\inetsrv\\aspnetcore.dll";
        case "aspnetcorev2_inprocess" -> "C:\\inetpub\\wwwroot\\" + pick(SITES) + "\\aspnetcorev2_inprocess.dll";
        case "preview" -> pick(PREVIEWS);
        default -> "x" + c.value() + "x";
      };
    }

    // ---- helpers -----------------------------------------------------------------------------

    private String event(String log, String source, String level, int id, String message) {
      StringBuilder sb = new StringBuilder(64 + message.length());
      iso(sb, now());
      sb.append(' ').append(pick(HOSTS)).append(' ').append(log).append(" \"").append(source)
          .append("\" ").append(level).append(" EventID=").append(id).append(": ").append(message);
      return sb.toString();
    }

    private String appId() {
      int k = random.nextInt(4);
      return k < 2 ? "/LM/W3SVC/" + random.nextInt(1, 20) + "/ROOT"
          : k < 3 ? "/LM/W3SVC/" + random.nextInt(1, 20) + "/ROOT/" + pick(SITES)
          : "MACHINE/WEBROOT/APPHOST/" + pick(SITES);
    }

    private String pid() {
      return Integer.toString(4 * random.nextInt(100, 9000));
    }

    private String uuid() {
      return hex(8) + "-" + hex(4) + "-" + hex(4) + "-" + hex(4) + "-" + hex(12);
    }

    private String hex(int digits) {
      StringBuilder sb = new StringBuilder(digits);
      for (int i = 0; i < digits; i++) {
        sb.append(Character.forDigit(random.nextInt(16), 16));
      }
      return sb.toString().toUpperCase(Locale.ROOT);
    }

    private String pick(String[] options) {
      return options[random.nextInt(options.length)];
    }

    private LocalDateTime now() {
      return LocalDateTime.ofEpochSecond(millis / 1000, (int) (millis % 1000) * 1_000_000,
          ZoneOffset.UTC);
    }

    private static void date(StringBuilder sb, LocalDateTime t, char sep) {
      sb.append(t.getYear()).append(sep).append(two(t.getMonthValue())).append(sep)
          .append(two(t.getDayOfMonth()));
    }

    private static void time(StringBuilder sb, LocalDateTime t) {
      sb.append(two(t.getHour())).append(':').append(two(t.getMinute())).append(':')
          .append(two(t.getSecond()));
    }

    private static void iso(StringBuilder sb, LocalDateTime t) {
      date(sb, t, '-');
      sb.append('T');
      time(sb, t);
      int ms = t.getNano() / 1_000_000;
      sb.append('.').append(ms < 100 ? ms < 10 ? "00" : "0" : "").append(ms).append('Z');
    }

    private static String two(int v) {
      return v < 10 ? "0" + v : Integer.toString(v);
    }
  }
}
