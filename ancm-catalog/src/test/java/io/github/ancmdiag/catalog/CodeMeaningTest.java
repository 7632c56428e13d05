package io.github.ancmdiag.catalog;

import static org.assertj.core.api.Assertions.assertThat;

import io.github.ancmdiag.Diagnoser;
import io.github.ancmdiag.Diagnosis;
import io.github.ancmdiag.DiagnosisReport;
import io.github.ancmdiag.Evidence;
import io.github.ancmdiag.model.Finding;
import io.github.ancmdiag.rules.Catalog;
import io.github.ancmdiag.rules.CatalogEntry;
import io.github.ancmdiag.rules.Signature;
import io.github.ancmdiag.rules.Variant;
import java.util.HashSet;
import java.util.Locale;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/**
 * Codes carry meaning: an exit code, HRESULT or NTSTATUS inside an ANCM start-failure event (or a
 * Windows event around it) puts first the cause the reference says the code stands for, through a
 * signature pinned to that code, which weighs more than the generic one that takes any code. An
 * exit code of the app's own (a crash, a stack overflow) stays with the generic signature of the
 * app's failure. A malformed or out-of-range code, or a code in text that is not such an event,
 * counts for no cause.
 *
 * <p>Each row names the code, the {@link Shape} of the event it sits in (the event's text with
 * the code put in), and the cause expected first.
 */
class CodeMeaningTest {
  private static final Catalog CATALOG = BundledCatalog.load();
  private static final Diagnoser DIAGNOSER = Diagnoser.builder().catalog(CATALOG).build();
  /** A capture pinned to a code: any HEX value, or an HRESULT other than V1's "it exited" E_FAIL. */
  private static final Pattern PINNED_VALUE =
      Pattern.compile("\\{\\w+:(?:HEX|HRESULT)=(?!0x80004005\\})(\\w+)\\}",
          Pattern.CASE_INSENSITIVE);

  /** The events a code sits in, each with its own app, paths and command line. */
  enum Shape {
    /** ANCM V1 (ASP.NET Core 1.x to 2.1) start error: the quote after the exit code. */
    V1("Application 'MACHINE/WEBROOT/APPHOST/LEDGER' with physical root 'E:\\Apps\\Ledger\\'"
        + " failed to start process with commandline '\"dotnet\" .\\Ledger.Web.dll', ErrorCode"
        + " = '0x80004005 : {code}."),
    /** The V1 module of the 2.2 bundle: the quote after the HRESULT. */
    V1_BUNDLE("Application 'MACHINE/WEBROOT/APPHOST/Default Web Site/hr' with physical root"
        + " 'C:\\inetpub\\hr\\' failed to start process with commandline 'dotnet"
        + " .\\Hr.Portal.dll --urls http://localhost:5123', ErrorCode = '0x80004005' : {code}."),
    /** V1 when CreateProcess itself fails: the HRESULT is the code, the exit code is 0. */
    V1_CREATE("Application 'MACHINE/WEBROOT/APPHOST/TILL' with physical root"
        + " 'D:\\Sites\\Till\\' failed to start process with commandline"
        + " 'C:\\Tools\\dotnet\\dotnet.exe .\\Till.dll', ErrorCode = '{code} : 0."),
    /** V2 out-of-process, one warning per try, with the stage that failed. */
    V2_STAGE("Application '/LM/W3SVC/12/ROOT/api' with physical root 'D:\\Web\\Orders.Api\\'"
        + " failed to start process with commandline '.\\Orders.Api.exe ' at stage"
        + " 'CreateProcessW', ErrorCode = '{code}', assigned port 21934, retryCounter '1'."),
    /** V2 event 1010 from the shim when creating the application fails. */
    V2_ADD_APPLICATION("Failed to start application '/LM/W3SVC/31/ROOT', ErrorCode '{code}'."),
    /** V2 event 1007 when in-process initialization of the host fails (5.0+ wording). */
    V2_INIT("Application '/LM/W3SVC/4/ROOT' with physical root 'C:\\inetpub\\wwwroot\\Quotes\\'"
        + " failed to load coreclr. Exception message:\r\nError occurred when initializing"
        + " in-process application, Return code: {code}, Error logs: see the stdout log"),
    /** The Windows 'Application Error' event when a process crashes. */
    APPLICATION_ERROR("Faulting application name: dotnet.exe, version: 8.0.1124.51707, time"
        + " stamp: 0x6733f1a0\r\nFaulting module name: KERNELBASE.dll, version: 10.0.20348.2849,"
        + " time stamp: 0x2b1c3d55\r\nException code: {code}\r\nFault offset:"
        + " 0x000000000003f3bc\r\nFaulting process id: 0x2f1c\r\nFaulting application path:"
        + " C:\\Program Files\\dotnet\\dotnet.exe");

