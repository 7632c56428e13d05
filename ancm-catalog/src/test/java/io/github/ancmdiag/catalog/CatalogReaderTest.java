package io.github.ancmdiag.catalog;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowableOfType;
import static org.assertj.core.api.Assertions.tuple;

import io.github.ancmdiag.model.Channel;
import io.github.ancmdiag.model.HttpStatus;
import io.github.ancmdiag.model.Observation;
import io.github.ancmdiag.model.VersionRange;
import io.github.ancmdiag.rules.Catalog;
import io.github.ancmdiag.rules.CatalogEntry;
import io.github.ancmdiag.rules.CatalogException;
import io.github.ancmdiag.rules.CatalogProblem;
import io.github.ancmdiag.rules.Category;
import io.github.ancmdiag.rules.Signature;
import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.net.URL;
import java.net.URLClassLoader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Reads the catalogs under {@code src/test/resources}: {@code minimal/} is a valid two-entry
 * catalog; {@code broken/} has one or more problems in each file, every one of which the single
 * {@link CatalogException} must name with its file, JSON path and line.
 */
class CatalogReaderTest {
  private static final Path RESOURCES = Path.of("src", "test", "resources");
  private static final Path MINIMAL = RESOURCES.resolve("minimal");
  private static final Path BROKEN = RESOURCES.resolve("broken");

  @Test
  void should_load_every_entry_when_the_catalog_is_valid() {
    // given
    Path folder = MINIMAL;

    // when
    Catalog catalog = CatalogReader.read(folder);

    // then
    assertThat(catalog.version()).isEqualTo("0.0.1-test");
    assertThat(catalog.entries()).extracting(CatalogEntry::id)
        .containsExactly("app-pool-stopped-test", "missing-framework-test");
    assertThat(catalog.entry("stopped-pool-test")).map(CatalogEntry::id)
        .contains("app-pool-stopped-test");
    for (CatalogEntry entry : catalog.entries()) {
      assertThat(entry.variants()).extracting(v -> v.versions())
          .containsExactly(VersionRange.parse("[2.2,)"), VersionRange.parse("(,2.2)"));
    }
  }

  @Test
  void should_map_every_field_when_the_catalog_is_valid() {
    // given
    Catalog catalog = CatalogReader.read(MINIMAL);

    // when
    CatalogEntry pool = catalog.entry("app-pool-stopped-test").orElseThrow();
    CatalogEntry framework = catalog.entry("missing-framework-test").orElseThrow();

    // then
    assertThat(pool.category()).isEqualTo(Category.IIS_CONFIGURATION);
    assertThat(pool.aliases()).containsExactly("stopped-pool-test");
    assertThat(pool.sources()).containsExactly("test fixture");
    assertThat(pool.fixFor(pool.variants().get(1)))
        .containsExactly("Start the app pool in IIS Manager.");
    Signature noEvent = pool.variants().get(0).signatures().get(1);
    assertThat(noEvent.kind()).isEqualTo(Signature.Kind.OBSERVATION);
    assertThat(noEvent.observation()).contains(Observation.NO_EVENT_LOG_ENTRY);
    assertThat(noEvent.channel()).isEqualTo(Channel.EVENT_LOG);
    assertThat(noEvent.weight()).isEqualTo(0.5);
    Signature notFound = framework.variants().get(0).signatures().get(1);
    assertThat(notFound.kind()).isEqualTo(Signature.Kind.TEXT);
    assertThat(notFound.eventId()).isEqualTo(1027);
    assertThat(notFound.texts()).singleElement().asString().startsWith("The framework '");
    assertThat(framework.variants().get(1).signatures().get(0).statuses())
        .containsExactly(HttpStatus.parse("502.5"));
    assertThat(framework.variants().get(1).signatures().get(0).weight()).isEqualTo(2.0);
  }

  @Test
  void should_read_the_same_catalog_when_it_is_on_the_class_path() throws IOException {
    // given: an unnamed-module class loader over the test resources
    URL root = RESOURCES.toUri().toURL();

    // when
    Catalog catalog;
    try (URLClassLoader loader = new URLClassLoader(new URL[] {root}, null)) {
      catalog = CatalogReader.readResources(loader, "/minimal/");
    }

    // then
    assertThat(catalog.entries()).isEqualTo(CatalogReader.read(MINIMAL).entries());
  }

