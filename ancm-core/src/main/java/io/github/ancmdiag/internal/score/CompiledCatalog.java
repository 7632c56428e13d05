package io.github.ancmdiag.internal.score;

import io.github.ancmdiag.internal.match.CompiledMatcher;
import io.github.ancmdiag.internal.template.Template;
import io.github.ancmdiag.model.Channel;
import io.github.ancmdiag.model.HttpStatus;
import io.github.ancmdiag.model.Observation;
import io.github.ancmdiag.rules.Catalog;
import io.github.ancmdiag.rules.CatalogEntry;
import io.github.ancmdiag.rules.Signature;
import io.github.ancmdiag.rules.Variant;
import java.util.ArrayList;
import java.util.EnumSet;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * A catalog compiled for matching: every distinct template once in one {@link CompiledMatcher},
 * each template and status mapped back to the signatures that use it, and each signature's weight
 * worked out once. Built once per {@code Diagnoser}; immutable after construction and shared.
 */
public final class CompiledCatalog {
  /** One signature of one variant of one entry. */
  public static final class SigRef {
    final int entry;
    final CatalogEntry entryRef;
    final Variant variantRef;
    final Signature sig;
    /** Weight before sharing: the kind's weight times the catalog multiplier. */
    double plainWeight;
    /** Bonus factor for constrained captures. */
    double specificity = 1;
    /** Weight divided among the entries with an equivalent signature. */
    double weight;

    SigRef(int entry, CatalogEntry e, Variant v, Signature s) {
      this.entry = entry;
      this.entryRef = e;
      this.variantRef = v;
      this.sig = s;
    }
  }

  /**
   * Folded words one of which a text must hold for {@link HttpStatus#findAll} in strict mode to
   * find anything: an introducer right before the number ({@code Error 5}, {@code HTTP 5},
   * {@code HTTP/1.1 5}; white space is folded away) or a reason phrase after it. The matcher
   * reports them in the same pass as the anchors, so records without them skip the status scan.
   */
  static final List<String> STATUS_KEYWORDS = statusKeywords();

  final Catalog catalog;
  final CompiledMatcher matcher;
  final List<Template> templates;
  /** For each template: the signatures using it. */
  final List<List<SigRef>> templateRefs;
  /** Every status signature. */
  final List<SigRef> statusRefs;
  /** Every signature, by entry, variant and position. */
  final SigRef[][][] refs;
  /** What each variant's observations say about the rest of its evidence, by entry and variant. */
  final VariantTraits[][] traits;

  /**
   * What a variant's own observations imply for weighing its other evidence.
   *
   * @param servesRequests the cause leaves the app serving requests (a request timeout), so a
   *     working app beside its page does not speak against it
   * @param mayBeAbsent logs the cause may leave absent (it expects no event, no stdout log, no
   *     debug log), so their absence does not speak against its messages there
   */
  record VariantTraits(boolean servesRequests, Set<Channel> mayBeAbsent) {
    static VariantTraits of(Variant variant) {
      boolean serves = false;
      Set<Channel> absent = EnumSet.noneOf(Channel.class);
      for (Signature sig : variant.signatures()) {
        Observation o = sig.isContrary() ? null : sig.observation().orElse(null);
        serves |= o == Observation.APP_RESPONDS_NORMALLY;
        if (o == Observation.NO_EVENT_LOG_ENTRY) {
          absent.add(Channel.EVENT_LOG);
        } else if (o == Observation.STDOUT_LOG_NOT_CREATED || o == Observation.STDOUT_LOG_EMPTY) {
          absent.add(Channel.STDOUT_LOG);
        } else if (o == Observation.DEBUG_LOG_NOT_CREATED) {
          absent.add(Channel.DEBUG_LOG);
        }
      }
      return new VariantTraits(serves, Set.copyOf(absent));
    }
  }

