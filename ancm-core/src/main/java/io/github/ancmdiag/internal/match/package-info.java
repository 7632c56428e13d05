/**
 * The compiled multi-template matcher. Not exported: no type here is API.
 */
package io.github.ancmdiag.internal.match;
