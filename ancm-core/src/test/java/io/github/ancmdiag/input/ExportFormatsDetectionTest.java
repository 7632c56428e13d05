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
import java.nio.charset.StandardCharsets;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import io.github.ancmdiag.internal.read.FormatDetector;

/**
 * Detection of the Event Viewer CSV, PowerShell JSON and Format-List exports among the other
 * formats (by content, never by name), their near misses, streaming of a large JSON export, and
 * the records of each export leading the real {@link Diagnoser} (with a small catalog built in
 * code, quoting ANCM's texts) to the module's causes.
 */
class ExportFormatsDetectionTest {
  private static final Catalog CATALOG = Catalog.builder().version("test")
      .add(entry("main-exited", Signature.text("exit", Channel.EVENT_LOG, List.of(
          "Application '{appId:APP_ID}' with physical root '{physicalRoot:PATH}' has exited from "
              + "Program.Main with exit code = '{exitCode:INT}'."))))
      .add(entry("coreclr-load-failure", Signature.text("clr", Channel.EVENT_LOG, List.of(
          "Application '{appId:APP_ID}' with physical root '{physicalRoot:PATH}' failed to load "
              + "coreclr. Exception message:"))))
      .build();

  private final Diagnoser diagnoser = Diagnoser.builder().catalog(CATALOG).build();

  private static CatalogEntry entry(String id, Signature... signatures) {
    return new CatalogEntry(id, List.of(), Category.RUNTIME, id, "Summary of " + id + ".",
        List.of(Variant.of(VersionRange.parse("[2.2,)"), List.of(signatures))),
        List.of("Fix " + id + "."), List.of("test"));
  }

  @ParameterizedTest(name = "{0} is {1}")
  @CsvSource({
      "csv/eventviewer-en.csv, EVENT_CSV",
      "csv/eventviewer-de.csv, EVENT_CSV",
      "csv/eventviewer-truncated.csv, EVENT_CSV",
      "csv/eventviewer-bad-rows.csv, EVENT_CSV",
      "powershell/get-winevent-ps51.json, POWERSHELL_JSON",
      "powershell/get-winevent-ps7.json, POWERSHELL_JSON",
      "powershell/get-winevent-single.json, POWERSHELL_JSON",
      "powershell/get-winevent-truncated.json, POWERSHELL_JSON",
      "powershell/get-eventlog-ps51.json, POWERSHELL_JSON",
      "powershell/format-list-ps51.txt, POWERSHELL_LIST",
      "powershell/format-list-star-lf.txt, POWERSHELL_LIST",
      "powershell/get-eventlog-list.txt, POWERSHELL_LIST",
      "wevtutil-v2.xml, EVENT_XML",
      "eventviewer-copy.txt, EVENT_TEXT",
      "eventviewer-copy-de.txt, EVENT_TEXT",
      "eventviewer-copy-missing-description.txt, EVENT_TEXT"})
  void should_detect_each_export_by_its_content(String fixture, Format expected)
      throws IOException {
    // when
    Format format;
    try (LogReader reader = LogReader.open(LogReaderTest.DIR.resolve(fixture))) {
      format = reader.format().orElse(null);
    }

    // then
    assertThat(format).isEqualTo(expected);
  }

  @ParameterizedTest(name = "{0}")
  @CsvSource(delimiter = '|', value = {
      "a CSV of five names without an event row | Name,Age,City,Zip,Country\\nBob,3,Oslo,N,NO\\n",
      "a CSV whose fourth column is no id | Ebene,Datum,Quelle,ID,Kategorie\\na,1.1.,b,c,d,e\\n",
      "a CSV of three columns | Level,Date and Time,Source\\nError,1/1/2023,S\\n",
      "JSON objects of another kind | [{\"Name\": \"w3wp\", \"Id\": 4120, \"Handles\": 1204}]",
      "JSON without a Message | {\"Id\": 1000, \"ProviderName\": \"P\", \"Level\": 2}",
      "a Format-List of processes | \\n\\nName    : w3wp\\nId      : 4120\\nHandles : 1204\\n\\n",
      "a log line with colons | 2023-01-19 15:05:45 Id : 1 Message : x Source : y\\n"})
  void should_not_detect_an_export_in_a_near_miss(String what, String text) {
    // when
    FormatDetector.Verdict verdict = FormatDetector.detect(text.replace("\\n", "\n"));

    // then
    assertThat(verdict).isEqualTo(FormatDetector.Verdict.OTHER_TEXT);
  }

