package io.github.ancmdiag.rules;

import java.util.List;
import org.jetbrains.annotations.NotNull;
import org.jetbrains.annotations.Unmodifiable;

/**
 * Thrown when a catalog cannot be used. Lists <em>every</em> problem found, not only the first, so
 * one run shows all that needs fixing.
 */
public final class CatalogException extends RuntimeException {
  private static final long serialVersionUID = 1L;

  /** Problems are plain records of strings, so the list serializes. */
  private final List<CatalogProblem> problems;

  /**
   * Creates an exception for the given problems.
   *
   * @param problems at least one problem
   * @throws IllegalArgumentException if {@code problems} is empty
   */
  public CatalogException(@NotNull List<CatalogProblem> problems) {
    super(message(problems));
    if (problems.isEmpty()) {
      throw new IllegalArgumentException("a CatalogException needs at least one problem");
    }
    this.problems = List.copyOf(problems);
  }

  /**
   * Returns every problem found.
   *
   * @return the problems, in the order found; never empty
   */
  public @NotNull @Unmodifiable List<CatalogProblem> problems() {
    return problems;
  }

  private static String message(List<CatalogProblem> problems) {
    StringBuilder sb = new StringBuilder("the catalog has ").append(problems.size())
        .append(problems.size() == 1 ? " problem:" : " problems:");
    for (CatalogProblem p : problems) {
      sb.append(System.lineSeparator()).append("  ").append(p);
    }
    return sb.toString();
  }
}
