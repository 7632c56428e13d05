/**
 * Typed values read from what the ASP.NET Core Module (ANCM) and the .NET host print: HTTP
 * status and substatus ({@link io.github.ancmdiag.model.HttpStatus}), HRESULTs and .NET host
 * status codes ({@link io.github.ancmdiag.model.HResult}), ASP.NET Core versions and NuGet-style
 * version ranges ({@link io.github.ancmdiag.model.AspNetCoreVersion},
 * {@link io.github.ancmdiag.model.VersionRange}); where evidence was seen
 * ({@link io.github.ancmdiag.model.Channel}), what a signature asks of it
 * ({@link io.github.ancmdiag.model.Observation}) and the kinds of template capture
 * ({@link io.github.ancmdiag.model.CaptureType}); and the parts a diagnosis is made of: its
 * {@link io.github.ancmdiag.model.Confidence}, the {@link io.github.ancmdiag.model.Finding}s for
 * and against it, the {@link io.github.ancmdiag.model.Expectation}s it did not meet and the
 * captured {@link io.github.ancmdiag.model.Parameter}s. This package imports no other of the
 * project.
 *
 * <p>Every type is an immutable value, safe to share between threads. Each is built with
 * {@code of(…)} from exact parts or {@code parse(CharSequence)} from text, in the forms people
 * meet in event logs, error pages and stdout logs; parsers are hand-written and linear (no
 * regular expressions). {@code parse} throws {@link java.lang.IllegalArgumentException} naming
 * the offending text; no method accepts or returns {@code null} unless its documentation says
 * so, and optional results are {@link java.util.Optional}.
 *
 * <p>Names and meanings of the HRESULTs and host status codes are bundled as
 * {@code known-codes.tsv} next to these classes.
 */
package io.github.ancmdiag.model;
