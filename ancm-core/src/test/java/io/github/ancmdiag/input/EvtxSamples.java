package io.github.ancmdiag.input;

import io.github.ancmdiag.internal.read.evtx.EvtxDamage;
import io.github.ancmdiag.internal.read.evtx.EvtxEvent;
import io.github.ancmdiag.internal.read.evtx.EvtxReader;
import io.github.ancmdiag.internal.read.evtx.EvtxRecords;
import io.github.ancmdiag.internal.read.text.RawRecord;
import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HexFormat;
import java.util.List;
import java.util.Set;
import java.util.TreeSet;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.zip.CRC32;

/**
 * The real {@code .evtx} samples under {@code src/test/resources/evtx} (from the test data of
 * the MIT/Apache-2.0 Rust parser github.com/omerbenamram/evtx, {@code LICENSE-MIT} beside them),
 * their expected records ({@code *.expected.tsv}, derived from libevtx's {@code evtxexport} by
 * {@code tools/evtx/EvtxExpected.java}, which says how), and the byte surgery the damage tests
 * do on copies of them.
 */
final class EvtxSamples {
  static final Path DIR = Path.of("src", "test", "resources", "evtx");
  static final int HEADER = 4096;
  static final int CHUNK = 65536;
  private static final Pattern NAMED_IDS = Pattern.compile("\\brecords? (\\d+)(?: to (\\d+))?");

  private EvtxSamples() {}

  /** What the reader gave: one expected-file line per record, in file order, and the damage. */
  record Read(List<String> lines, List<EvtxDamage> damage) {
    Set<Long> ids() {
      Set<Long> ids = new TreeSet<>();
      for (String l : lines) {
        ids.add(Long.parseLong(l.substring(0, l.indexOf('\t'))));
      }
      return ids;
    }

    /** The record ids the damage reports name as not read ("record 7", "records 8 to 12"). */
    Set<Long> namedInDamage() {
      Set<Long> ids = new TreeSet<>();
      for (EvtxDamage d : damage) {
        Matcher m = NAMED_IDS.matcher(d.reason());
        while (m.find()) {
          long from = Long.parseLong(m.group(1));
          long to = m.group(2) == null ? from : Long.parseLong(m.group(2));
          for (long id = from; id <= to; id++) {
            ids.add(id);
          }
        }
      }
      return ids;
    }
  }

