package io.github.ancmdiag.internal.match;

import static org.assertj.core.api.Assertions.assertThat;

import io.github.ancmdiag.internal.template.Template;
import io.github.ancmdiag.model.CaptureType;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Random;
import org.junit.jupiter.api.Test;

/**
 * Seeded random properties of the matcher: a template filled with random values of its capture
 * types matches in full and gives those values back, whatever noise surrounds it or however its
 * white space and case are mangled; cutting it short never yields a full match; random mutations
 * never throw. Each run draws 2,000 cases from a fixed seed, so a failure is reproducible.
 */
class MatcherPropertiesTest {
  private static final List<String> TEMPLATES = List.of(
      "Application '{appId:APP_ID}' with physical root '{physicalRoot:PATH}' failed to start "
          + "process with commandline '{commandLine:TEXT}', ErrorCode = '{hresult:HRESULT} : "
          + "{exitCode:HEX}.",
      "Failed to start application '{appId:APP_ID}', ErrorCode '{hresult:HRESULT}'.",
      "The specified framework '{frameworkName:NAME}', version '{frameworkVersion:VERSION}' was "
          + "not found.",
      "Application '{appId:APP_ID}' with physical root '{physicalRoot:PATH}' created process with "
          + "commandline '{commandLine:TEXT}' but failed to listen on the given port '{port:PORT}'",
      "Warning: Could not create stdoutLogFile {stdoutLogFile:PATH}, ErrorCode = {code:INT}.",
      "Application '{physicalRoot:PATH}' failed to start. Exception message:\r\n"
          + "Executable was not found at '{processPath:PATH}'");
  private static final String[] NOISE = {"", "Log Name: Application\r\nDescription:\r\n",
      "2024-05-01 10:11:12 ", "\u00a0", "Protokollname: Anwendung\n", "<Data>"};
  private static final String[] TAIL = {"", "\r\nProcess Id: 4242.", " ", "</Data>",
      "\nFile Version: 13.1.19320.0."};

  private final List<Template> templates = TEMPLATES.stream().map(Template::parse).toList();
  private final CompiledMatcher matcher = new CompiledMatcher(templates);

  private static String value(CaptureType type, Random r) {
    switch (type) {
      case PATH:
        return r.nextBoolean() ? "C:\\inetpub\\site" + r.nextInt(100) + "\\"
            : "D:\\Program Files\\App " + r.nextInt(10) + "\\bin\\App.dll";
      case APP_ID:
        return r.nextBoolean() ? "/LM/W3SVC/" + r.nextInt(2_000_000_000) + "/ROOT"
            : "MACHINE/WEBROOT/APPHOST/Default Web Site/app" + r.nextInt(9);
      case VERSION:
        return r.nextInt(9) + "." + r.nextInt(9) + "." + r.nextInt(30)
            + (r.nextBoolean() ? "" : "-preview-" + r.nextInt(99999) + "-00" + r.nextInt(99));
      case HRESULT:
        return String.format("0x%08x", 0x80070000 | r.nextInt(0xffff));
      case HEX:
        return Integer.toHexString(r.nextInt(Integer.MAX_VALUE));
      case INT:
        return Integer.toString(-r.nextInt(Integer.MAX_VALUE));
      case PORT:
        return Integer.toString(1024 + r.nextInt(60000));
      case NAME:
        return "Microsoft." + (r.nextBoolean() ? "AspNetCore" : "NETCore") + ".App";
      default:
        return r.nextBoolean() ? "\"dotnet\" .\\App.dll" : "C:\\app\\App.exe --urls http://*:80";
    }
  }

  /** Fills a template, returning the text and the values by capture name. */
  private static String fill(String template, Template parsed, Random r,
      Map<String, String> values) {
    StringBuilder sb = new StringBuilder();
    int i = 0;
    while (i < template.length()) {
      int open = template.indexOf('{', i);
      if (open < 0) {
        sb.append(template, i, template.length());
        break;
      }
      sb.append(template, i, open);
      int close = template.indexOf('}', open);
      String name = template.substring(open + 1, template.indexOf(':', open));
      CaptureType type = parsed.captures().stream().filter(c -> c.name().equals(name))
          .findFirst().orElseThrow().type();
      String v = value(type, r);
      values.put(name, v);
      sb.append(v);
      i = close + 1;
    }
    return sb.toString();
  }

