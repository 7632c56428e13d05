package io.github.ancmdiag.assertj;

import io.github.ancmdiag.Diagnosis;
import io.github.ancmdiag.DiagnosisReport;
import io.github.ancmdiag.model.Confidence;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import org.assertj.core.annotation.CheckReturnValue;
import org.assertj.core.api.AbstractObjectAssert;
import org.jetbrains.annotations.NotNull;
import org.jetbrains.annotations.Nullable;

/**
 * Assertions on a {@link DiagnosisReport}: which cause comes first, which causes are reported at
 * all, and how confident the report is. Extend this class to add assertions of your own; use
 * {@link DiagnosisReportAssert} otherwise.
 *
 * <p>Every assertion first fails if the report is null, and throws {@link NullPointerException} for
 * a null argument. A failure message gives what was expected, what was found, and the whole ranked
 * list of diagnoses with their confidence, score and evidence. Not thread-safe.
 *
 * @param <SELF> the type of the assertion object itself, returned by every assertion
 * @param <ACTUAL> the type of the report under test
 */
public abstract class AbstractDiagnosisReportAssert<
        SELF extends AbstractDiagnosisReportAssert<SELF, ACTUAL>,
        ACTUAL extends DiagnosisReport>
    extends AbstractObjectAssert<SELF, ACTUAL> {

  /**
   * Creates assertions on a report.
   *
   * @param actual the report to check, or null
   * @param selfType the class of the concrete assertion type, {@code SELF}
   */
  protected AbstractDiagnosisReportAssert(@Nullable ACTUAL actual, @NotNull Class<?> selfType) {
    super(actual, selfType);
  }

  /**
   * Verifies that the best diagnosis is for the given catalog entry, at any confidence.
   *
   * @param entryId the expected entry id, such as {@code missing-shared-framework}
   * @return this assertion object
   * @throws AssertionError if the report is null, has no diagnosis, or puts another entry first
   */
  public @NotNull SELF hasTopDiagnosis(@NotNull String entryId) {
    isNotNull();
    Objects.requireNonNull(entryId, "entryId");
    if (!actual.top().map(d -> d.entryId().equals(entryId)).orElse(false)) {
      throwAssertionError(DiagnosisErrorMessage.shouldHaveTopDiagnosis(actual, entryId));
    }
    return myself;
  }

  /**
   * Verifies that the best diagnosis is for the given catalog entry, with at least the given
   * confidence ({@code HIGH} &gt; {@code MEDIUM} &gt; {@code LOW}).
   *
   * @param entryId the expected entry id, such as {@code missing-shared-framework}
   * @param atLeast the lowest acceptable confidence
   * @return this assertion object
   * @throws AssertionError if the report is null, has no diagnosis, puts another entry first, or
   *     is less confident about it than {@code atLeast}
   */
  public @NotNull SELF hasTopDiagnosis(@NotNull String entryId, @NotNull Confidence atLeast) {
    isNotNull();
    Objects.requireNonNull(entryId, "entryId");
    Objects.requireNonNull(atLeast, "atLeast");
    boolean ok = actual.top()
        .map(d -> d.entryId().equals(entryId) && d.confidence().isAtLeast(atLeast))
        .orElse(false);
    if (!ok) {
      throwAssertionError(DiagnosisErrorMessage.shouldHaveTopDiagnosis(actual, entryId, atLeast));
    }
    return myself;
  }

  /**
   * Verifies that no diagnosis has a confidence above the given level ({@code HIGH} &gt; {@code
   * MEDIUM} &gt; {@code LOW}). With {@code MEDIUM}, for example, it checks that the report does not
   * single out a cause with {@code HIGH} confidence; with {@code HIGH} it always passes.
   *
   * @param level the highest acceptable confidence
   * @return this assertion object
   * @throws AssertionError if the report is null or has a diagnosis more confident than {@code
   *     level}
   */
  public @NotNull SELF hasNoDiagnosisAbove(@NotNull Confidence level) {
    isNotNull();
    Objects.requireNonNull(level, "level");
    List<Diagnosis> above = actual.diagnoses().stream()
        .filter(d -> !level.isAtLeast(d.confidence()))
        .toList();
    if (!above.isEmpty()) {
      throwAssertionError(DiagnosisErrorMessage.shouldHaveNoDiagnosisAbove(actual, level, above));
    }
    return myself;
  }

  /**
   * Verifies that the report has no diagnosis at all: nothing in the evidence matched the catalog.
   *
   * @return this assertion object
   * @throws AssertionError if the report is null or has a diagnosis
   */
  public @NotNull SELF hasNoDiagnosis() {
    isNotNull();
    if (!actual.diagnoses().isEmpty()) {
      throwAssertionError(DiagnosisErrorMessage.shouldHaveNoDiagnosis(actual));
    }
    return myself;
  }

  /**
   * Verifies that the report has a diagnosis for the given catalog entry, at any rank.
   *
   * @param entryId the expected entry id
   * @return this assertion object
   * @throws AssertionError if the report is null or has no diagnosis for {@code entryId}
   */
  public @NotNull SELF hasDiagnosis(@NotNull String entryId) {
    isNotNull();
    Objects.requireNonNull(entryId, "entryId");
    if (actual.diagnosis(entryId).isEmpty()) {
      throwAssertionError(DiagnosisErrorMessage.shouldHaveDiagnosis(actual, entryId));
    }
    return myself;
  }

  /**
   * Verifies that the report has no diagnosis for the given catalog entry, at any rank: the
   * negative case of a catalog entry.
   *
   * @param entryId the entry id that must not be reported
   * @return this assertion object
   * @throws AssertionError if the report is null or has a diagnosis for {@code entryId}
   */
  public @NotNull SELF doesNotHaveDiagnosis(@NotNull String entryId) {
    isNotNull();
    Objects.requireNonNull(entryId, "entryId");
    if (actual.diagnosis(entryId).isPresent()) {
      throwAssertionError(DiagnosisErrorMessage.shouldNotHaveDiagnosis(actual, entryId));
    }
    return myself;
  }

  /**
   * Verifies that the report is conclusive: its best diagnosis has {@link Confidence#HIGH}
   * confidence, as {@link DiagnosisReport#isConclusive()} tells.
   *
   * @return this assertion object
   * @throws AssertionError if the report is null, has no diagnosis, or its best diagnosis is less
   *     than {@code HIGH}
   */
  public @NotNull SELF isConclusive() {
    isNotNull();
    if (!actual.isConclusive()) {
      throwAssertionError(DiagnosisErrorMessage.shouldBeConclusive(actual));
    }
    return myself;
  }

  /**
   * Navigates to the best diagnosis, to check it with {@link DiagnosisAssert}. Failures of the
   * returned assertions still show this report's whole ranked list, and keep this assertion's
   * description ({@code as(…)}).
   *
   * @return assertions on the best diagnosis
   * @throws AssertionError if the report is null or has no diagnosis
   */
  @CheckReturnValue
  public @NotNull DiagnosisAssert topDiagnosis() {
    isNotNull();
    Optional<Diagnosis> top = actual.top();
    if (top.isEmpty()) {
      throw assertionError(DiagnosisErrorMessage.shouldHaveTopDiagnosisToNavigate(actual));
    }
    return navigate(top.get());
  }

  /**
   * Navigates to the diagnosis for the given catalog entry, at any rank, to check it with {@link
   * DiagnosisAssert}. Failures of the returned assertions still show this report's whole ranked
   * list, and keep this assertion's description ({@code as(…)}).
   *
   * @param entryId the entry id of the diagnosis to check
   * @return assertions on that diagnosis
   * @throws AssertionError if the report is null or has no diagnosis for {@code entryId}
   */
  @CheckReturnValue
  public @NotNull DiagnosisAssert diagnosis(@NotNull String entryId) {
    isNotNull();
    Objects.requireNonNull(entryId, "entryId");
    Optional<Diagnosis> found = actual.diagnosis(entryId);
    if (found.isEmpty()) {
      throw assertionError(DiagnosisErrorMessage.shouldHaveDiagnosis(actual, entryId));
    }
    return navigate(found.get());
  }

  private DiagnosisAssert navigate(Diagnosis diagnosis) {
    DiagnosisAssert next = new DiagnosisAssert(diagnosis, actual);
    if (info.hasDescription()) {
      next.info.description(info.description());
    }
    return next;
  }
}
