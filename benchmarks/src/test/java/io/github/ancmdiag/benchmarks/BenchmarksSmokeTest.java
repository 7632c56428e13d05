package io.github.ancmdiag.benchmarks;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.github.ancmdiag.catalog.BundledCatalog;
import io.github.ancmdiag.rules.Catalog;
import java.util.List;
import java.util.Set;
import org.junit.jupiter.api.Test;
import org.openjdk.jmh.infra.Blackhole;

/**
 * Checks the benchmark module without running JMH: every engine agrees with ours (on a small
 * corpus and on every real fixture record), the check refuses an engine that does not, the inputs
 * are what their benchmarks say, and one benchmark method runs once.
 */
class BenchmarksSmokeTest {
  private static final Catalog CATALOG = BundledCatalog.load();

  @Test
  void everyEngineAgreesWithOursOnASmallCorpus() {
    Corpus corpus = Corpus.generate(1_000, CATALOG);
    assertThat(corpus.mix().get(Corpus.Kind.FIXTURE)).isEqualTo(1);
    assertThat(corpus.planted()).hasSize(5);
    for (EngineType type : EngineType.values()) {
      Engine engine = Checked.engine(type, CATALOG, corpus.lines(), corpus.planted());
      assertThat(engine).as(type.name()).isNotNull();
    }
  }

  @Test
  void everyEngineAgreesWithOursOnEveryFixtureRecord() {
    List<Fixtures.Record> fixtures = Fixtures.load();
    assertThat(fixtures).hasSizeGreaterThan(300);
    assertThat(fixtures).extracting(Fixtures.Record::file)
        .anyMatch(f -> f.endsWith("browser.txt")).anyMatch(f -> f.endsWith("event-1.txt"))
        .anyMatch(f -> f.endsWith("stdout.log")).anyMatch(f -> f.endsWith("debug.log"));
    String[] lines = fixtures.stream().map(Fixtures.Record::text).toArray(String[]::new);
    for (EngineType type : List.of(EngineType.JDK_REGEX_EACH, EngineType.AHO_CORASICK_REGEX)) {
      String summary = Agreement.check(lines, List.of(), CATALOG,
          ((AncmDiagEngine) EngineType.ANCM_DIAG.create(CATALOG)).diagnoser(), type.name(),
          type.create(CATALOG));
      assertThat(summary).contains("same entry ids on all " + lines.length + " lines");
    }
  }

  @Test
  void agreementRefusesAnEngineThatMissesAMatch() {
    Corpus corpus = Corpus.generate(400, CATALOG, List.of());
    Engine blind = line -> Set.of();
    assertThatThrownBy(() -> Agreement.check(corpus, CATALOG,
        ((AncmDiagEngine) EngineType.ANCM_DIAG.create(CATALOG)).diagnoser(), "BLIND", blind))
        .isInstanceOf(IllegalStateException.class)
        .hasMessageContaining("refusing to time engines that disagree")
        .hasMessageContaining("BLIND");
  }

  @Test
  void syntheticCatalogIsTenTimesLargerAndItsCopiesMatchNoCorpusLine() {
    Catalog big = CatalogScale.SYNTHETIC_10X.load();
    assertThat(big.entries()).hasSizeBetween(9 * CATALOG.entries().size(),
        10 * CATALOG.entries().size());
    assertThat(CatalogScale.shiftLiterals("Application '{appId:APP_ID}' failed {{x} at", 1))
        .isEqualTo("Bqqmjdbujpo '{appId:APP_ID}' gbjmfe {{y} bu");
    Corpus corpus = Corpus.generate(1_000, CATALOG, List.of());
    AncmDiagEngine ours = (AncmDiagEngine) EngineType.ANCM_DIAG.create(big);
    for (String line : corpus.lines()) {
      assertThat(ours.classify(line)).noneMatch(id -> id.matches(".*-x[0-9]$"));
    }
  }

  @Test
  void latencyRecordsMatchAndDoNotMatch() {
    AncmDiagEngine ours = (AncmDiagEngine) EngineType.ANCM_DIAG.create(CATALOG);
    String ancm = Inputs.ancmRecord(CATALOG);
    assertThat(ancm).contains("EventID=1000: Application '").contains("failed to start process");
    assertThat(ours.classify(ancm)).isNotEmpty();
    assertThat(ours.classify(Inputs.unrelatedRecord(CATALOG))).isEmpty();
  }

  @Test
  void adversarialLineIsMadeOfNearMatches() {
    String line = Inputs.adversarialLine(CATALOG, 20_000);
    assertThat(line.length()).isGreaterThanOrEqualTo(20_000);
    assertThat(line).contains("Application 'Application '");
    assertThat(Inputs.nearMatch("Could not find '{x:PATH}' anywhere"))
        .isEqualTo("Could not find 'C:\\inetpub\\wwwroot\\shop\\' an");
    Checked.engine(EngineType.AHO_CORASICK_REGEX, CATALOG, new String[] {line}, List.of());
  }

  @Test
  void oneBenchmarkMethodRunsOnce() {
    LatencyBenchmark bench = new LatencyBenchmark();
    bench.engine = EngineType.ANCM_DIAG;
    bench.record = "ANCM";
    bench.setUp();
    assertThat((Set<?>) bench.classifyOne()).isNotEmpty();

    ClassifyBenchmark corpus = new ClassifyBenchmark();
    corpus.lines = 1_000;
    corpus.engine = EngineType.ANCM_DIAG;
    corpus.catalog = CatalogScale.BUNDLED;
    corpus.setUp();
    corpus.classifyCorpus(new Blackhole("Today's password is swordfish. I understand"
        + " instantiating Blackholes directly is dangerous."));
  }
}