    final String text;

    Shape(String text) {
      this.text = text;
    }

    String with(String code) {
      return text.replace("{code}", code);
    }
  }

  @ParameterizedTest(name = "{0} in {1} -> {2}")
  @CsvSource(delimiter = '|', textBlock = """
      80008096   | V1                 | missing-shared-framework
      80008083   | V1_BUNDLE          | missing-shared-framework
      8000808c   | V1                 | missing-shared-framework
      8000808C   | V1_BUNDLE          | missing-shared-framework
      0x80008096 | V2_INIT            | missing-shared-framework
      0x8000808c | V2_INIT            | missing-shared-framework
      80008081   | V1_BUNDLE          | wrong-aspnetcore-arguments
      80008094   | V1                 | wrong-aspnetcore-arguments
      8000809b   | V1_BUNDLE          | wrong-aspnetcore-arguments
      8000809a   | V1                 | wrong-aspnetcore-arguments
      0x80008081 | V2_INIT            | wrong-aspnetcore-arguments
      80008082   | V1                 | wrong-processpath-or-runtime-missing
      80008084   | V1_BUNDLE          | wrong-processpath-or-runtime-missing
      80008085   | V1                 | wrong-processpath-or-runtime-missing
      80008087   | V1_BUNDLE          | wrong-processpath-or-runtime-missing
      80008088   | V1                 | wrong-processpath-or-runtime-missing
      8000808e   | V1_BUNDLE          | wrong-processpath-or-runtime-missing
      c0000135   | V1                 | wrong-processpath-or-runtime-missing
      c0000005   | V1_BUNDLE          | wrong-processpath-or-runtime-missing
      0x80070002 | V1_CREATE          | wrong-processpath-or-runtime-missing
      0x80070003 | V1_CREATE          | wrong-processpath-or-runtime-missing
      0x80070002 | V2_STAGE           | wrong-processpath-or-runtime-missing
      0x80070003 | V2_STAGE           | wrong-processpath-or-runtime-missing
      0x8007023e | V2_ADD_APPLICATION | wrong-processpath-or-runtime-missing
      0xc0000135 | APPLICATION_ERROR  | wrong-processpath-or-runtime-missing
      0x80070005 | V1_CREATE          | wrong-role-module-not-installed-or-permissions
      0x80070005 | V2_STAGE           | wrong-role-module-not-installed-or-permissions
      0x800700c1 | V1_CREATE          | platform-conflicts-with-rid
      0x800700c1 | V2_STAGE           | platform-conflicts-with-rid
      ff         | V1                 | platform-conflicts-with-rid
      0x800700c1 | V2_ADD_APPLICATION | hostfxr-load-failure
      0x80008093 | V2_INIT            | app-configuration-general
      0xe0434352 | APPLICATION_ERROR  | app-configuration-general
      0xc00000fd | APPLICATION_ERROR  | app-configuration-general
      """)
  void should_put_the_cause_the_code_stands_for_first_when_the_code_sits_in_the_event(
      String code, Shape shape, String expected) {
    // given
    Evidence evidence = Evidence.builder().eventLog(shape.with(code)).build();

    // when
    DiagnosisReport report = DIAGNOSER.diagnose(evidence);

    // then: the cause, with the code among its values, supported by a signature pinned to it
    assertThat(report.top()).as("%s", report).map(Diagnosis::entryId).contains(expected);
    Diagnosis top = report.top().orElseThrow();
    assertThat(top.parameters().values()).as("values of %s", top)
        .anySatisfy(v -> assertThat(v).isEqualToIgnoringCase(code));
    assertThat(top.supporting()).as("support of %s", top)
        .anySatisfy(f -> assertThat(pinsTheCode(top.entryId(), f, code)).isTrue());
  }

