package io.github.ancmdiag.benchmarks;

import io.github.ancmdiag.catalog.BundledCatalog;
import io.github.ancmdiag.rules.Catalog;
import io.github.ancmdiag.rules.CatalogEntry;
import io.github.ancmdiag.rules.Signature;
import io.github.ancmdiag.rules.Variant;
import java.util.ArrayList;
import java.util.List;

/**
 * The catalogs a benchmark can run with, chosen by a JMH {@code @Param}: the bundled one, or a
 * synthetic one ten times its size, to show how an engine's cost grows with the catalog.
 *
 * <p>The synthetic catalog holds the bundled entries unchanged plus nine copies of each. In copy
 * {@code k} (1 to 9) every letter of every template's literal text is shifted {@code k} places
 * in the alphabet ({@code Application} becomes {@code Bqqmjdbujpo} in copy 1, {@code Crrnkecvkqp}
 * in copy 2) while captures, digits, punctuation, spacing and lengths stay as they are. So each
 * copy has the same shape as a real template (same number and length of literal runs, same
 * captures), its literals are distinct from every real one, and no line of the corpus matches it:
 * the corpus lines the real templates match are matched by the same entries at 10x, and the
 * agreement check proves it for every engine. Copies keep their entry's observation signatures
 * but not its HTTP status ones (which would match the same error pages as the real entry); ids
 * get the suffix {@code -x<k>}.
 */
public enum CatalogScale {
  /** {@link BundledCatalog#load()}. */
  BUNDLED {
    @Override
    public Catalog load() {
      return BundledCatalog.load();
    }
  },
  /** The bundled catalog and nine letter-shifted copies of each entry. */
  SYNTHETIC_10X {
    @Override
    public Catalog load() {
      return times(BundledCatalog.load(), 10);
    }
  };

  /**
   * Loads (or generates) the catalog; a new instance each call.
   *
   * @return the catalog
   */
  public abstract Catalog load();

  /**
   * Returns a catalog with the entries of another and {@code factor - 1} shifted copies of each.
   *
   * @param base the catalog to copy
   * @param factor how many times larger the result is, 1 to 26
   * @return the larger catalog
   */
  public static Catalog times(Catalog base, int factor) {
    if (factor < 1 || factor > 26) {
      throw new IllegalArgumentException("factor must be 1 to 26 but was " + factor);
    }
    Catalog.Builder builder = Catalog.builder().version(base.version() + "-x" + factor);
    for (CatalogEntry e : base.entries()) {
      builder.add(e);
    }
    for (int k = 1; k < factor; k++) {
      for (CatalogEntry e : base.entries()) {
        List<Variant> variants = new ArrayList<>();
        for (Variant v : e.variants()) {
          List<Signature> sigs = new ArrayList<>();
          for (Signature s : v.signatures()) {
            if (s.kind() == Signature.Kind.STATUS) {
              continue; // a copied status would match the same pages as the real one
            }
            if (s.kind() != Signature.Kind.TEXT) {
              sigs.add(s);
              continue;
            }
            List<String> texts = new ArrayList<>();
            for (String t : s.texts()) {
              texts.add(shiftLiterals(t, k));
            }
            sigs.add(Signature.text(s.id(), s.channel(), texts).withWeight(s.weight())
                .withEventId(s.eventId()));
          }
          if (!sigs.isEmpty()) {
            variants.add(new Variant(v.versions(), sigs, v.fix()));
          }
        }
        if (variants.isEmpty()) {
          continue;
        }
        builder.add(new CatalogEntry(e.id() + "-x" + k, List.of(), e.category(), e.title(),
            e.summary(), variants, e.fix(), e.sources()));
      }
    }
    return builder.build();
  }

  /**
   * Shifts every ASCII letter outside the captures of a template {@code k} places.
   *
   * @param template a catalog template
   * @param k the shift, 1 to 25
   * @return the shifted template
   */
  static String shiftLiterals(String template, int k) {
    StringBuilder sb = new StringBuilder(template.length());
    int i = 0;
    while (i < template.length()) {
      char c = template.charAt(i);
      if (c == '{' && i + 1 < template.length() && template.charAt(i + 1) == '{') {
        sb.append("{{");
        i += 2;
      } else if (c == '{') {
        int close = template.indexOf('}', i);
        sb.append(template, i, close + 1);
        i = close + 1;
      } else {
        if (c >= 'a' && c <= 'z') {
          c = (char) ('a' + (c - 'a' + k) % 26);
        } else if (c >= 'A' && c <= 'Z') {
          c = (char) ('A' + (c - 'A' + k) % 26);
        }
        sb.append(c);
        i++;
      }
    }
    return sb.toString();
  }
}
