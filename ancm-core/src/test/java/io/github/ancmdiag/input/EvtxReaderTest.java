package io.github.ancmdiag.input;

import static io.github.ancmdiag.input.EvtxSamples.CHUNK;
import static io.github.ancmdiag.input.EvtxSamples.HEADER;
import static io.github.ancmdiag.input.EvtxSamples.bytes;
import static io.github.ancmdiag.input.EvtxSamples.expected;
import static io.github.ancmdiag.input.EvtxSamples.listedIds;
import static io.github.ancmdiag.input.EvtxSamples.read;
import static io.github.ancmdiag.input.EvtxSamples.recordId;
import static io.github.ancmdiag.input.EvtxSamples.recordStarts;
import static io.github.ancmdiag.input.LogReaderTest.drain;
import static org.assertj.core.api.Assertions.assertThat;

import io.github.ancmdiag.Diagnoser;
import io.github.ancmdiag.Diagnosis;
import io.github.ancmdiag.DiagnosisReport;
import io.github.ancmdiag.Evidence;
import io.github.ancmdiag.input.EvtxSamples.Read;
import io.github.ancmdiag.input.LogReaderTest.Result;
import io.github.ancmdiag.internal.read.evtx.EvtxDamage;
import io.github.ancmdiag.model.Channel;
import io.github.ancmdiag.model.VersionRange;
import io.github.ancmdiag.rules.Catalog;
import io.github.ancmdiag.rules.CatalogEntry;
import io.github.ancmdiag.rules.Category;
import io.github.ancmdiag.rules.Signature;
import io.github.ancmdiag.rules.Variant;
import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.Arrays;
import java.util.Comparator;
import java.util.List;
import java.util.Set;
import java.util.TreeSet;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * The {@code .evtx} reader on three real files, compared record by record with what libevtx's
 * {@code evtxexport} gives for them read as event XML (the committed {@code *.expected.tsv}), and
 * on damaged copies of them made here byte by byte: a changed byte under a CRC, a chunk signature
 * or header broken, a stale chunk count, a record's start zeroed, bad binary XML, a file cut
 * inside a record. The accounting rule: every record a chunk header lists is either read or named
 * in a damage report.
 */
class EvtxReaderTest {
  private static final String APPLICATION = "Application_no_crc32.evtx";
  private static final String SYSTEM = "system.evtx";
  private static final String BAD_CHUNK = "sample_with_a_bad_chunk_magic.evtx";

  /** The first three chunks of system.evtx (326 records), whose CRCs are all valid. */
  private static byte[] threeSystemChunks() {
    return Arrays.copyOf(bytes(SYSTEM), HEADER + 3 * CHUNK);
  }

  private static Set<Long> listed(byte[] file, int chunks) {
    Set<Long> ids = new TreeSet<>();
    for (int i = 0; i < chunks; i++) {
      ids.addAll(listedIds(file, i));
    }
    return ids;
  }

  private static List<String> sorted(List<String> lines) {
    return lines.stream().sorted(Comparator.comparingLong(
        l -> Long.parseLong(l.substring(0, l.indexOf('\t'))))).collect(Collectors.toList());
  }

  @ParameterizedTest
  @ValueSource(strings = {APPLICATION, SYSTEM, BAD_CHUNK})
  void should_give_every_record_that_evtxexport_gives_as_its_xml_export_reads(String sample) {
    // given
    byte[] file = bytes(sample);

    // when
    Read read = read(file);

    // then
    assertThat(sorted(read.lines())).containsExactlyElementsOf(expected(sample));
  }

  @Test
  void should_read_an_application_log_whole_with_zero_crcs_as_no_crc() throws IOException {
    // when
    Result result;
    try (LogReader reader = LogReader.open(EvtxSamples.DIR.resolve(APPLICATION))) {
      result = drain(reader);
    }

    // then
    assertThat(result.format()).isEqualTo(Format.EVTX);
    assertThat(result.skipped()).isEmpty();
    assertThat(result.records()).hasSize(17).allSatisfy(r -> {
      assertThat(r.channel()).isEqualTo(Channel.EVENT_LOG);
      assertThat(r.source()).isEqualTo(APPLICATION);
      assertThat(r.line()).isZero();
    });
    LogRecord second = result.records().get(1);
    assertThat(second.provider()).isEqualTo("SecurityCenter");
    assertThat(second.eventId()).isEqualTo(15);
    assertThat(second.level()).isEqualTo("Information");
    assertThat(second.time()).contains(Instant.parse("2021-03-31T23:51:47.112518Z"));
    // the insertion strings are a string array: one <Data> each, the first is the text
    assertThat(second.text()).isEqualTo("Windows Defender");
    assertThat(result.records().get(2).provider()).isEqualTo("Microsoft-Windows-Winlogon");
    assertThat(result.records().get(2).text()).isEqualTo("WSearch");
    assertThat(result.records().get(0).text()).isEmpty(); // <EventData/>
  }

