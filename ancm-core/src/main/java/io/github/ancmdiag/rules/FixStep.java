package io.github.ancmdiag.rules;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import org.jetbrains.annotations.Contract;
import org.jetbrains.annotations.NotNull;
import org.jetbrains.annotations.Nullable;
import org.jetbrains.annotations.Unmodifiable;

/**
 * One fix step of a catalog entry: text in which {@code {name}} or {@code {name|fallback}} stands
 * for a value captured from the evidence. Immutable and thread-safe.
 *
 * <pre>{@code
 * FixStep step = FixStep.parse("Install {frameworkName|the shared framework} {frameworkVersion}.");
 * step.render(Map.of("frameworkVersion", "3.1.2"));
 * // "Install the shared framework 3.1.2."
 * }</pre>
 */
public final class FixStep {
  /** A placeholder of a step: the capture it names and its fallback text, if any. */
  private record Placeholder(String name, @Nullable String fallback) {}

  private final String template;
  /** Literal runs and placeholders in order: a {@code String} or a {@code Placeholder}. */
  private final List<Object> parts;

  private FixStep(String template, List<Object> parts) {
    this.template = template;
    this.parts = List.copyOf(parts);
  }

  /**
   * Parses a step. A {@code {} with no closing {@code }} is literal text.
   *
   * @param template the step as the catalog writes it
   * @return the parsed step
   */
  @Contract(pure = true)
  public static @NotNull FixStep parse(@NotNull String template) {
    Objects.requireNonNull(template, "template");
    List<Object> parts = new ArrayList<>();
    int i = 0;
    while (i < template.length()) {
      int open = template.indexOf('{', i);
      int close = open < 0 ? -1 : template.indexOf('}', open);
      if (open < 0 || close < 0) {
        parts.add(template.substring(i));
        break;
      }
      if (open > i) {
        parts.add(template.substring(i, open));
      }
      String spec = template.substring(open + 1, close);
      int bar = spec.indexOf('|');
      parts.add(bar >= 0 ? new Placeholder(spec.substring(0, bar), spec.substring(bar + 1))
          : new Placeholder(spec, null));
      i = close + 1;
    }
    return new FixStep(template, parts);
  }

  /**
   * Returns the names of the captures this step uses, in order.
   *
   * @return the placeholder names
   */
  public @NotNull @Unmodifiable List<String> placeholders() {
    List<String> names = new ArrayList<>();
    for (Object p : parts) {
      if (p instanceof Placeholder ph) {
        names.add(ph.name());
      }
    }
    return List.copyOf(names);
  }

  /**
   * Tells whether a placeholder of this step has a fallback text.
   *
   * @param name a placeholder name
   * @return true if every use of {@code name} has a fallback
   */
  public boolean hasFallback(@NotNull String name) {
    boolean used = false;
    for (Object p : parts) {
      if (p instanceof Placeholder ph && ph.name().equals(name)) {
        used = true;
        if (ph.fallback() == null) {
          return false;
        }
      }
    }
    return used;
  }

  /**
   * Fills in the placeholders: a captured value, else the fallback, else {@code <name>}.
   *
   * @param values captured values by name
   * @return the step as a person reads it
   */
  @Contract(pure = true)
  public @NotNull String render(@NotNull Map<String, String> values) {
    StringBuilder sb = new StringBuilder(template.length() + 32);
    for (Object p : parts) {
      if (p instanceof Placeholder ph) {
        String value = values.get(ph.name());
        if (value != null) {
          sb.append(value);
        } else if (ph.fallback() != null) {
          sb.append(ph.fallback());
        } else {
          sb.append('<').append(ph.name()).append('>');
        }
      } else {
        sb.append((String) p);
      }
    }
    return sb.toString();
  }

  /**
   * Returns the step as the catalog writes it.
   *
   * @return the template text
   */
  @Override
  public String toString() {
    return template;
  }
}
