package io.github.ancmdiag.assertj;

import io.github.ancmdiag.Diagnosis;
import io.github.ancmdiag.DiagnosisReport;
import io.github.ancmdiag.model.Channel;
import io.github.ancmdiag.model.Confidence;
import io.github.ancmdiag.model.Finding;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.regex.Pattern;
import org.assertj.core.error.BasicErrorMessageFactory;
import org.assertj.core.error.ErrorMessageFactory;
import org.jetbrains.annotations.Nullable;

/**
 * The failure messages of the assertions in this package, one named factory per message (AssertJ's
 * {@code ShouldXxx} pattern). Every message gives what was expected, what was found, and then the
 * context that explains it: the whole ranked list of the report, or the diagnosis itself with its
 * evidence when it was checked on its own:
 *
 * <pre>
 * Expecting top diagnosis:
 *   missing-shared-framework
 * but was:
 *   app-pool-stopped (MEDIUM, 0.72)
 * All diagnoses:
 *   1. app-pool-stopped MEDIUM 0.72
 *      + BROWSER "HTTP 503"
 *      - STDOUT_LOG the stdout log was created and has output
 * </pre>
 *
 * <p>Each diagnosis lists its supporting evidence ({@code +}) and contradicting evidence ({@code
 * -}). Every variable part is rendered here and passed unquoted, so the formats hold no text from
 * the evidence and AssertJ's representation does not add quotes. Called by {@link
 * AbstractDiagnosisReportAssert} and {@link AbstractDiagnosisAssert}.
 */
final class DiagnosisErrorMessage extends BasicErrorMessageFactory {
  private static final String NL = System.lineSeparator();
  private static final Pattern LINE_BREAK = Pattern.compile("\r\n|\r|\n");
  /** Indentation of the evidence lines under a diagnosis, and of their continuation lines. */
  private static final String EVIDENCE = "     ";
  private static final String CONTINUATION = "       ";

  private DiagnosisErrorMessage(String format, Object... arguments) {
    super(format, arguments);
  }

  // ---- report assertions ----------------------------------------------------------------------

  static ErrorMessageFactory shouldHaveTopDiagnosis(DiagnosisReport report, String expected) {
    return new DiagnosisErrorMessage("%nExpecting top diagnosis:%n  %s%nbut was:%n  %s%n%s",
        text(expected), text(topLabel(report)), ranked(report));
  }

  static ErrorMessageFactory shouldHaveTopDiagnosis(
      DiagnosisReport report, String expected, Confidence atLeast) {
    return new DiagnosisErrorMessage("%nExpecting top diagnosis:%n  %s (at least %s)%n"
        + "but was:%n  %s%n%s", text(expected), atLeast, text(topLabel(report)), ranked(report));
  }

  static ErrorMessageFactory shouldHaveNoDiagnosisAbove(
      DiagnosisReport report, Confidence level, List<Diagnosis> above) {
    StringBuilder found = new StringBuilder();
    for (Diagnosis d : above) {
      found.append(found.length() == 0 ? "" : NL + "  ").append(label(d));
    }
    return new DiagnosisErrorMessage("%nExpecting no diagnosis with a confidence above:%n  %s%n"
        + "but found:%n  %s%n%s", level, text(found.toString()), ranked(report));
  }

  static ErrorMessageFactory shouldHaveNoDiagnosis(DiagnosisReport report) {
    int n = report.diagnoses().size();
    return new DiagnosisErrorMessage("%nExpecting no diagnosis%nbut found:%n  %s%n%s",
        text(n + (n == 1 ? " diagnosis" : " diagnoses")), ranked(report));
  }

  static ErrorMessageFactory shouldHaveDiagnosis(DiagnosisReport report, String expected) {
    return new DiagnosisErrorMessage("%nExpecting a diagnosis:%n  %s%n"
        + "but the report has none with that entry id.%n%s", text(expected), ranked(report));
  }