  @Test
  void should_read_every_chunk_of_a_system_log_whose_header_count_is_stale() throws IOException {
    // given: the header says 3 chunks; the file holds 15 with records
    byte[] file = bytes(SYSTEM);
    assertThat(file[42] & 0xFF | (file[43] & 0xFF) << 8).isEqualTo(3);

    // when
    Result result;
    try (LogReader reader = LogReader.open(EvtxSamples.DIR.resolve(SYSTEM))) {
      result = drain(reader);
    }

    // then
    assertThat(result.format()).isEqualTo(Format.EVTX);
    assertThat(result.skipped()).isEmpty();
    assertThat(result.records()).hasSize(1881);
    assertThat(result.records().get(0)).satisfies(r -> {
      assertThat(r.provider()).isEqualTo("EventLog");
      assertThat(r.eventId()).isEqualTo(6009);
      assertThat(r.text()).isEqualTo("10.00.");
    });
    assertThat(result.records().get(8).text()).isEqualTo("0x0"); // HexInt32, as Windows writes it
    assertThat(result.records().get(34)).satisfies(r -> {
      assertThat(r.provider()).isEqualTo("Service Control Manager");
      assertThat(r.eventId()).isEqualTo(7000);
      assertThat(r.level()).isEqualTo("Error");
      assertThat(r.text()).isEqualTo("CldFlt");
      assertThat(r.time()).contains(Instant.parse("2017-07-12T17:16:28.214161600Z"));
    });
    assertThat(result.records()).extracting(LogRecord::level).containsOnly(
        "Information", "Warning", "Error");
  }

  @Test
  void should_read_the_good_chunks_and_report_the_bad_ones_of_a_damaged_file() {
    // given
    byte[] file = bytes(BAD_CHUNK);

    // when
    Read read = read(file);

    // then: the chunks whose header is zeroed (6 and 10) are searched; their records lost a
    // template definition with the zeroed bytes and are each reported
    assertThat(read.lines()).hasSize(298);
    List<EvtxDamage> signature = read.damage().stream()
        .filter(d -> d.reason().contains("no ElfChnk signature")).toList();
    assertThat(signature).extracting(EvtxDamage::byteOffset)
        .containsExactly((long) HEADER + 6 * CHUNK, (long) HEADER + 10 * CHUNK);
    assertThat(read.damage()).filteredOn(d -> d.reason().contains("cannot be read"))
        .hasSize(15 + 67)
        .allSatisfy(d -> assertThat(d.reason()).contains("template definition"));
    assertThat(read.damage()).filteredOn(d -> d.reason().contains("records' CRC32"))
        .extracting(EvtxDamage::byteOffset).containsExactly((long) HEADER + 512,
            (long) HEADER + 7 * CHUNK + 512, (long) HEADER + 9 * CHUNK + 512);
    // the three chunks with a valid header: every record listed is read or named
    for (int chunk : new int[] {0, 7, 8, 9}) {
      Set<Long> listed = listedIds(file, chunk);
      Set<Long> accounted = new TreeSet<>(read.ids());
      accounted.addAll(read.namedInDamage());
      assertThat(accounted).as("chunk %d", chunk).containsAll(listed);
    }
    assertThat(read.damage()).filteredOn(d -> d.reason().contains("hold no readable record"))
        .extracting(EvtxDamage::reason).anySatisfy(r -> assertThat(r)
            .contains("records 47640 to 47674 (35) were there and were not read"));
  }

  @Test
  void should_read_every_record_and_report_the_chunk_when_a_byte_under_its_crc_changed() {
    // given: a record's written time (covered by the records' CRC32, not by the binary XML)
    byte[] file = threeSystemChunks();
    int record = recordStarts(file, 1).get(5);
    file[record + 16] ^= 0x01;

    // when
    Read read = read(file);

    // then
    assertThat(read.lines()).containsExactlyElementsOf(read(threeSystemChunks()).lines());
    assertThat(read.damage()).singleElement().satisfies(d -> {
      assertThat(d.byteOffset()).isEqualTo(HEADER + CHUNK + 512);
      assertThat(d.reason()).contains("records' CRC32 of chunk 1 does not match");
    });
  }

