package io.github.ancmdiag.internal.read.evtx;

import java.io.IOException;
import java.io.InputStream;
import java.time.DateTimeException;
import java.time.Instant;
import java.util.Objects;
import java.util.function.Consumer;
import java.util.zip.CRC32;
import org.jetbrains.annotations.NotNull;
import org.jetbrains.annotations.Nullable;

/**
 * Reads the event records of an {@code .evtx} file one at a time, holding one 64 KiB chunk in
 * memory: a file of any size is read in constant memory, front to back, never whole.
 *
 * <p>What is damaged is reported to the damage consumer, with its byte offset, and reading goes
 * on: every record that can still be read is returned.
 *
 * <ul>
 *   <li>The file header's chunk count and record numbers are not relied on (Windows leaves them
 *       stale in a file copied while the log was open): chunks are read to the end of the file.
 *   <li>A chunk of zeros is unused space (a file is grown ahead of its records): no damage.
 *   <li>A chunk without its {@code ElfChnk\0} signature, or whose header CRC32 does not match, has
 *       a header that cannot be trusted: its bytes are searched for records by their signature
 *       ({@code **\0\0}, the size at both ends, readable binary XML) and what is found is read.
 *   <li>A chunk whose records' CRC32 does not match: its records are read one by one and those
 *       that still read are returned; the mismatch is reported once for the chunk, because a
 *       record that reads may still hold a changed value. A CRC32 of zero is no CRC (some tools
 *       write none).
 *   <li>Bytes where a record should start but none does (a zeroed or overwritten stretch): the
 *       next record is searched for, and the stretch is reported with the records it lost.
 *   <li>A record whose binary XML cannot be read (a bad token, a template whose definition is in
 *       lost bytes, a limit passed): that record is reported, the next one read.
 *   <li>A file cut short: the records before the cut are read; the record cut and those the
 *       chunk header says follow it are reported.
 * </ul>
 *
 * <p>Never throws for the file's content: an {@link IOException} comes only from the stream. Not
 * thread-safe.
 */
public final class EvtxReader {
  /** The size of the file header block. */
  public static final int HEADER_SIZE = 4096;
  /** The size of a chunk. */
  public static final int CHUNK_SIZE = 65536;

  private static final int CHUNK_HEADER = 512;
  private static final int RECORD_HEADER = 24;
  private static final byte[] FILE_MAGIC = {'E', 'l', 'f', 'F', 'i', 'l', 'e', 0};
  private static final byte[] CHUNK_MAGIC = {'E', 'l', 'f', 'C', 'h', 'n', 'k', 0};

  private final InputStream in;
  private final Consumer<EvtxDamage> damage;
  private final int maxChars;
  private final byte[] chunk = new byte[CHUNK_SIZE];
  private final BinXml binXml = new BinXml(chunk);
  private final CRC32 crc = new CRC32();

  private boolean started;
  private boolean ended;
  private int chunkIndex = -1;
  private long chunkStart;
  /** The bytes of the chunk held: less than a chunk when the file ends inside it. */
  private int limit;
  private int pos;
  /** Where this chunk's records end: its free space offset, or {@link #limit}. */
  private int end;
  /** The header is not trusted: records are searched for by their signature. */
  private boolean searching;
  /** The record ids the trusted header gives, and the next one expected. */
  private long firstId;
  private long lastId;
  private long nextId;

  /**
   * Creates a reader over a stream that starts with the file header.
   *
   * @param in the file's bytes; not closed by this reader
   * @param maxChars the most characters kept of a record's text, at least 1
   * @param damage receives what could not be read, in file order
   */
  public EvtxReader(@NotNull InputStream in, int maxChars, @NotNull Consumer<EvtxDamage> damage) {
    this.in = Objects.requireNonNull(in, "in");
    this.damage = Objects.requireNonNull(damage, "damage");
    if (maxChars < 1) {
      throw new IllegalArgumentException("maxChars must be at least 1 but was " + maxChars);
    }
    this.maxChars = maxChars;
  }

  /**
   * Tells whether bytes start with the {@code .evtx} file signature {@code ElfFile\0}.
   *
   * @param head the first bytes of a file (8 are enough)
   * @param length how many of them are valid
   * @return true for an {@code .evtx} file header
   */
  public static boolean hasSignature(byte @NotNull [] head, int length) {
    return startsWith(head, 0, length, FILE_MAGIC);
  }