  static ErrorMessageFactory shouldNotHaveDiagnosis(DiagnosisReport report, String unexpected) {
    List<Diagnosis> all = report.diagnoses();
    int rank = 0;
    while (!all.get(rank).entryId().equals(unexpected)) {
      rank++;
    }
    return new DiagnosisErrorMessage("%nExpecting no diagnosis:%n  %s%nbut found it at rank %s:%n"
        + "  %s%n%s", text(unexpected), rank + 1, text(label(all.get(rank))), ranked(report));
  }

  static ErrorMessageFactory shouldBeConclusive(DiagnosisReport report) {
    return new DiagnosisErrorMessage("%nExpecting a conclusive report, with a HIGH top diagnosis,%n"
        + "but the top diagnosis was:%n  %s%n%s", text(topLabel(report)), ranked(report));
  }

  static ErrorMessageFactory shouldHaveTopDiagnosisToNavigate(DiagnosisReport report) {
    return new DiagnosisErrorMessage("%nExpecting a top diagnosis to check%n"
        + "but the report has no diagnosis.%n%s", ranked(report));
  }

  // ---- diagnosis assertions -------------------------------------------------------------------

  static ErrorMessageFactory shouldHaveEntryId(
      Diagnosis actual, @Nullable DiagnosisReport report, String expected) {
    return new DiagnosisErrorMessage("%nExpecting diagnosis to have entry id:%n  %s%n"
        + "but was:%n  %s%n%s", text(expected), text(actual.entryId()), context(actual, report));
  }

  static ErrorMessageFactory shouldHaveConfidence(
      Diagnosis actual, @Nullable DiagnosisReport report, Confidence expected) {
    return new DiagnosisErrorMessage("%nExpecting diagnosis %s to have confidence:%n  %s%n"
        + "but was:%n  %s (score %s)%n%s", text(actual.entryId()), expected, actual.confidence(),
        text(score(actual)), context(actual, report));
  }

  static ErrorMessageFactory shouldHaveConfidenceAtLeast(
      Diagnosis actual, @Nullable DiagnosisReport report, Confidence atLeast) {
    return new DiagnosisErrorMessage("%nExpecting diagnosis %s to have confidence at least:%n"
        + "  %s%nbut was:%n  %s (score %s)%n%s", text(actual.entryId()), atLeast,
        actual.confidence(), text(score(actual)), context(actual, report));
  }

  static ErrorMessageFactory shouldHaveParameter(
      Diagnosis actual, @Nullable DiagnosisReport report, String name, String value) {
    String found = actual.parameters().containsKey(name)
        ? name + "=" + actual.parameters().get(name)
        : "no parameter " + name;
    return new DiagnosisErrorMessage("%nExpecting diagnosis %s to have parameter:%n  %s%n"
        + "but was:%n  %s%n%s%n%s", text(actual.entryId()), text(name + "=" + value),
        text(found), parameters(actual), context(actual, report));
  }

  static ErrorMessageFactory shouldHaveParameterNamed(
      Diagnosis actual, @Nullable DiagnosisReport report, String name) {
    return new DiagnosisErrorMessage("%nExpecting diagnosis %s to have parameter:%n  %s%n"
        + "but it has none by that name.%n%s%n%s", text(actual.entryId()), text(name),
        parameters(actual), context(actual, report));
  }

  static ErrorMessageFactory shouldBeSupportedBy(Diagnosis actual,
      @Nullable DiagnosisReport report, Set<Channel> expected, Set<Channel> unsupported) {
    return new DiagnosisErrorMessage("%nExpecting diagnosis %s to be supported by:%n  %s%n"
        + "but it has no supporting evidence from:%n  %s%n%s", text(actual.entryId()),
        text(expected.toString()), text(unsupported.toString()), context(actual, report));
  }

