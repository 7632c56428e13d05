/**
 * AssertJ assertions on ancm-diag's reports and diagnoses.
 *
 * <p>Start with {@link io.github.ancmdiag.assertj.AncmAssertions#assertThat}.
 */
module io.github.ancmdiag.assertj {
  exports io.github.ancmdiag.assertj;

  requires transitive io.github.ancmdiag; // the assertions take core types
  requires transitive org.assertj.core; // they extend AssertJ's
  requires static org.jetbrains.annotations;
}