  @Test
  void should_report_every_problem_of_every_file_when_the_catalog_is_broken() {
    // given
    Path folder = BROKEN;

    // when
    CatalogException thrown = catchThrowableOfType(CatalogException.class,
        () -> CatalogReader.read(folder));

    // then
    assertThat(thrown.problems())
        .extracting(CatalogProblem::file, CatalogProblem::path, CatalogProblem::line)
        .containsExactlyInAnyOrder(
            tuple("index.json", "$.entries[5]", 9),                                // missing file
            tuple("entries/alpha.json", "$.variants[1].versions", 12),             // overlap
            tuple("entries/alpha.json", "$.fix[0]", 16),                           // {userName}
            tuple("entries/alpha-copy.json", "$.id", 2),                           // file name
            tuple("entries/alpha-copy.json", "$.id", 2),                           // duplicate id
            tuple("entries/bravo.json", "$.variants[0].signatures[1].text[1]", 14), // {x:NOPE}
            tuple("entries/charlie.json", "$.variants[0].signatures[0].colour", 10), // unknown
            tuple("entries/charlie.json", "$.variants[0].signatures[1].channel", 11), // channel
            tuple("entries/charlie.json", "$.variants[1].versions", 15),           // range
            tuple("entries/delta.json", "$.category", 4),                          // malformed
            tuple("entries/echo.json", "$", 0));                                   // unlisted
  }

  @Test
  void should_name_the_offending_value_when_the_catalog_is_broken() {
    // given
    Path folder = BROKEN;

    // when
    CatalogException thrown = catchThrowableOfType(CatalogException.class,
        () -> CatalogReader.read(folder));

    // then
    assertThat(message(thrown, "index.json", "$.entries[5]"))
        .contains("'ghost'", "entries/ghost.json");
    assertThat(message(thrown, "entries/alpha.json", "$.variants[1].versions"))
        .contains("[3.0,)", "overlaps", "[2.2,)");
    assertThat(message(thrown, "entries/alpha.json", "$.fix[0]")).contains("{userName}");
    assertThat(messages(thrown, "entries/alpha-copy.json", "$.id")).satisfiesExactlyInAnyOrder(
        m -> assertThat(m).contains("'alpha'", "file name 'alpha-copy.json'"),
        m -> assertThat(m).contains("'alpha'", "already used by entries/alpha.json"));
    assertThat(message(thrown, "entries/bravo.json", "$.variants[0].signatures[1].text[1]"))
        .contains("does not compile", "NOPE");
    assertThat(message(thrown, "entries/charlie.json", "$.variants[0].signatures[0].colour"))
        .contains("unknown property 'colour'");
    assertThat(message(thrown, "entries/charlie.json", "$.variants[0].signatures[1].channel"))
        .contains("unknown channel 'EVENTLOG'", "EVENT_LOG");
    assertThat(message(thrown, "entries/charlie.json", "$.variants[1].versions"))
        .contains("'[2.2'");
    assertThat(message(thrown, "entries/delta.json", "$.category"))
        .startsWith("the file is not valid JSON");
    assertThat(message(thrown, "entries/echo.json", "$")).contains("not listed in index.json");
    assertThat(thrown).hasMessageStartingWith("the catalog has 11 problems:");
  }

  @Test
  void should_report_a_missing_index_when_the_folder_is_empty(@TempDir Path folder) {
    // given: an empty folder

    // when
    CatalogException thrown = catchThrowableOfType(CatalogException.class,
        () -> CatalogReader.read(folder));

    // then
    assertThat(thrown.problems()).singleElement()
        .extracting(CatalogProblem::file, CatalogProblem::message)
        .containsExactly("index.json", "the catalog has no index.json");
  }

  @Test
  void should_read_one_entry_when_it_is_valid() throws IOException {
    // given
    Path file = MINIMAL.resolve("entries/missing-framework-test.json");

    // when
    CatalogEntry entry;
    try (InputStream in = Files.newInputStream(file)) {
      entry = CatalogReader.readEntry(in, "entries/missing-framework-test.json");
    }

    // then
    assertThat(entry.id()).isEqualTo("missing-framework-test");
    assertThat(entry.category()).isEqualTo(Category.RUNTIME);
  }

  @Test
  void should_report_field_and_semantic_problems_together_when_one_entry_is_broken() {
    // given: wrong types, several kinds, bad weight, status off the browser, bad template
    String json = String.join("\n",
        "{",
        "  \"id\": \"epsilon\", \"category\": \"nope\", \"title\": 7,",
        "  \"summary\": \"s\", \"aliases\": \"epsilon-old\",",
        "  \"variants\": [ { \"versions\": \"*\", \"signatures\": [",
        "    { \"id\": \"a\", \"channel\": \"EVENT_LOG\", \"status\": [\"500.30\"] },",
        "    { \"id\": \"b\", \"channel\": \"BROWSER\", \"text\": [\"x\"], \"status\": [\"503\"] },",
        "    { \"id\": \"c\", \"channel\": \"BROWSER\", \"status\": [\"HTTP 503\"],"
            + " \"weight\": 9 },",
        "    { \"id\": \"d\", \"channel\": \"OS_MESSAGE\", \"observation\": \"seen\" },",
        "    { \"id\": \"e\", \"channel\": \"OS_MESSAGE\" }",
        "  ] } ],",
        "  \"fix\": [\"Do it.\"]",
        "} trailing");
    InputStream in = new ByteArrayInputStream(json.getBytes(StandardCharsets.UTF_8));

    // when
    CatalogException thrown = catchThrowableOfType(CatalogException.class,
        () -> CatalogReader.readEntry(in, "entries/zeta.json"));

    // then
    assertThat(thrown.problems())
        .extracting(CatalogProblem::path, CatalogProblem::line)
        .containsExactlyInAnyOrder(
            tuple("$.title", 2),
            tuple("$.aliases", 3),
            tuple("$", 12),
            tuple("$.id", 2),
            tuple("$.category", 2),
            tuple("$.variants[0].signatures[0].channel", 5),
            tuple("$.variants[0].signatures[1]", 6),
            tuple("$.variants[0].signatures[2].status[0]", 7),
            tuple("$.variants[0].signatures[2].weight", 7),
            tuple("$.variants[0].signatures[3].observation", 8),
            tuple("$.variants[0].signatures[4]", 9));
    assertThat(thrown.problems()).allSatisfy(p -> assertThat(p.file())
        .isEqualTo("entries/zeta.json"));
  }