  /**
   * Compiles a catalog.
   *
   * @param catalog the catalog
   */
  public CompiledCatalog(Catalog catalog) {
    this.catalog = catalog;
    Map<String, Integer> templateIndex = new LinkedHashMap<>();
    List<Template> tpls = new ArrayList<>();
    List<List<SigRef>> trefs = new ArrayList<>();
    List<SigRef> srefs = new ArrayList<>();
    List<CatalogEntry> entries = catalog.entries();
    refs = new SigRef[entries.size()][][];
    traits = new VariantTraits[entries.size()][];
    for (int e = 0; e < entries.size(); e++) {
      CatalogEntry entry = entries.get(e);
      refs[e] = new SigRef[entry.variants().size()][];
      traits[e] = new VariantTraits[entry.variants().size()];
      for (int v = 0; v < entry.variants().size(); v++) {
        Variant variant = entry.variants().get(v);
        refs[e][v] = new SigRef[variant.signatures().size()];
        traits[e][v] = VariantTraits.of(variant);
        for (int s = 0; s < variant.signatures().size(); s++) {
          Signature sig = variant.signatures().get(s);
          SigRef ref = new SigRef(e, entry, variant, sig);
          refs[e][v][s] = ref;
          if (sig.kind() == Signature.Kind.STATUS) {
            srefs.add(ref);
          }
          for (String text : sig.texts()) {
            Integer idx = templateIndex.get(text);
            if (idx == null) {
              idx = tpls.size();
              templateIndex.put(text, idx);
              tpls.add(Template.parse(text));
              trefs.add(new ArrayList<>());
            }
            trefs.get(idx).add(ref);
          }
        }
      }
    }
    this.templates = List.copyOf(tpls);
    this.templateRefs = trefs;
    this.statusRefs = List.copyOf(srefs);
    this.matcher = new CompiledMatcher(templates, STATUS_KEYWORDS);
    computeWeights(templateIndex);
  }

  /**
   * Returns the catalog compiled.
   *
   * @return the catalog
   */
  public Catalog catalog() {
    return catalog;
  }

  /**
   * Returns the compiled matcher of every distinct template.
   *
   * @return the matcher
   */
  public CompiledMatcher matcher() {
    return matcher;
  }

  /**
   * Returns the number of distinct templates.
   *
   * @return the template count
   */
  public int templateCount() {
    return templates.size();
  }

  /**
   * Returns the number of states of the compiled automaton.
   *
   * @return the state count
   */
  public int stateCount() {
    return matcher.stateCount();
  }

  private static List<String> statusKeywords() {
    List<String> k = new ArrayList<>();
    // HttpStatus counts 100..599 only: the number after an introducer starts with 1 to 5.
    for (char d = '1'; d <= '5'; d++) {
      k.add("error" + d);
      k.add("http" + d);
    }
    k.add("http/");
    k.addAll(List.of("internalservererror", "forbidden", "serviceunavailable", "badgateway",
        "notfound", "badrequest"));
    return List.copyOf(k);
  }

  /**
   * A signature's weight is its kind's weight times its multiplier, divided among the entries
   * that have an equivalent signature in an overlapping version range: shared evidence decides
   * little, evidence of one cause alone decides much.
   */
  private void computeWeights(Map<String, Integer> templateIndex) {
    List<SigRef> all = new ArrayList<>();
    List<Set<String>> keys = new ArrayList<>();
    for (SigRef[][] byVariant : refs) {
      for (SigRef[] bySig : byVariant) {
        for (SigRef r : bySig) {
          all.add(r);
          keys.add(keys(r.sig, templateIndex));
        }
      }
    }
    for (int i = 0; i < all.size(); i++) {
      SigRef r = all.get(i);
      Set<Integer> sharing = new HashSet<>();
      for (int j = 0; j < all.size(); j++) {
        SigRef o = all.get(j);
        if (o.sig.kind() == r.sig.kind()
            && o.variantRef.versions().intersects(r.variantRef.versions())
            && intersects(keys.get(i), keys.get(j))) {
          sharing.add(o.entry);
        }
      }
      r.plainWeight = base(r.sig) * r.sig.weight();
      r.specificity = specificity(r.sig, templateIndex);
      r.weight = r.plainWeight * r.specificity / Math.max(1, sharing.size());
    }
  }

  private static double base(Signature sig) {
    return switch (sig.kind()) {
      case TEXT -> Weights.TEXT;
      case STATUS -> Weights.STATUS;
      default -> Weights.OBSERVATION;
    };
  }

  private double specificity(Signature sig, Map<String, Integer> templateIndex) {
    int constraints = 0;
    for (String t : sig.texts()) {
      constraints = Math.max(constraints, templates.get(templateIndex.get(t)).constraintCount());
    }
    return 1 + Weights.CONSTRAINT_BONUS * constraints;
  }

  private Set<String> keys(Signature sig, Map<String, Integer> templateIndex) {
    Set<String> k = new HashSet<>();
    for (String t : sig.texts()) {
      k.add(templates.get(templateIndex.get(t)).matchKey());
    }
    for (HttpStatus st : sig.statuses()) {
      k.add(st.toString());
    }
    sig.observation().ifPresent(o -> k.add(o.key()));
    return k;
  }

  private static boolean intersects(Set<String> a, Set<String> b) {
    for (String x : a) {
      if (b.contains(x)) {
        return true;
      }
    }
    return false;
  }
}
