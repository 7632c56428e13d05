/**
 * Loads catalogs of failure causes: {@link io.github.ancmdiag.catalog.BundledCatalog#load()} for
 * the catalog shipped in this jar, {@link io.github.ancmdiag.catalog.CatalogReader} for a catalog
 * in a folder or on the class path. A broken catalog fails with one {@link
 * io.github.ancmdiag.rules.CatalogException} that lists every problem in every file, each with its
 * file, JSON path and line. The file format is described in {@code docs/catalog-format.md}.
 */
package io.github.ancmdiag.catalog;
