package io.github.ancmdiag.catalog;

import static org.assertj.core.api.Assertions.assertThat;

import io.github.ancmdiag.model.Channel;
import io.github.ancmdiag.model.HttpStatus;
import io.github.ancmdiag.model.VersionRange;
import io.github.ancmdiag.rules.Catalog;
import io.github.ancmdiag.rules.CatalogEntry;
import io.github.ancmdiag.rules.Category;
import io.github.ancmdiag.rules.Signature;
import io.github.ancmdiag.rules.Variant;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Keeps {@code CATALOG.md} at the repository root equal to the rendering of the bundled catalog.
 * Surefire runs tests in the module folder, so the file is {@code ../CATALOG.md}. With
 * {@code -Dcatalog.docs.update=true} the first test rewrites the file instead of failing.
 */
class CatalogDocsTest {
  /** Rewrites CATALOG.md from the bundled catalog; run from the repository root. */
  static final String REFRESH_COMMAND = "mvn -q -pl ancm-catalog -am test -Dtest=CatalogDocsTest"
      + " -Dsurefire.failIfNoSpecifiedTests=false -Dcatalog.docs.update=true";

  private static final Path COMMITTED = Path.of("..", "CATALOG.md");

  @Test
  void should_equal_the_committed_catalog_md_when_the_bundled_catalog_is_rendered()
      throws IOException {
    // given
    String rendered = CatalogDocs.render(BundledCatalog.load());
    if (Boolean.getBoolean("catalog.docs.update")) {
      CatalogDocs.main(new String[] {COMMITTED.toString()});
    }

    // when
    Optional<String> difference = Files.exists(COMMITTED)
        ? firstDifference(Files.readString(COMMITTED), rendered)
        : Optional.of(COMMITTED.toAbsolutePath().normalize() + " does not exist.");

    // then
    assertThat(difference)
        .withFailMessage("CATALOG.md is stale: %s%nRefresh it from the repository root with:%n"
            + "  %s", difference.orElse(""), REFRESH_COMMAND)
        .isEmpty();
  }

  @Test
  void should_give_each_entry_one_heading_whose_anchor_is_its_id_when_rendered() {
    // given
    Catalog catalog = BundledCatalog.load();

    // when
    String markdown = CatalogDocs.render(catalog);

    // then
    List<String> headings = headings(markdown);
    List<String> anchors = anchors(headings);
    assertThat(catalog.entries()).allSatisfy(entry -> {
      assertThat(headings).as("headings").containsOnlyOnce("## " + entry.id());
      assertThat(anchors).as("GitHub anchors").containsOnlyOnce(entry.id());
      assertThat(headings.get(anchors.indexOf(entry.id()))).isEqualTo("## " + entry.id());
    });
  }

  @Test
  void should_link_every_entry_from_the_index_when_rendered() {
    // given
    Catalog catalog = BundledCatalog.load();

    // when
    String markdown = CatalogDocs.render(catalog);

    // then
    String index = markdown.substring(markdown.indexOf("\n## Index\n"),
        markdown.indexOf("\n## " + catalog.entries().get(0).id() + "\n"));
    assertThat(catalog.entries()).allSatisfy(entry -> assertThat(index)
        .containsOnlyOnce("- [" + entry.id() + "](#" + entry.id() + ") — "));
  }

  @Test
  void should_give_the_same_text_when_rendered_twice() {
    // given
    Catalog catalog = BundledCatalog.load();

    // when
    String first = CatalogDocs.render(catalog);
    String second = CatalogDocs.render(catalog);

    // then
    assertThat(second).isEqualTo(first);
    assertThat(first).startsWith(CatalogDocs.GENERATED_NOTICE + "\n")
        .doesNotContain("\r")
        .endsWith("\n")
        .doesNotEndWith("\n\n");
    assertThat(first.lines()).noneMatch(line -> line.endsWith(" "));
  }

  @Test
  void should_escape_pipes_and_backticks_when_a_template_holds_them() {
    // given
    Signature odd = Signature.text("odd-message", Channel.EVENT_LOG,
            List.of("Pipe | and `tick` in the message\r\nsecond line"))
        .withEventId(1000)
        .withWeight(2.5);
    Catalog catalog = Catalog.builder().version("1.0.0").add(entry(odd, "Restart it.")).build();

    // when
    String markdown = CatalogDocs.render(catalog);

    // then
    String row = markdown.lines().filter(line -> line.startsWith("| `odd-message` |"))
        .findFirst().orElseThrow();
    assertThat(row).isEqualTo("| `odd-message` | EVENT_LOG | 1000 | 2.5 |"
        + " ``Pipe \\| and `tick` in the message\\r\\nsecond line`` |");
    assertThat(cellCount(row)).isEqualTo(5);
  }

