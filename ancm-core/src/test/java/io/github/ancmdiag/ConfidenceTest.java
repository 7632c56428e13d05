package io.github.ancmdiag;

import io.github.ancmdiag.model.Confidence;
import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class ConfidenceTest {

  @Test
  void should_rank_high_above_medium_above_low() {
    // then
    assertThat(Confidence.HIGH.isAtLeast(Confidence.MEDIUM)).isTrue();
    assertThat(Confidence.HIGH.isAtLeast(Confidence.LOW)).isTrue();
    assertThat(Confidence.MEDIUM.isAtLeast(Confidence.LOW)).isTrue();
    assertThat(Confidence.MEDIUM.isAtLeast(Confidence.HIGH)).isFalse();
    assertThat(Confidence.LOW.isAtLeast(Confidence.MEDIUM)).isFalse();
    assertThat(Confidence.LOW.isAtLeast(Confidence.HIGH)).isFalse();
  }

  @Test
  void should_count_each_level_as_at_least_itself() {
    // then
    for (Confidence c : Confidence.values()) {
      assertThat(c.isAtLeast(c)).as(c.name()).isTrue();
    }
  }

  @Test
  void should_keep_the_declaration_order_callers_may_compare_by() {
    // then: HIGH, MEDIUM, LOW, so compareTo and ordinal() stay as they were
    assertThat(Confidence.values())
        .containsExactly(Confidence.HIGH, Confidence.MEDIUM, Confidence.LOW);
  }
}
