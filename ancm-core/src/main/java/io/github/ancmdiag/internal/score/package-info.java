/**
 * Scoring, not exported: a catalog compiled for matching and weighing ({@code CompiledCatalog}),
 * the signatures one record holds ({@code RecordMatching}), what an incident shows ({@code
 * IncidentFacts}) and the ranking of its causes ({@code Scorer}), with every number it uses in
 * {@code Weights}. The catalog says what each piece of evidence means; nothing here knows a
 * particular failure.
 */
package io.github.ancmdiag.internal.score;
