package io.github.ancmdiag.model;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatIllegalStateException;

import java.io.StringReader;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/**
 * Tests {@link KnownCodes}. Tables are written inline with the two-character escapes
 * {@code \t} for a tab and {@code \n} for a line break, so a whole table fits a
 * {@code @CsvSource} cell.
 */
class KnownCodesTest {

  private static final String HEADER = "hex\\tkind\\tname\\tolder_names\\tmeaning";

  @Test
  void should_read_rows_when_table_is_well_formed() {
    // given
    String table = "# comment\\n" + HEADER
        + "\\n0x80008096\\tHOST\\tFrameworkMissingFailure\\t\\tNo fx.\\n"
        + "0x8000808f\\tHOST\\tLibHostMuxFailure\\tLibHostMuxFailure (<=2.2; x) | Other\\tGone.";

    // when
    Map<Integer, KnownCodes.Entry> codes = read(table);

    // then
    assertThat(codes).hasSize(2);
    KnownCodes.Entry retired = codes.get(0x8000808f);
    assertThat(retired.kind()).isEqualTo(KnownCodes.Kind.HOST);
    assertThat(retired.olderNames()).containsExactly("LibHostMuxFailure (<=2.2; x)", "Other");
    assertThat(codes.get(0x80008096).olderNames()).isEmpty();
  }

  @ParameterizedTest(name = "{0}")
  @CsvSource(delimiter = ';', quoteCharacter = '~', textBlock = """
      missing header; 0x80008096\\tHOST\\tX\\t\\tm;                              line 1
      wrong header;   hex\\tkind\\tmeaning\\n0x80008096\\tHOST\\tX\\t\\tm;       line 1
      empty text;     ~~;                                                 header
      four columns;   HEADER\\n0x80008096\\tHOST\\tX\\tm;                       line 2
      six columns;    HEADER\\n0x80008096\\tHOST\\tX\\t\\t\\tm;                 line 2
      short hex;      HEADER\\n0x8000809\\tHOST\\tX\\t\\tm;                     line 2
      uppercase hex;  HEADER\\n0x8000809A\\tHOST\\tX\\t\\tm;                    line 2
      no 0x;          HEADER\\n80008096aa\\tHOST\\tX\\t\\tm;                    line 2
      bad kind;       HEADER\\n0x80008096\\tWIN32\\tX\\t\\tm;                   line 2
      empty meaning;  HEADER\\n# c\\n0x80008096\\tHOST\\tX\\t\\t ;              line 3
      duplicate;      HEADER\\n0x80008096\\tHOST\\tX\\t\\tm\\n0x80008096\\tHOST\\tY\\t\\tn; line 3
      """)
  void should_fail_naming_the_line_when_table_is_malformed(
      String problem, String table, String expectedLine) {
    // given
    String text = table == null ? "" : table.replace("HEADER", HEADER);

    // when / then
    assertThatIllegalStateException()
        .as(problem)
        .isThrownBy(() -> read(text))
        .withMessageContaining("test-table")
        .withMessageContaining(expectedLine);
  }

  @Test
  void should_load_the_bundled_table_once_when_asked_twice() {
    // given
    Map<Integer, KnownCodes.Entry> first = KnownCodes.all();

    // when
    Map<Integer, KnownCodes.Entry> second = KnownCodes.all();

    // then
    assertThat(second).isSameAs(first);
    assertThat(first.values()).extracting(KnownCodes.Entry::kind)
        .containsOnly(KnownCodes.Kind.HRESULT, KnownCodes.Kind.HOST);
    assertThat(first.values().stream().filter(e -> e.kind() == KnownCodes.Kind.HRESULT).count())
        .isEqualTo(23);
  }

  @Test
  void should_keep_older_names_when_the_reference_gives_them() {
    // given
    KnownCodes.Entry entry = KnownCodes.find(0x80008085);

    // when
    List<String> olderNames = entry.olderNames();

    // then
    assertThat(entry.name()).isEqualTo("CurrentHostFindFailure");
    assertThat(olderNames).hasSize(2).first().asString().startsWith("CoreHostCurExeFindFailure");
  }

  private static Map<Integer, KnownCodes.Entry> read(String table) {
    String text = table.replace("\\t", "\t").replace("\\n", "\n");
    return KnownCodes.read(new StringReader(text), "test-table");
  }
}