  @ParameterizedTest
  @ValueSource(ints = {0, 60})
  void should_search_a_chunk_whose_signature_or_header_crc_is_broken(int at) {
    // given: the signature (byte 0), or a byte under the header CRC32 (60)
    byte[] file = threeSystemChunks();
    file[HEADER + CHUNK + at] ^= 0x20;

    // when
    Read read = read(file);

    // then: the records are found by their own signatures, all of them
    assertThat(read.lines()).containsExactlyElementsOf(read(threeSystemChunks()).lines());
    assertThat(read.lines()).hasSize(326);
    assertThat(read.damage()).singleElement().satisfies(d -> {
      assertThat(d.byteOffset()).isEqualTo(HEADER + CHUNK);
      assertThat(d.reason()).contains(at == 0 ? "no ElfChnk signature" : "header CRC32");
    });
  }

  @ParameterizedTest
  @ValueSource(ints = {1, 2, 200})
  void should_read_every_chunk_whatever_the_header_chunk_count_says(int count) {
    // given
    byte[] file = threeSystemChunks();
    EvtxSamples.putU16(file, 42, count);
    EvtxSamples.fixFileHeaderCrc(file);

    // when
    Read read = read(file);

    // then
    assertThat(read.lines()).hasSize(326);
    assertThat(read.damage()).isEmpty();
  }

  @Test
  void should_report_the_records_lost_where_a_record_start_is_zeroed() {
    // given: the first 24 bytes of the 10th record of chunk 0 are zeros
    byte[] file = threeSystemChunks();
    int record = recordStarts(file, 0).get(9);
    long lost = recordId(file, record);
    Arrays.fill(file, record, record + 24, (byte) 0);

    // when
    Read read = read(file);

    // then: the next record is found; the lost one is named
    assertThat(read.ids()).doesNotContain(lost).contains(lost + 1);
    assertThat(read.damage()).extracting(EvtxDamage::reason)
        .anySatisfy(r -> assertThat(r).contains("hold no readable record")
            .contains("records " + lost + " were there"));
    assertAccounted(read, listed(file, 3));
  }

  @Test
  void should_skip_a_record_whose_binary_xml_is_bad_and_read_the_next() {
    // given: the first token of the 3rd record of chunk 2 (after its fragment header) is no token
    byte[] file = threeSystemChunks();
    int record = recordStarts(file, 2).get(2);
    long bad = recordId(file, record);
    file[record + 24 + 4] = 0x7F;

    // when
    Read read = read(file);

    // then
    assertThat(read.ids()).doesNotContain(bad).contains(bad - 1, bad + 1);
    assertThat(read.damage()).filteredOn(d -> d.reason().contains("cannot be read"))
        .singleElement().satisfies(d -> {
          assertThat(d.byteOffset()).isEqualTo(record);
          assertThat(d.reason()).startsWith("record " + bad + " cannot be read: token 0x7f");
        });
    assertAccounted(read, listed(file, 3));
  }

  @ParameterizedTest
  @ValueSource(ints = {30, 101, 400})
  void should_read_the_records_before_a_cut_inside_a_record(int into) {
    // given: the file ends inside the binary XML of the 40th record of chunk 2
    byte[] whole = threeSystemChunks();
    int record = recordStarts(whole, 2).get(39);
    long cut = recordId(whole, record);
    byte[] file = Arrays.copyOf(whole, record + 24 + into);

    // when
    Read read = read(file);

    // then
    assertThat(read.ids()).hasSize((int) (cut - 1)).allSatisfy(id -> assertThat(id).isLessThan(cut));
    assertThat(read.damage()).singleElement().satisfies(d -> {
      assertThat(d.byteOffset()).isEqualTo(record);
      assertThat(d.reason()).contains("the file ends inside record " + cut);
    });
    assertAccounted(read, listed(whole, 3));
  }

