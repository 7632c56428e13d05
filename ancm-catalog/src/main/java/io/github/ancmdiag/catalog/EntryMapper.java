package io.github.ancmdiag.catalog;

import io.github.ancmdiag.catalog.internal.EntryDto;
import io.github.ancmdiag.catalog.internal.SignatureDto;
import io.github.ancmdiag.catalog.internal.VariantDto;
import io.github.ancmdiag.internal.text.KebabCase;
import io.github.ancmdiag.model.Channel;
import io.github.ancmdiag.model.HttpStatus;
import io.github.ancmdiag.model.Observation;
import io.github.ancmdiag.model.VersionRange;
import io.github.ancmdiag.rules.Catalog;
import io.github.ancmdiag.rules.CatalogEntry;
import io.github.ancmdiag.rules.Category;
import io.github.ancmdiag.rules.Signature;
import io.github.ancmdiag.rules.Variant;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.stream.Collectors;
import org.jetbrains.annotations.Nullable;

/**
 * Maps an {@link EntryDto} to a {@link CatalogEntry}, checking each field and reporting every
 * problem with its JSON path. Called by {@link CatalogLoader} for each entry file.
 *
 * <p>It checks what the {@code rules} types cannot be built without: required properties, known
 * channel, category and observation keys, version ranges and statuses that parse, exactly one of
 * {@code text}, {@code status} and {@code observation} per signature, weight and event id in range,
 * kebab-case entry and signature ids, the entry id equal to its file name. What {@link
 * Catalog.Builder#build()} checks (unique ids and aliases, summary length, disjoint ranges,
 * templates that compile, captured fix placeholders) is left to it, so nothing is reported twice.
 *
 * <p>An entry with a problem that prevents building it is not built ({@link #map} returns {@code
 * null}), so the builder never sees a partial entry whose shifted indexes or missing captures would
 * give misleading problems. A wrong file name alone does not prevent building. Not thread-safe;
 * one instance per file.
 */
final class EntryMapper {
  private static final double MIN_WEIGHT = 0.1;
  private static final double MAX_WEIGHT = 5.0;
  private static final int MAX_EVENT_ID = 65535;

  private final FileProblems problems;
  private int failures;

  private EntryMapper(FileProblems problems) {
    this.problems = problems;
  }

  /**
   * Maps an entry.
   *
   * @param dto the entry as read
   * @param fileId the file name without {@code .json}, which must equal the id; {@code null} when
   *     the entry does not come from a named {@code .json} file
   * @param problems where to report
   * @return the entry, or {@code null} when a problem prevents building it
   */
  static @Nullable CatalogEntry map(EntryDto dto, @Nullable String fileId, FileProblems problems) {
    return new EntryMapper(problems).entry(dto, fileId);
  }

  private @Nullable CatalogEntry entry(EntryDto dto, @Nullable String fileId) {
    String id = required(dto.id(), "$.id");
    if (id != null && !KebabCase.matches(id)) {
      fail("$.id", "the id '" + id + "' is not lowercase kebab-case");
    } else if (id != null && fileId != null && !id.equals(fileId)) {
      // reported, but the entry is still built: the builder then finds a duplicate id too
      problems.add("$.id", "the id '" + id + "' does not match the file name '" + fileId
          + ".json'; an entry file is named after its id");
    }
    List<String> aliases = strings(dto.aliases(), "$.aliases", "alias");
    Category category = category(dto.category());
    String title = required(dto.title(), "$.title");
    String summary = required(dto.summary(), "$.summary");
    List<Variant> variants = variants(dto.variants());
    List<String> fix = steps(dto.fix(), "$.fix");
    List<String> sources = strings(dto.sources(), "$.sources", "source");
    if (failures > 0) {
      return null;
    }
    try {
      return new CatalogEntry(id, aliases, category, title, summary, variants, fix, sources);
    } catch (IllegalArgumentException e) {
      fail("$", e.getMessage());
      return null;
    }
  }

  private @Nullable Category category(@Nullable String key) {
    String path = "$.category";
    if (required(key, path) == null) {
      return null;
    }
    return Category.fromKey(key).orElseGet(() -> {
      fail(path, "unknown category '" + key + "'; expected one of " + Arrays.stream(
          Category.values()).map(Category::key).collect(Collectors.joining(", ")));
      return null;
    });
  }

  private List<Variant> variants(@Nullable List<VariantDto> dtos) {
    String path = "$.variants";
    List<Variant> variants = new ArrayList<>();
    if (dtos == null) {
      missing(path);
    } else if (dtos.isEmpty()) {
      fail(path, "the entry has no variants; it needs at least one");
    } else {
      for (int v = 0; v < dtos.size(); v++) {
        Variant variant = variant(dtos.get(v), FileProblems.element(path, v));
        if (variant != null) {
          variants.add(variant);
        }
      }
    }
    return variants;
  }