  static byte[] bytes(String name) {
    try {
      return Files.readAllBytes(DIR.resolve(name));
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  static List<String> expected(String sample) {
    try {
      return Files.readAllLines(DIR.resolve(sample.replace(".evtx", ".expected.tsv")),
          StandardCharsets.UTF_8);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  /** Reads {@code file} with the .evtx reader, each record as {@link EvtxRecords} makes it. */
  static Read read(byte[] file) {
    List<EvtxDamage> damage = new ArrayList<>();
    EvtxReader reader = new EvtxReader(new ByteArrayInputStream(file),
        ReadLimits.DEFAULT_MAX_RECORD_CHARS, damage::add);
    List<String> lines = new ArrayList<>();
    try {
      for (EvtxEvent e = reader.next(); e != null; e = reader.next()) {
        lines.add(line(e.recordId(), EvtxRecords.toRecord(e, "test.evtx")));
      }
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
    return new Read(lines, damage);
  }

  /** A record as a line of the expected files (see tools/evtx/EvtxExpected.java). */
  static String line(long recordId, RawRecord r) {
    return recordId + "\t" + r.eventId() + "\t" + r.level() + "\t"
        + (r.time() == null ? "" : r.time().toString()) + "\t" + r.provider() + "\t"
        + shown(r.text());
  }

  static String shown(String text) {
    if (text.length() <= 200) {
      return text.replace("\\", "\\\\").replace("\n", "\\n").replace("\t", "\\t")
          .replace("\r", "\\r");
    }
    try {
      byte[] digest = MessageDigest.getInstance("SHA-256")
          .digest(text.getBytes(StandardCharsets.UTF_8));
      return "sha256:" + HexFormat.of().formatHex(digest, 0, 8) + ":" + text.length();
    } catch (NoSuchAlgorithmException e) {
      throw new IllegalStateException(e);
    }
  }

  /** The start of every record in chunk {@code index} of {@code file}, walked by its sizes. */
  static List<Integer> recordStarts(byte[] file, int index) {
    int chunk = HEADER + index * CHUNK;
    int free = u32(file, chunk + 48);
    List<Integer> starts = new ArrayList<>();
    for (int p = chunk + 512; p < chunk + free; p += u32(file, p + 4)) {
      starts.add(p);
    }
    return starts;
  }

  static long recordId(byte[] file, int recordStart) {
    return ByteBuffer.wrap(file).order(ByteOrder.LITTLE_ENDIAN).getLong(recordStart + 8);
  }

  /** The ids the header of chunk {@code index} lists, first to last. */
  static Set<Long> listedIds(byte[] file, int index) {
    ByteBuffer b = ByteBuffer.wrap(file).order(ByteOrder.LITTLE_ENDIAN);
    int chunk = HEADER + index * CHUNK;
    Set<Long> ids = new TreeSet<>();
    for (long id = b.getLong(chunk + 24); id <= b.getLong(chunk + 32); id++) {
      ids.add(id);
    }
    return ids;
  }

  static int u32(byte[] b, int p) {
    return ByteBuffer.wrap(b).order(ByteOrder.LITTLE_ENDIAN).getInt(p);
  }

  static void putU32(byte[] b, int p, int v) {
    ByteBuffer.wrap(b).order(ByteOrder.LITTLE_ENDIAN).putInt(p, v);
  }

  static void putU16(byte[] b, int p, int v) {
    ByteBuffer.wrap(b).order(ByteOrder.LITTLE_ENDIAN).putShort(p, (short) v);
  }

  /**
   * The Application sample cut after its second record (427, a classic event of SecurityCenter:
   * its template and the event data's nested template are Windows' own bytes, defined in record
   * 426), whose substitution values are replaced: level 2 (Error), event id 1010, and the
   * insertion strings (the string array of the nested event data) by {@code strings}. Only
   * values change; the templates, and so the provider name they hold ({@code SecurityCenter}),
   * stay as Windows wrote them. The sample's CRC32s are zero (no CRC), so none is rewritten.
   */
  static byte[] applicationWithValues(int eventId, int level, String... strings) {
    byte[] file = bytes("Application_no_crc32.evtx");
    int chunk = HEADER;
    int rec = chunk + 2080;
    int size = u32(file, rec + 4);
    int xml = rec + 24;
    int q = xml + 4 + 10; // after the fragment header and the instance (its definition elsewhere)
    int count = u32(file, q);
    int[] offset = new int[count];
    int[] length = new int[count];
    int at = q + 4 + 4 * count;
    for (int i = 0; i < count; i++) {
      offset[i] = at;
      length[i] = u16(file, q + 4 + 4 * i);
      at += length[i];
    }
    // the nested event data: fragment, instance, 3 descriptors, then the string array first
    int n = offset[19];
    int arrayAt = n + 14 + 4 + 4 * 3;
    int oldArray = u16(file, n + 18);
    byte[] array = (String.join("\0", strings) + "\0").getBytes(StandardCharsets.UTF_16LE);
    ByteArrayOutputStream nested = new ByteArrayOutputStream();
    nested.write(file, n, arrayAt - n);
    nested.write(array, 0, array.length);
    nested.write(file, arrayAt + oldArray, n + length[19] - arrayAt - oldArray);
    byte[] nestedBytes = nested.toByteArray();
    putU16(nestedBytes, 18, array.length);

    ByteArrayOutputStream body = new ByteArrayOutputStream();
    body.write(file, xml, q + 4 + 4 * count - xml);
    for (int i = 0; i < count; i++) {
      if (i == 0) {
        body.write(level);
      } else if (i == 3) {
        body.write(eventId & 0xFF);
        body.write(eventId >>> 8);
      } else if (i == 19) {
        body.write(nestedBytes, 0, nestedBytes.length);
      } else {
        body.write(file, offset[i], length[i]);
      }
    }
    body.write(file, at, rec + size - 4 - at);
    byte[] xmlBytes = body.toByteArray();
    putU16(xmlBytes, q - xml + 4 + 4 * 19, nestedBytes.length);
    int newSize = 24 + xmlBytes.length + 4;

    byte[] out = Arrays.copyOf(file, HEADER + CHUNK);
    Arrays.fill(out, rec, HEADER + CHUNK, (byte) 0);
    System.arraycopy(file, rec, out, rec, 24);
    putU32(out, rec + 4, newSize);
    System.arraycopy(xmlBytes, 0, out, rec + 24, xmlBytes.length);
    putU32(out, rec + newSize - 4, newSize);
    ByteBuffer b = ByteBuffer.wrap(out).order(ByteOrder.LITTLE_ENDIAN);
    b.putLong(chunk + 16, 2).putLong(chunk + 32, 427).putInt(chunk + 44, rec - chunk)
        .putInt(chunk + 48, rec - chunk + newSize);
    return out;
  }

  static int u16(byte[] b, int p) {
    return (b[p] & 0xFF) | (b[p + 1] & 0xFF) << 8;
  }

  /** Rewrites the CRC32 of the file header, as Windows computes it (its first 120 bytes). */
  static void fixFileHeaderCrc(byte[] file) {
    CRC32 crc = new CRC32();
    crc.update(file, 0, 120);
    putU32(file, 124, (int) crc.getValue());
  }
}
