package io.github.ancmdiag.samples;

import io.github.ancmdiag.Diagnoser;
import io.github.ancmdiag.DiagnosisReport;
import io.github.ancmdiag.Evidence;
import io.github.ancmdiag.catalog.BundledCatalog;

/**
 * The README's first example as a program: diagnoses one incident given as text and prints the
 * most likely cause. For files and folders, use the {@code ancm-diagnose} tool
 * ({@code io.github.ancmdiag.cli.AncmDiagnose}).
 *
 * <pre>
 * java -cp ancm-samples/target/ancm-diagnose.jar io.github.ancmdiag.samples.ClassifyIncident
 * </pre>
 */
public final class ClassifyIncident {
  private ClassifyIncident() {}

  /**
   * Runs the example; prints
   * {@code [missing-shared-framework] ... (see CATALOG.md#missing-shared-framework)}.
   *
   * @param args ignored
   */
  public static void main(String[] args) {
    System.out.println(diagnose().top().map(Object::toString).orElse("no known cause"));
  }

  /**
   * Diagnoses the README's incident.
   *
   * @return the report
   */
  static DiagnosisReport diagnose() {
    Diagnoser diagnoser = Diagnoser.builder().catalog(BundledCatalog.load()).build();  // share it
    DiagnosisReport report = diagnoser.diagnose(Evidence.builder()
        .browser("HTTP Error 500.0 - ANCM In-Process Handler Load Failure")
        .eventLog("Failed to start application '/LM/W3SVC/2/ROOT', ErrorCode '0x8000ffff'.")
        .stdoutLog("The specified framework 'Microsoft.AspNetCore.App', version '3.1.0' was not"
            + " found.")
        .build());
    return report;
  }
}
