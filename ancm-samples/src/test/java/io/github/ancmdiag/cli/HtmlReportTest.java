package io.github.ancmdiag.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.io.StringReader;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import javax.xml.XMLConstants;
import javax.xml.parsers.DocumentBuilder;
import javax.xml.parsers.DocumentBuilderFactory;
import javax.xml.parsers.ParserConfigurationException;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;
import org.w3c.dom.Document;
import org.w3c.dom.Element;
import org.w3c.dom.NodeList;
import org.xml.sax.InputSource;
import org.xml.sax.SAXException;

/**
 * {@code scan --html}: one self-contained page, well-formed (parsed here as XML), with no URL,
 * script or external resource, inline SVG timelines, and every text from the input escaped.
 * How it looks is checked in a browser by hand (README, docs/report-example.png).
 */
class HtmlReportTest {
  private static final String FRAMEWORK = "Could not find 'aspnetcorev2_inprocess.dll'. Exception"
      + " message: The framework 'Microsoft.AspNetCore.App', version '8.0.11' was not found.";

  static Document parse(String html) throws ParserConfigurationException, IOException,
      SAXException {
    DocumentBuilderFactory f = DocumentBuilderFactory.newInstance();
    f.setFeature(XMLConstants.FEATURE_SECURE_PROCESSING, true);
    f.setFeature("http://apache.org/xml/features/nonvalidating/load-external-dtd", false);
    f.setExpandEntityReferences(false);
    DocumentBuilder b = f.newDocumentBuilder();
    b.setErrorHandler(null);
    return b.parse(new InputSource(new StringReader(html)));
  }

  private static List<Element> all(Document d, String tag) {
    NodeList n = d.getElementsByTagName(tag);
    List<Element> out = new ArrayList<>();
    for (int i = 0; i < n.getLength(); i++) {
      out.add((Element) n.item(i));
    }
    return out;
  }

  @Test
  void should_write_a_well_formed_self_contained_page_of_the_example_fleet(@TempDir Path dir)
      throws Exception {
    // given
    Path html = dir.resolve("report.html");

    // when
    CliRun run = CliRun.of("scan", "--html", html.toString(), "fleet-example");

    // then
    assertThat(run.code).as(run.err).isZero();
    String page = Files.readString(html);
    Document d = parse(page);
    assertThat(d.getDocumentElement().getTagName()).isEqualTo("html");
    assertThat(page).doesNotContain("http:", "https:", "//", "<script", "<link", "<img",
        "<iframe", "src=", "url(", "@import");
    assertThat(all(d, "svg")).hasSize(2);
    assertThat(all(d, "rect")).hasSizeGreaterThan(100);
    assertThat(all(d, "title").stream().map(Element::getTextContent))
        .anyMatch(t -> t.startsWith("host WEB01: missing-shared-framework, 2026-11-30 09:"));
    List<Element> tables = all(d, "table");
    assertThat(tables).hasSize(2);
    String entries = tables.get(0).getTextContent();
    assertThat(entries).contains("missing-shared-framework", "wrong-aspnetcore-arguments",
        "app-configuration-general", "fleet-example/web01/eventlog.xml:", "2026-11-30 09:");
    assertThat(tables.get(1).getTextContent()).contains("host WEB01", "host WEB02", "host WEB03",
        "aspnetcore-debug.log");
  }

