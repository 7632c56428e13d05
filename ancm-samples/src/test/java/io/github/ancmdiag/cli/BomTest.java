package io.github.ancmdiag.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.TreeSet;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;

/**
 * {@code ancm-bom} is what users import to pin the library modules: it must name every published
 * library module (those that ship -sources and -javadoc jars) at the reactor's version. The
 * build itself is its first consumer: the parent imports it, so every module here gets the
 * versions of its ancm-diag dependencies from it, and a BOM that could not be imported or left a
 * module out would fail this build before any test ran.
 */
class BomTest {
  private static final Path ROOT = Path.of("..");
  private static final Pattern DEPENDENCY = Pattern.compile(
      "<dependency>\\s*(?:<!--.*?-->\\s*)?<groupId>([^<]+)</groupId>\\s*<artifactId>([^<]+)"
          + "</artifactId>\\s*<version>([^<]+)</version>(.*?)</dependency>", Pattern.DOTALL);

  private static String pom(String module) throws IOException {
    return Files.readString(ROOT.resolve(module).resolve("pom.xml"));
  }

  private static String firstVersionAfter(String pom, String marker) {
    String rest = pom.substring(pom.indexOf(marker));
    Matcher m = Pattern.compile("<version>([^<]+)</version>").matcher(rest);
    assertThat(m.find()).as("a version after " + marker).isTrue();
    return m.group(1);
  }

  @Test
  void should_pin_every_published_library_module_at_the_reactor_version() throws IOException {
    // given the published libraries: the modules that package a -sources jar
    List<String> published = new ArrayList<>();
    try (Stream<Path> modules = Files.list(ROOT)) {
      for (Path m : modules.filter(p -> Files.isRegularFile(p.resolve("pom.xml"))).toList()) {
        if (Files.readString(m.resolve("pom.xml")).contains("<artifactId>maven-source-plugin")) {
          published.add(m.getFileName().toString());
        }
      }
    }
    String bom = pom("ancm-bom");
    String parent = Files.readString(ROOT.resolve("pom.xml"));

    // when
    TreeSet<String> pinned = new TreeSet<>();
    Matcher m = DEPENDENCY.matcher(bom);
    while (m.find()) {
      assertThat(m.group(1)).isEqualTo("io.github.ancmdiag");
      assertThat(m.group(3)).as(m.group(2)).isEqualTo("${project.version}");
      pinned.add(m.group(2));
    }

    // then
    assertThat(published).containsExactlyInAnyOrder("ancm-core", "ancm-catalog", "ancm-assertj");
    assertThat(pinned).containsExactlyInAnyOrderElementsOf(published);
    assertThat(bom).doesNotContain("<parent>");
    assertThat(firstVersionAfter(bom, "<artifactId>ancm-bom</artifactId>"))
        .isEqualTo(firstVersionAfter(parent, "<artifactId>ancm-parent</artifactId>"))
        .isEqualTo(AncmDiagnose.projectVersion());
  }

  @Test
  void should_be_imported_by_the_build_itself() throws IOException {
    // given
    String parent = Files.readString(ROOT.resolve("pom.xml"));

    // when
    Matcher m = DEPENDENCY.matcher(parent);
    List<String> imports = new ArrayList<>();
    List<String> pinnedHere = new ArrayList<>();
    while (m.find()) {
      if (m.group(4).contains("<scope>import</scope>")) {
        imports.add(m.group(2));
      }
      if (m.group(1).equals("io.github.ancmdiag") && !m.group(2).equals("ancm-bom")) {
        pinnedHere.add(m.group(2));
      }
    }

    // then the modules' versions come from the BOM alone
    assertThat(imports).contains("ancm-bom");
    assertThat(pinnedHere).isEmpty();
    assertThat(parent).contains("<module>ancm-bom</module>");
  }
}
