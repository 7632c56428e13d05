package io.github.ancmdiag.samples;

import static org.assertj.core.api.Assertions.assertThat;

import io.github.ancmdiag.Diagnosis;
import org.junit.jupiter.api.Test;

/** Runs the README's first example from outside the library's modules (smoke test). */
class ClassifyIncidentTest {
  @Test
  void should_put_the_missing_framework_first_when_run_on_the_readme_incident() {
    // when
    var report = ClassifyIncident.diagnose();

    // then
    assertThat(report.top()).map(Diagnosis::toString).hasValueSatisfying(s -> assertThat(s)
        .startsWith("[missing-shared-framework] ")
        .endsWith("(see CATALOG.md#missing-shared-framework)"));
  }
}
