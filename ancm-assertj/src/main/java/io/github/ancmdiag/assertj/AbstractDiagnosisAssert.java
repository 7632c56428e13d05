package io.github.ancmdiag.assertj;

import io.github.ancmdiag.Diagnosis;
import io.github.ancmdiag.DiagnosisReport;
import io.github.ancmdiag.model.Channel;
import io.github.ancmdiag.model.Confidence;
import java.util.EnumSet;
import java.util.Objects;
import java.util.Set;
import org.assertj.core.api.AbstractObjectAssert;
import org.jetbrains.annotations.NotNull;
import org.jetbrains.annotations.Nullable;

/**
 * Assertions on one {@link Diagnosis}: its entry, confidence, captured parameters, evidence and fix
 * steps. Extend this class to add assertions of your own; use {@link DiagnosisAssert} otherwise.
 *
 * <p>Every assertion first fails if the diagnosis is null, and throws {@link NullPointerException}
 * for a null argument. A failure message gives what was expected and what was found, then the
 * whole ranked list of the report the diagnosis was navigated from, or the diagnosis itself with
 * its evidence when it is checked on its own. Not thread-safe.
 *
 * @param <SELF> the type of the assertion object itself, returned by every assertion
 * @param <ACTUAL> the type of the diagnosis under test
 */
