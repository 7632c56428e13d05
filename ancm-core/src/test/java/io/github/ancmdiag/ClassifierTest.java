package io.github.ancmdiag;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.github.ancmdiag.input.LogRecord;
import io.github.ancmdiag.internal.match.CompiledMatcher;
import io.github.ancmdiag.internal.score.CompiledCatalog;
import io.github.ancmdiag.internal.score.RecordMatching;
import io.github.ancmdiag.model.Channel;
import io.github.ancmdiag.model.HttpStatus;
import io.github.ancmdiag.model.VersionRange;
import io.github.ancmdiag.rules.Catalog;
import io.github.ancmdiag.rules.CatalogEntry;
import io.github.ancmdiag.rules.Category;
import io.github.ancmdiag.rules.Signature;
import io.github.ancmdiag.rules.Variant;
import java.lang.reflect.Method;
import java.util.ArrayList;
import java.util.List;
import java.util.Random;
import org.junit.jupiter.api.Test;

/**
 * The bulk path: {@link Diagnoser#classifyAll} and {@link Diagnoser.Classifier} give exactly what
 * {@link Diagnoser#classify(LogRecord)} gives, skip the status scan only where it could find
 * nothing, and allocate nothing for unrelated records.
 */
class ClassifierTest {
  private static final Catalog CATALOG = Catalog.builder()
      .version("bulk")
      .add(new CatalogEntry("process-failure", List.of(), Category.RUNTIME, "t", "s.", List.of(
          Variant.of(VersionRange.ALL, List.of(
              Signature.text("start", Channel.EVENT_LOG, List.of("Application '{appId:APP_ID}'"
                  + " with physical root '{physicalRoot:PATH}' failed to start process with "
                  + "commandline '{commandLine:TEXT}', ErrorCode = '{hresult:HRESULT} : "
                  + "{exitCode:HEX}.")),
              Signature.text("add", Channel.EVENT_LOG, List.of("Failed to start application "
                  + "'{appId:APP_ID}', ErrorCode '{hresult:HRESULT}'.")),
              Signature.status("page", List.of(HttpStatus.of(502, 5)))))),
          List.of("fix"), List.of("test")))
      .add(new CatalogEntry("module-load", List.of(), Category.INSTALLATION, "t", "s.", List.of(
          Variant.of(VersionRange.ALL, List.of(
              Signature.text("dll", Channel.EVENT_LOG, List.of("The Module DLL "
                  + "{modulePath:PATH~aspnetcore} failed to load.")),
              Signature.status("page", List.of(HttpStatus.of(500, 19), HttpStatus.of(503)))))),
          List.of("fix"), List.of("test")))
      .build();
  private static final Diagnoser DIAGNOSER = Diagnoser.builder().catalog(CATALOG).build();

  private static final String[] UNRELATED = {
    "2024-03-14 00:02:11 10.0.0.4 GET /Default.aspx v=67c322b4&utm_source=newsletter 443 - "
        + "139.149.75.68 Mozilla/5.0+(Windows+NT+10.0;+Win64;+x64;+rv:123.0)+Gecko/20100101+"
        + "Firefox/123.0 https://payments.contoso.com/reporting/index 500 0 0 252",
    "2024-03-14T00:00:00.387Z WEB03 System \"Service Control Manager\" Information "
        + "EventID=7036: The Remote Registry service entered the stopped state.",
    // (an ANCM start event such as 1001 is no longer unrelated: classify names every ANCM event)
    "2024-03-14T00:00:38.662Z WEB04 System \"WAS\" Information EventID=5186: A worker process "
        + "with process id of '21412' serving application pool 'Shop' was shutdown due to "
        + "inactivity.",
    "2024-03-14 00:03:31 10.0.0.5 GET /api/v2/catalog/items/43680 - 443 - 222.112.239.127 "
        + "Go-http-client/1.1 - 503 0 0 1045",
    "2024-03-14 00:00:07 10.0.0.4 GET /api/v2/catalog/items/24997 - 443 - 139.70.80.151 "
        + "okhttp/4.12.0 - 404 0 2 251",
  };

  /** Pieces a random text is made of: messages, near-misses, statuses, noise. */
  private static final String[] PIECES = {
    "Application '/LM/W3SVC/2/ROOT' with physical root 'C:\\inetpub\\app\\' failed to start "
        + "process with commandline '\"dotnet\" .\\app.dll', ErrorCode = '0x80004005 : ff.",
    "Failed to start application '/LM/W3SVC/1/ROOT', ErrorCode '0x8007023e'.",
    "The Module DLL C:\\Windows\\system32\\inetsrv\\aspnetcore.dll failed to load.",
    "The Module DLL C:\\Program Files\\iisnode\\iisnode.dll failed to load.",
    "Application '", "failed to start", "ErrorCode", "HTTP Error 502.5 - Process Failure",
    "HTTP Error 500.19", "error 503", "503 Service Unavailable", "HTTP/1.1 502.5", "500",
    "Error\u001C502.5", "https://x/502", " 502 ", "&amp;", "&#39;", "\u2026", "\r\n", "  ",
    "Go-http-client/1.1", "not found", "Internal Server Error", "\u00a0", "x", "0x8007000d",
  };