  @Test
  void should_report_a_prior_out_of_range_or_without_its_source() {
    // given
    String json = String.join("\n",
        "{ \"id\": \"zeta\", \"category\": \"runtime\", \"title\": \"t\", \"summary\": \"s\",",
        " \"variants\": [ { \"versions\": \"*\", \"signatures\": [",
        "   { \"id\": \"a\", \"channel\": \"BROWSER\", \"status\": [\"503\"], \"prior\": 0.5 },",
        "   { \"id\": \"b\", \"channel\": \"BROWSER\", \"status\": [\"502.5\"], \"prior\": 2,",
        "     \"priorSource\": \"counts\" },",
        "   { \"id\": \"c\", \"channel\": \"BROWSER\", \"status\": [\"500\"],"
            + " \"priorSource\": \"counts\" },",
        "   { \"id\": \"d\", \"channel\": \"BROWSER\", \"status\": [\"500.30\"], \"prior\": 0.3,",
        "     \"priorSource\": \"counts\", \"against\": true } ] } ],",
        " \"fix\": [\"Do it.\"] }");
    InputStream in = new ByteArrayInputStream(json.getBytes(StandardCharsets.UTF_8));

    // when
    CatalogException thrown = catchThrowableOfType(CatalogException.class,
        () -> CatalogReader.readEntry(in, "zeta.json"));

    // then: the fourth signature is valid
    assertThat(thrown.problems()).extracting(CatalogProblem::path, CatalogProblem::message)
        .containsExactlyInAnyOrder(
            tuple("$.variants[0].signatures[0].priorSource",
                "a prior needs 'priorSource': where its frequency comes from"),
            tuple("$.variants[0].signatures[1].prior", "the prior 2.0 is outside 0.01 to 1"),
            tuple("$.variants[0].signatures[2].priorSource", "'priorSource' without a 'prior'"));
  }

  @Test
  void should_report_a_semantic_problem_when_one_entry_is_well_formed_but_invalid() {
    // given: a summary of 91 characters, which only Catalog.Builder checks
    String json = "{ \"id\": \"zeta\", \"category\": \"runtime\", \"title\": \"t\",\n"
        + " \"summary\": \"" + "s".repeat(91) + "\",\n"
        + " \"variants\": [ { \"versions\": \"*\", \"signatures\": [\n"
        + "   { \"id\": \"a\", \"channel\": \"BROWSER\", \"status\": [\"503\"] } ] } ],\n"
        + " \"fix\": [\"Do it.\"] }";
    InputStream in = new ByteArrayInputStream(json.getBytes(StandardCharsets.UTF_8));

    // when
    CatalogException thrown = catchThrowableOfType(CatalogException.class,
        () -> CatalogReader.readEntry(in, "zeta.json"));

    // then
    assertThat(thrown.problems()).singleElement()
        .extracting(CatalogProblem::file, CatalogProblem::path, CatalogProblem::line)
        .containsExactly("zeta.json", "$.summary", 2);
  }

  @Test
  void should_report_the_duplicate_property_when_a_property_appears_twice() {
    // given
    String json = "{ \"id\": \"zeta\",\n \"variants\": [ { \"versions\": \"*\",\n"
        + "   \"versions\": \"[2.2,)\" } ] }";
    InputStream in = new ByteArrayInputStream(json.getBytes(StandardCharsets.UTF_8));

    // when
    CatalogException thrown = catchThrowableOfType(CatalogException.class,
        () -> CatalogReader.readEntry(in, "zeta.json"));

    // then
    assertThat(thrown.problems()).singleElement()
        .extracting(CatalogProblem::path, CatalogProblem::line, CatalogProblem::message)
        .containsExactly("$.variants[0].versions", 3,
            "the property 'versions' appears twice in the same object");
  }

  private static String message(CatalogException thrown, String file, String path) {
    List<String> messages = messages(thrown, file, path);
    assertThat(messages).as("problems at %s %s", file, path).hasSize(1);
    return messages.get(0);
  }

  private static List<String> messages(CatalogException thrown, String file, String path) {
    return thrown.problems().stream()
        .filter(p -> p.file().equals(file) && p.path().equals(path))
        .map(CatalogProblem::message)
        .toList();
  }
}
