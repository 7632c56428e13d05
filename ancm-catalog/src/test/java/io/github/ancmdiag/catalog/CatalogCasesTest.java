package io.github.ancmdiag.catalog;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.github.ancmdiag.Diagnoser;
import io.github.ancmdiag.Diagnosis;
import io.github.ancmdiag.DiagnosisReport;
import io.github.ancmdiag.Evidence;
import io.github.ancmdiag.input.IncidentLayout;
import io.github.ancmdiag.input.LogRecord;
import io.github.ancmdiag.input.WebConfigReader;
import io.github.ancmdiag.model.AspNetCoreVersion;
import io.github.ancmdiag.model.Channel;
import io.github.ancmdiag.model.Observation;
import io.github.ancmdiag.rules.CatalogEntry;
import io.github.ancmdiag.rules.Variant;
import java.io.IOException;
import java.net.URISyntaxException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * Proves each catalog entry with incidents under {@code src/test/resources/cases}.
 *
 * <p>Fixture format: {@code cases/<entry-id>/positive/<case>/} must put the entry first;
 * {@code cases/<entry-id>/negative/<case>/} (a near-miss) must not. A case folder holds any of
 * {@code browser.txt} (what the browser showed), {@code event-N.txt} (one event log entry each),
 * {@code stdout.log}, {@code debug.log}, each read whole as UTF-8 with its original bytes as one
 * record of the channel its name gives by {@link IncidentLayout} (the rule the folder reader and
 * the command line use; a file whose name gives no channel is not read), a
 * {@code web.config} (checked by {@link WebConfigReader#read(Path, Path)} as the deployed file:
 * the case folder is the app folder, so a {@code .dll} or {@code .exe} it names must be there,
 * and an optional {@code parent.web.config} is the parent application's; its {@code WEB_CONFIG}
 * records join the evidence, and a file it cannot read fails the case), and a
 * {@code case.json}: {@code {"aspnetcore": "3.1" | null, "observations": [keys], "parameters":
 * {name: value}, "note": "..."}}. Listed parameters must equal the top diagnosis's values. Adding a
 * folder adds a test.
 */
class CatalogCasesTest {
  private static final ObjectMapper JSON = new ObjectMapper();
  private static final Diagnoser DIAGNOSER =
      Diagnoser.builder().catalog(BundledCatalog.load()).build();

  /** One fixture folder. */
  record Case(String entryId, boolean positive, Path dir) {
    @Override
    public String toString() {
      return entryId + "/" + (positive ? "positive" : "negative") + "/" + dir.getFileName();
    }
  }

  static Path root() {
    try {
      return Path.of(CatalogCasesTest.class.getResource("/cases").toURI());
    } catch (URISyntaxException e) {
      throw new IllegalStateException(e);
    }
  }

  static List<Case> cases() throws IOException {
    List<Case> out = new ArrayList<>();
    try (Stream<Path> entries = Files.list(root())) {
      for (Path entry : entries.sorted().toList()) {
        for (String kind : List.of("positive", "negative")) {
          Path dir = entry.resolve(kind);
          if (!Files.isDirectory(dir)) {
            continue;
          }
          try (Stream<Path> s = Files.list(dir)) {
            s.filter(Files::isDirectory).sorted().forEach(c -> out.add(
                new Case(entry.getFileName().toString(), kind.equals("positive"), c)));
          }
        }
      }
    }
    return out;
  }

  static JsonNode meta(Path dir) throws IOException {
    Path f = dir.resolve("case.json");
    return Files.exists(f) ? JSON.readTree(f.toFile()) : JSON.createObjectNode();
  }

  static Evidence evidence(Path dir) throws IOException {
    Evidence.Builder b = Evidence.builder();
    try (Stream<Path> files = Files.list(dir)) {
      for (Path f : files.sorted().toList()) {
        String name = f.getFileName().toString().toLowerCase(Locale.ROOT);
        Optional<Channel> channel = IncidentLayout.channelOf(name);
        if (channel.isPresent()) {
          b.record(LogRecord.builder(channel.get(), Files.readString(f, StandardCharsets.UTF_8))
              .source(name).build());
        } else if (IncidentLayout.kindOf(name) == IncidentLayout.Kind.WEB_CONFIG) {
          Path parent = f.resolveSibling("parent.web.config");
          WebConfigReader.Result checked =
              WebConfigReader.read(f, Files.exists(parent) ? parent : null);
          if (checked.hasProblems()) {
            throw new IllegalStateException(dir + ": " + checked.problems());
          }
          checked.records().forEach(b::record);
        }
      }
    }
    JsonNode meta = meta(dir);
    JsonNode version = meta.path("aspnetcore");
    if (version.isTextual()) {
      b.aspNetCoreVersion(AspNetCoreVersion.parse(version.asText()));
    }
    for (JsonNode o : meta.path("observations")) {
      b.observe(Observation.fromKey(o.asText()).orElseThrow(
          () -> new IllegalArgumentException(dir + ": unknown observation " + o)));
    }
    return b.build();
  }

  @ParameterizedTest(name = "{0}")
  @MethodSource("cases")
  void should_diagnose_each_case_as_its_folder_says(Case c) throws IOException {
    // given
    Evidence evidence = evidence(c.dir());

    // when
    DiagnosisReport report = DIAGNOSER.diagnose(evidence);

    // then
    String all = "\n" + report + "\n" + report.diagnoses().stream().limit(3)
        .map(d -> d.entryId() + ": +" + d.supporting() + " -" + d.contradicting())
        .reduce("", (a, b) -> a + "\n" + b);
    if (c.positive()) {
      assertThat(report.top()).as("top diagnosis of %s%s", c, all).isPresent();
      Diagnosis top = report.top().orElseThrow();
      assertThat(top.entryId()).as("top diagnosis of %s%s", c, all).isEqualTo(c.entryId());
      Iterator<Map.Entry<String, JsonNode>> params =
          meta(c.dir()).path("parameters").properties().iterator();
      while (params.hasNext()) {
        Map.Entry<String, JsonNode> p = params.next();
        assertThat(top.parameter(p.getKey())).as("parameter %s of %s%s", p.getKey(), c, all)
            .contains(p.getValue().asText());
      }
    } else {
      assertThat(report.top().map(Diagnosis::entryId)).as("top diagnosis of %s%s", c, all)
          .isNotEqualTo(java.util.Optional.of(c.entryId()));
    }
  }

  @Test
  void should_have_a_positive_case_for_every_entry_and_version_range() throws IOException {
    // given
    List<Case> cases = cases();
    List<String> missing = new ArrayList<>();

    // when
    for (CatalogEntry entry : BundledCatalog.load().entries()) {
      for (Variant variant : entry.variants()) {
        boolean covered = false;
        for (Case c : cases) {
          if (!c.positive() || !c.entryId().equals(entry.id())) {
            continue;
          }
          JsonNode v = meta(c.dir()).path("aspnetcore");
          if (v.isTextual() && variant.versions().contains(AspNetCoreVersion.parse(v.asText()))) {
            covered = true;
          }
        }
        if (!covered) {
          missing.add(entry.id() + " " + variant.versions());
        }
      }
    }

    // then
    assertThat(missing).as("entries and ranges without a positive case").isEmpty();
  }

  @Test
  void should_have_a_negative_case_for_every_entry() throws IOException {
    // given
    List<Case> cases = cases();

    // then
    for (CatalogEntry entry : BundledCatalog.load().entries()) {
      assertThat(cases).as("negative cases of %s", entry.id())
          .anyMatch(c -> !c.positive() && c.entryId().equals(entry.id()));
    }
  }

  @Test
  void should_name_only_catalog_entries_in_case_folders() throws IOException {
    for (Case c : cases()) {
      assertThat(BundledCatalog.load().entry(c.entryId())).as("entry of %s", c).isPresent();
    }
  }
}
