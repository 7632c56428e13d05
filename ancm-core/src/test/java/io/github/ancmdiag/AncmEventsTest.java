package io.github.ancmdiag;

import static org.assertj.core.api.Assertions.assertThat;

import io.github.ancmdiag.input.LogRecord;
import io.github.ancmdiag.internal.event.AncmEventFormats;
import io.github.ancmdiag.model.AncmEventKind;
import io.github.ancmdiag.model.AncmModule;
import io.github.ancmdiag.model.AspNetCoreVersion;
import io.github.ancmdiag.model.Channel;
import io.github.ancmdiag.model.Parameter;
import io.github.ancmdiag.model.VersionRange;
import io.github.ancmdiag.rules.Catalog;
import io.github.ancmdiag.rules.CatalogEntry;
import io.github.ancmdiag.rules.Category;
import io.github.ancmdiag.rules.Signature;
import io.github.ancmdiag.rules.Variant;
import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.stream.Collectors;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * Every ANCM event format is named by {@code classify}, the normal ones too, with its id, era,
 * kind and typed values: one positive case per format with values of our own
 * ({@code ancm-event-cases.tsv}), on a catalog that knows none of them.
 */
class AncmEventsTest {
  private static final Catalog CATALOG = Catalog.builder().version("events")
      .add(new CatalogEntry("add-application-failed", List.of(), Category.RUNTIME, "t", "s.",
          List.of(Variant.of(VersionRange.ALL, List.of(Signature.text("add", Channel.EVENT_LOG,
              List.of("Failed to start application '{appId:APP_ID}', ErrorCode "
                  + "'{hresult:HRESULT=0x8000ffff}'."))))),
          List.of("fix"), List.of("test")))
      .build();
  private static final Diagnoser DIAGNOSER = Diagnoser.builder().catalog(CATALOG).build();

  /** One case: the format, the record, the values expected. */
  record Case(String format, LogRecord record, Map<String, String> parameters) {
    @Override
    public String toString() {
      return format;
    }
  }

