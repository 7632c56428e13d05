package io.github.ancmdiag.cli;

import io.github.ancmdiag.Diagnoser;
import io.github.ancmdiag.Diagnosis;
import io.github.ancmdiag.DiagnosisReport;
import io.github.ancmdiag.catalog.BundledCatalog;
import io.github.ancmdiag.model.Channel;
import io.github.ancmdiag.model.Finding;
import java.io.IOException;
import java.io.PrintWriter;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;

/**
 * {@code ancm-diagnose check web.config...}: checks deployed web.config files in a deploy
 * pipeline. Each file is diagnosed alone, as {@code --web-config} does, and every web.config
 * finding that a catalog entry counts as evidence of a cause is printed like a compiler's
 * ({@code file:line: level: cause (fact) [entry-id]}) and, with {@code --sarif}, written as SARIF
 * 2.1.0 for CI systems to show as annotations. Exits {@link #FINDINGS} when there is a finding.
 * Instantiated by picocli, one instance per run.
 */
@Command(
    name = "check",
    mixinStandardHelpOptions = true,
    versionProvider = AncmDiagnose.Version.class,
    sortOptions = false,
    usageHelpWidth = 100,
    synopsisHeading = "Usage: ",
    descriptionHeading = "%n",
    description = {
        "Checks deployed web.config files (processPath, arguments, hostingModel, stdoutLogFile,"
            + " the handler module, handlers a sub-application repeats from ../web.config) and"
            + " exits non-zero when one shows a cause of a failed start. Each finding is printed as"
            + " file:line: level: cause (fact) [entry-id]; --sarif also writes them as SARIF 2.1.0.",
        "Every finding fails the check. Its level says how sure the web.config alone makes"
            + " the cause: error (HIGH or MEDIUM confidence), warning (LOW: other causes fit"
            + " as well)."},
    parameterListHeading = "%nArguments:%n",
    optionListHeading = "%nOptions:%n",
    exitCodeOnInvalidInput = AncmDiagnose.USAGE_ERROR,
    exitCodeOnExecutionException = AncmDiagnose.INTERNAL_ERROR,
    exitCodeListHeading = "%nExit codes:%n",
    exitCodeList = {
        "0:no finding",
        "1:usage error",
        "2:a web.config cannot be read, is not well-formed XML or has a DOCTYPE (the others are"
            + " still checked)",
        "3:internal error (a bug: please report it with the command line)",
        "4:a web.config has a finding"})
final class CheckCommand implements Callable<Integer> {
  /** Exit code when a web.config has a finding. */
  static final int FINDINGS = 4;

  @Spec
  CommandSpec spec;

  @Option(names = "--sarif", paramLabel = "FILE",
      description = "Also write the findings as SARIF 2.1.0 to FILE (the file is replaced).")
  Path sarif;

  @Parameters(paramLabel = "WEB_CONFIG", arity = "1..*",
      description = "A deployed web.config; the files it names are looked for beside it and"
          + " ../web.config is taken as the parent application's.")
  List<Path> files = new ArrayList<>();

  CheckCommand() {}

  @Override
  public Integer call() {
    PrintWriter out = spec.commandLine().getOut();
    PrintWriter err = spec.commandLine().getErr();
    Diagnoser diagnoser = Diagnoser.builder().catalog(BundledCatalog.load()).build();
    List<CheckResult> results = new ArrayList<>();
    List<String> unreadable = new ArrayList<>();
    for (Path f : files) {
      IncidentFiles incident = new IncidentFiles();
      try {
        incident.addWebConfig(f);
      } catch (IOException e) {
        unreadable.add(f + ": " + e.getMessage());
        continue;
      }
      results.addAll(findings(diagnoser.diagnose(incident.build(null)), f));
    }
    for (CheckResult r : results) {
      out.println(r.location() + ": " + r.level() + ": " + r.summary() + " (" + r.message()
          + ") [" + r.entryId() + "]");
    }
    unreadable.forEach(u -> err.println("ancm-diagnose check: cannot read " + u));
    if (results.isEmpty() && unreadable.isEmpty()) {
      out.println("No finding in " + files.size() + " web.config file"
          + (files.size() == 1 ? "" : "s") + ".");
    }
    out.flush();
    if (sarif != null) {
      try {
        Files.writeString(sarif, SarifReport.write(results, unreadable,
            AncmDiagnose.projectVersion()), StandardCharsets.UTF_8);
      } catch (IOException e) {
        err.println("ancm-diagnose check: cannot write " + sarif + ": " + TextFiles.reason(e));
        err.flush();
        return AncmDiagnose.UNREADABLE;
      }
    }
    err.flush();
    if (!unreadable.isEmpty()) {
      return AncmDiagnose.UNREADABLE;
    }
    return results.isEmpty() ? AncmDiagnose.OK : FINDINGS;
  }

  /** Returns the web.config findings that count for a diagnosis, best diagnosis first. */
  static List<CheckResult> findings(DiagnosisReport report, Path file) {
    List<CheckResult> found = new ArrayList<>();
    for (Diagnosis d : report.diagnoses()) {
      for (Finding f : d.supporting()) {
        if (f.channel() == Channel.WEB_CONFIG) {
          found.add(CheckResult.of(d, f, file));
        }
      }
    }
    return found;
  }
}
