/**
 * The template language of catalog messages: literal text and typed captures, parsed into folded
 * literal runs (the anchors the matcher searches for) and captures with their constraints. Depends
 * on {@code model} and {@code internal.text} only; {@code rules} validates with it and {@code
 * internal.match} compiles it. Not exported: no type here is API.
 */
package io.github.ancmdiag.internal.template;
