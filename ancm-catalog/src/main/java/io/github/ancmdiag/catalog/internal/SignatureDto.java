package io.github.ancmdiag.catalog.internal;

import java.util.List;
import org.jetbrains.annotations.Nullable;

/**
 * One element of a variant's {@code signatures}: exactly one of {@code text}, {@code status} and
 * {@code observation} is set in a valid file. Bound by Jackson; validated by the loader.
 *
 * @param id the signature id, unique within its variant
 * @param channel a {@code Channel} name such as {@code EVENT_LOG}
 * @param eventId the Windows event id; optional
 * @param text message templates, any of which is this evidence
 * @param status HTTP statuses such as {@code 500.30}
 * @param observation an observation key such as {@code no-event-log-entry}
 * @param weight the weight multiplier, 0.1 to 5; optional
 */
public record SignatureDto(
    @Nullable String id,
    @Nullable String channel,
    @Nullable Integer eventId,
    @Nullable List<String> text,
    @Nullable List<String> status,
    @Nullable String observation,
    @Nullable Double weight,
    @Nullable Double prior,
    @Nullable String priorSource,
    @Nullable Boolean against) {}
