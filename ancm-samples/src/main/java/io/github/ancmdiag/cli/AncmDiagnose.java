package io.github.ancmdiag.cli;

import io.github.ancmdiag.Diagnoser;
import io.github.ancmdiag.DiagnosisReport;
import io.github.ancmdiag.Evidence;
import io.github.ancmdiag.catalog.BundledCatalog;
import io.github.ancmdiag.input.LogRecord;
import io.github.ancmdiag.model.AspNetCoreVersion;
import io.github.ancmdiag.model.Channel;
import io.github.ancmdiag.model.Observation;
import java.io.IOException;
import java.io.InputStream;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Properties;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.ITypeConverter;
import picocli.CommandLine.IVersionProvider;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.ParameterException;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;
import picocli.CommandLine.TypeConversionException;
import picocli.CommandLine.UnmatchedArgumentException;
import picocli.CommandLine;

/**
 * The {@code ancm-diagnose} command: diagnoses one incident from its files and prints the ranked
 * causes as text or JSON; {@code ancm-diagnose scan} classifies every line of large logs.
 *
 * <pre>
 * java -jar ancm-samples/target/ancm-diagnose.jar ancm-samples/examples/missing-framework
 * java -jar ancm-diagnose.jar --json --browser page.txt --event-log event.txt \
 *     --observation stdout-log-empty --aspnetcore-version 3.1
 * java -jar ancm-diagnose.jar scan --jsonl C:\logs
 * </pre>
 *
 * <p>Exit codes: 0 diagnosed or nothing wrong, 1 usage error, 2 input unreadable, 3 internal
 * error. An instance holds one command line's options: picocli creates one per run.
 */
@Command(
    name = "ancm-diagnose",
    mixinStandardHelpOptions = true,
    versionProvider = AncmDiagnose.Version.class,
    subcommands = {ScanCommand.class, CheckCommand.class},
    sortOptions = false,
    usageHelpWidth = 100,
    synopsisHeading = "Usage: ",
    descriptionHeading = "%n",
    description = {
        "Tells why an ASP.NET Core app fails to start behind the ASP.NET Core Module (IIS, Azure"
            + " App Service), from the error page, the event log and the ANCM stdout and debug"
            + " logs.",
        "",
        "Each PATH is an incident folder or a single file. A folder is read by file name:"
            + " browser* or error-page* (what the browser showed), event* (one event log entry"
            + " each), stdout* (ANCM stdout log), *debug* (ANCM debug log), observations.txt"
            + " (one observation key per line), version.txt (the app's ASP.NET Core version),"
            + " web.config (a copy of the app's, checked as text; parent.web.config its parent"
            + " application's). A single file is read by the same names (a web.config alone as"
            + " with --web-config), as an event log entry otherwise."
            + " Files are UTF-8 or UTF-16 with a byte order mark, UTF-8, or windows-1252."},
    parameterListHeading = "%nArguments:%n",
    optionListHeading = "%nOptions:%n",
    commandListHeading = "%nCommands:%n",
    exitCodeOnInvalidInput = AncmDiagnose.USAGE_ERROR,
    exitCodeOnExecutionException = AncmDiagnose.INTERNAL_ERROR,
    exitCodeListHeading = "%nExit codes:%n",
    exitCodeList = {
        "0:diagnosed, or nothing wrong found",
        "1:usage error (unknown option, bad value, no evidence given)",
        "2:an input cannot be read (missing file, unreadable folder, a folder, pipe or device"
            + " given as a file, an I/O error, bad version.txt, a web.config that is not"
            + " well-formed or has a DOCTYPE)",
        "3:internal error (a bug: please report it with the command line), or out of memory"})
public final class AncmDiagnose implements Callable<Integer> {
  /** Exit code when the evidence was diagnosed (or nothing is wrong). */
  static final int OK = 0;
  /** Exit code for a usage error. */
  static final int USAGE_ERROR = 1;
  /** Exit code when an input cannot be read. */
  static final int UNREADABLE = 2;
  /** Exit code for a bug. */
  static final int INTERNAL_ERROR = 3;

  @Spec
  CommandSpec spec;

  @Option(names = "--browser", paramLabel = "FILE",
      description = "What the browser showed: a saved page or pasted text. Repeatable.")
  List<Path> browser = new ArrayList<>();

