package io.github.ancmdiag.catalog;

import io.github.ancmdiag.apitest.ApiSnapshot;
import java.io.IOException;
import org.junit.jupiter.api.Test;

/** Keeps {@code ancm-catalog/api.txt} in step with the module's public API (see {@link ApiSnapshot}). */
class ApiSnapshotTest {
  @Test
  void should_match_the_committed_api_snapshot() throws IOException {
    ApiSnapshot.assertUnchanged(BundledCatalog.class, "ancm-catalog");
  }
}