  /**
   * Returns the next event record, or null at the end of the file.
   *
   * @return the next record, or null
   * @throws IOException if the stream cannot be read
   */
  public @Nullable EvtxEvent next() throws IOException {
    if (!started) {
      started = true;
      readFileHeader();
    }
    while (!ended) {
      if (pos >= end && !nextChunk()) {
        ended = true;
        return null;
      }
      EvtxEvent e = nextRecord();
      if (e != null) {
        return e;
      }
    }
    return null;
  }

  private void readFileHeader() throws IOException {
    int n = in.readNBytes(chunk, 0, HEADER_SIZE);
    if (!startsWith(chunk, 0, n, FILE_MAGIC)) {
      report(0, "the file does not start with the .evtx signature ElfFile; nothing was read");
      ended = true;
    } else if (n < HEADER_SIZE) {
      report(n, "the file ends inside its " + HEADER_SIZE + "-byte header, before any chunk "
          + "of records (a truncated file); nothing was read");
      ended = true;
    }
  }

  /** Reads the next chunk; false at the end of the file. */
  private boolean nextChunk() throws IOException {
    finishChunk();
    while (true) {
      int n = in.readNBytes(chunk, 0, CHUNK_SIZE);
      if (n == 0) {
        return false;
      }
      chunkIndex++;
      chunkStart = HEADER_SIZE + (long) chunkIndex * CHUNK_SIZE;
      limit = n;
      if (allZero(n)) {
        continue; // unused space
      }
      if (startChunk(n)) {
        return true;
      }
    }
  }

  /** Checks the header of the chunk just read; false when it holds no records to read. */
  private boolean startChunk(int n) {
    binXml.reset(n);
    pos = CHUNK_HEADER;
    end = n;
    searching = false;
    firstId = 0;
    lastId = -1;
    nextId = 0;
    if (n < CHUNK_HEADER) {
      report(0, "the file ends inside the header of chunk " + chunkIndex
          + " (a truncated file); its records were not read");
      return false;
    }
    if (!startsWith(chunk, 0, n, CHUNK_MAGIC)) {
      searching = true;
      report(0, "chunk " + chunkIndex + " has no ElfChnk signature (its header is damaged);"
          + " its bytes were searched for records, and those found that still read were read");
      return true;
    }
    long stored = Values.i32(chunk, 124) & 0xFFFF_FFFFL;
    crc.reset();
    crc.update(chunk, 0, 120);
    crc.update(chunk, 128, CHUNK_HEADER - 128);
    if (stored != 0 && stored != crc.getValue()) {
      searching = true;
      report(0, "the header CRC32 of chunk " + chunkIndex + " does not match (stored 0x"
          + Long.toHexString(stored) + ", computed 0x" + Long.toHexString(crc.getValue())
          + "); its bytes were searched for records, and those found that still read were read");
      return true;
    }
    int freeSpace = Values.i32(chunk, 48);
    firstId = Values.i64(chunk, 24);
    lastId = Values.i64(chunk, 32);
    nextId = firstId;
    if (freeSpace < CHUNK_HEADER || freeSpace > CHUNK_SIZE || lastId < firstId - 1
        || lastId - firstId > CHUNK_SIZE / 28) {
      searching = true;
      lastId = -1;
      report(0, "the header of chunk " + chunkIndex + " gives impossible values (free space"
          + " offset " + (freeSpace & 0xFFFF_FFFFL) + ", records " + Long.toUnsignedString(firstId)
          + " to " + Long.toUnsignedString(Values.i64(chunk, 32)) + "); its bytes were searched"
          + " for records, and those found that still read were read");
      return true;
    }
    end = Math.min(freeSpace, n);
    long storedData = Values.i32(chunk, 52) & 0xFFFF_FFFFL;
    if (storedData != 0 && freeSpace <= n) {
      crc.reset();
      crc.update(chunk, CHUNK_HEADER, freeSpace - CHUNK_HEADER);
      if (storedData != crc.getValue()) {
        report(CHUNK_HEADER, "the records' CRC32 of chunk " + chunkIndex + " does not match"
            + " (stored 0x" + Long.toHexString(storedData) + ", computed 0x"
            + Long.toHexString(crc.getValue()) + "): bytes changed after they were written;"
            + " every record that still reads was read (a value in one may be wrong), and the"
            + " parts that do not are reported on their own");
      }
    }
    return true;
  }

  /** At the end of a trusted chunk: reports the records its header lists but that were not seen. */
  private void finishChunk() {
    if (chunkIndex >= 0 && !searching && lastId >= 0 && nextId <= lastId && limit >= CHUNK_HEADER) {
      report(end, "records " + range(nextId, lastId) + " that the header of chunk " + chunkIndex
          + " lists were not found before its free space offset; they were not read");
    }
    lastId = -1;
  }

