/**
 * Jackson data-transfer records mirroring the catalog JSON files one to one. Not exported: no type
 * here is API. Opened to {@code com.fasterxml.jackson.databind} only, which binds them; the loader
 * in {@code io.github.ancmdiag.catalog} validates them and maps them to the {@code
 * io.github.ancmdiag.rules} types. Every component is nullable: a missing property binds to
 * {@code null} and the loader reports it with its JSON path.
 */
package io.github.ancmdiag.catalog.internal;