  @Test
  void should_italicise_placeholders_and_escape_html_when_rendering_fix_steps() {
    // given
    Signature status = Signature.status("status-502-5",
        List.of(HttpStatus.parse("502.5")));
    String step = "Run {commandLine|dotnet .\\<app>.dll} as IIS AppPool\\<pool>; see `a|b {x|y}`.";
    Catalog catalog = Catalog.builder().version("1.0.0").add(entry(status, step)).build();

    // when
    String markdown = CatalogDocs.render(catalog);

    // then
    assertThat(markdown).contains(
        "1. Run *dotnet .\\\\\\<app>.dll* as IIS AppPool\\\\\\<pool>; see `a|b y`.\n",
        "| `status-502-5` | BROWSER | HTTP status `502.5` |\n");
  }

  @Test
  void should_show_a_variants_own_fix_under_its_range_when_it_has_one() {
    // given
    Signature title = Signature.text("page-title", Channel.BROWSER,
        List.of("HTTP Error 502.5 - Process Failure"));
    Variant old = new Variant(VersionRange.parse("(,2.2)"), List.of(title),
        List.of("Update the module."));
    Variant current = Variant.of(VersionRange.parse("[2.2,)"), List.of(title));
    CatalogEntry entry = new CatalogEntry("odd-cause", List.of("old-name"), Category.RUNTIME,
        "An odd cause", "A cause made up to test rendering.", List.of(old, current),
        List.of("Restart it."), List.of("made up for this test"));
    Catalog catalog = Catalog.builder().version("1.0.0").add(entry).build();

    // when
    String markdown = CatalogDocs.render(catalog);

    // then
    assertThat(markdown).containsSubsequence(
        "<a id=\"old-name\"></a>\n## odd-cause\n",
        "- Former ids: `old-name`\n",
        "### ASP.NET Core before 2.2: `(,2.2)`\n",
        "Fix for ASP.NET Core before 2.2:\n\n1. Update the module.\n",
        "### ASP.NET Core 2.2 and later: `[2.2,)`\n",
        "### Fix\n\nFor the version ranges above that have no steps of their own:\n\n"
            + "1. Restart it.\n",
        "### Sources\n\n- made up for this test\n");
  }

  @Test
  void should_write_the_bundled_catalog_when_main_is_given_a_path(@TempDir Path folder)
      throws IOException {
    // given
    Path target = folder.resolve("CATALOG.md");

    // when
    CatalogDocs.main(new String[] {target.toString()});

    // then
    assertThat(Files.readString(target)).isEqualTo(CatalogDocs.render(BundledCatalog.load()));
  }

  private static CatalogEntry entry(Signature signature, String fixStep) {
    return new CatalogEntry("odd-cause", List.of(), Category.RUNTIME, "An odd cause",
        "A cause made up to test rendering.",
        List.of(Variant.of(VersionRange.parse("[2.2,)"), List.of(signature))),
        List.of(fixStep), List.of("made up for this test"));
  }

  /** Names the first line where the committed text and the rendering differ. */
  private static Optional<String> firstDifference(String committed, String rendered) {
    if (committed.equals(rendered)) {
      return Optional.empty();
    }
    List<String> was = committed.lines().toList();
    List<String> expected = rendered.lines().toList();
    int line = 0;
    int common = Math.min(was.size(), expected.size());
    while (line < common && was.get(line).equals(expected.get(line))) {
      line++;
    }
    return Optional.of(String.format("line %d is%n  %s%nbut the catalog renders%n  %s", line + 1,
        line < was.size() ? was.get(line) : "(end of file)",
        line < expected.size() ? expected.get(line) : "(end of file)"));
  }

  private static List<String> headings(String markdown) {
    return markdown.lines().filter(line -> line.matches("#{1,6} .*")).toList();
  }

  /**
   * The anchor GitHub gives each heading, in order, after github-slugger: the heading's text
   * (code span and emphasis marks dropped) in lower case, without punctuation other than
   * {@code -} and {@code _}, spaces as dashes; a repeated slug gets {@code -1}, {@code -2}, ….
   */
  private static List<String> anchors(List<String> headings) {
    Map<String, Integer> seen = new HashMap<>();
    List<String> anchors = new ArrayList<>();
    for (String heading : headings) {
      String text = heading.replaceFirst("^#+ ", "").replace("`", "").replace("*", "");
      String base = text.toLowerCase(Locale.ROOT).replaceAll("[^\\p{L}\\p{N}\\p{M} _-]", "")
          .replace(' ', '-');
      String slug = base;
      while (seen.containsKey(slug)) {
        int n = seen.merge(base, 1, Integer::sum);
        slug = base + "-" + n;
      }
      seen.put(slug, 0);
      anchors.add(slug);
    }
    return anchors;
  }

  /** Counts the cells of a table row: the pipes not escaped by a backslash, less one. */
  private static int cellCount(String row) {
    int pipes = 0;
    for (int i = 0; i < row.length(); i++) {
      if (row.charAt(i) == '\\') {
        i++;
      } else if (row.charAt(i) == '|') {
        pipes++;
      }
    }
    return pipes - 1;
  }
}