  @ParameterizedTest(name = "{0} -> {1}")
  @CsvSource({
      "csv/eventviewer-en.csv, main-exited, coreclr-load-failure",
      "csv/eventviewer-de.csv, main-exited, coreclr-load-failure",
      "csv/eventviewer-truncated.csv, main-exited, coreclr-load-failure",
      "powershell/get-winevent-ps51.json, main-exited, coreclr-load-failure",
      "powershell/get-winevent-ps7.json, main-exited, coreclr-load-failure",
      "powershell/get-winevent-single.json, coreclr-load-failure, coreclr-load-failure",
      "powershell/get-eventlog-ps51.json, main-exited, coreclr-load-failure",
      "powershell/format-list-ps51.txt, main-exited, coreclr-load-failure",
      "powershell/format-list-star-lf.txt, main-exited, coreclr-load-failure",
      "powershell/get-eventlog-list.txt, main-exited, coreclr-load-failure"})
  void should_lead_the_diagnoser_to_the_module_causes(String fixture, String one, String other)
      throws IOException {
    // given
    Evidence.Builder evidence = Evidence.builder();
    try (LogReader reader = LogReader.open(LogReaderTest.DIR.resolve(fixture))) {
      reader.forEach(evidence::record);
    }

    // when
    DiagnosisReport report = diagnoser.diagnose(evidence.build());

    // then
    assertThat(report.diagnoses()).extracting(Diagnosis::entryId).contains(one, other)
        .doesNotHaveDuplicates();
  }

  @Test
  void should_return_the_first_json_event_before_reading_the_rest_of_a_large_export() {
    // given: 100,000 PowerShell 7 event objects (about 60 MB), produced lazily
    GeneratedInput in = powerShellJson(100_000);

    // when
    LogReader reader = LogReader.of("huge.json", in, Format.AUTO);
    LogRecord first = reader.iterator().next();
    long readForFirst = in.bytes;
    long count = 1;
    while (reader.iterator().hasNext()) {
      reader.iterator().next();
      count++;
    }

    // then: streaming, element by element
    assertThat(reader.format()).contains(Format.POWERSHELL_JSON);
    assertThat(first.eventId()).isEqualTo(1011);
    assertThat(readForFirst).isLessThan(256 * 1024);
    assertThat(in.bytes).isGreaterThan(50_000_000L);
    assertThat(count).isEqualTo(100_000);
    assertThat(reader.skipped()).isEmpty();
  }

  /** A PowerShell 7 JSON array of {@code events} events, generated as it is read. */
  static GeneratedInput powerShellJson(int events) {
    return new GeneratedInput("[\r\n", events, i -> (i > 1 ? ",\r\n" : "")
        + "  {\r\n    \"Message\": \"Application "
        + "'/LM/W3SVC/" + i + "/ROOT' with physical root 'C:\\\\inetpub\\\\"
        + "app\\\\' has exited from Program.Main with exit code = '-532462766'. Please "
        + "check the stderr logs for more information.\",\r\n    \"Id\": 1011,\r\n"
        + "    \"Version\": 0,\r\n    \"Level\": 2,\r\n    \"ProviderName\": \""
        + "IIS AspNetCore Module V2\",\r\n    \"TimeCreated\": \""
        + "2023-01-19T15:05:45.1230000+01:00\",\r\n    \"Bookmark\": {},\r\n"
        + "    \"LevelDisplayName\": \"Error\",\r\n"
        + "    \"KeywordsDisplayNames\": [\r\n      \"Classic\"\r\n    ],\r\n"
        + "    \"Properties\": [\r\n      \"System.Diagnostics.Eventing.Reader."
        + "EventProperty\"\r\n    ]\r\n  }", "]\r\n");
  }

}
