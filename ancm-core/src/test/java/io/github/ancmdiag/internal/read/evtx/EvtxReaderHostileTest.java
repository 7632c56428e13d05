package io.github.ancmdiag.internal.read.evtx;

import static org.assertj.core.api.Assertions.assertThat;

import io.github.ancmdiag.internal.read.evtx.EvtxWriter.Value;
import io.github.ancmdiag.internal.read.evtx.EvtxWriter.Xml;
import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Random;
import java.util.concurrent.TimeUnit;
import java.util.function.Consumer;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

/**
 * The binary XML interpreter on records written token by token here: the plain token stream, a
 * template with normal and optional substitutions, an element left out for an empty dependency,
 * binary XML inside a value, and hostile records (a template that refers to itself, impossible
 * counts and offsets, unknown entities), plus random damage to a real file. Bad bytes are
 * damage, never an exception.
 */
class EvtxReaderHostileTest {
  private static final String M1010 = "Failed to start application '/LM/W3SVC/2/ROOT', "
      + "ErrorCode '0x8000ffff'.";

  /** 2021-03-31T23:51:45.0187674Z as a FILETIME. */
  private static final long TICKS = (Instant.parse("2021-03-31T23:51:45Z").getEpochSecond()
      + 11_644_473_600L) * 10_000_000L + 187_674L;

  private static List<Object> readOne(Consumer<Xml> content) throws IOException {
    return EvtxWriter.read(new EvtxWriter().record(content).toFile());
  }

  private static EvtxEvent event(List<Object> read) {
    assertThat(read).singleElement().isInstanceOf(EvtxEvent.class);
    return (EvtxEvent) read.get(0);
  }

  private static EvtxDamage damage(List<Object> read) {
    assertThat(read).singleElement().isInstanceOf(EvtxDamage.class);
    return (EvtxDamage) read.get(0);
  }

  /** {@code <System>} with a provider, event id and level written as plain tokens. */
  private static void system(Xml x, String provider, String eventId, String level) {
    x.open("System").closeStart()
        .open("Provider", true, 0xFFFF).attribute("Name").text(provider).closeEmpty()
        .element("EventID", eventId).element("Level", level).end();
  }

  @Test
  void should_read_the_fields_of_a_record_written_without_a_template() throws IOException {
    // when
    EvtxEvent e = event(readOne(x -> {
      x.fragment().open("Event", true, 0xFFFF).attribute("xmlns").text("urn:x").closeStart();
      system(x, "IIS AspNetCore Module V2", "1010", "2");
      x.open("EventData").closeStart().open("Data").closeStart().text("Failed to start ")
          .u8(0x09).u32(x.pos() + 4).name("amp").u8(0x08).u16('#').u8(0x07).u16(4)
          .bytes(" <x>".getBytes(java.nio.charset.StandardCharsets.UTF_16LE)).end()
          .element("Data", "Process Id: 6012.").end().end().eos();
    }));

    // then: entity and character references and CDATA are text, as an XML parser gives them
    assertThat(e.provider()).isEqualTo("IIS AspNetCore Module V2");
    assertThat(e.eventId()).isEqualTo("1010");
    assertThat(e.level()).isEqualTo("2");
    assertThat(e.data()).isEqualTo("Failed to start &# <x>");
    assertThat(e.recordId()).isEqualTo(1);
    assertThat(e.byteOffset()).isEqualTo(EvtxReader.HEADER_SIZE + 512);
  }

  /** A classic event's template: Provider literal, EventID, Level, TimeCreated and EventData. */
  private static void classicTemplate(Xml d) {
    d.fragment().open("Event").closeStart().open("System").closeStart()
        .open("Provider", true, 0xFFFF).attribute("Name").text("IIS AspNetCore Module V2")
        .closeEmpty()
        .open("EventID").closeStart().substitution(0, Values.UINT16, false).end()
        .open("Level").closeStart().substitution(1, Values.UINT8, false).end()
        .open("TimeCreated", true, 0xFFFF).attribute("SystemTime")
        .substitution(2, Values.FILETIME, false).closeEmpty()
        .end()
        .open("EventData").closeStart().open("Data").closeStart()
        .substitution(3, Values.STRING | Values.ARRAY, true).end().end()
        .end().eos();
  }

