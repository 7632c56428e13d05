package io.github.ancmdiag.rules;

import io.github.ancmdiag.internal.text.KebabCase;
import io.github.ancmdiag.model.CaptureType;
import io.github.ancmdiag.model.Channel;
import io.github.ancmdiag.model.HttpStatus;
import io.github.ancmdiag.model.Observation;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import org.jetbrains.annotations.Contract;
import org.jetbrains.annotations.NotNull;
import org.jetbrains.annotations.Unmodifiable;

/**
 * One piece of evidence a cause leaves behind: a message (with alternative wordings), an HTTP
 * status, or an {@link Observation}. Immutable and thread-safe.
 *
 * <p>Text templates quote the message exactly as the software prints it; {@code {name:TYPE}}
 * captures a typed value (see {@link CaptureType}), {@code {name:TYPE=value}} also requires a value
 * and {@code {name:TYPE~fragment}} a fragment of it. The format is described in
 * {@code docs/catalog-format.md}.
 */
public final class Signature {
  /** What a signature looks for. */
  public enum Kind {
    /** Message templates, matched in the text of records. */
    TEXT,
    /** HTTP statuses, found in error pages and browser text. */
    STATUS,
    /** An {@link Observation} the evidence carries. */
    OBSERVATION
  }

  /** The smallest {@link #prior()}. */
  public static final double MIN_PRIOR = 0.01;

  private final String id;
  private final Channel channel;
  private final Kind kind;
  private final List<String> texts;
  private final List<HttpStatus> statuses;
  private final Observation observation;
  private final double weight;
  private final int eventId;
  private final double prior;
  private final String priorSource;
  private final boolean contrary;

  private Signature(String id, Channel channel, Kind kind, List<String> texts,
      List<HttpStatus> statuses, Observation observation, double weight, int eventId) {
    this(id, channel, kind, texts, statuses, observation, weight, eventId, 1.0, null, false);
  }

  private Signature(String id, Channel channel, Kind kind, List<String> texts,
      List<HttpStatus> statuses, Observation observation, double weight, int eventId,
      double prior, String priorSource, boolean contrary) {
    this.id = requireId(id);
    this.channel = Objects.requireNonNull(channel, "channel");
    this.kind = kind;
    this.texts = List.copyOf(texts);
    this.statuses = List.copyOf(statuses);
    this.observation = observation;
    if (!(weight >= 0.1 && weight <= 5.0)) {
      throw new IllegalArgumentException("weight must be within 0.1..5 but was " + weight);
    }
    this.weight = weight;
    if (eventId < 0 || eventId > 65535) {
      throw new IllegalArgumentException("eventId must be 0..65535 but was " + eventId);
    }
    this.eventId = eventId;
    if (!(prior >= MIN_PRIOR && prior <= 1.0)) {
      throw new IllegalArgumentException("prior must be within " + MIN_PRIOR + "..1 but was "
          + prior);
    }
    if (prior < 1.0 && (priorSource == null || priorSource.isBlank())) {
      throw new IllegalArgumentException("signature '" + id + "' has a prior without its source");
    }
    this.prior = prior;
    this.priorSource = priorSource;
    this.contrary = contrary;
  }

  /**
   * Creates a signature that matches any of the given message templates.
   *
   * @param id the signature id, unique within its variant
   * @param channel where the software writes the message
   * @param templates at least one template
   * @return a new signature
   * @throws IllegalArgumentException if {@code templates} is empty or holds a blank template
   */
  @Contract(pure = true)
  public static @NotNull Signature text(
      @NotNull String id, @NotNull Channel channel, @NotNull List<String> templates) {
    if (templates.isEmpty()) {
      throw new IllegalArgumentException("signature '" + id + "' needs at least one template");
    }
    for (String t : templates) {
      if (t.isBlank()) {
        throw new IllegalArgumentException("signature '" + id + "' has a blank template");
      }
    }
    return new Signature(id, channel, Kind.TEXT, templates, List.of(), null, 1.0, 0);
  }

  /**
   * Creates a signature that matches any of the given HTTP statuses on the {@link
   * Channel#BROWSER} channel.
   *
   * @param id the signature id, unique within its variant
   * @param statuses at least one status
   * @return a new signature
   * @throws IllegalArgumentException if {@code statuses} is empty
   */
  @Contract(pure = true)
  public static @NotNull Signature status(
      @NotNull String id, @NotNull List<HttpStatus> statuses) {
    if (statuses.isEmpty()) {
      throw new IllegalArgumentException("signature '" + id + "' needs at least one status");
    }
    return new Signature(id, Channel.BROWSER, Kind.STATUS, List.of(), statuses, null, 1.0, 0);
  }

  /**
   * Creates a signature satisfied by an observation.
   *
   * @param id the signature id, unique within its variant
   * @param channel the channel the observation is about
   * @param observation the observation
   * @return a new signature
   */
  @Contract(pure = true)
  public static @NotNull Signature observation(
      @NotNull String id, @NotNull Channel channel, @NotNull Observation observation) {
    return new Signature(id, channel, Kind.OBSERVATION, List.of(), List.of(),
        Objects.requireNonNull(observation, "observation"), 1.0, 0);
  }

  /**
   * Returns a copy with another weight multiplier.
   *
   * @param weight the multiplier, 0.1 to 5
   * @return a new signature
   * @throws IllegalArgumentException if {@code weight} is out of range
   */
  @Contract(pure = true)
  public @NotNull Signature withWeight(double weight) {
    return new Signature(id, channel, kind, texts, statuses, observation, weight, eventId, prior,
        priorSource, contrary);
  }

