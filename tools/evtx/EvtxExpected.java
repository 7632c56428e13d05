import io.github.ancmdiag.input.Format;
import io.github.ancmdiag.input.LogReader;
import io.github.ancmdiag.input.LogRecord;
import java.io.ByteArrayInputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Derives the expected records of an .evtx sample from libevtx's evtxexport, independently of
 * ancm-diag's .evtx reader: each event of {@code evtxexport -m all -f xml FILE} is read by
 * ancm-diag's event XML reader (the records an XML export of the same events gives), and written
 * as one line of {@code ancm-core/src/test/resources/evtx/*.expected.tsv}.
 *
 * <p>Run from the repository root after {@code mvn -q -o -pl ancm-core compile}:
 * <pre>
 * evtxexport -m all -f xml ancm-core/src/test/resources/evtx/system.evtx &gt; /tmp/system.xml
 * java -cp ancm-core/target/classes:$HOME/.m2/repository/org/jetbrains/annotations/26.1.0/annotations-26.1.0.jar \
 *     tools/evtx/EvtxExpected.java /tmp/system.xml [FIRST-LAST ...] &gt; ancm-core/src/test/resources/evtx/system.expected.tsv
 * </pre>
 * Record id ranges given after the file are left out (records evtxexport recovers from a chunk's
 * slack space, after its free space offset: left from an earlier use of the chunk, not part of
 * the log). One rendering differs on purpose: evtxexport pads {@code HexInt32} values to eight
 * digits ({@code 0x00000000}) where Windows writes {@code 0x0}; the padding is removed here from a
 * text that is such a value alone.
 *
 * <p>Columns, tab-separated: record id, event id, level, time (ISO-8601, UTC), provider, text.
 * The text is escaped ({@code \\}, {@code \n}, {@code \t}, {@code \r}) when at most 200
 * characters long, else {@code sha256:} and the first 16 hex digits of its UTF-8 SHA-256 and
 * {@code :} its length.
 */
public class EvtxExpected {
  private static final Pattern EVENT = Pattern.compile("<Event[ >].*?</Event>", Pattern.DOTALL);
  private static final Pattern RECORD_ID = Pattern.compile("<EventRecordID>(\\d+)</EventRecordID>");
  private static final Pattern HEX_PADDING = Pattern.compile("0x0*([0-9a-fA-F]+)");

  public static void main(String[] args) throws Exception {
    String xml = Files.readString(Path.of(args[0]), StandardCharsets.UTF_8);
    List<long[]> excluded = new ArrayList<>();
    for (int i = 1; i < args.length; i++) {
      String[] r = args[i].split("-");
      excluded.add(new long[] {Long.parseLong(r[0]), Long.parseLong(r[1])});
    }
    List<String> lines = new ArrayList<>();
    Matcher m = EVENT.matcher(xml);
    while (m.find()) {
      String event = m.group();
      Matcher id = RECORD_ID.matcher(event);
      if (!id.find()) {
        throw new IllegalStateException("no EventRecordID in " + event);
      }
      long recordId = Long.parseLong(id.group(1));
      if (excluded.stream().anyMatch(r -> recordId >= r[0] && recordId <= r[1])) {
        continue;
      }
      try (LogReader reader = LogReader.of("x", new ByteArrayInputStream(
          event.getBytes(StandardCharsets.UTF_8)), Format.EVENT_XML)) {
        for (LogRecord r : reader) {
          Matcher hex = HEX_PADDING.matcher(r.text());
          String text = hex.matches() ? "0x" + hex.group(1) : r.text();
          lines.add(recordId + "\t" + r.eventId() + "\t" + r.level() + "\t"
              + r.time().map(Object::toString).orElse("") + "\t" + r.provider() + "\t"
              + shown(text));
        }
        if (!reader.skipped().isEmpty()) {
          throw new IllegalStateException(reader.skipped().toString());
        }
      }
    }
    lines.sort((a, b) -> Long.compare(Long.parseLong(a.substring(0, a.indexOf('\t'))),
        Long.parseLong(b.substring(0, b.indexOf('\t')))));
    lines.forEach(System.out::println);
  }

  static String shown(String text) throws Exception {
    if (text.length() <= 200) {
      return text.replace("\\", "\\\\").replace("\n", "\\n").replace("\t", "\\t")
          .replace("\r", "\\r");
    }
    byte[] digest = MessageDigest.getInstance("SHA-256")
        .digest(text.getBytes(StandardCharsets.UTF_8));
    return "sha256:" + HexFormat.of().formatHex(digest, 0, 8) + ":" + text.length();
  }
}
