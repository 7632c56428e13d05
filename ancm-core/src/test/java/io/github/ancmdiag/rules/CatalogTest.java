package io.github.ancmdiag.rules;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.github.ancmdiag.model.Channel;
import io.github.ancmdiag.model.HttpStatus;
import io.github.ancmdiag.model.Observation;
import io.github.ancmdiag.model.VersionRange;
import java.util.List;
import org.junit.jupiter.api.Test;

class CatalogTest {
  private static CatalogEntry entry(String id, List<Variant> variants, List<String> fix) {
    return new CatalogEntry(id, List.of(), Category.RUNTIME, "A title", "A summary.", variants,
        fix, List.of("test"));
  }

  private static Variant variant(String range, Signature... signatures) {
    return Variant.of(VersionRange.parse(range), List.of(signatures));
  }

  @Test
  void should_build_and_find_entries_by_id_and_alias_when_the_catalog_is_valid() {
    // given
    CatalogEntry e = new CatalogEntry("app-pool-stopped", List.of("stopped-pool"),
        Category.IIS_CONFIGURATION, "Stopped pool", "The app pool is stopped.",
        List.of(variant("[2.2,)", Signature.status("page", List.of(HttpStatus.of(503))))),
        List.of("Start the pool."), List.of("test"));

    // when
    Catalog catalog = Catalog.builder().version("1").add(e).build();

    // then
    assertThat(catalog.entry("app-pool-stopped")).contains(e);
    assertThat(catalog.entry("stopped-pool")).contains(e);
    assertThat(catalog.entry("nope")).isEmpty();
  }

  @Test
  void should_report_every_problem_at_once_when_the_catalog_is_broken() {
    // given
    CatalogEntry first = entry("first-cause", List.of(
        variant("[2.2,)", Signature.text("event", Channel.EVENT_LOG,
            List.of("Failed to start {x:NOPE}"))),
        variant("[3.0,)", Signature.observation("obs", Channel.EVENT_LOG,
            Observation.NO_EVENT_LOG_ENTRY))),
        List.of("Install {frameworkVersion}."));
    CatalogEntry duplicate = entry("first-cause", List.of(variant("(,2.2)",
        Signature.observation("a", Channel.STDOUT_LOG, Observation.STDOUT_LOG_EMPTY),
        Signature.observation("a", Channel.STDOUT_LOG, Observation.STDOUT_LOG_EMPTY))),
        List.of("Do it."));

    // when / then
    assertThatThrownBy(() -> Catalog.builder().version("1").add(first, "first.json")
        .add(duplicate, "dup.json").build())
        .isInstanceOfSatisfying(CatalogException.class, ex -> {
          assertThat(ex.problems()).extracting(CatalogProblem::file, CatalogProblem::path)
              .containsExactlyInAnyOrder(
                  org.assertj.core.groups.Tuple.tuple("first.json",
                      "$.variants[0].signatures[0].text[0]"),
                  org.assertj.core.groups.Tuple.tuple("first.json", "$.variants[1].versions"),
                  org.assertj.core.groups.Tuple.tuple("first.json", "$.fix[0]"),
                  org.assertj.core.groups.Tuple.tuple("dup.json", "$.id"),
                  org.assertj.core.groups.Tuple.tuple("dup.json",
                      "$.variants[0].signatures[1].id"));
          assertThat(ex.getMessage()).contains("5 problems", "unknown type 'NOPE'",
              "overlaps", "{frameworkVersion}", "already used by first.json", "used twice");
        });
  }

  @Test
  void should_accept_an_uncaptured_placeholder_when_it_has_a_fallback() {
    // given
    CatalogEntry e = entry("some-cause", List.of(variant("[2.2,)",
        Signature.text("event", Channel.EVENT_LOG, List.of("Could not find {file:NAME} here")))),
        List.of("Install {frameworkVersion|the runtime}; look at {file}."));

    // when / then
    assertThat(Catalog.builder().version("1").add(e).build().entries()).containsExactly(e);
  }

  @Test
  void should_refuse_a_second_version_when_the_builder_has_one() {
    assertThatThrownBy(() -> Catalog.builder().version("1").version("2"))
        .isInstanceOf(IllegalStateException.class).hasMessageContaining("already set");
  }
}