  @Test
  void should_fill_a_template_cached_in_the_chunk_with_each_record_s_values() throws IOException {
    // given: the first record defines the template, the second refers back to it; the
    // insertion strings are an array (one <Data> each)
    int[] def = new int[1];
    EvtxWriter w = new EvtxWriter();
    w.record(x -> x.fragment().instance(0x1234, EvtxReaderHostileTest::classicTemplate,
        values(x, 1010, 2, M1010, "Process Id: 6012."), def));
    w.record(x -> x.fragment().instanceOf(0x1234, def[0],
        values(x, 1007, 2, "Application '/LM/W3SVC/1/ROOT' failed to start.", "x")));

    // when
    List<Object> read = EvtxWriter.read(w.toFile());

    // then
    assertThat(read).hasSize(2).allSatisfy(o -> assertThat(o).isInstanceOf(EvtxEvent.class));
    EvtxEvent first = (EvtxEvent) read.get(0);
    EvtxEvent second = (EvtxEvent) read.get(1);
    assertThat(first.eventId()).isEqualTo("1010");
    assertThat(first.level()).isEqualTo("2");
    assertThat(first.data()).isEqualTo(M1010);
    assertThat(first.timeCreated()).isEqualTo("2021-03-31T23:51:45.018767400Z");
    assertThat(second.provider()).isEqualTo("IIS AspNetCore Module V2");
    assertThat(second.eventId()).isEqualTo("1007");
    assertThat(second.data()).isEqualTo("Application '/LM/W3SVC/1/ROOT' failed to start.");
  }

  private static List<Value> values(Xml outer, int eventId, int level, String... strings) {
    return List.of(Value.u16(eventId), Value.u8(level), Value.fileTime(TICKS),
        Value.strings(strings));
  }

  @Test
  void should_leave_out_an_element_whose_dependency_is_empty() throws IOException {
    // given: <EventData><Data dep=0>%0</Data><Data dep=1>%1</Data></EventData>, %0 empty
    EvtxEvent e = event(readOne(x -> x.fragment().instance(7, d -> d.fragment()
        .open("Event").closeStart().open("EventData").closeStart()
        .open("Data", false, 0).closeStart().substitution(0, Values.STRING, true).end()
        .open("Data", false, 1).closeStart().substitution(1, Values.STRING, true).end()
        .end().end().eos(), List.of(Value.none(), Value.string("second")), null)));

    // then: the first <Data> there is is the second one
    assertThat(e.data()).isEqualTo("second");
  }

  @Test
  void should_read_binary_xml_inside_a_value() throws IOException {
    // given: record 1 writes the names EventData and Data in full; record 2's event data is a
    // value of type BinXml whose elements refer to those names by their offset
    int[] names = new int[2];
    EvtxWriter w = new EvtxWriter();
    w.record(x -> {
      x.fragment().open("Event").closeStart();
      names[0] = x.pos() + 11;
      x.open("EventData").closeStart();
      names[1] = x.pos() + 11;
      x.open("Data").closeEmpty().end().end().eos();
    });
    Xml nested = new Xml(0).fragment().openRef(names[0]).closeStart().openRef(names[1])
        .closeStart().text(M1010).end().end().eos();
    w.record(x -> x.fragment().instance(9, d -> d.fragment().open("Event").closeStart()
        .substitution(0, Values.BINXML, false).end().eos(), List.of(Value.binXml(nested)), null));

    // when
    List<Object> read = EvtxWriter.read(w.toFile());

    // then
    assertThat(read).hasSize(2);
    assertThat(((EvtxEvent) read.get(0)).data()).isEmpty();
    assertThat(((EvtxEvent) read.get(1)).data()).isEqualTo(M1010);
  }

