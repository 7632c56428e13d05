/**
 * The event formats of the ASP.NET Core Module, as data: {@code ancm-events.tsv} beside this
 * package lists every format of both modules, the normal ones too, with its id, wording era and
 * kind, in the catalog's template language. The compiled catalog puts those templates into its one
 * matcher. Not exported: no type here is API.
 */
package io.github.ancmdiag.internal.event;
