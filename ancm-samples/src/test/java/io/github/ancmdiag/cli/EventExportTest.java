package io.github.ancmdiag.cli;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** An exported event log given to --event-log is read event by event, and its broken tail kept. */
class EventExportTest {
  private static final String EVENT = "<Event xmlns='http://schemas.microsoft.com/win/2004/08/"
      + "events/event'><System><Provider Name='%s'/><EventID Qualifiers='0'>%d</EventID>"
      + "<Level>2</Level><TimeCreated SystemTime='2024-05-01T10:11:12.000Z'/></System>"
      + "<EventData><Data>%s</Data><Data>Process Id: 4242.</Data></EventData></Event>\r\n";

  @Test
  void should_diagnose_each_event_of_an_xml_export_and_report_its_truncated_tail(
      @TempDir Path dir) throws IOException {
    // given: wevtutil output, UTF-16 LE with a byte order mark, cut off inside a third event
    String xml = String.format(EVENT, "Windows Error Reporting", 1001, "Fault bucket 12, type 0")
        + String.format(EVENT, "IIS AspNetCore Module V2", 1010,
            "Failed to start application &apos;/LM/W3SVC/2/ROOT&apos;, ErrorCode "
                + "&apos;0x8000ffff&apos;.")
        + String.format(EVENT, "IIS AspNetCore Module V2", 1027,
            "Could not find &apos;aspnetcorev2_inprocess.dll&apos;. Exception message:\r\n"
                + "The framework &apos;Microsoft.AspNetCore.App&apos;, version &apos;6.0.0&apos;"
                + " (x64) was not found.").substring(0, 150);
    Path export = dir.resolve("Application.xml");
    Files.write(export, ("\uFEFF" + xml).getBytes(StandardCharsets.UTF_16LE));
    Path page = dir.resolve("page.txt");
    Files.writeString(page, "HTTP Error 500.31 - Failed to load ASP.NET Core runtime");

    // when
    CliRun run = CliRun.of("--json", "--browser", page.toString(), "--event-log",
        export.toString());

    // then
    assertThat(run.code).isZero();
    JsonNode json = new ObjectMapper().readTree(run.out);
    JsonNode top = json.path("diagnoses").path(0);
    assertThat(top.path("id").asText()).isEqualTo("missing-shared-framework");
    assertThat(top.path("evidence").toString()).contains("Failed to start application");
    assertThat(json.path("skipped")).hasSize(1);
    assertThat(json.path("skipped").path(0).path("source").asText()).endsWith("Application.xml");
    assertThat(run.err).contains("skipped");
  }

  @Test
  void should_read_an_event_export_of_any_name_in_an_incident_folder(@TempDir Path dir)
      throws IOException {
    // given: App Service's LogFiles/eventlog.xml copied into the incident folder, plus notes
    Files.writeString(dir.resolve("eventlog.xml"), "<Events>\r\n" + String.format(EVENT,
        "IIS AspNetCore Module V2", 1007, "Application &apos;/LM/W3SVC/1/ROOT&apos; with physical"
            + " root &apos;D:\\home\\site\\wwwroot\\&apos; failed to load coreclr. Exception"
            + " message:\r\nCLR worker thread exited prematurely") + "</Events>\r\n");
    Files.writeString(dir.resolve("notes.md"), "The site broke after Tuesday's deployment.");
    Files.writeString(dir.resolve("browser.txt"), "HTTP Error 500.30 - ANCM In-Process Start"
        + " Failure");
    Files.writeString(dir.resolve("observations.txt"), "stdout-log-empty\n");

    // when
    CliRun run = CliRun.of("--json", dir.toString());

    // then
    assertThat(run.code).isZero();
    JsonNode top = new ObjectMapper().readTree(run.out).path("diagnoses").path(0);
    assertThat(top.path("id").asText()).isEqualTo("x86-app-pool-not-32bit");
    assertThat(top.path("evidence").findValuesAsText("source"))
        .anyMatch(s -> s.contains("eventlog.xml"));
    // the notes are no known format: not evidence, but reported as not read
    assertThat(top.path("evidence").findValuesAsText("source"))
        .noneMatch(s -> s.contains("notes.md"));
    JsonNode skipped = new ObjectMapper().readTree(run.out).path("skipped");
    assertThat(skipped).hasSize(1);
    assertThat(skipped.get(0).path("source").asText())
        .isEqualTo(dir.resolve("notes.md").toString());
  }
}