  static ErrorMessageFactory shouldHaveNoContradictions(
      Diagnosis actual, @Nullable DiagnosisReport report) {
    StringBuilder found = new StringBuilder();
    for (Finding f : actual.contradicting()) {
      found.append(found.length() == 0 ? "" : NL + "  ").append("- ").append(finding(f));
    }
    return new DiagnosisErrorMessage("%nExpecting diagnosis %s to have no contradicting evidence%n"
        + "but it had:%n  %s%n%s", text(actual.entryId()), text(found.toString()),
        context(actual, report));
  }

  static ErrorMessageFactory shouldHaveFixStepContaining(
      Diagnosis actual, @Nullable DiagnosisReport report, String expected) {
    StringBuilder steps = new StringBuilder();
    for (int i = 0; i < actual.fix().size(); i++) {
      steps.append(NL).append("  ").append(i + 1).append(". ").append(actual.fix().get(i));
    }
    return new DiagnosisErrorMessage("%nExpecting a fix step of diagnosis %s to contain:%n"
        + "  \"%s\"%nbut its fix steps were:%s%n%s", text(actual.entryId()), text(expected),
        text(steps.length() == 0 ? NL + "  (none)" : steps.toString()), context(actual, report));
  }

  // ---- rendering --------------------------------------------------------------------------------

  /** Wraps rendered text so that AssertJ's representation prints it as is, without quotes. */
  private static CharSequence text(String s) {
    return unquotedString(s);
  }

  /** Renders the best diagnosis as {@code id (MEDIUM, 0.52)}, or says there is none. */
  private static String topLabel(DiagnosisReport report) {
    return report.top().map(DiagnosisErrorMessage::label).orElse("no diagnosis");
  }

  private static String label(Diagnosis d) {
    return d.entryId() + " (" + d.confidence() + ", " + score(d) + ")";
  }

  private static String score(Diagnosis d) {
    return String.format(Locale.ROOT, "%.2f", d.score());
  }

  /** Renders the whole ranked list of a report, each diagnosis with its evidence. */
  private static CharSequence ranked(DiagnosisReport report) {
    StringBuilder sb = new StringBuilder("All diagnoses:");
    List<Diagnosis> all = report.diagnoses();
    if (all.isEmpty()) {
      sb.append(NL).append("  (none; ").append(report.matchedRecordCount()).append(" of ")
          .append(report.recordCount()).append(" records matched a catalog signature)");
    }
    for (int i = 0; i < all.size(); i++) {
      item(sb, "  " + (i + 1) + ". ", all.get(i));
    }
    return text(sb.toString());
  }

  /** Renders the report's ranked list, or the diagnosis alone when it has no report. */
  private static CharSequence context(Diagnosis actual, @Nullable DiagnosisReport report) {
    if (report != null) {
      return ranked(report);
    }
    StringBuilder sb = new StringBuilder("Diagnosis:");
    item(sb, "  ", actual);
    return text(sb.toString());
  }

  private static void item(StringBuilder sb, String prefix, Diagnosis d) {
    sb.append(NL).append(prefix).append(d.entryId()).append(' ').append(d.confidence())
        .append(' ').append(score(d));
    for (Finding f : d.supporting()) {
      sb.append(NL).append(EVIDENCE).append("+ ").append(finding(f));
    }
    for (Finding f : d.contradicting()) {
      sb.append(NL).append(EVIDENCE).append("- ").append(finding(f));
    }
  }

  /** Renders a finding on one line per line of its text, continuation lines indented. */
  private static String finding(Finding f) {
    return LINE_BREAK.matcher(f.toString()).replaceAll(NL + CONTINUATION);
  }

  private static CharSequence parameters(Diagnosis d) {
    StringBuilder sb = new StringBuilder("Parameters of ").append(d.entryId()).append(':');
    if (d.parameters().isEmpty()) {
      sb.append(NL).append("  (none)");
    }
    for (Map.Entry<String, String> p : d.parameters().entrySet()) {
      sb.append(NL).append("  ").append(p.getKey()).append('=').append(p.getValue());
    }
    return text(sb.toString());
  }
}