  private static String randomText(Random r) {
    StringBuilder sb = new StringBuilder();
    for (int k = 1 + r.nextInt(5); k > 0; k--) {
      String piece = PIECES[r.nextInt(PIECES.length)];
      if (r.nextInt(4) == 0) {
        piece = piece.substring(0, r.nextInt(piece.length() + 1));
      }
      sb.append(piece);
      if (r.nextBoolean()) {
        sb.append(' ');
      }
    }
    return sb.toString();
  }

  private static LogRecord randomRecord(Random r) {
    Channel[] channels = Channel.values();
    return LogRecord.of(channels[r.nextInt(channels.length)], randomText(r));
  }

  @Test
  void givesEachRecordTheClassificationClassifyGives() {
    // given
    Random r = new Random(0xB01C);
    Diagnoser.Classifier classifier = DIAGNOSER.classifier();
    int matching = 0;
    for (int n = 0; n < 5_000; n++) {
      LogRecord record = randomRecord(r);

      // when
      Classification one = DIAGNOSER.classify(record);
      java.util.Optional<Classification> bulk = classifier.match(record);

      // then
      if (one.isEmpty()) {
        assertThat(bulk).as("case %d: %s", n, record).isEmpty();
      } else {
        matching++;
        assertThat(bulk).as("case %d: %s", n, record).contains(one);
      }
    }
    assertThat(matching).isBetween(500, 4_500);
  }

  @Test
  void should_rule_out_only_records_that_match_nothing_when_asked_if_a_text_may_match() {
    // given: random texts in every channel, also as a reader's view of a larger buffer
    Random r = new Random(0x5CA7);
    Diagnoser.Classifier classifier = DIAGNOSER.classifier();
    int ruledOut = 0;
    for (int n = 0; n < 5_000; n++) {
      LogRecord record = randomRecord(r);
      String text = record.text();
      char[] buffer = ("<" + text + ">").toCharArray();

      // when
      boolean may = classifier.mayMatch(record.channel(), text);
      boolean mayView = classifier.mayMatch(record.channel(),
          java.nio.CharBuffer.wrap(buffer, 1, text.length()));

      // then: the same answer for both; false only where classify finds nothing
      assertThat(mayView).as("case %d: %s", n, record).isEqualTo(may);
      if (!may) {
        ruledOut++;
        assertThat(DIAGNOSER.classify(record).matches()).as("case %d: %s", n, record).isEmpty();
      }
    }
    for (String line : UNRELATED) {
      if (!classifier.mayMatch(Channel.EVENT_LOG, line)) {
        ruledOut++;
      }
    }
    assertThat(ruledOut).isBetween(100, 4_900);
  }

  @Test
  void passesOnTheMatchingRecordsInOrderAndCountsThemAll() {
    // given
    Random r = new Random(77);
    List<LogRecord> records = new ArrayList<>();
    List<Classification> expected = new ArrayList<>();
    for (int n = 0; n < 2_000; n++) {
      LogRecord record = randomRecord(r);
      records.add(record);
      Classification c = DIAGNOSER.classify(record);
      if (!c.isEmpty()) {
        expected.add(c);
      }
    }

    // when
    List<Classification> got = new ArrayList<>();
    long count = DIAGNOSER.classifyAll(records, got::add);

    // then
    assertThat(count).isEqualTo(2_000);
    assertThat(got).containsExactlyElementsOf(expected);
  }

  @Test
  void classifyGivesEachThreadWhatOneThreadGetsThoughTheyShareItsWorkingState() throws Exception {
    // given: the expected classifications, one thread at a time, on a fresh diagnoser
    Random r = new Random(0x7EAD);
    List<LogRecord> records = new ArrayList<>();
    for (int n = 0; n < 2_000; n++) {
      records.add(randomRecord(r));
    }
    Diagnoser shared = Diagnoser.builder().catalog(CATALOG).build();
    List<Classification> expected = records.stream().map(shared::classify).toList();
    int threads = 8;
    java.util.concurrent.ExecutorService pool =
        java.util.concurrent.Executors.newFixedThreadPool(threads);
    try {
      // when: eight threads classify all of them at once, each in its own order
      List<java.util.concurrent.Future<List<String>>> runs = new ArrayList<>();
      java.util.concurrent.CountDownLatch start = new java.util.concurrent.CountDownLatch(1);
      for (int t = 0; t < threads; t++) {
        int offset = t * 250;
        runs.add(pool.submit(() -> {
          start.await();
          List<String> problems = new ArrayList<>();
          for (int k = 0; k < records.size(); k++) {
            int i = (k + offset) % records.size();
            Classification got = shared.classify(records.get(i));
            if (!got.equals(expected.get(i))) {
              problems.add(i + ": " + got + " != " + expected.get(i));
            }
          }
          return problems;
        }));
      }
      start.countDown();

      // then
      for (java.util.concurrent.Future<List<String>> run : runs) {
        assertThat(run.get()).isEmpty();
      }
    } finally {
      pool.shutdownNow();
    }
  }