  static List<Case> cases() {
    List<Case> cases = new ArrayList<>();
    try (InputStream in = AncmEventsTest.class.getResourceAsStream("ancm-event-cases.tsv");
        BufferedReader r = new BufferedReader(new InputStreamReader(in, StandardCharsets.UTF_8))) {
      String line;
      while ((line = r.readLine()) != null) {
        if (line.isBlank() || line.startsWith("#")) {
          continue;
        }
        String[] col = line.split("\t", -1);
        Map<String, String> params = new LinkedHashMap<>();
        if (col.length > 2 && !col[2].isEmpty()) {
          for (String kv : col[2].split("\\|")) {
            int eq = kv.indexOf('=');
            params.put(kv.substring(0, eq), kv.substring(eq + 1));
          }
        }
        String text = col[1].replace("\\r\\n", "\r\n");
        LogRecord record;
        if (text.startsWith("@")) {
          String[] id = text.substring(1).split("@", 3);
          record = LogRecord.builder(Channel.EVENT_LOG, id.length > 2 ? id[2] : "any text")
              .eventId(Integer.parseInt(id[0])).provider(id[1]).build();
        } else {
          record = LogRecord.of(Channel.EVENT_LOG, text);
        }
        cases.add(new Case(col[0], record, params));
      }
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
    return cases;
  }

  private static AncmEventFormats.Format format(String name) {
    return AncmEventFormats.bundled().stream().filter(f -> f.name().equals(name)).findFirst()
        .orElseThrow(() -> new AssertionError("no format " + name));
  }

  @Test
  void should_have_a_positive_case_for_every_format() {
    // given
    Set<String> formats = AncmEventFormats.bundled().stream().map(AncmEventFormats.Format::name)
        .collect(Collectors.toSet());

    // when
    Set<String> covered = cases().stream().map(Case::format).collect(Collectors.toSet());

    // then
    assertThat(covered).containsExactlyInAnyOrderElementsOf(formats);
    assertThat(formats).hasSize(87);
  }

  @ParameterizedTest(name = "{0}")
  @MethodSource("cases")
  void should_name_the_event_its_era_kind_and_values(Case c) {
    // given
    AncmEventFormats.Format expected = format(c.format());

    // when
    Classification got = DIAGNOSER.classify(c.record());

    // then
    assertThat(got.events()).extracting(AncmEvent::format).contains(c.format());
    AncmEvent event = got.events().stream().filter(e -> e.format().equals(c.format()))
        .findFirst().orElseThrow();
    assertThat(event.eventId()).isEqualTo(expected.eventId());
    assertThat(event.module()).isEqualTo(expected.module());
    assertThat(event.versions()).isEqualTo(expected.versions());
    assertThat(event.kind()).isEqualTo(expected.kind());
    assertThat(event.isComplete()).isTrue();
    assertThat(got.isFailure()).isEqualTo(expected.kind() == AncmEventKind.FAILURE);
    for (Map.Entry<String, String> p : c.parameters().entrySet()) {
      assertThat(event.parameter(p.getKey())).as(p.getKey()).map(Parameter::value)
          .hasValue(p.getValue());
    }
  }

  @ParameterizedTest(name = "{0}")
  @MethodSource("cases")
  void should_name_exactly_one_format_when_the_provider_and_id_are_known(Case c) {
    // given
    AncmEventFormats.Format expected = format(c.format());
    String provider = expected.module() == AncmModule.V2
        ? "IIS AspNetCore Module V2" : "IIS AspNetCore Module";
    LogRecord record = LogRecord.builder(Channel.EVENT_LOG, c.record().text())
        .eventId(c.record().eventId() != 0 ? c.record().eventId() : Math.max(1, expected.eventId()))
        .provider(c.record().provider().isEmpty() ? provider : c.record().provider()).build();
    // formats of the same id and module whose texts fold to the same (2.2's "message: %s" and
    // 3.0's "message:\r\n%s"): the wording cannot tell them apart, so both are named
    List<String> sameText = AncmEventFormats.bundled().stream()
        .filter(f -> f.template() != null && expected.template() != null
            && f.eventId() == expected.eventId() && f.module() == expected.module()
            && f.template().matchKey().equals(expected.template().matchKey()))
        .map(AncmEventFormats.Format::name).toList();

    // when
    List<AncmEvent> events = DIAGNOSER.classify(record).events();

    // then
    if (expected.template() != null) {
      assertThat(events).extracting(AncmEvent::format)
          .containsExactlyInAnyOrderElementsOf(sameText);
    } else {
      assertThat(events).extracting(AncmEvent::format).contains(c.format())
          .allMatch(f -> format(f).eventId() == expected.eventId());
    }
  }

  @Test
  void should_name_both_modules_of_a_text_they_share_when_the_record_does_not_tell() {
    // given
    String text = "Maximum rapid fail count per minute of '5' exceeded.";

    // when
    List<AncmEvent> bare = DIAGNOSER.classify(Channel.EVENT_LOG, text).events();
    List<AncmEvent> v1 = DIAGNOSER.classify(LogRecord.builder(Channel.EVENT_LOG, text)
        .provider("IIS Express AspNetCore Module").eventId(1003).build()).events();

    // then
    assertThat(bare).extracting(AncmEvent::module)
        .containsExactlyInAnyOrder(AncmModule.V1, AncmModule.V2);
    assertThat(v1).extracting(AncmEvent::format).containsExactly("v1-rapid-fail-count-exceeded");
  }

  @Test
  void should_tell_the_in_process_file_change_recycle_from_the_out_of_process_one_by_id() {
    // given
    String text = "Application 'D:\\web\\news\\' was recycled after detecting file change in "
        + "application directory.";

    // when
    List<AncmEvent> inProcess = DIAGNOSER.classify(LogRecord.builder(Channel.EVENT_LOG, text)
        .provider("IIS AspNetCore Module V2").eventId(1012).build()).events();
    List<AncmEvent> outOfProcess = DIAGNOSER.classify(LogRecord.builder(Channel.EVENT_LOG, text)
        .provider("IIS AspNetCore Module V2").eventId(1021).build()).events();

    // then
    assertThat(inProcess).extracting(AncmEvent::format).containsExactly("recycle-file-change");
    assertThat(outOfProcess).extracting(AncmEvent::format)
        .containsExactly("recycle-file-change-out-of-process");
    assertThat(inProcess.get(0).kind()).isEqualTo(AncmEventKind.RECYCLED);
  }

  @Test
  void should_find_the_event_inside_a_debug_log_copy_and_a_line_with_a_prefix() {
    // given
    String debug = "[aspnetcorev2.dll] Event Log: 'Application 'C:\\sites\\pay\\' started "
        + "successfully.' \r\nEnd Event Log Message.";
    String prefixed = "2024-05-02T10:11:12Z WEB07 Application \"IIS AspNetCore Module V2\" "
        + "Information EventID=1032: Application 'C:\\sites\\pay\\' started successfully.";

    // when
    Classification fromDebug = DIAGNOSER.classify(Channel.DEBUG_LOG, debug);
    Classification fromLine = DIAGNOSER.classify(Channel.EVENT_LOG, prefixed);

    // then
    assertThat(Stream.of(fromDebug, fromLine)).allSatisfy(c -> {
      assertThat(c.event()).map(AncmEvent::format).hasValue("inprocess-start-success");
      assertThat(c.event().orElseThrow().applications()).containsExactly("C:\\sites\\pay\\");
      assertThat(c.isFailure()).isFalse();
      assertThat(c.matches()).isEmpty();
    });
  }

  @Test
  void should_name_an_event_a_catalog_signature_also_matches_and_call_it_a_failure() {
    // given
    String text = "Failed to start application '/LM/W3SVC/2/ROOT', ErrorCode '0x8000ffff'.";

    // when
    Classification c = DIAGNOSER.classify(Channel.EVENT_LOG, text);

    // then
    assertThat(c.entryIds()).containsExactly("add-application-failed");
    assertThat(c.events()).extracting(AncmEvent::format).containsExactly("add-application-error");
    assertThat(c.isFailure()).isTrue();
    assertThat(c.event().orElseThrow().applications()).containsExactly("/LM/W3SVC/2/ROOT");
  }

  @Test
  void should_report_a_start_event_cut_off_part_way_as_incomplete() {
    // given
    String cut = "Application '/LM/W3SVC/12/ROOT' started process '9184' successfully and "
        + "process '9184' is listening on";

    // when
    List<AncmEvent> events = DIAGNOSER.classify(Channel.EVENT_LOG, cut).events();

    // then
    assertThat(events).extracting(AncmEvent::format).containsExactly("process-start-success");
    assertThat(events.get(0).isComplete()).isFalse();
    assertThat(events.get(0).kind()).isEqualTo(AncmEventKind.STARTED);
  }

  @Test
  void should_name_no_event_in_unrelated_lines_nor_by_an_id_of_another_provider() {
    // given
    List<LogRecord> records = List.of(
        LogRecord.of(Channel.EVENT_LOG, "The Windows Update service entered the running state."),
        LogRecord.of(Channel.STDOUT_LOG, "info: Microsoft.Hosting.Lifetime[0] Application "
            + "started. Press Ctrl+C to shut down."),
        LogRecord.builder(Channel.EVENT_LOG, "Faulting application name: w3wp.exe")
            .eventId(1000).provider("Application Error").build(),
        LogRecord.builder(Channel.EVENT_LOG, "anything").eventId(1025).provider("").build());

    // when
    List<Classification> got = records.stream().map(DIAGNOSER::classify).toList();

    // then
    assertThat(got).allSatisfy(c -> {
      assertThat(c.events()).isEmpty();
      assertThat(c.isFailure()).isFalse();
    });
  }

  @Test
  void should_give_the_era_of_the_wording() {
    // given
    String v22 = "Application 'C:\\sites\\a\\' started the coreclr in-process successfully.";
    String v30 = "Application 'C:\\sites\\a\\' started successfully.";

    // when
    AncmEvent old = DIAGNOSER.classify(Channel.EVENT_LOG, v22).event().orElseThrow();
    AncmEvent current = DIAGNOSER.classify(Channel.EVENT_LOG, v30).event().orElseThrow();

    // then
    assertThat(old.versions().contains(AspNetCoreVersion.parse("2.2.8"))).isTrue();
    assertThat(old.versions().contains(AspNetCoreVersion.parse("3.1.0"))).isFalse();
    assertThat(current.versions().contains(AspNetCoreVersion.parse("8.0.1"))).isTrue();
    assertThat(old.eventId()).isEqualTo(current.eventId()).isEqualTo(1032);
  }
}