  @ParameterizedTest(name = "{0} in {1}")
  @CsvSource(delimiter = '|', textBlock = """
      e0434352   | V1
      E0434352   | V1_BUNDLE
      c00000fd   | V1_BUNDLE
      80008093   | V1
      1          | V1
      """)
  void should_leave_the_exit_code_to_the_app_when_no_other_cause_claims_it(String code,
      Shape shape) {
    // given: the process started and exited with a code of its own (a crash, a stack overflow,
    // a bad runtimeconfig.json): the generic start-failure signature takes it
    Evidence evidence = Evidence.builder().eventLog(shape.with(code)).build();

    // when
    DiagnosisReport report = DIAGNOSER.diagnose(evidence);

    // then
    assertThat(report.top()).as("%s", report).map(Diagnosis::entryId)
        .contains("app-configuration-general");
    assertThat(report.top().orElseThrow().parameter("exitCode")).hasValueSatisfying(
        v -> assertThat(v).isEqualToIgnoringCase(code));
    for (Diagnosis d : report.diagnoses()) {
      assertThat(d.supporting()).as("support of %s in %s", d.entryId(), report)
          .noneSatisfy(f -> assertThat(pinsACode(d.entryId(), f)).isTrue());
    }
  }

  @ParameterizedTest(name = "{0} in {1}")
  @CsvSource(delimiter = '|', textBlock = """
      8000809g      | V1
      8000809       | V1_BUNDLE
      -2147450730   | V1
      8000 8096     | V1_BUNDLE
      0x8007000z    | V1_CREATE
      0x1800700c1   | V1_CREATE
      0x8007005     | V2_STAGE
      0x8000fffff   | V2_ADD_APPLICATION
      0x8000809     | V2_INIT
      0xc000013     | APPLICATION_ERROR
      0xc00001355   | APPLICATION_ERROR
      """)
  void should_count_the_code_for_no_cause_when_it_is_malformed_or_out_of_range(String code,
      Shape shape) {
    // given
    Evidence evidence = Evidence.builder().eventLog(shape.with(code)).build();

    // when
    DiagnosisReport report = DIAGNOSER.diagnose(evidence);

    // then: no cause is supported by a signature pinned to a code
    for (Diagnosis d : report.diagnoses()) {
      assertThat(d.supporting()).as("support of %s in %s", d.entryId(), report)
          .noneSatisfy(f -> assertThat(pinsACode(d.entryId(), f)).isTrue());
    }
  }

  @ParameterizedTest(name = "{0}")
  @CsvSource(delimiter = '|', textBlock = """
      The nightly backup job failed with exit code 80008096 after 3 retries.
      Installer log: ErrorCode = '0x80004005 : 8000808c' while copying C:\\Temp\\setup.cab
      Robocopy reported 0x80070005 : 0 for \\\\fileserver\\share\\reports
      Exception code: 0xc0000135 was reported by the printer driver service
      Return code: 0x80008081 from the database migration script
      """)
  void should_diagnose_nothing_when_the_code_sits_in_text_unrelated_to_ancm(String text) {
    // given
    Evidence evidence = Evidence.builder().eventLog(text).build();

    // when
    DiagnosisReport report = DIAGNOSER.diagnose(evidence);

    // then
    assertThat(report.diagnoses()).as("%s", report).isEmpty();
  }

  /** Tells whether the finding's signature, in the entry's catalog data, pins this code. */
  private static boolean pinsTheCode(String entryId, Finding finding, String code) {
    String pin = "=" + code.toLowerCase(Locale.ROOT) + "}";
    return texts(entryId, finding.signatureId()).stream()
        .anyMatch(t -> t.toLowerCase(Locale.ROOT).contains(pin));
  }

  /** Tells whether the finding's signature pins any code. */
  /**
   * Tells whether the finding's signature pins the code the finding shows: one of its templates
   * pins a value that stands as a word in the matched text (a signature may also hold a pinned
   * alternative for another code).
   */
  private static boolean pinsACode(String entryId, Finding finding) {
    for (String t : texts(entryId, finding.signatureId())) {
      Matcher m = PINNED_VALUE.matcher(t);
      while (m.find()) {
        String value = m.group(1).toLowerCase(Locale.ROOT).replaceFirst("^0x", "");
        if (Pattern.compile("\\b(0x)?" + Pattern.quote(value) + "\\b")
            .matcher(finding.detail().toLowerCase(Locale.ROOT)).find()) {
          return true;
        }
      }
    }
    return false;
  }

  /** The templates of every variant's signature of that id in the entry. */
  private static Set<String> texts(String entryId, String signatureId) {
    Set<String> texts = new HashSet<>();
    CatalogEntry entry = CATALOG.entry(entryId).orElseThrow();
    for (Variant v : entry.variants()) {
      for (Signature s : v.signatures()) {
        if (s.id().equals(signatureId)) {
          texts.addAll(s.texts());
        }
      }
    }
    return texts;
  }
}
