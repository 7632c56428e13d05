package io.github.ancmdiag.catalog.fuzz;

import static org.assertj.core.api.Assertions.assertThat;

import com.code_intelligence.jazzer.api.FuzzedDataProvider;
import com.code_intelligence.jazzer.junit.FuzzTest;
import io.github.ancmdiag.Classification;
import io.github.ancmdiag.Diagnoser;
import io.github.ancmdiag.DiagnosisReport;
import io.github.ancmdiag.Evidence;
import io.github.ancmdiag.catalog.BundledCatalog;
import io.github.ancmdiag.catalog.CatalogReader;
import io.github.ancmdiag.input.LogRecord;
import io.github.ancmdiag.model.Channel;
import io.github.ancmdiag.model.Observation;
import io.github.ancmdiag.rules.CatalogException;
import io.github.ancmdiag.rules.CatalogEntry;
import java.io.ByteArrayInputStream;

/**
 * Coverage-guided fuzz targets for {@code classify}, {@code diagnose} (with the bundled catalog)
 * and the catalog loader. A normal build replays the committed seeds under
 * src/test/resources/io/github/ancmdiag/catalog/fuzz/CatalogFuzzTestInputs/METHOD/; {@code
 * JAZZER_FUZZ=1} fuzzes one target per run (see the README's "Building" section). The promises
 * checked: nothing but {@link CatalogException} is thrown, whose problems each name their file
 * and say what is wrong; classify and diagnose answer for any text, with scores in [0, 1] and
 * matches inside the text.
 */
class CatalogFuzzTest {
  private static final Diagnoser DIAGNOSER =
      Diagnoser.builder().catalog(BundledCatalog.load()).build();
  private static final Channel[] CHANNELS = Channel.values();
  private static final Observation[] OBSERVATIONS = Observation.values();

  @FuzzTest(maxDuration = "10m")
  void classify(FuzzedDataProvider data) {
    Channel channel = data.pickValue(CHANNELS);
    String text = data.consumeRemainingAsString();
    Classification c = DIAGNOSER.classify(LogRecord.of(channel, text));
    assertThat(c.matches()).allSatisfy(m -> {
      assertThat(m.start()).isBetween(0, m.end());
      assertThat(m.end()).isLessThanOrEqualTo(text.length());
    });
  }

  @FuzzTest(maxDuration = "10m")
  void diagnose(FuzzedDataProvider data) {
    Evidence.Builder b = Evidence.builder();
    int records = data.consumeInt(0, 6);
    for (int i = 0; i < records; i++) {
      b.record(LogRecord.of(data.pickValue(CHANNELS), data.consumeString(2000)));
    }
    int observations = data.consumeInt(0, 3);
    for (int i = 0; i < observations; i++) {
      b.observe(data.pickValue(OBSERVATIONS));
    }
    DiagnosisReport report = DIAGNOSER.diagnose(b.build());
    assertThat(report.diagnoses()).allSatisfy(d -> assertThat(d.score()).isBetween(0.0, 1.0));
  }

  @FuzzTest(maxDuration = "10m")
  void catalogEntry(byte[] json) {
    try {
      CatalogEntry e = CatalogReader.readEntry(new ByteArrayInputStream(json), "entries/x.json");
      assertThat(e.id()).isNotBlank();
    } catch (CatalogException e) {
      assertThat(e.problems()).isNotEmpty().allSatisfy(p -> {
        assertThat(p.file()).isEqualTo("entries/x.json");
        assertThat(p.message()).isNotBlank().doesNotContain("Scanner State", "\tat ")
            .doesNotContainPattern("\\b[a-z]+(\\.[a-z]+)+\\.[A-Z]\\w*(Exception|Error)\\b");
      });
    }
  }
}
