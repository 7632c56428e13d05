/**
 * The compiled multi-template matcher over {@code internal.template}'s templates: {@link
 * io.github.ancmdiag.internal.match.CompiledMatcher} is its facade; behind it the automaton and
 * its builder, the prefilter scan, the chain and item matching, and the scratch pool. Not
 * exported: no type here is API.
 */
package io.github.ancmdiag.internal.match;
