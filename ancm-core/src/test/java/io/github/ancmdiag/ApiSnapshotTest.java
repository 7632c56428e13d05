package io.github.ancmdiag;

import io.github.ancmdiag.apitest.ApiSnapshot;
import java.io.IOException;
import org.junit.jupiter.api.Test;

/** Keeps {@code ancm-core/api.txt} in step with the module's public API (see {@link ApiSnapshot}). */
class ApiSnapshotTest {
  @Test
  void should_match_the_committed_api_snapshot() throws IOException {
    ApiSnapshot.assertUnchanged(Diagnoser.class, "ancm-core");
  }
}
