package io.github.ancmdiag.model;

import java.util.Objects;
import org.jetbrains.annotations.CheckReturnValue;
import org.jetbrains.annotations.Contract;
import org.jetbrains.annotations.NotNull;

/**
 * Where ANCM runs the app: inside the IIS worker process, or in a separate process to which it
 * forwards requests. Set by the {@code hostingModel} attribute of {@code <aspNetCore>} in
 * web.config; when the attribute is absent or empty, ANCM runs the app out of process.
 */
public enum HostingModel {
  /** Inside the IIS worker process ({@code hostingModel="inprocess"}). */
  IN_PROCESS,
  /** In a separate process behind ANCM ({@code hostingModel="outofprocess"}, the default). */
  OUT_OF_PROCESS;

  /**
   * Parses the value of the {@code hostingModel} attribute, or the way error pages and people
   * write it. Case, surrounding whitespace and the separators {@code -}, {@code _} and space are
   * ignored: {@code inprocess}, {@code InProcess}, {@code In-Process}, {@code outofprocess},
   * {@code OutOfProcess}, {@code out-of-process}. Empty or blank text is an absent attribute and
   * means {@link #OUT_OF_PROCESS}, as in ANCM (so the empty string that
   * {@code org.w3c.dom.Element.getAttribute} returns for a missing attribute parses right).
   *
   * @param text the text to parse
   * @return the hosting model
   * @throws IllegalArgumentException naming {@code text} for any other value (ANCM rejects it
   *     too, with "Unknown hosting model")
   * @throws NullPointerException if {@code text} is null
   */
  @CheckReturnValue
  @Contract(pure = true)
  public static @NotNull HostingModel parse(@NotNull CharSequence text) {
    Objects.requireNonNull(text, "text");
    switch (Keys.squash(text)) {
      case "":
      case "outofprocess":
        return OUT_OF_PROCESS;
      case "inprocess":
        return IN_PROCESS;
      default:
        throw new IllegalArgumentException("'" + text + "' is not a hosting model: expected"
            + " 'inprocess' or 'outofprocess' (or nothing, which means 'outofprocess')");
    }
  }
}