  private @Nullable Variant variant(@Nullable VariantDto dto, String path) {
    if (dto == null) {
      nullElement(path, "an object");
      return null;
    }
    int before = failures;
    VersionRange versions = versions(dto.versions(), path + ".versions");
    List<Signature> signatures = new ArrayList<>();
    String sigPath = path + ".signatures";
    if (dto.signatures() == null) {
      missing(sigPath);
    } else if (dto.signatures().isEmpty()) {
      fail(sigPath, "the variant has no signatures; it needs at least one");
    } else {
      for (int s = 0; s < dto.signatures().size(); s++) {
        Signature signature = signature(dto.signatures().get(s), FileProblems.element(sigPath, s));
        if (signature != null) {
          signatures.add(signature);
        }
      }
    }
    List<String> fix = steps(dto.fix(), path + ".fix");
    if (failures > before) {
      return null;
    }
    try {
      return new Variant(versions, signatures, fix);
    } catch (IllegalArgumentException e) {
      fail(path, e.getMessage());
      return null;
    }
  }

  private @Nullable VersionRange versions(@Nullable String text, String path) {
    if (required(text, path) == null) {
      return null;
    }
    if (text.isBlank()) {
      fail(path, "the version range is blank; write '*' for every version");
      return null;
    }
    try {
      return VersionRange.parse(text);
    } catch (IllegalArgumentException e) {
      fail(path, e.getMessage());
      return null;
    }
  }

  private @Nullable Signature signature(@Nullable SignatureDto dto, String path) {
    if (dto == null) {
      nullElement(path, "an object");
      return null;
    }
    int before = failures;
    String id = required(dto.id(), path + ".id");
    if (id != null && !KebabCase.matches(id)) {
      fail(path + ".id", "the signature id '" + id + "' is not lowercase kebab-case");
    }
    Channel channel = channel(dto.channel(), path + ".channel");
    List<String> kinds = new ArrayList<>();
    if (dto.text() != null) {
      kinds.add("text");
    }
    if (dto.status() != null) {
      kinds.add("status");
    }
    if (dto.observation() != null) {
      kinds.add("observation");
    }
    boolean droppedKind = problems.isDropped(path + ".text")
        || problems.isDropped(path + ".status") || problems.isDropped(path + ".observation");
    if (kinds.isEmpty() && !droppedKind) {
      fail(path, "the signature has none of 'text', 'status' and 'observation'; give exactly one");
    } else if (kinds.size() > 1) {
      fail(path, "the signature has both '" + String.join("' and '", kinds)
          + "'; give exactly one of 'text', 'status' and 'observation'");
    }
    Integer eventId = dto.eventId();
    if (eventId != null && (eventId < 1 || eventId > MAX_EVENT_ID)) {
      fail(path + ".eventId", "the event id " + eventId + " is outside 1 to " + MAX_EVENT_ID);
    }
    Double weight = dto.weight();
    if (weight != null && !(weight >= MIN_WEIGHT && weight <= MAX_WEIGHT)) {
      fail(path + ".weight", "the weight " + weight + " is outside " + MIN_WEIGHT + " to "
          + MAX_WEIGHT);
    }
    Double prior = dto.prior();
    if (prior != null && !(prior >= Signature.MIN_PRIOR && prior <= 1.0)) {
      fail(path + ".prior", "the prior " + prior + " is outside " + Signature.MIN_PRIOR + " to 1");
    }
    String priorSource = dto.priorSource();
    if (prior != null && (priorSource == null || priorSource.isBlank())) {
      fail(path + ".priorSource", "a prior needs 'priorSource': where its frequency comes from");
    } else if (prior == null && priorSource != null) {
      fail(path + ".priorSource", "'priorSource' without a 'prior'");
    }
    Signature signature = null;
    if (kinds.size() == 1) {
      switch (kinds.get(0)) {
        case "text":
          signature = text(id, channel, dto.text(), path + ".text");
          break;
        case "status":
          signature = status(id, channel, dto.status(), path);
          break;
        default:
          signature = observation(id, channel, dto.observation(), path + ".observation");
          break;
      }
    }
    if (failures > before || signature == null) {
      return null;
    }
    try {
      if (weight != null) {
        signature = signature.withWeight(weight);
      }
      if (prior != null) {
        signature = signature.withPrior(prior, priorSource);
      }
      if (Boolean.TRUE.equals(dto.against())) {
        signature = signature.asContrary();
      }
      return eventId == null ? signature : signature.withEventId(eventId);
    } catch (IllegalArgumentException e) {
      fail(path, e.getMessage());
      return null;
    }
  }

