package io.github.ancmdiag.assertj;

import io.github.ancmdiag.apitest.ApiSnapshot;
import java.io.IOException;
import org.junit.jupiter.api.Test;

/** Keeps {@code ancm-assertj/api.txt} in step with the module's public API (see {@link ApiSnapshot}). */
class ApiSnapshotTest {
  @Test
  void should_match_the_committed_api_snapshot() throws IOException {
    ApiSnapshot.assertUnchanged(AncmAssertions.class, "ancm-assertj");
  }
}