  /** Returns the next record of the chunk, or null when none is left in it. */
  private @Nullable EvtxEvent nextRecord() {
    while (pos + RECORD_HEADER <= end) {
      int p = pos;
      int size = recordSizeAt(p);
      if (size == 0) {
        if (searching) {
          pos++;
          continue;
        }
        int next = findRecord(p + 1);
        lost(p, next);
        pos = next < 0 ? end : next;
        continue;
      }
      if (size < 0) { // the file ends inside this record
        long id = Values.i64(chunk, p + 8);
        report(p, "the file ends inside record " + Long.toUnsignedString(id) + " (a truncated"
            + " file); " + (!searching && lastId >= id && lastId > id ? "it and records "
            + range(id + 1, lastId) + " that the chunk header lists were" : "it was")
            + " not read");
        nextId = lastId + 1;
        pos = end;
        return null;
      }
      long id = Values.i64(chunk, p + 8);
      pos = p + size;
      if (!searching) {
        nextId = id + 1;
      }
      EventFields fields = new EventFields(maxChars, BinXml.MAX_DEPTH);
      try {
        binXml.record(p + RECORD_HEADER, p + size - 4, fields);
      } catch (BinXmlException e) {
        report(p, "record " + Long.toUnsignedString(id) + " cannot be read: " + e.getMessage()
            + " (at byte " + (chunkStart + e.offset) + "); it was not read");
        continue;
      }
      Instant written;
      try {
        written = Values.fileTimeInstant(Values.i64(chunk, p + 16));
      } catch (DateTimeException | ArithmeticException e) {
        written = null;
      }
      return new EvtxEvent(id, chunkStart + p, written, fields.provider, fields.eventId,
          fields.level, fields.time, fields.timeInstant, fields.data, fields.cut);
    }
    pos = end;
    return null;
  }

  /**
   * The size of a record starting at {@code p}: its signature, a size that fits and the same size
   * at its end; 0 when there is none, -1 when one starts whose end is beyond the end of a cut
   * file.
   */
  private int recordSizeAt(int p) {
    if (chunk[p] != '*' || chunk[p + 1] != '*' || chunk[p + 2] != 0 || chunk[p + 3] != 0) {
      return 0;
    }
    int size = Values.i32(chunk, p + 4);
    if (size < RECORD_HEADER + 8 || size > CHUNK_SIZE - p) {
      return 0;
    }
    if (p + size > limit) {
      return limit < CHUNK_SIZE ? -1 : 0;
    }
    if (!searching && p + size > end) {
      return 0;
    }
    return Values.i32(chunk, p + size - 4) == size ? size : 0;
  }

  /** The start of the next record from {@code p}, or -1. */
  private int findRecord(int p) {
    for (int q = p; q + RECORD_HEADER <= end; q++) {
      if (recordSizeAt(q) > 0) {
        return q;
      }
    }
    return -1;
  }

  /** Reports the bytes from {@code p} to {@code next} (or the end) where no record reads. */
  private void lost(int p, int next) {
    int to = next < 0 ? end : next;
    String which = "";
    if (lastId >= 0) {
      long upTo = next < 0 ? lastId : Values.i64(chunk, next + 8) - 1;
      if (upTo >= nextId) {
        which = "; records " + range(nextId, upTo) + " were there and were not read";
      }
      nextId = upTo + 1;
    }
    report(p, "bytes " + (chunkStart + p) + " to " + (chunkStart + to - 1) + " of chunk "
        + chunkIndex + " hold no readable record (no record signature or size where one"
        + " should start: overwritten or zeroed)" + which);
  }

  private static String range(long from, long to) {
    return from == to ? Long.toUnsignedString(from)
        : Long.toUnsignedString(from) + " to " + Long.toUnsignedString(to) + " ("
            + (to - from + 1) + ")";
  }

  private void report(int offsetInChunk, String reason) {
    long at = chunkIndex < 0 ? offsetInChunk : chunkStart + offsetInChunk;
    damage.accept(new EvtxDamage(at, reason));
  }

  private boolean allZero(int n) {
    for (int i = 0; i < n; i++) {
      if (chunk[i] != 0) {
        return false;
      }
    }
    return true;
  }

  private static boolean startsWith(byte[] b, int off, int n, byte[] magic) {
    if (n - off < magic.length) {
      return false;
    }
    for (int i = 0; i < magic.length; i++) {
      if (b[off + i] != magic[i]) {
        return false;
      }
    }
    return true;
  }
}
