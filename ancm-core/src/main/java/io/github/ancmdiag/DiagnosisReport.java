package io.github.ancmdiag;

import io.github.ancmdiag.model.AspNetCoreVersion;
import io.github.ancmdiag.model.Confidence;
import io.github.ancmdiag.model.VersionRange;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import org.jetbrains.annotations.NotNull;
import org.jetbrains.annotations.Nullable;
import org.jetbrains.annotations.Unmodifiable;

/**
 * The ranked causes of one incident, best first. Several causes often share a symptom; when the
 * evidence cannot tell them apart the report says so with close scores and no {@link
 * Confidence#HIGH} diagnosis, rather than a confident guess. Immutable and thread-safe.
 */
public final class DiagnosisReport {
  private final List<Diagnosis> diagnoses;
  private final AspNetCoreVersion version;
  private final VersionRange inferred;
  private final int records;
  private final int recordsMatched;

  DiagnosisReport(List<Diagnosis> diagnoses, @Nullable AspNetCoreVersion version,
      @Nullable VersionRange inferred, int records, int recordsMatched) {
    this.diagnoses = List.copyOf(diagnoses);
    this.version = version;
    this.inferred = inferred;
    this.records = records;
    this.recordsMatched = recordsMatched;
  }

  /**
   * Returns every cause the evidence supports, best first.
   *
   * @return the diagnoses; empty when nothing in the evidence matches the catalog
   */
  public @NotNull @Unmodifiable List<Diagnosis> diagnoses() {
    return diagnoses;
  }

  /**
   * Returns the best diagnosis.
   *
   * @return the first diagnosis, or empty when there is none
   */
  public @NotNull Optional<Diagnosis> top() {
    return diagnoses.isEmpty() ? Optional.empty() : Optional.of(diagnoses.get(0));
  }

  /**
   * Finds the diagnosis for a catalog entry.
   *
   * @param entryId an entry id
   * @return the diagnosis, or empty when the evidence does not support that entry
   */
  public @NotNull Optional<Diagnosis> diagnosis(@NotNull String entryId) {
    Objects.requireNonNull(entryId, "entryId");
    return diagnoses.stream().filter(d -> d.entryId().equals(entryId)).findFirst();
  }

  /**
   * Tells whether the best diagnosis is {@link Confidence#HIGH}.
   *
   * @return true when one cause clearly stands out
   */
  public boolean isConclusive() {
    return top().map(d -> d.confidence() == Confidence.HIGH).orElse(false);
  }

  /**
   * Returns the ASP.NET Core version the diagnosis assumed, when it was known.
   *
   * @return the known version, or empty
   */
  public @NotNull Optional<AspNetCoreVersion> aspNetCoreVersion() {
    return Optional.ofNullable(version);
  }

  /**
   * Returns the version range the evidence points to when the version was not known: the range of
   * the best diagnosis's variant, when the wording of the evidence singles one out.
   *
   * @return the inferred range, or empty when the version was known or the evidence does not tell
   */
  public @NotNull Optional<VersionRange> inferredVersions() {
    return Optional.ofNullable(inferred);
  }

  /**
   * Returns how many records the evidence held.
   *
   * @return the record count
   */
  public int recordCount() {
    return records;
  }

  /**
   * Returns how many records matched at least one catalog signature.
   *
   * @return the matched record count
   */
  public int matchedRecordCount() {
    return recordsMatched;
  }

  @Override
  public String toString() {
    StringBuilder sb = new StringBuilder();
    for (int i = 0; i < diagnoses.size(); i++) {
      Diagnosis d = diagnoses.get(i);
      sb.append(i + 1).append(". ").append(d).append(' ').append(d.confidence())
          .append(String.format(java.util.Locale.ROOT, " %.2f", d.score()))
          .append(System.lineSeparator());
    }
    return sb.length() == 0 ? "(no diagnosis)" : sb.toString().trim();
  }
}