  private static String mangle(String text, Random r) {
    StringBuilder sb = new StringBuilder();
    for (int i = 0; i < text.length(); i++) {
      char c = text.charAt(i);
      if (c == ' ' && r.nextInt(6) == 0) {
        sb.append(r.nextBoolean() ? "  " : "\r\n");
      } else if (Character.isLetter(c) && r.nextInt(8) == 0) {
        sb.append(Character.isUpperCase(c) ? Character.toLowerCase(c) : Character.toUpperCase(c));
      } else {
        sb.append(c);
      }
    }
    return sb.toString();
  }

  @Test
  void should_match_a_filled_template_in_full_and_return_its_values_whatever_the_noise() {
    Random r = new Random(20261125L);
    for (int n = 0; n < 2_000; n++) {
      // given
      int t = r.nextInt(TEMPLATES.size());
      Map<String, String> values = new HashMap<>();
      String message = fill(TEMPLATES.get(t), templates.get(t), r, values);
      String text = NOISE[r.nextInt(NOISE.length)] + mangle(message, r)
          + TAIL[r.nextInt(TAIL.length)];

      // when
      List<CompiledMatcher.Hit> hits = matcher.match(text);

      // then
      List<CompiledMatcher.Hit> full = new ArrayList<>();
      for (CompiledMatcher.Hit h : hits) {
        if (h.template() == t && h.completeness() == 1.0) {
          full.add(h);
        }
      }
      assertThat(full).as("case %d: %s", n, text).hasSize(1);
      for (Template.Capture c : templates.get(t).captures()) {
        String expected = values.get(c.name()).replaceAll("\\s+", " ");
        assertThat(full.get(0).capture(c.ordinal()).orElse("").replaceAll("\\s+", " "))
            .as("case %d capture %s in %s", n, c.name(), text).isEqualToIgnoringCase(expected);
      }
    }
  }

  @Test
  void should_never_report_a_full_match_when_a_message_is_cut_short() {
    Random r = new Random(7L);
    for (int n = 0; n < 2_000; n++) {
      // given: a message cut before its last literal run
      int t = r.nextInt(TEMPLATES.size());
      String message = fill(TEMPLATES.get(t), templates.get(t), r, new HashMap<>());
      String lastWord = "found";
      int cut = Math.max(message.lastIndexOf(lastWord), message.length() / 2);
      String text = message.substring(0, Math.min(cut, message.length() - 3));

      // when / then
      for (CompiledMatcher.Hit h : matcher.match(text)) {
        if (h.template() == t) {
          assertThat(h.completeness()).as("case %d: %s", n, text).isLessThan(1.0);
        }
      }
    }
  }

  @Test
  void should_keep_spans_and_completeness_in_range_on_random_mutations_of_messages() {
    Random r = new Random(99L);
    for (int n = 0; n < 2_000; n++) {
      int t = r.nextInt(TEMPLATES.size());
      StringBuilder sb = new StringBuilder(fill(TEMPLATES.get(t), templates.get(t), r,
          new HashMap<>()));
      for (int k = r.nextInt(12); k > 0; k--) {
        int at = r.nextInt(sb.length());
        switch (r.nextInt(3)) {
          case 0:
            sb.deleteCharAt(at);
            break;
          case 1:
            sb.insert(at, (char) r.nextInt(0x3000));
            break;
          default:
            sb.insert(at, sb.substring(r.nextInt(sb.length())));
        }
      }
      String text = sb.toString();
      for (CompiledMatcher.Hit h : matcher.match(text)) {
        int[] span = h.originalSpan();
        assertThat(span[0]).as("case %d span", n).isBetween(0, span[1]);
        assertThat(span[1]).as("case %d span", n).isLessThanOrEqualTo(text.length());
        assertThat(h.completeness()).as("case %d", n).isGreaterThan(0).isLessThanOrEqualTo(1);
      }
    }
  }

