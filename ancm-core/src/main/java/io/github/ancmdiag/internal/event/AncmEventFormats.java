package io.github.ancmdiag.internal.event;

import io.github.ancmdiag.internal.template.Template;
import io.github.ancmdiag.model.AncmEventKind;
import io.github.ancmdiag.model.AncmModule;
import io.github.ancmdiag.model.VersionRange;
import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import org.jetbrains.annotations.Nullable;

/**
 * Reads the bundled list of ANCM event formats ({@code ancm-events.tsv}, its header says the
 * columns) once, on first use. A malformed line is a bug of the bundle and fails loudly.
 */
public final class AncmEventFormats {
  static final String RESOURCE = "ancm-events.tsv";

  /** ANCM's event providers all contain this (V1, V2 and their IIS Express names). */
  private static final String PROVIDER_WORDS = "aspnetcore module";

  /**
   * One event format.
   *
   * @param eventId the Windows event id, 0 for a text under no id
   * @param name the unique name of the format
   * @param module the module that prints it
   * @param versions the ASP.NET Core versions whose module prints this wording
   * @param kind what it reports
   * @param constant the module's symbolic name of the text, or empty
   * @param template the parsed text, or null for an id whose text is any text ({@code %1})
   */
  public record Format(int eventId, String name, AncmModule module, VersionRange versions,
      AncmEventKind kind, String constant, @Nullable Template template) {}

  private static final List<Format> BUNDLED = load();

  private AncmEventFormats() {}

  /**
   * Returns every bundled format, in the order of the file.
   *
   * @return the formats
   */
  public static List<Format> bundled() {
    return BUNDLED;
  }

  /**
   * Tells which module a provider name stands for.
   *
   * @param provider an event's provider, such as {@code IIS AspNetCore Module V2}
   * @return the module, or null when the provider is not ANCM's (or unknown)
   */
  public static @Nullable AncmModule moduleOf(String provider) {
    int n = provider.length();
    boolean ancm = false;
    for (int i = 0; i + PROVIDER_WORDS.length() <= n && !ancm; i++) {
      ancm = provider.regionMatches(true, i, PROVIDER_WORDS, 0, PROVIDER_WORDS.length());
    }
    if (!ancm) {
      return null; // allocation-free: called for every event record with an id
    }
    int end = n;
    while (end > 0 && Character.isWhitespace(provider.charAt(end - 1))) {
      end--;
    }
    return end >= 3 && provider.regionMatches(true, end - 3, " v2", 0, 3)
        ? AncmModule.V2 : AncmModule.V1;
  }

  private static List<Format> load() {
    try (InputStream in = AncmEventFormats.class.getResourceAsStream(RESOURCE)) {
      if (in == null) {
        throw new IllegalStateException("the bundled " + RESOURCE + " is missing");
      }
      return parse(new BufferedReader(new InputStreamReader(in, StandardCharsets.UTF_8)));
    } catch (IOException e) {
      throw new UncheckedIOException("cannot read the bundled " + RESOURCE, e);
    }
  }

  /**
   * Parses the formats file.
   *
   * @param reader the file's text
   * @return the formats
   * @throws IOException if reading fails
   * @throws IllegalStateException naming the line of the first mistake
   */
  static List<Format> parse(BufferedReader reader) throws IOException {
    List<Format> formats = new ArrayList<>();
    Set<String> names = new HashSet<>();
    String line;
    int number = 0;
    while ((line = reader.readLine()) != null) {
      number++;
      if (line.isBlank() || line.startsWith("#")) {
        continue;
      }
      String[] col = line.split("\t", -1);
      try {
        if (col.length != 7) {
          throw new IllegalArgumentException("has " + col.length + " columns, not 7");
        }
        int id = Integer.parseInt(col[0]);
        if (!names.add(col[1])) {
          throw new IllegalArgumentException("repeats the format name " + col[1]);
        }
        Template template = col[6].equals("-") ? null : Template.parse(unescape(col[6]));
        formats.add(new Format(id, col[1], AncmModule.valueOf(col[2]),
            VersionRange.parse(col[3]), AncmEventKind.valueOf(col[4]),
            col[5].equals("-") ? "" : col[5], template));
      } catch (IllegalArgumentException e) { // TemplateSyntaxException too
        throw new IllegalStateException(RESOURCE + " line " + number + ": " + e.getMessage(), e);
      }
    }
    return List.copyOf(formats);
  }

  /** Turns {@code \r}, {@code \n}, {@code \t} and {@code \\} into the characters they name. */
  static String unescape(String text) {
    if (text.indexOf('\\') < 0) {
      return text;
    }
    StringBuilder sb = new StringBuilder(text.length());
    for (int i = 0; i < text.length(); i++) {
      char c = text.charAt(i);
      if (c == '\\' && i + 1 < text.length()) {
        char next = text.charAt(++i);
        sb.append(next == 'r' ? '\r' : next == 'n' ? '\n' : next == 't' ? '\t' : next);
      } else {
        sb.append(c);
      }
    }
    return sb.toString();
  }
}
