package io.github.ancmdiag.cli;

import static org.assertj.core.api.Assertions.assertThat;

import io.github.ancmdiag.catalog.BundledCatalog;
import io.github.ancmdiag.rules.CatalogEntry;
import io.github.ancmdiag.rules.Signature;
import io.github.ancmdiag.rules.Variant;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

/**
 * Every expectation the report can print comes from {@link Signature#describe()} of a bundled
 * signature: each must read as words, fit one line, and tell apart the signatures of a variant.
 */
class CatalogDescriptionsTest {

  @Test
  void should_describe_every_bundled_signature_in_words_on_one_line() {
    // given
    List<String> all = new ArrayList<>();
    for (CatalogEntry e : BundledCatalog.load().entries()) {
      for (Variant v : e.variants()) {
        v.signatures().forEach(s -> all.add(s.describe()));
      }
    }

    // then
    assertThat(all).isNotEmpty().allSatisfy(d -> assertThat(d)
        .doesNotContainPattern("\\{\\w+(:[A-Z_]+)?[=~}]|\\{_:|[\\r\\n\\t\\x00\\x01]|  ")
        .matches("(the |an event ).*")
        .hasSizeLessThanOrEqualTo(160));
  }

  @Test
  void should_tell_apart_the_signatures_of_each_variant_when_they_are_described() {
    for (CatalogEntry e : BundledCatalog.load().entries()) {
      for (Variant v : e.variants()) {
        // when
        List<String> words = v.signatures().stream().map(Signature::describe).toList();

        // then
        assertThat(words).as("%s %s", e.id(), v.versions()).doesNotHaveDuplicates();
      }
    }
  }
}