  @Test
  void rejectsNullArguments() {
    assertThatThrownBy(() -> DIAGNOSER.classifyAll(null, c -> { }))
        .isInstanceOf(NullPointerException.class).hasMessageContaining("records");
    assertThatThrownBy(() -> DIAGNOSER.classifyAll(List.of(), null))
        .isInstanceOf(NullPointerException.class).hasMessageContaining("sink");
    assertThatThrownBy(() -> DIAGNOSER.classifier().match(null))
        .isInstanceOf(NullPointerException.class).hasMessageContaining("record");
  }

  @Test
  void flagsEveryTextInWhichTheStrictStatusScanFindsAStatus() {
    // given: the matcher compiled with the status keywords
    CompiledMatcher matcher = new CompiledCatalog(CATALOG).matcher();
    Random r = new Random(503);
    String[] before = {"HTTP Error", "http", "HTTP/1.1", "Error", "error:", "HTTPS", "x", "",
        "\"", "(", "ERROR\u001F", "Http\u2003Error",
        "okhttp/4.12.0", "okhttp", "TheError", "a.http", "HTTP/2", "e r r o r"};
    String[] after = {"", " Internal  Server\r\nError", " - Forbidden", " \u2013 Not Found",
        " Bad Gateway", " bad request", " Service Unavailable", ".30", " ms", "x", "/"};
    String[] gaps = {" ", "  ", "\r\n", "\u00a0", "\u001C", "", "\t", "\u2009"};
    int statuses = 0;
    for (int n = 0; n < 20_000; n++) {
      String text = before[r.nextInt(before.length)] + gaps[r.nextInt(gaps.length)]
          + (100 + r.nextInt(500)) + (r.nextBoolean() ? " and 5" + r.nextInt(10) + "0" : "")
          + after[r.nextInt(after.length)];

      // when
      int scan = matcher.scan(text, null);
      boolean found =
          RecordMatching.mayHoldStatus(text) && !HttpStatus.findAll(text, false).isEmpty();

      // then
      if (found) {
        statuses++;
        assertThat(scan & CompiledMatcher.KEYWORD).as("case %d: %s", n, text)
            .isEqualTo(CompiledMatcher.KEYWORD);
      }
    }
    assertThat(statuses).isGreaterThan(2_000);
  }

  @Test
  void skipsTheStatusScanOnlyForRecordsWithoutAWordThatMakesANumberAStatus() {
    // given
    CompiledMatcher matcher = new CompiledCatalog(CATALOG).matcher();

    // then: W3C lines show statuses as bare numbers and links, not as statuses in prose
    for (String line : UNRELATED) {
      assertThat(matcher.scan(line, null)).as(line).isEqualTo(CompiledMatcher.NONE);
    }
    assertThat(matcher.scan("HTTP Error 502.5 - Process Failure", null))
        .isEqualTo(CompiledMatcher.KEYWORD);
    assertThat(DIAGNOSER.classify(LogRecord.of(Channel.EVENT_LOG, UNRELATED[3])).isEmpty())
        .isTrue();
    assertThat(DIAGNOSER.classify(LogRecord.of(Channel.BROWSER, "503")).entryIds())
        .containsExactly("module-load");
  }

  @Test
  void allocatesNothingForRecordsWithoutASignatureLiteral() throws Exception {
    // given
    Method allocated = Class.forName("com.sun.management.ThreadMXBean")
        .getMethod("getCurrentThreadAllocatedBytes");
    // By reflection: this module does not read java.management, the test runtime has it.
    Object threads = Class.forName("java.lang.management.ManagementFactory")
        .getMethod("getThreadMXBean").invoke(null);
    LogRecord[] records = new LogRecord[UNRELATED.length];
    for (int i = 0; i < records.length; i++) {
      records[i] = LogRecord.of(Channel.EVENT_LOG, UNRELATED[i]);
    }
    Diagnoser.Classifier classifier = DIAGNOSER.classifier();
    int found = 0;
    for (int n = 0; n < 200_000; n++) {
      found += classifier.match(records[n % records.length]).isPresent() ? 1 : 0;
    }

    // when
    int calls = 100_000;
    long start = (Long) allocated.invoke(threads);
    for (int n = 0; n < calls; n++) {
      found += classifier.match(records[n % records.length]).isPresent() ? 1 : 0;
    }
    long bytes = (Long) allocated.invoke(threads) - start;

    // then: less than a byte per call (the measuring itself allocates a little)
    assertThat(found).isZero();
    assertThat((double) bytes / calls).as("%d bytes in %d calls", bytes, calls).isLessThan(1.0);
  }
}