  /**
   * Returns a copy with a prior: how often this cause is behind this evidence, relative to the
   * other causes that leave the same evidence (1, the default, for a typical one). A cause's
   * share of evidence that several causes share is scaled by its prior (a rare cause keeps less
   * of it), so a bare page line ranks its causes by how often each produces it.
   *
   * @param prior the relative frequency, {@value #MIN_PRIOR} to 1
   * @param source where the frequency comes from (counts from public reports, say)
   * @return a new signature
   * @throws IllegalArgumentException if {@code prior} is out of range, or below 1 with a blank
   *     source
   */
  @Contract(pure = true)
  public @NotNull Signature withPrior(double prior, @NotNull String source) {
    return new Signature(id, channel, kind, texts, statuses, observation, weight, eventId, prior,
        Objects.requireNonNull(source, "source"), contrary);
  }

  /**
   * Returns a copy that counts against its cause instead of for it: evidence the cause cannot
   * leave (an IIS Express path for a cause that exists only on App Service, say). When found, it
   * subtracts its weight; when not found, it is not reported as missing.
   *
   * @return a new signature
   */
  @Contract(pure = true)
  public @NotNull Signature asContrary() {
    return new Signature(id, channel, kind, texts, statuses, observation, weight, eventId, prior,
        priorSource, true);
  }

  /**
   * Returns a copy that names the Windows event id of the message.
   *
   * @param eventId the event id, or 0 for none
   * @return a new signature
   * @throws IllegalArgumentException if {@code eventId} is out of range
   */
  @Contract(pure = true)
  public @NotNull Signature withEventId(int eventId) {
    return new Signature(id, channel, kind, texts, statuses, observation, weight, eventId, prior,
        priorSource, contrary);
  }

  /**
   * Returns the signature id.
   *
   * @return the id, kebab-case
   */
  public @NotNull String id() {
    return id;
  }

  /**
   * Returns the channel the software writes this evidence to.
   *
   * @return the channel
   */
  public @NotNull Channel channel() {
    return channel;
  }

  /**
   * Returns what this signature looks for.
   *
   * @return the kind
   */
  public @NotNull Kind kind() {
    return kind;
  }

  /**
   * Returns the message templates of a {@link Kind#TEXT} signature.
   *
   * @return the templates; empty for other kinds
   */
  public @NotNull @Unmodifiable List<String> texts() {
    return texts;
  }

  /**
   * Returns the statuses of a {@link Kind#STATUS} signature.
   *
   * @return the statuses; empty for other kinds
   */
  public @NotNull @Unmodifiable List<HttpStatus> statuses() {
    return statuses;
  }

  /**
   * Returns the observation of an {@link Kind#OBSERVATION} signature.
   *
   * @return the observation; empty for other kinds
   */
  public @NotNull Optional<Observation> observation() {
    return Optional.ofNullable(observation);
  }

  /**
   * Returns the weight multiplier, 1 by default.
   *
   * @return the multiplier
   */
  public double weight() {
    return weight;
  }

  /**
   * Returns how often this cause is behind this evidence, relative to the other causes that
   * leave it; 1 by default. See {@link #withPrior}.
   *
   * @return the prior, {@value #MIN_PRIOR} to 1
   */
  public double prior() {
    return prior;
  }

  /**
   * Returns where the {@link #prior()} comes from.
   *
   * @return the source; empty when the prior is the default
   */
  public @NotNull Optional<String> priorSource() {
    return Optional.ofNullable(priorSource);
  }

  /**
   * Tells whether this evidence counts against its cause. See {@link #asContrary()}.
   *
   * @return true for evidence the cause cannot leave
   */
  public boolean isContrary() {
    return contrary;
  }

  /**
   * Returns the Windows event id of the message, or 0 when none is known.
   *
   * @return the event id, or 0
   */
  public int eventId() {
    return eventId;
  }

  /**
   * Describes the evidence in one line for people, with no template syntax: {@code the debug log
   * line "Failed HRESULT returned: 0x8000ffff at ..."}, {@code an event "Application '<app id>'
   * with physical root '<path>' failed to start process ..." (ID 1000)}, {@code the browser
   * showing HTTP 500.31}, {@code the stdout log being empty}. A capture that requires a value
   * shows the value, a free one its name in words ({@code <app id>}, {@code <path>}), a wildcard
   * {@code ...}; long messages are cut with {@code ...}. The templates themselves are {@link
   * #texts()}.
   *
   * @return a readable description, one line
   */
  public @NotNull String describe() {
    return SignatureWords.describe(this);
  }

  @Override
  public boolean equals(Object o) {
    if (this == o) {
      return true;
    }
    if (!(o instanceof Signature s)) {
      return false;
    }
    return id.equals(s.id) && channel == s.channel && kind == s.kind && texts.equals(s.texts)
        && statuses.equals(s.statuses) && observation == s.observation
        && Double.compare(weight, s.weight) == 0 && eventId == s.eventId
        && Double.compare(prior, s.prior) == 0 && Objects.equals(priorSource, s.priorSource)
        && contrary == s.contrary;
  }

  @Override
  public int hashCode() {
    return Objects.hash(id, channel, kind, texts, statuses, observation, weight, eventId, prior,
        priorSource, contrary);
  }

  @Override
  public String toString() {
    return id + " (" + describe() + ")";
  }

  static String requireId(String id) {
    Objects.requireNonNull(id, "id");
    if (!KebabCase.matches(id)) {
      throw new IllegalArgumentException("id must be lowercase kebab-case but was '" + id + "'");
    }
    return id;
  }
}
