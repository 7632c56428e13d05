package io.github.ancmdiag.benchmarks;

import io.github.ancmdiag.model.CaptureType;
import io.github.ancmdiag.rules.Catalog;
import io.github.ancmdiag.rules.CatalogEntry;
import io.github.ancmdiag.rules.Signature;
import io.github.ancmdiag.rules.Variant;
import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;

/**
 * Splits a catalog template into literal runs and captures, following {@code
 * docs/catalog-format.md} ({@code {name:TYPE}}, {@code {name:TYPE=value}}, {@code
 * {name:TYPE~fragment}}, {@code {{} for a literal brace). Used by {@link Corpus} to fill
 * templates in and by the regex baseline to translate them.
 *
 * <p>Written here on purpose instead of reusing the engine's own parser (which is internal): the
 * baseline and the corpus then share no code with the engine they check, so a bug in the engine's
 * parsing cannot hide itself by appearing on both sides of the agreement check.
 */
public final class TemplateSyntax {
  private TemplateSyntax() {}

  /** One part of a template. */
  public sealed interface Part permits Literal, Capture {}

  /**
   * Literal text, exactly as in the template.
   *
   * @param text the text
   */
  public record Literal(String text) implements Part {}

  /**
   * A typed capture.
   *
   * @param name the capture name, {@code _} for a wildcard
   * @param type the capture type
   * @param op {@code ' '} for any value, {@code '='} for an exact value, {@code '~'} for a fragment
   * @param value the constraint value, or the empty string
   */
  public record Capture(String name, CaptureType type, char op, String value) implements Part {}

  /**
   * Parses a template.
   *
   * @param template the template text
   * @return its parts in order
   * @throws IllegalArgumentException if a capture is never closed or names an unknown type
   */
  public static List<Part> parse(String template) {
    List<Part> parts = new ArrayList<>();
    StringBuilder literal = new StringBuilder();
    int i = 0;
    while (i < template.length()) {
      char c = template.charAt(i);
      if (c == '{' && i + 1 < template.length() && template.charAt(i + 1) == '{') {
        literal.append('{');
        i += 2;
      } else if (c == '{') {
        int close = template.indexOf('}', i);
        if (close < 0) {
          throw new IllegalArgumentException("unclosed capture in: " + template);
        }
        if (literal.length() > 0) {
          parts.add(new Literal(literal.toString()));
          literal.setLength(0);
        }
        parts.add(capture(template.substring(i + 1, close)));
        i = close + 1;
      } else {
        literal.append(c);
        i++;
      }
    }
    if (literal.length() > 0) {
      parts.add(new Literal(literal.toString()));
    }
    return List.copyOf(parts);
  }

  /**
   * Lists every distinct text template of a catalog with the ids of the entries that use it, in
   * catalog order. A template shared by several entries (the same message is evidence of several
   * causes) appears once.
   *
   * @param catalog the catalog
   * @return template to entry ids, both in catalog order; unmodifiable
   */
  public static Map<String, Set<String>> entriesByTemplate(Catalog catalog) {
    Map<String, Set<String>> byTemplate = new LinkedHashMap<>();
    for (CatalogEntry entry : catalog.entries()) {
      for (Variant variant : entry.variants()) {
        for (Signature sig : variant.signatures()) {
          for (String text : sig.texts()) {
            byTemplate.computeIfAbsent(text, t -> new LinkedHashSet<>()).add(entry.id());
          }
        }
      }
    }
    Map<String, Set<String>> frozen = new LinkedHashMap<>();
    byTemplate.forEach((t, ids) -> frozen.put(t, Collections.unmodifiableSet(ids)));
    return Collections.unmodifiableMap(frozen);
  }

  private static Capture capture(String spec) {
    int colon = spec.indexOf(':');
    if (colon < 0) {
      return new Capture(spec, CaptureType.TEXT, ' ', "");
    }
    String name = spec.substring(0, colon);
    String rest = spec.substring(colon + 1);
    int eq = rest.indexOf('=');
    int tilde = rest.indexOf('~');
    int cut = eq >= 0 && (tilde < 0 || eq < tilde) ? eq : tilde;
    char op = cut < 0 ? ' ' : rest.charAt(cut);
    String type = cut < 0 ? rest : rest.substring(0, cut);
    String value = cut < 0 ? "" : rest.substring(cut + 1);
    return new Capture(name, CaptureType.valueOf(type.trim().toUpperCase(Locale.ROOT)), op, value);
  }
}