  @Test
  void should_never_filter_out_a_text_the_full_matcher_finds_a_message_in() {
    Random r = new Random(4L);
    CompiledMatcher.Scratch scratch = matcher.newScratch();
    int found = 0;
    int rejected = 0;
    for (int n = 0; n < 4_000; n++) {
      // given: cut, mangled and mutated messages, pieces of several, and entities
      int t = r.nextInt(TEMPLATES.size());
      StringBuilder sb = new StringBuilder(mangle(fill(TEMPLATES.get(t), templates.get(t), r,
          new HashMap<>()), r));
      if (r.nextBoolean()) {
        sb.setLength(r.nextInt(sb.length() + 1));
      }
      for (int k = r.nextInt(6); k > 0; k--) {
        int at = r.nextInt(sb.length() + 1);
        switch (r.nextInt(5)) {
          case 0:
            if (at < sb.length()) {
              sb.deleteCharAt(at);
            }
            break;
          case 1:
            sb.insert(at, (char) r.nextInt(0x3000));
            break;
          case 2:
            sb.insert(at, "&amp;\u2026&#39;&".substring(r.nextInt(12)));
            break;
          case 3:
            int u = r.nextInt(TEMPLATES.size());
            String other = fill(TEMPLATES.get(u), templates.get(u), r, new HashMap<>());
            int from = r.nextInt(other.length());
            sb.insert(at, other, from, from + r.nextInt(other.length() - from + 1));
            break;
          default:
            sb.insert(at, "\u2003\u00ad\u200b".charAt(r.nextInt(3)));
        }
      }
      String text = sb.toString();

      // when
      int withScratch = matcher.scan(text, scratch);
      int without = matcher.scan(text, null);
      List<CompiledMatcher.Hit> all = matcher.matchAll(text);

      // then: the same answer with and without working state, and for a string as for any
      // other character sequence (each has its own loop)
      assertThat(withScratch).as("case %d: %s", n, text).isEqualTo(without);
      assertThat(matcher.scan(new StringBuilder(text), scratch)).as("case %d: %s", n, text)
          .isEqualTo(without);
      if (!all.isEmpty()) {
        found++;
        assertThat(withScratch & CompiledMatcher.MAY_MATCH).as("case %d: %s", n, text)
            .isEqualTo(CompiledMatcher.MAY_MATCH);
      } else if ((withScratch & CompiledMatcher.MAY_MATCH) == 0) {
        rejected++;
      }
      assertThat(matcher.match(text)).extracting(CompiledMatcher.Hit::template)
          .as("case %d: %s", n, text)
          .containsExactlyElementsOf(all.stream().map(CompiledMatcher.Hit::template).toList());
    }
    // Both sides of the filter were exercised.
    assertThat(found).isGreaterThan(500);
    assertThat(rejected).isGreaterThan(100);
  }

  @Test
  void should_find_with_reused_working_state_exactly_what_a_fresh_run_finds_text_after_text() {
    Random r = new Random(5L);
    CompiledMatcher.Scratch scratch = matcher.newScratch();
    int hits = 0;
    for (int n = 0; n < 3_000; n++) {
      // given: whole, cut and combined messages of every length, one after the other, so the
      // reused state has held longer and shorter texts and other templates' chains before
      StringBuilder sb = new StringBuilder(NOISE[r.nextInt(NOISE.length)]);
      for (int k = 1 + r.nextInt(3); k > 0; k--) {
        int t = r.nextInt(TEMPLATES.size());
        String message = mangle(fill(TEMPLATES.get(t), templates.get(t), r, new HashMap<>()), r);
        sb.append(r.nextInt(3) == 0 ? message.substring(0, r.nextInt(message.length() + 1))
            : message).append(TAIL[r.nextInt(TAIL.length)]);
      }
      String text = sb.toString();

      // when
      List<CompiledMatcher.Hit> fresh = matcher.matchAll(text);
      List<String> expected = describe(fresh);
      List<String> reused = describe(matcher.matchAll(text, scratch));

      // then
      assertThat(reused).as("case %d: %s", n, text).isEqualTo(expected);
      hits += fresh.size();
    }
    assertThat(hits).isGreaterThan(3_000);
  }

  /** Everything a caller reads from hits, read before the working state is reused. */
  private List<String> describe(List<CompiledMatcher.Hit> hits) {
    List<String> out = new ArrayList<>();
    for (CompiledMatcher.Hit h : hits) {
      StringBuilder sb = new StringBuilder().append(h.template()).append(' ')
          .append(h.completeness()).append(' ').append(h.originalSpan()[0]).append('-')
          .append(h.originalSpan()[1]).append(' ').append(h.matchedText());
      for (int c = 0; c < templates.get(h.template()).captures().size(); c++) {
        sb.append(" | ").append(h.capture(c).orElse("<none>"));
      }
      out.add(sb.toString());
    }
    return out;
  }
}
