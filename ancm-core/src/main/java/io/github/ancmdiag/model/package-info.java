/**
 * Typed values read from what the ASP.NET Core Module (ANCM) and the .NET host print: HTTP
 * status and substatus ({@link io.github.ancmdiag.model.HttpStatus}), HRESULTs and .NET host
 * status codes ({@link io.github.ancmdiag.model.HResult}, with the V1 pair
 * {@link io.github.ancmdiag.model.ProcessFailureCode}), ASP.NET Core versions and NuGet-style
 * version ranges ({@link io.github.ancmdiag.model.AspNetCoreVersion},
 * {@link io.github.ancmdiag.model.VersionRange}), application pool bitness
 * ({@link io.github.ancmdiag.model.Bitness}) and the hosting model
 * ({@link io.github.ancmdiag.model.HostingModel}); also where evidence was seen
 * ({@link io.github.ancmdiag.model.Channel}), what a signature asks of it
 * ({@link io.github.ancmdiag.model.Observation}) and the kinds of template capture
 * ({@link io.github.ancmdiag.model.CaptureType}). This package imports no other of the project.
 *
 * <p>Every type is an immutable value, safe to share between threads. Each is built with
 * {@code of(…)} from exact parts or {@code parse(CharSequence)} from text, in the forms people
 * meet in event logs, error pages and stdout logs; parsers are hand-written and linear (no
 * regular expressions). {@code parse} throws {@link java.lang.IllegalArgumentException} naming
 * the offending text; no method accepts or returns {@code null} unless its documentation says
 * so, and optional results are {@link java.util.Optional}.
 *
 * <p>Names and meanings of the HRESULTs and host status codes come from the project's ground
 * truth (shared reference, sections c.1 and c.2), bundled as {@code known-codes.tsv} next to
 * these classes.
 */
package io.github.ancmdiag.model;