  @Option(names = "--event-log", paramLabel = "FILE",
      description = "One event log entry's text (copied from Event Viewer). Repeatable.")
  List<Path> eventLog = new ArrayList<>();

  @Option(names = "--stdout-log", paramLabel = "FILE",
      description = "The ANCM stdout log (stdoutLogFile). Repeatable.")
  List<Path> stdoutLog = new ArrayList<>();

  @Option(names = "--debug-log", paramLabel = "FILE",
      description = "The ANCM debug log (ASPNETCORE_MODULE_DEBUG_FILE). Repeatable.")
  List<Path> debugLog = new ArrayList<>();

  @Option(names = "--web-config", paramLabel = "FILE",
      description = "The app's deployed web.config, checked before or after deploy: processPath,"
          + " arguments, hostingModel, stdoutLogFile, the handler module, and handlers a"
          + " sub-app inherits from ../web.config. Its findings join the evidence. Repeatable.")
  List<Path> webConfig = new ArrayList<>();

  @Option(names = "--observation", paramLabel = "KEY", converter = ObservationKeys.class,
      completionCandidates = ObservationKeys.class,
      description = "What you saw but cannot attach. Repeatable. Keys: ${COMPLETION-CANDIDATES}.")
  List<Observation> observations = new ArrayList<>();

  @Option(names = "--aspnetcore-version", paramLabel = "V", converter = VersionConverter.class,
      description = "The app's ASP.NET Core version (2.1, 3.1.32, 8.0.0-preview.1); without it"
          + " the version is inferred from the wording or left open.")
  AspNetCoreVersion version;

  @Option(names = "--json", description = "Print one JSON document instead of text.")
  boolean json;

  @Option(names = "--paste", description = "Read pasted text from standard input: an error"
      + " page, events copied from Event Viewer and log lines, in one paste, each part read by"
      + " what it looks like. Ends at two empty lines in a row or the end of input.")
  boolean paste;

  @Option(names = "--no-color", description = "No colours in the text report (also when"
      + " NO_COLOR is set, or standard output is not a terminal).")
  boolean noColor;

  @Parameters(paramLabel = "PATH", arity = "0..*",
      description = "An incident folder or a single file; - reads standard input (text as"
          + " --paste reads it, to its end).")
  List<Path> paths = new ArrayList<>();

  /** Standard input, the terminal and the environment; tests give their own. */
  private final Terminal terminal;

  /** Creates the command; picocli fills in the options. */
  public AncmDiagnose() {
    this(Terminal.system());
  }

  AncmDiagnose(Terminal terminal) {
    this.terminal = terminal;
  }

  /**
   * Runs the command line and exits with its exit code.
   *
   * @param args the command line
   */
  public static void main(String[] args) {
    System.exit(execute(commandLine(), args));
  }

  /**
   * Runs a command line; a failure of the JVM itself (out of memory, a stack overflow) or any
   * other error escaping the command is exit 3 with one line on stderr, never a stack trace.
   */
  static int execute(CommandLine cmd, String[] args) {
    try {
      return cmd.execute(args);
    } catch (OutOfMemoryError e) {
      return internalError(cmd, "ran out of memory; give Java more (java -Xmx2g -jar"
          + " ancm-diagnose.jar ...) or fewer or smaller files");
    } catch (StackOverflowError e) {
      return internalError(cmd, "ran out of stack on deeply nested input");
    } catch (RuntimeException | Error e) {
      return internalError(cmd, "an internal error stopped it");
    }
  }

  private static int internalError(CommandLine cmd, String what) {
    PrintWriter err = TerminalSafe.wrap(cmd.getErr());
    err.println(cmd.getCommandSpec().qualifiedName() + ": " + what + " (exit 3: please report it"
        + " with the command line if it is a bug)");
    err.flush();
    return INTERNAL_ERROR;
  }

  /** Returns the configured command line, printing to the standard streams. */
  static CommandLine commandLine() {
    return commandLine(new AncmDiagnose());
  }

  /** Returns the command line of {@code command}, printing to the standard streams. */
  static CommandLine commandLine(AncmDiagnose command) {
    return new CommandLine(command).setOverwrittenOptionsAllowed(true)
        .setParameterExceptionHandler(AncmDiagnose::usageError)
        .setExecutionExceptionHandler((e, cmd, parsed) ->
            internalError(cmd, "an internal error stopped it"));
  }