  @Test
  @Timeout(value = 10, unit = TimeUnit.SECONDS)
  void should_report_a_template_that_refers_to_itself_without_overflowing_the_stack()
      throws IOException {
    // given: the definition holds an instance of itself
    EvtxWriter w = new EvtxWriter();
    int at = w.nextXmlOffset() + 4 + 10; // where the inline definition starts
    w.record(x -> x.fragment().instance(5, d -> d.fragment().open("Event").closeStart()
        .instanceOf(5, at, List.of()).end().eos(), List.of(), null));

    // when
    EvtxDamage d = damage(EvtxWriter.read(w.toFile()));

    // then
    assertThat(d.reason()).startsWith("record 1 cannot be read: it nests deeper than 64 levels");
  }

  @Test
  void should_report_impossible_counts_offsets_and_entities() throws IOException {
    // given: record 1 defines a template; record 2 gives it 4294967295 values
    int[] def = new int[1];
    EvtxWriter w = new EvtxWriter();
    w.record(x -> x.fragment().instance(3, d -> d.fragment().open("Event").closeEmpty().eos(),
        List.of(), def));
    w.record(x -> x.fragment().u8(0x0C).u8(1).u32(3).u32(def[0]).u32(0xFFFF_FFFF).eos());

    // when
    List<Object> count = EvtxWriter.read(w.toFile());
    List<Object> elsewhere = readOne(x -> x.fragment().u8(0x0C).u8(1).u32(3).u32(0x200)
        .u32(0));
    List<Object> name = readOne(x -> x.fragment().u8(0x01).u16(0xFFFF).u32(0)
        .u32(0x7FFF_0000).u8(0x03).eos());
    List<Object> entity = readOne(x -> {
      x.fragment().open("Event").closeStart().u8(0x09).u32(x.pos() + 4).name("xxe").end().eos();
    });
    List<Object> noEvent = readOne(x -> x.fragment().open("Other").closeEmpty().eos());

    // then
    assertThat(count).hasSize(2);
    assertThat(((EvtxDamage) count.get(1)).reason())
        .contains("4294967295 substitution values do not fit in the record");
    assertThat(damage(elsewhere).reason()).startsWith("record 1 cannot be read: a template");
    assertThat(damage(name).reason()).contains("outside the chunk");
    assertThat(damage(entity).reason()).contains("&xxe; is not one of XML's own");
    assertThat(damage(noEvent).reason()).contains("its root element is <Other>, not <Event>");
  }

  @Test
  void should_cut_a_text_longer_than_the_limit() throws IOException {
    // given
    String big = "x".repeat(5000);
    byte[] file = new EvtxWriter().record(x -> x.fragment().open("Event").closeStart()
        .open("EventData").closeStart().element("Data", big).end().end().eos()).toFile();
    List<EvtxDamage> damage = new ArrayList<>();

    // when
    EvtxEvent e = new EvtxReader(new ByteArrayInputStream(file), 1024, damage::add).next();

    // then
    assertThat(e).isNotNull();
    assertThat(e.data()).hasSize(1024);
    assertThat(e.cut()).isTrue();
    assertThat(damage).isEmpty();
  }

  @Test
  @Timeout(value = 120, unit = TimeUnit.SECONDS)
  void should_never_throw_on_random_damage_to_a_real_file() throws IOException {
    // given
    byte[] good = Files.readAllBytes(Path.of("src", "test", "resources", "evtx",
        "Application_no_crc32.evtx"));
    Random random = new Random(15);

    for (int round = 0; round < 300; round++) {
      byte[] file = Arrays.copyOf(good, round % 3 == 0
          ? EvtxReader.HEADER_SIZE + random.nextInt(EvtxReader.CHUNK_SIZE) : good.length);
      for (int i = 0; i < 1 + random.nextInt(40); i++) {
        int at = EvtxReader.HEADER_SIZE + random.nextInt(file.length - EvtxReader.HEADER_SIZE);
        file[at] = (byte) random.nextInt(256);
      }
      List<EvtxDamage> damage = new ArrayList<>();
      EvtxReader reader = new EvtxReader(new ByteArrayInputStream(file), 4096, damage::add);

      // when
      int records = 0;
      while (reader.next() != null) {
        records++;
      }

      // then
      assertThat(records).as("round %d", round).isLessThanOrEqualTo(17);
    }
  }
}
