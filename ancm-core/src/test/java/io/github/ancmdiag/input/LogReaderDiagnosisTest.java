package io.github.ancmdiag.input;

import static org.assertj.core.api.Assertions.assertThat;

import io.github.ancmdiag.Diagnoser;
import io.github.ancmdiag.Diagnosis;
import io.github.ancmdiag.DiagnosisReport;
import io.github.ancmdiag.Evidence;
import io.github.ancmdiag.model.Channel;
import io.github.ancmdiag.model.VersionRange;
import io.github.ancmdiag.rules.Catalog;
import io.github.ancmdiag.rules.CatalogEntry;
import io.github.ancmdiag.rules.Category;
import io.github.ancmdiag.rules.Signature;
import io.github.ancmdiag.rules.Variant;
import java.io.IOException;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/**
 * The records {@link LogReader} yields, one fixture per format, lead the real {@link Diagnoser}
 * (with a small catalog built in code, quoting ANCM's texts) to the expected cause.
 */
class LogReaderDiagnosisTest {
  private static final Catalog CATALOG = Catalog.builder().version("test")
      .add(entry("missing-inprocess-handler",
          Signature.text("rh", Channel.EVENT_LOG, List.of(
              "Could not find 'aspnetcorev2_inprocess.dll'. Exception message:")),
          Signature.text("framework", Channel.EVENT_LOG, List.of("The framework "
              + "'{frameworkName:NAME}', version '{frameworkVersion:VERSION}' was not found."))))
      .add(entry("main-exited", Signature.text("exit", Channel.EVENT_LOG, List.of(
          "Application '{appId:APP_ID}' with physical root '{physicalRoot:PATH}' has exited from "
              + "Program.Main with exit code = '{exitCode:INT}'."))))
      .add(entry("coreclr-load-failure", Signature.text("clr", Channel.EVENT_LOG, List.of(
          "Application '{appId:APP_ID}' with physical root '{physicalRoot:PATH}' failed to load "
              + "coreclr. Exception message:"))))
      .add(entry("v1-process-start-failure", Signature.text("start", Channel.EVENT_LOG, List.of(
          "Application '{appId:APP_ID}' with physical root '{physicalRoot:PATH}' failed to start "
              + "process with commandline '{commandLine:TEXT}', ErrorCode = "
              + "'{hresult:HRESULT}'"))))
      .add(entry("missing-config-file", Signature.text("file", Channel.STDOUT_LOG, List.of(
          "System.IO.FileNotFoundException: Could not find file '{file:PATH}'."))))
      .build();

  private final Diagnoser diagnoser = Diagnoser.builder().catalog(CATALOG).build();

  private static CatalogEntry entry(String id, Signature... signatures) {
    return new CatalogEntry(id, List.of(), Category.RUNTIME, id, "Summary of " + id + ".",
        List.of(Variant.of(VersionRange.parse("[2.2,)"), List.of(signatures))),
        List.of("Fix " + id + "."), List.of("test"));
  }

  @ParameterizedTest(name = "{0} -> {2}")
  @CsvSource({
      "wevtutil-v2.xml, AUTO, missing-inprocess-handler",
      "wevtutil-rendered.xml, AUTO, v1-process-start-failure",
      "eventviewer-saved-utf16le.xml, AUTO, main-exited",
      "azure-eventlog.xml, AUTO, coreclr-load-failure",
      "azure-eventlog-truncated.xml, AUTO, coreclr-load-failure",
      "eventviewer-copy.txt, AUTO, missing-inprocess-handler",
      "eventviewer-copy-missing-description.txt, AUTO, missing-inprocess-handler",
      "stdout-cp1252.log, PLAIN_TEXT, missing-config-file",
      "stdout-cp1252.log, AUTO, missing-config-file"})
  void should_lead_the_diagnoser_to_the_cause_when_reading_a_fixture(String fixture,
      Format format, String expected) throws IOException {
    // given
    Evidence.Builder evidence = Evidence.builder();
    try (LogReader reader = LogReader.open(LogReaderTest.DIR.resolve(Path.of(fixture)), format,
        Channel.STDOUT_LOG)) {
      reader.forEach(evidence::record);
    }

    // when
    DiagnosisReport report = diagnoser.diagnose(evidence.build());

    // then
    assertThat(report.top()).map(Diagnosis::entryId).contains(expected);
  }
}
