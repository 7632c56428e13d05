package io.github.ancmdiag.catalog;

import static org.assertj.core.api.Assertions.assertThat;

import io.github.ancmdiag.model.VersionRange;
import io.github.ancmdiag.rules.Catalog;
import io.github.ancmdiag.rules.CatalogEntry;
import io.github.ancmdiag.rules.Variant;
import org.junit.jupiter.api.Test;

class BundledCatalogTest {

  @Test
  void should_list_every_indexed_entry_in_order_when_loaded() {
    // given
    Catalog catalog = BundledCatalog.load();

    // when
    var ids = catalog.entries().stream().map(CatalogEntry::id).toList();

    // then
    assertThat(ids).containsExactly(
        "os-upgrade-removed-32bit-module",
        "site-extension-bitness",
        "x86-app-pool-not-32bit",
        "platform-conflicts-with-rid",
        "uri-endpoint-wrong-or-site-stopped",
        "corewebengine-w3svc-disabled",
        "wrong-physical-path-or-app-missing",
        "wrong-role-module-not-installed-or-permissions",
        "wrong-processpath-or-runtime-missing",
        "wrong-aspnetcore-arguments",
        "missing-shared-framework",
        "app-pool-stopped",
        "sub-app-handlers-section",
        "stdout-log-path-incorrect",
        "aspnetcore-config-invalid",
        "hostfxr-load-failure",
        "inprocess-handler-missing",
        "mixed-hosting-models",
        "multiple-inprocess-apps",
        "outofprocess-handler-load-failure",
        "startup-time-limit-exceeded",
        "app-dll-not-found",
        "app-offline",
        "backend-timeout",
        "port-in-use",
        "module-disabled",
        "app-configuration-general");
  }

  @Test
  void should_have_a_variant_before_and_from_2_2_for_every_entry_from_the_doc_when_loaded() {
    // given
    Catalog catalog = BundledCatalog.load();

    // when / then: the doc's table has both halves; entries of our own may cover one module
    assertThat(catalog.entries()).filteredOn(entry -> entry.sources().stream()
            .anyMatch(s -> s.startsWith("seed:")))
        .hasSize(15)
        .allSatisfy(entry -> assertThat(entry.variants())
            .as(entry.id())
            .extracting(Variant::versions)
            .contains(VersionRange.parse("[2.2,)"), VersionRange.parse("(,2.2)")));
  }

  @Test
  void should_return_the_same_instance_when_loaded_twice() {
    // given
    Catalog first = BundledCatalog.load();

    // when
    Catalog second = BundledCatalog.load();

    // then
    assertThat(second).isSameAs(first);
  }
}