  @Test
  void should_report_a_file_cut_inside_a_chunk_header() {
    // given
    byte[] file = Arrays.copyOf(threeSystemChunks(), HEADER + CHUNK + 100);

    // when
    Read read = read(file);

    // then
    assertThat(read.lines()).hasSize(108);
    assertThat(read.damage()).singleElement().satisfies(d -> {
      assertThat(d.byteOffset()).isEqualTo(HEADER + CHUNK);
      assertThat(d.reason()).contains("ends inside the header of chunk 1");
    });
  }

  @Test
  void should_read_nothing_but_say_why_from_a_cut_file_header() {
    // when
    Read read = read(Arrays.copyOf(bytes(APPLICATION), 1000));

    // then
    assertThat(read.lines()).isEmpty();
    assertThat(read.damage()).singleElement().satisfies(d ->
        assertThat(d.reason()).contains("ends inside its 4096-byte header"));
  }

  @Test
  void should_detect_an_evtx_by_its_signature_whatever_its_name() {
    // when
    Result result = drain(LogReader.of("notes.txt",
        new ByteArrayInputStream(bytes(APPLICATION)), Format.AUTO));

    // then
    assertThat(result.format()).isEqualTo(Format.EVTX);
    assertThat(result.records()).hasSize(17);
  }

  @Test
  void should_refuse_text_forced_as_evtx_with_one_skip() {
    // when
    Result result = drain(LogReader.of("events.evtx", new ByteArrayInputStream(
        "<Event><System/></Event>".getBytes(StandardCharsets.UTF_8)), Format.EVTX));

    // then
    assertThat(result.records()).isEmpty();
    assertThat(result.skipped()).singleElement().satisfies(s ->
        assertThat(s.reason()).contains("does not start with the .evtx signature"));
  }

  @Test
  void should_read_ancm_insertion_strings_in_a_real_classic_event_record_and_diagnose_them() {
    // given: Windows' own record structure for a classic event (templates untouched), with the
    // values of an ANCM 1010 event: level, event id and the insertion strings ANCM reports
    byte[] file = EvtxSamples.applicationWithValues(1010, 2, LogReaderTest.M1010,
        "Process Id: 6012.", "File Version: 18.0.24141.0. Description: IIS ASP.NET Core "
            + "Module V2. Commit: 0d1e2f3a4b5c");
    Catalog catalog = Catalog.builder().version("test")
        .add(entry("hostfxr-failed", Signature.text("add-app-error", Channel.EVENT_LOG, List.of(
            "Failed to start application '{appId:APP_ID}', ErrorCode '{code:HRESULT}'."))))
        .add(entry("main-exited", Signature.text("exit", Channel.EVENT_LOG, List.of(
            "Application '{appId:APP_ID}' with physical root '{physicalRoot:PATH}' has exited "
                + "from Program.Main with exit code = '{exitCode:INT}'."))))
        .build();

    // when
    Result result = drain(LogReader.of("Application.evtx", new ByteArrayInputStream(file),
        Format.AUTO));
    Evidence.Builder evidence = Evidence.builder();
    result.records().forEach(evidence::record);
    DiagnosisReport report = Diagnoser.builder().catalog(catalog).build()
        .diagnose(evidence.build());

    // then
    assertThat(result.skipped()).isEmpty();
    assertThat(result.records()).hasSize(2);
    LogRecord ancm = result.records().get(1);
    assertThat(ancm.eventId()).isEqualTo(1010);
    assertThat(ancm.level()).isEqualTo("Error");
    assertThat(ancm.text()).isEqualTo(LogReaderTest.M1010);
    assertThat(ancm.provider()).isEqualTo("SecurityCenter"); // the template's, not ANCM's
    assertThat(report.top()).map(Diagnosis::entryId).contains("hostfxr-failed");
  }

  private static CatalogEntry entry(String id, Signature... signatures) {
    return new CatalogEntry(id, List.of(), Category.RUNTIME, id, "Summary of " + id + ".",
        List.of(Variant.of(VersionRange.parse("[2.2,)"), List.of(signatures))),
        List.of("Fix " + id + "."), List.of("test"));
  }

  /** Every record listed by the chunk headers is read or named in a damage report. */
  private static void assertAccounted(Read read, Set<Long> listed) {
    Set<Long> accounted = new TreeSet<>(read.ids());
    accounted.addAll(read.namedInDamage());
    assertThat(accounted).containsAll(listed);
    assertThat(read.ids()).doesNotContainAnyElementsOf(
        read.namedInDamage().stream().filter(listed::contains).toList());
  }
}
