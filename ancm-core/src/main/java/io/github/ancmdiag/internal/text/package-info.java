/**
 * Text folding for the matcher. Not exported: no type here is API.
 */
package io.github.ancmdiag.internal.text;
