package io.github.ancmdiag.internal.text;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import java.util.Random;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class TextNormalizerTest {

  private static String folded(CharSequence s) {
    Normalized n = TextNormalizer.normalize(s);
    return new String(n.chars(), 0, n.length());
  }

  @ParameterizedTest
  @CsvSource(delimiter = '|', value = {
      "Application &apos;/LM/W3SVC/1/ROOT&apos; |application'/lm/w3svc/1/root'",
      "Application &#39;x&#39;                   |application'x'",
      "a &amp; b                                 |a&b",
      "x&ndash;y                                 |x-y",
      "x&#8211;y                                 |x-y",
      "ends with &lt;                            |endswith<",
      "&LT;tag&GT;                               |<tag>",
  })
  void decodesEveryKindOfEntityWhereverItStands(String raw, String expected) {
    assertThat(folded(raw)).isEqualTo(expected);
  }

  @Test
  void ampersandsOfAQueryStringAreNoEntities() {
    String query = "GET /api/items?page=2&size=50&sort=name;desc&x=1 - 443";
    for (int i = query.indexOf('&'); i >= 0; i = query.indexOf('&', i + 1)) {
      assertThat(TextNormalizer.isEntityAt(query, i)).as("& at %d", i).isFalse();
    }
    assertThat(folded(query)).contains("&size=50&sort=name;desc&x=1");
  }

  @Test
  void anEntityCutOffByTheEndOfTheTextIsNoEntity() {
    assertThat(TextNormalizer.isEntityAt("x &amp", 2)).isFalse();
    assertThat(TextNormalizer.isEntityAt("x &", 2)).isFalse();
    assertThat(TextNormalizer.isEntityAt("x &amp;", 2)).isTrue();
    assertThat(TextNormalizer.isEntityAt("&#8212;", 0)).isTrue();
  }

  @Test
  void aReusedInstanceGivesWhatAFreshOneGivesForTextsLongAndShort() {
    List<String> texts = List.of(
        "short",
        "A much longer text with &apos;entities&apos; and \u2026 an ellipsis and   white space",
        "",
        "x",
        "Application '/LM/W3SVC/2/ROOT' with physical root 'C:\\inetpub\\app\\' failed");
    Normalized reused = null;
    for (String t : texts) {
      Normalized fresh = TextNormalizer.normalize(t);
      reused = TextNormalizer.normalize(t, reused);
      assertThat(reused.length()).isEqualTo(fresh.length());
      assertThat(new String(reused.chars(), 0, reused.length()))
          .isEqualTo(new String(fresh.chars(), 0, fresh.length()));
      for (int i = 0; i < fresh.length(); i++) {
        assertThat(reused.originalStart(i)).isEqualTo(fresh.originalStart(i));
        assertThat(reused.originalEnd(i)).isEqualTo(fresh.originalEnd(i));
      }
      assertThat(reused.original()).isSameAs(t);
    }
  }

  @Test
  void foldingAFoldedCharacterChangesNothing() {
    // The matcher runs one automaton over raw text (folding as it reads) and over folded text.
    for (int c = 0; c < 65536; c++) {
      char f = TextNormalizer.fold((char) c);
      if (f != TextNormalizer.DROP) {
        assertThat(TextNormalizer.fold(f)).as("U+%04X", c).isEqualTo(f);
      }
    }
  }

  @Test
  void lineBreaksAreFoundByTheFoldedIndexAfterThemOnceEachAndNeverAtTheEnds() {
    Normalized n = TextNormalizer.normalize("\nab\r\ncd \n\n ef\n");
    assertThat(new String(n.chars(), 0, n.length())).isEqualTo("abcdef");
    assertThat(n.nextLineBreak(0)).isEqualTo(2);
    assertThat(n.nextLineBreak(3)).isEqualTo(4);
    assertThat(n.nextLineBreak(5)).as("no break before the end").isEqualTo(6);
    assertThat(n.previousLineBreak(1)).as("none before the first character").isZero();
    assertThat(n.previousLineBreak(3)).isEqualTo(2);
    assertThat(n.previousLineBreak(5)).isEqualTo(4);
  }

  /** The oracle: a CR or LF among the original characters folding dropped before {@code i}. */
  private static boolean breakInGapBefore(Normalized n, int i) {
    if (i <= 0 || i >= n.length()) {
      return false;
    }
    for (int k = n.originalEnd(i - 1); k < n.originalStart(i); k++) {
      char c = n.original().charAt(k);
      if (c == '\n' || c == '\r') {
        return true;
      }
    }
    return false;
  }

  @Test
  void theNextAndPreviousLineBreakAgreeWithALookAtEveryGap() {
    String[] pieces = {"a", "B", " ", "\t", "\n", "\r", "\r\n", "&amp;", "&#10;", "\u2026", "x y"};
    Random random = new Random(20261204);
    Normalized reused = null;
    for (int t = 0; t < 2_000; t++) {
      StringBuilder sb = new StringBuilder();
      for (int k = random.nextInt(30); k > 0; k--) {
        sb.append(pieces[random.nextInt(pieces.length)]);
      }
      String text = sb.toString();
      reused = TextNormalizer.normalize(text, reused);
      for (Normalized n : List.of(TextNormalizer.normalize(text), reused)) {
        for (int i = 0; i <= n.length(); i++) {
          int next = i;
          while (next < n.length() && !breakInGapBefore(n, next)) {
            next++;
          }
          int previous = Math.min(i, n.length());
          while (previous > 0 && !breakInGapBefore(n, previous)) {
            previous--;
          }
          assertThat(n.lineBreakBefore(i)).as("break before %d in %s", i, text)
              .isEqualTo(breakInGapBefore(n, i));
          assertThat(n.nextLineBreak(i)).as("next from %d in %s", i, text).isEqualTo(next);
          assertThat(n.previousLineBreak(i)).as("previous from %d in %s", i, text)
              .isEqualTo(previous);
        }
      }
    }
  }
}
