package io.github.ancmdiag.cli;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.networknt.schema.Error;
import com.networknt.schema.Schema;
import com.networknt.schema.SchemaLocation;
import com.networknt.schema.SchemaRegistry;
import com.networknt.schema.SpecificationVersion;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.TreeSet;
import java.util.function.Consumer;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * {@code docs/ancm-diagnose.schema.json} is what tool authors validate {@code --json} against:
 * it must be a valid draft 2020-12 schema, accept the real output of many incidents, refuse
 * documents that break it, and list every field the README documents.
 */
class JsonSchemaTest {
  private static final Path SCHEMA = Path.of("..", "docs", "ancm-diagnose.schema.json");
  private static final Path CASES = Path.of("..", "ancm-catalog", "src", "test", "resources",
      "cases");
  private static final ObjectMapper MAPPER = new ObjectMapper();
  private static Schema schema;

  @BeforeAll
  static void loadSchema() throws IOException {
    schema = SchemaRegistry.withDefaultDialect(SpecificationVersion.DRAFT_2020_12)
        .getSchema(MAPPER.readTree(SCHEMA.toFile()));
  }

  @Test
  void should_be_a_valid_draft_2020_12_schema() throws IOException {
    // given the meta-schema, which the validator ships
    Schema meta = SchemaRegistry.withDefaultDialect(SpecificationVersion.DRAFT_2020_12)
        .getSchema(SchemaLocation.of("https://json-schema.org/draft/2020-12/schema"));

    // when
    List<Error> errors = meta.validate(MAPPER.readTree(SCHEMA.toFile()));

    // then
    assertThat(errors).isEmpty();
    assertThat(MAPPER.readTree(SCHEMA.toFile()).path("$schema").asText())
        .isEqualTo("https://json-schema.org/draft/2020-12/schema");
  }

  /** Every example incident and the first positive and negative case of every catalog entry. */
  static Stream<Arguments> incidents() throws IOException {
    List<Arguments> all = new ArrayList<>();
    try (Stream<Path> examples = Files.list(Path.of("examples"))) {
      examples.sorted().forEach(p -> all.add(Arguments.of(p.toString())));
    }
    try (Stream<Path> entries = Files.list(CASES)) {
      for (Path entry : entries.sorted().toList()) {
        for (String kind : List.of("positive", "negative")) {
          Path dir = entry.resolve(kind);
          if (Files.isDirectory(dir)) {
            try (Stream<Path> cases = Files.list(dir)) {
              cases.sorted().findFirst().ifPresent(c -> all.add(Arguments.of(c.toString())));
            }
          }
        }
      }
    }
    return all.stream();
  }

  @ParameterizedTest(name = "{0}")
  @MethodSource("incidents")
  void should_accept_the_real_output_of_each_incident(String folder) throws IOException {
    // when
    CliRun run = CliRun.of("--json", folder);

    // then
    assertThat(run.code).isZero();
    assertThat(schema.validate(MAPPER.readTree(run.out))).isEmpty();
  }

  @Test
  void should_accept_output_with_a_given_version_web_config_findings_skipped_files_and_no_match(
      @TempDir Path dir) throws IOException {
    // given an incident with a version, a broken observations.txt and a web.config finding,
    // and a text that no cause explains
    Path incident = Files.createDirectory(dir.resolve("incident"));
    Files.writeString(incident.resolve("version.txt"), "3.1.32");
    Files.writeString(incident.resolve("observations.txt"), "# what was seen\nno-such-key\n");
    Files.writeString(incident.resolve("web.config"), "<configuration><system.webServer>"
        + "<aspNetCore processPath=\"dotnet\" arguments=\"\" /></system.webServer></configuration>",
        StandardCharsets.UTF_8);
    Path plain = Files.writeString(dir.resolve("plain.txt"), "nothing to see here");

    // when
    CliRun withFindings = CliRun.of("--json", incident.toString());
    CliRun noMatch = CliRun.of("--json", "--event-log", plain.toString());

    // then
    JsonNode found = MAPPER.readTree(withFindings.out);
    assertThat(found.path("aspnetcoreVersion").asText()).isEqualTo("3.1.32");
    assertThat(found.path("skipped")).isNotEmpty();
    assertThat(found.path("diagnoses").toString()).contains("\"channel\":\"WEB_CONFIG\"");
    assertThat(schema.validate(found)).isEmpty();
    JsonNode none = MAPPER.readTree(noMatch.out);
    assertThat(none.path("diagnoses")).isEmpty();
    assertThat(schema.validate(none)).isEmpty();
  }