public abstract class AbstractDiagnosisAssert<
        SELF extends AbstractDiagnosisAssert<SELF, ACTUAL>, ACTUAL extends Diagnosis>
    extends AbstractObjectAssert<SELF, ACTUAL> {

  /** The report the diagnosis came from, shown in failure messages; null when not known. */
  private final @Nullable DiagnosisReport report;

  /**
   * Creates assertions on a diagnosis checked on its own.
   *
   * @param actual the diagnosis to check, or null
   * @param selfType the class of the concrete assertion type, {@code SELF}
   */
  protected AbstractDiagnosisAssert(@Nullable ACTUAL actual, @NotNull Class<?> selfType) {
    this(actual, selfType, null);
  }

  /** Creates assertions on a diagnosis of {@code report} (navigation from a report). */
  AbstractDiagnosisAssert(@Nullable ACTUAL actual, Class<?> selfType,
      @Nullable DiagnosisReport report) {
    super(actual, selfType);
    this.report = report;
  }

  /**
   * Verifies that the diagnosis is for the given catalog entry.
   *
   * @param entryId the expected entry id, such as {@code missing-shared-framework}
   * @return this assertion object
   * @throws AssertionError if the diagnosis is null or for another entry
   */
  public @NotNull SELF hasEntryId(@NotNull String entryId) {
    isNotNull();
    Objects.requireNonNull(entryId, "entryId");
    if (!actual.entryId().equals(entryId)) {
      throwAssertionError(DiagnosisErrorMessage.shouldHaveEntryId(actual, report, entryId));
    }
    return myself;
  }

  /**
   * Verifies that the diagnosis has exactly the given confidence.
   *
   * @param confidence the expected confidence
   * @return this assertion object
   * @throws AssertionError if the diagnosis is null or has another confidence
   */
  public @NotNull SELF hasConfidence(@NotNull Confidence confidence) {
    isNotNull();
    Objects.requireNonNull(confidence, "confidence");
    if (actual.confidence() != confidence) {
      throwAssertionError(DiagnosisErrorMessage.shouldHaveConfidence(actual, report, confidence));
    }
    return myself;
  }

  /**
   * Verifies that the diagnosis has at least the given confidence ({@code HIGH} &gt; {@code MEDIUM}
   * &gt; {@code LOW}).
   *
   * @param atLeast the lowest acceptable confidence
   * @return this assertion object
   * @throws AssertionError if the diagnosis is null or less confident than {@code atLeast}
   */
  public @NotNull SELF hasConfidenceAtLeast(@NotNull Confidence atLeast) {
    isNotNull();
    Objects.requireNonNull(atLeast, "atLeast");
    if (!actual.confidence().isAtLeast(atLeast)) {
      throwAssertionError(
          DiagnosisErrorMessage.shouldHaveConfidenceAtLeast(actual, report, atLeast));
    }
    return myself;
  }

  /**
   * Verifies that the evidence captured a parameter with the given value. Values are compared as
   * the diagnosis holds them, in canonical form (an HRESULT as {@code 0x8000ffff}, for example).
   *
   * @param name the capture name, such as {@code frameworkVersion}
   * @param value the expected value
   * @return this assertion object
   * @throws AssertionError if the diagnosis is null, or lacks the parameter, or has another value
   *     for it
   */
  public @NotNull SELF hasParameter(@NotNull String name, @NotNull String value) {
    isNotNull();
    Objects.requireNonNull(name, "name");
    Objects.requireNonNull(value, "value");
    if (!value.equals(actual.parameters().get(name))) {
      throwAssertionError(DiagnosisErrorMessage.shouldHaveParameter(actual, report, name, value));
    }
    return myself;
  }

  /**
   * Verifies that the evidence captured a parameter, whatever its value.
   *
   * @param name the capture name, such as {@code appId}
   * @return this assertion object
   * @throws AssertionError if the diagnosis is null or lacks the parameter
   */
  public @NotNull SELF hasParameter(@NotNull String name) {
    isNotNull();
    Objects.requireNonNull(name, "name");
    if (!actual.parameters().containsKey(name)) {
      throwAssertionError(DiagnosisErrorMessage.shouldHaveParameterNamed(actual, report, name));
    }
    return myself;
  }

  /**
   * Verifies that each of the given channels holds supporting evidence for the diagnosis.
   *
   * @param channels the channels, at least one
   * @return this assertion object
   * @throws AssertionError if the diagnosis is null or a channel holds no supporting evidence
   * @throws IllegalArgumentException if no channel is given
   */
  public @NotNull SELF isSupportedBy(@NotNull Channel... channels) {
    isNotNull();
    Objects.requireNonNull(channels, "channels");
    if (channels.length == 0) {
      throw new IllegalArgumentException("isSupportedBy needs at least one channel");
    }
    Set<Channel> expected = EnumSet.noneOf(Channel.class);
    for (Channel c : channels) {
      expected.add(Objects.requireNonNull(c, "channel"));
    }
    Set<Channel> unsupported = EnumSet.noneOf(Channel.class);
    for (Channel c : expected) {
      if (!actual.isSupportedBy(c)) {
        unsupported.add(c);
      }
    }
    if (!unsupported.isEmpty()) {
      throwAssertionError(
          DiagnosisErrorMessage.shouldBeSupportedBy(actual, report, expected, unsupported));
    }
    return myself;
  }

  /**
   * Verifies that no evidence speaks against the diagnosis.
   *
   * @return this assertion object
   * @throws AssertionError if the diagnosis is null or has contradicting evidence
   */
  public @NotNull SELF hasNoContradictions() {
    isNotNull();
    if (!actual.contradicting().isEmpty()) {
      throwAssertionError(DiagnosisErrorMessage.shouldHaveNoContradictions(actual, report));
    }
    return myself;
  }

  /**
   * Verifies that one of the diagnosis's fix steps, with the incident's values filled in, contains
   * the given text (case-sensitive).
   *
   * @param text the text to look for, such as {@code Microsoft.AspNetCore.App 3.1.0}
   * @return this assertion object
   * @throws AssertionError if the diagnosis is null or no fix step contains {@code text}
   */
  public @NotNull SELF hasFixStepContaining(@NotNull String text) {
    isNotNull();
    Objects.requireNonNull(text, "text");
    if (actual.fix().stream().noneMatch(step -> step.contains(text))) {
      throwAssertionError(DiagnosisErrorMessage.shouldHaveFixStepContaining(actual, report, text));
    }
    return myself;
  }
}