  @Test
  void should_escape_every_text_from_the_input(@TempDir Path dir) throws Exception {
    // given a log whose name and lines carry markup, quotes and control characters
    Path log = dir.resolve("we<b>b&\"01'.log");
    Files.writeString(log, "2026-11-30T10:00:00Z <Computer>a&b\"c'd</Computer> <script>alert(1)"
        + "</script> " + FRAMEWORK + " <img src=x onerror=alert(2)> \u0007\u001b[31m\n"
        + "Computer: x\"/><svg/onload=alert(3)> " + FRAMEWORK + "\n");
    Path html = dir.resolve("report.html");

    // when
    CliRun run = CliRun.of("scan", "--html", html.toString(), log.toString());

    // then the page parses, holds no element the input named, and shows the input as text
    assertThat(run.code).as(run.err).isZero();
    String page = Files.readString(html);
    Document d = parse(page);
    assertThat(all(d, "script")).isEmpty();
    assertThat(all(d, "img")).isEmpty();
    assertThat(all(d, "svg")).hasSize(2);
    assertThat(all(d, "b").stream().map(Element::getTextContent))
        .doesNotContain("b&\"01'.log");
    String text = d.getDocumentElement().getTextContent();
    assertThat(text).contains("we<b>b&\"01'.log:1", "<img src=x onerror=alert(2)>",
        "<script>alert(1)</script>", "\u2407\u241b[31m", "host a&b\"c'd",
        "x\"/><svg/onload=alert(3)>");
    assertThat(page).doesNotContain("\u0007", "\u001b", "<img", "<script");
  }

  @Test
  void should_escape_markup_quotes_controls_and_broken_surrogates() {
    // then
    assertThat(HtmlReport.esc("<a href='x'>&\"</a>")).isEqualTo(
        "&lt;a href=&#39;x&#39;&gt;&amp;&quot;&lt;/a&gt;");
    assertThat(HtmlReport.esc("a\u0000b\u001bc\u007fd\u0085e\tf\n")).isEqualTo(
        "a\u2400b\u241bc\u2421d\ufffde\tf\u240a");
    assertThat(HtmlReport.esc("\ud83d\ude00 \ud800 \udc00 \uffff")).isEqualTo(
        "\ud83d\ude00 \ufffd \ufffd \ufffd");
  }

  @Test
  void should_read_iso_and_event_viewer_times_and_refuse_dates_that_do_not_exist() {
    // then
    assertThat(HtmlReport.timeOf("2026-11-30 16:41:09 W3SVC1 GET /")).isEqualTo(1796056869L);
    assertThat(HtmlReport.timeOf("<TimeCreated SystemTime='2026-11-30T16:41:09.1234567Z'/>"))
        .isEqualTo(1796056869L);
    assertThat(HtmlReport.timeOf("[2026-11-30T18:41:09.123+02:00, PID: 1]")).isEqualTo(1796056869L);
    assertThat(HtmlReport.timeOf("Error,11/30/2026 4:41:09 PM,IIS AspNetCore Module V2,1000"))
        .isEqualTo(1796056869L);
    assertThat(HtmlReport.timeOf("2026-13-30 16:41:09")).isEqualTo(Long.MIN_VALUE);
    assertThat(HtmlReport.timeOf("11/30/2026 13:41:09 PM")).isEqualTo(Long.MIN_VALUE);
    assertThat(HtmlReport.timeOf("no time here")).isEqualTo(Long.MIN_VALUE);
  }

  @Test
  void should_say_so_when_nothing_matched(@TempDir Path dir) throws Exception {
    // given
    Path log = Files.writeString(dir.resolve("quiet.log"), "all is well\n");
    Path html = dir.resolve("report.html");

    // when
    CliRun run = CliRun.of("scan", "--html", html.toString(), log.toString());

    // then
    assertThat(run.code).isZero();
    Document d = parse(Files.readString(html));
    assertThat(d.getDocumentElement().getTextContent()).contains("No line matched");
  }

  @Test
  @Timeout(value = 30, unit = TimeUnit.SECONDS)
  void should_keep_the_timeline_bounded_by_coarser_buckets() {
    // given a record every 7 seconds for 60 days, in 3 lanes
    Timeline t = new Timeline();
    for (long s = 0; s < 60L * 86_400; s += 7) {
      t.add("lane" + (s % 3), "entry", 1_796_000_000L + s);
    }

    // then
    assertThat(t.buckets()).isLessThanOrEqualTo(Timeline.MAX_BUCKETS);
    assertThat(t.width()).isGreaterThan(60);
    long total = 0;
    for (int lane = 0; lane < 3; lane++) {
      for (Long n : t.lane("lane" + lane).get("entry").values()) {
        total += n;
      }
    }
    assertThat(total).isEqualTo((60L * 86_400 + 6) / 7);
  }
}