  static Stream<Arguments> brokenDocuments() {
    return Stream.of(
        broken("no diagnoses", root -> root.remove("diagnoses")),
        broken("an unknown top-level field", root -> root.put("verdict", "x")),
        broken("a confidence level that does not exist",
            root -> diagnosis(root).put("confidence", "CERTAIN")),
        broken("a score above 1", root -> diagnosis(root).put("score", 1.5)),
        broken("a score given as text", root -> diagnosis(root).put("score", "0.5")),
        broken("an entry id with capitals and spaces",
            root -> diagnosis(root).put("id", "Missing Framework")),
        broken("a finding without its source",
            root -> ((ObjectNode) diagnosis(root).path("evidence").path(0)).remove("source")),
        broken("an unknown channel",
            root -> ((ObjectNode) diagnosis(root).path("evidence").path(0))
                .put("channel", "SYSLOG")),
        broken("a parameter that is not a string",
            root -> diagnosis(root).putObject("parameters").put("port", 5000)),
        broken("a version range that is no interval",
            root -> diagnosis(root).put("versions", "2.2+")),
        broken("a skipped record with a fractional line",
            root -> ((ArrayNode) root.path("skipped")).addObject().put("source", "a")
                .put("line", 1.5).put("offset", 0).put("reason", "r")),
        broken("fix steps as one string", root -> diagnosis(root).put("fix", "do it")));
  }

  private static Arguments broken(String what, Consumer<ObjectNode> breakIt) {
    return Arguments.of(what, breakIt);
  }

  private static ObjectNode diagnosis(ObjectNode root) {
    return (ObjectNode) root.path("diagnoses").path(0);
  }

  @ParameterizedTest(name = "{0}")
  @MethodSource("brokenDocuments")
  void should_refuse_a_document_that_breaks_the_schema(String what, Consumer<ObjectNode> breakIt)
      throws IOException {
    // given real output, valid as it is
    ObjectNode root = (ObjectNode) MAPPER.readTree(
        CliRun.of("--json", "examples/missing-framework").out);
    assertThat(schema.validate(root)).isEmpty();

    // when
    breakIt.accept(root);

    // then
    assertThat(schema.validate(root)).as(what).isNotEmpty();
  }

  @Test
  void should_list_every_field_the_readme_documents() throws IOException {
    // given the README's "JSON output" table
    String readme = Files.readString(Path.of("..", "README.md"));
    String section = readme.substring(readme.indexOf("### JSON output"));
    section = section.substring(0, section.indexOf("\n## "));
    Set<String> documented = new TreeSet<>();
    Matcher m = Pattern.compile("(?m)^\\| `([A-Za-z\\[\\].]+)` \\|").matcher(section);
    while (m.find()) {
      documented.add(m.group(1));
    }
    Matcher sub = Pattern.compile("`\\[\\{([a-zA-Z, ]+)\\}\\]`").matcher(section);

    // when
    JsonNode s = MAPPER.readTree(SCHEMA.toFile());

    // then
    assertThat(documented).contains("version", "diagnoses", "diagnoses[].id", "collect");
    for (String field : documented) {
      JsonNode props = field.startsWith("diagnoses[].")
          ? s.path("$defs").path("diagnosis").path("properties")
          : s.path("properties");
      String name = field.startsWith("diagnoses[].") ? field.substring(12) : field;
      assertThat(props.has(name)).as("schema lists " + field).isTrue();
    }
    Set<String> nested = new TreeSet<>();
    while (sub.find()) {
      for (String f : sub.group(1).split(",")) {
        nested.add(f.strip());
      }
    }
    Set<String> inSchema = new TreeSet<>();
    for (String def : List.of("finding", "expectation", "clue", "skipped")) {
      s.path("$defs").path(def).path("properties").fieldNames().forEachRemaining(inSchema::add);
    }
    assertThat(nested).contains("signature", "expectedBy", "step");
    assertThat(inSchema).containsAll(nested);
  }
}
