/**
 * What a catalog is: {@link io.github.ancmdiag.rules.Catalog} of {@link
 * io.github.ancmdiag.rules.CatalogEntry causes}, each with version-range {@link
 * io.github.ancmdiag.rules.Variant variants} of evidence {@link io.github.ancmdiag.rules.Signature
 * signatures}. A bad catalog fails with one {@link io.github.ancmdiag.rules.CatalogException}
 * listing every problem.
 */
package io.github.ancmdiag.rules;