  /** Prints a usage error as one message, the synopsis and where to find more; returns 1. */
  private static int usageError(ParameterException e, String[] args) {
    CommandLine cmd = e.getCommandLine();
    PrintWriter err = TerminalSafe.wrap(cmd.getErr());
    String name = cmd.getCommandSpec().qualifiedName();
    err.println(name + ": " + e.getMessage());
    UnmatchedArgumentException.printSuggestions(e, err);
    err.print(cmd.getHelp().synopsisHeading() + cmd.getHelp().synopsis(cmd.getHelp().synopsisHeadingLength()));
    err.println("Try '" + name + " --help' for the options and exit codes.");
    err.flush();
    return cmd.getCommandSpec().exitCodeOnInvalidInput();
  }

  @Override
  public Integer call() {
    PrintWriter out = TerminalSafe.wrap(spec.commandLine().getOut());
    PrintWriter err = TerminalSafe.wrap(spec.commandLine().getErr());
    IncidentFiles files = new IncidentFiles();
    try {
      for (Path p : webConfig) {
        files.addWebConfig(p);
      }
      addAll(files, Channel.BROWSER, browser);
      addAll(files, Channel.EVENT_LOG, eventLog);
      addAll(files, Channel.STDOUT_LOG, stdoutLog);
      addAll(files, Channel.DEBUG_LOG, debugLog);
      if (StandardInput.read(paths, paste, terminal, files, err, spec)) {
        paths = StandardInput.others(paths);
      }
      for (Path p : paths) {
        files.addPath(p);
      }
    } catch (IOException e) {
      err.println("ancm-diagnose: cannot read " + e.getMessage());
      return UNREADABLE;
    }
    if (files.isEmpty(observations)) {
      throw new ParameterException(spec.commandLine(), "no evidence given: name an incident"
          + " folder or file, a channel option such as --event-log FILE, or --observation KEY");
    }
    files.observe(observations);
    Evidence evidence = files.build(version);
    files.warnings().forEach(w -> err.println("ancm-diagnose: warning: " + w));
    files.skipped().forEach(r -> err.println("ancm-diagnose: skipped " + r));
    Diagnoser diagnoser = Diagnoser.builder().catalog(BundledCatalog.load()).build();
    DiagnosisReport report = diagnoser.diagnose(evidence);
    Clues clues = Clues.of(report, diagnoser.catalog(), evidence);
    if (json) {
      out.println(JsonReport.write(report, clues, diagnoser.catalog().version(),
          files.skipped()));
    } else {
      StringWriter text = new StringWriter();
      TextReport.print(report, clues, new PrintWriter(text));
      out.print(Terminal.style(text.toString(), terminal.colors(noColor), terminal.width()));
    }
    out.flush();
    return OK;
  }

  private static void addAll(IncidentFiles files, Channel channel, List<Path> paths)
      throws IOException {
    for (Path p : paths) {
      files.addFile(channel, p);
    }
  }

  /** Returns this tool's version, from the build. */
  static String projectVersion() {
    Properties p = new Properties();
    try (InputStream in = AncmDiagnose.class.getResourceAsStream("ancm-diagnose.properties")) {
      if (in != null) {
        p.load(in);
      }
    } catch (IOException e) {
      return "unknown";
    }
    return p.getProperty("version", "unknown");
  }

  /** Prints the tool's and the bundled catalog's versions for {@code --version}. */
  static final class Version implements IVersionProvider {
    Version() {}

    @Override
    public String[] getVersion() {
      return new String[] {
          "ancm-diagnose " + projectVersion(),
          "catalog " + BundledCatalog.load().version(),
          "Java " + Runtime.version()};
    }
  }

  /** Parses {@code --aspnetcore-version}. */
  static final class VersionConverter implements ITypeConverter<AspNetCoreVersion> {
    VersionConverter() {}

    @Override
    public AspNetCoreVersion convert(String value) {
      try {
        return AspNetCoreVersion.parse(value);
      } catch (IllegalArgumentException e) {
        throw new TypeConversionException(e.getMessage());
      }
    }
  }
}
