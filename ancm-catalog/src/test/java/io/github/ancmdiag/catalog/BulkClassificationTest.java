package io.github.ancmdiag.catalog;

import static org.assertj.core.api.Assertions.assertThat;

import io.github.ancmdiag.Classification;
import io.github.ancmdiag.Diagnoser;
import io.github.ancmdiag.input.LogRecord;
import io.github.ancmdiag.model.Channel;
import java.io.IOException;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.Random;
import org.junit.jupiter.api.Test;

/**
 * The bulk path over the bundled catalog: {@link Diagnoser#classifyAll} and {@link
 * Diagnoser.Classifier} classify every record of every incident folder, every line of it, and
 * random cuts and mutations of them exactly as {@link Diagnoser#classify(LogRecord)} does.
 */
class BulkClassificationTest {
  private static final Diagnoser DIAGNOSER =
      Diagnoser.builder().catalog(BundledCatalog.load()).build();

  private static List<LogRecord> caseRecords() throws IOException {
    List<LogRecord> records = new ArrayList<>();
    for (CatalogCasesTest.Case c : CatalogCasesTest.cases()) {
      records.addAll(CatalogCasesTest.evidence(c.dir()).records());
    }
    return records;
  }

  @Test
  void classifiesTheRecordsOfEveryIncidentFolderAsClassifyDoes() throws IOException {
    // given
    List<LogRecord> records = caseRecords();
    List<Classification> expected = new ArrayList<>();
    for (LogRecord r : records) {
      Classification c = DIAGNOSER.classify(r);
      if (!c.isEmpty()) {
        expected.add(c);
      }
    }

    // when
    List<Classification> got = new ArrayList<>();
    long count = DIAGNOSER.classifyAll(records, got::add);

    // then
    assertThat(count).isEqualTo(records.size());
    assertThat(got).containsExactlyElementsOf(expected);
    assertThat(got.size()).as("records that match").isGreaterThan(records.size() / 2);
  }

  @Test
  void classifiesLinesCutsAndMutationsOfTheIncidentsAsClassifyDoes() throws IOException {
    // given
    List<String> texts = new ArrayList<>();
    for (LogRecord r : caseRecords()) {
      texts.addAll(List.of(r.text().split("\r?\n")));
    }
    Random random = new Random(0x1C1A55L);
    Diagnoser.Classifier classifier = DIAGNOSER.classifier();
    Channel[] channels = Channel.values();
    int matching = 0;
    int unrelated = 0;
    for (int n = 0; n < 20_000; n++) {
      String base = texts.get(random.nextInt(texts.size()));
      StringBuilder sb = new StringBuilder(base);
      int from = random.nextInt(sb.length() + 1);
      if (random.nextInt(3) == 0) {
        sb.delete(0, from);
      }
      for (int k = random.nextInt(4); k > 0; k--) {
        int at = random.nextInt(sb.length() + 1);
        String other = texts.get(random.nextInt(texts.size()));
        switch (random.nextInt(4)) {
          case 0 -> sb.insert(at, other, 0, random.nextInt(other.length() + 1));
          case 1 -> sb.insert(at, (char) random.nextInt(0x2100));
          case 2 -> sb.setLength(at);
          default -> sb.insert(at, " HTTP Error 50" + random.nextInt(4) + ".5 ");
        }
      }
      LogRecord record = LogRecord.of(channels[random.nextInt(channels.length)], sb);

      // when
      Classification one = DIAGNOSER.classify(record);
      Optional<Classification> bulk = classifier.match(record);

      // then
      if (one.isEmpty()) {
        unrelated++;
        assertThat(bulk).as("case %d: %s", n, record.text()).isEmpty();
      } else {
        matching++;
        assertThat(bulk).as("case %d: %s", n, record.text()).contains(one);
      }
    }
    assertThat(matching).isGreaterThan(2_000);
    assertThat(unrelated).isGreaterThan(2_000);
  }
}