  private @Nullable Signature text(
      @Nullable String id, @Nullable Channel channel, List<String> templates, String path) {
    if (templates.isEmpty()) {
      fail(path, "'text' is empty; give at least one template");
    }
    for (int t = 0; t < templates.size(); t++) {
      String template = templates.get(t);
      if (template == null) {
        nullElement(FileProblems.element(path, t), "a template");
      } else if (template.isBlank()) {
        fail(FileProblems.element(path, t), "the template is blank");
      }
    }
    return build(() -> Signature.text(id, channel, templates), path);
  }

  private @Nullable Signature status(
      @Nullable String id, @Nullable Channel channel, List<String> texts, String path) {
    String statusPath = path + ".status";
    if (channel != null && channel != Channel.BROWSER) {
      fail(path + ".channel", "a status signature belongs to the BROWSER channel, not "
          + channel);
    }
    if (texts.isEmpty()) {
      fail(statusPath, "'status' is empty; give at least one status");
    }
    List<HttpStatus> statuses = new ArrayList<>();
    for (int s = 0; s < texts.size(); s++) {
      String text = texts.get(s);
      String elementPath = FileProblems.element(statusPath, s);
      if (text == null) {
        nullElement(elementPath, "a status");
        continue;
      }
      try {
        HttpStatus status = HttpStatus.parse(text);
        if (!status.toString().equals(text)) {
          fail(elementPath, "the status '" + text + "' is not written as a bare status; write '"
              + status + "'");
        }
        statuses.add(status);
      } catch (IllegalArgumentException e) {
        fail(elementPath, e.getMessage());
      }
    }
    return build(() -> Signature.status(id, statuses), statusPath);
  }

  private @Nullable Signature observation(
      @Nullable String id, @Nullable Channel channel, String key, String path) {
    Observation observation = Observation.fromKey(key).orElse(null);
    if (observation == null) {
      fail(path, "unknown observation '" + key + "'; expected one of " + Arrays.stream(
          Observation.values()).map(Observation::key).collect(Collectors.joining(", ")));
    } else if (!observation.key().equals(key)) {
      fail(path, "the observation '" + key + "' is written '" + observation.key() + "'");
    }
    return build(() -> Signature.observation(id, channel, observation), path);
  }

  /** Builds a signature once its parts are known to be valid; {@code null} otherwise. */
  private @Nullable Signature build(SignatureFactory factory, String path) {
    if (failures > 0) {
      return null;
    }
    try {
      return factory.create();
    } catch (IllegalArgumentException | NullPointerException e) {
      fail(path, String.valueOf(e.getMessage()));
      return null;
    }
  }

  private @Nullable Channel channel(@Nullable String name, String path) {
    if (required(name, path) == null) {
      return null;
    }
    for (Channel channel : Channel.values()) {
      if (channel.name().equals(name)) {
        return channel;
      }
    }
    fail(path, "unknown channel '" + name + "'; expected one of " + Arrays.stream(
        Channel.values()).map(Channel::name).collect(Collectors.joining(", ")));
    return null;
  }

  /** An optional list of fix steps: absent is empty; every step a non-blank string. */
  private List<String> steps(@Nullable List<String> steps, String path) {
    List<String> checked = strings(steps, path, "fix step");
    for (int i = 0; i < checked.size(); i++) {
      if (checked.get(i).isBlank()) {
        fail(FileProblems.element(path, i), "the fix step is blank");
      }
    }
    return checked;
  }

  /** An optional list of strings: absent is empty; a null element is a problem. */
  private List<String> strings(@Nullable List<String> values, String path, String what) {
    if (values == null) {
      return List.of();
    }
    List<String> out = new ArrayList<>();
    for (int i = 0; i < values.size(); i++) {
      if (values.get(i) == null) {
        nullElement(FileProblems.element(path, i), "a " + what);
      } else {
        out.add(values.get(i));
      }
    }
    return out;
  }

  private @Nullable String required(@Nullable String value, String path) {
    if (value == null) {
      missing(path);
    }
    return value;
  }

  private void missing(String path) {
    if (problems.isDropped(path)) {
      failures++; // its value had the wrong type, which is reported already
    } else {
      String name = path.substring(path.lastIndexOf('.') + 1);
      fail(path, "the required property '" + name + "' is missing or null");
    }
  }

  private void nullElement(String path, String expected) {
    if (problems.isDropped(path)) {
      failures++;
    } else {
      fail(path, "the element is null; expected " + expected);
    }
  }

  private void fail(String path, String message) {
    problems.add(path, message);
    failures++;
  }

  /** A deferred {@link Signature} factory call. */
  @FunctionalInterface
  private interface SignatureFactory {
    Signature create();
  }
}
