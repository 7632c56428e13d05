package io.github.ancmdiag.internal.read.evtx;

import java.io.ByteArrayOutputStream;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.function.Consumer;
import java.util.zip.CRC32;

/**
 * Writes small {@code .evtx} files for tests: a file header, one chunk, records whose binary XML
 * a test writes token by token (names written in full where they are first used, template
 * definitions inline, values after their descriptors). Offsets are those in the chunk, as the
 * format has them. The CRC32s are computed, as Windows writes them.
 */
final class EvtxWriter {
  private final ByteArrayOutputStream chunkBody = new ByteArrayOutputStream();
  private long nextId = 1;
  private int lastRecord = 512;

  /** Writes binary XML at a known chunk offset. */
  static final class Xml {
    private final ByteArrayOutputStream out = new ByteArrayOutputStream();
    private final int base;

    Xml(int base) {
      this.base = base;
    }

    int pos() {
      return base + out.size();
    }

    Xml u8(int v) {
      out.write(v);
      return this;
    }

    Xml u16(int v) {
      return u8(v & 0xFF).u8(v >>> 8 & 0xFF);
    }

    Xml u32(int v) {
      return u16(v & 0xFFFF).u16(v >>> 16);
    }

    Xml bytes(byte[] b) {
      out.writeBytes(b);
      return this;
    }

    Xml fragment() {
      return u8(0x0F).u8(1).u8(1).u8(0);
    }

    Xml open(String name) {
      return open(name, false, 0xFFFF);
    }

    /** An open start element, its name in full; with attributes, the list's size follows. */
    Xml open(String name, boolean attributes, int dependency) {
      u8(attributes ? 0x41 : 0x01).u16(dependency).u32(0);
      u32(pos() + 4);
      name(name);
      return attributes ? u32(0) : this;
    }

    /** An open start element whose name was written before, at {@code nameOffset}. */
    Xml openRef(int nameOffset) {
      return u8(0x01).u16(0xFFFF).u32(0).u32(nameOffset);
    }

    Xml name(String name) {
      u32(0).u16(0).u16(name.length());
      bytes(name.getBytes(StandardCharsets.UTF_16LE));
      return u16(0);
    }

    /** An attribute with its name in full; its value tokens follow. */
    Xml attribute(String name) {
      u8(0x06);
      u32(pos() + 4);
      return name(name);
    }

    Xml closeStart() {
      return u8(0x02);
    }

    Xml closeEmpty() {
      return u8(0x03);
    }

    Xml end() {
      return u8(0x04);
    }

    Xml eos() {
      return u8(0x00);
    }

    Xml text(String s) {
      u8(0x05).u8(0x01).u16(s.length());
      return bytes(s.getBytes(StandardCharsets.UTF_16LE));
    }

    Xml substitution(int id, int type, boolean optional) {
      return u8(optional ? 0x0E : 0x0D).u16(id).u8(type);
    }

    /** {@code <name>text</name>}. */
    Xml element(String name, String text) {
      return open(name).closeStart().text(text).end();
    }

    /**
     * A template instance whose definition is written inline here by {@code definition}, with
     * its values; returns the definition's offset through {@code defined} (may be null).
     */
    Xml instance(int id, Consumer<Xml> definition, List<Value> values, int[] defined) {
      u8(0x0C).u8(1).u32(id);
      int at = pos() + 4;
      if (defined != null) {
        defined[0] = at;
      }
      u32(at);
      u32(0).u32(id).u32(0).u32(0).u32(0); // next definition, GUID (its first 4 bytes the id)
      int sizeAt = out.size();
      u32(0);
      int start = out.size();
      Xml def = new Xml(pos());
      definition.accept(def);
      bytes(def.out.toByteArray());
      byte[] all = out.toByteArray();
      ByteBuffer.wrap(all).order(ByteOrder.LITTLE_ENDIAN).putInt(sizeAt, all.length - start);
      out.reset();
      out.writeBytes(all);
      return values(values);
    }

    /** A template instance referring to a definition written before, at {@code offset}. */
    Xml instanceOf(int id, int offset, List<Value> values) {
      u8(0x0C).u8(1).u32(id).u32(offset);
      return values(values);
    }

    private Xml values(List<Value> values) {
      u32(values.size());
      for (Value v : values) {
        u16(v.bytes.length).u8(v.type).u8(0);
      }
      for (Value v : values) {
        bytes(v.bytes);
      }
      return this;
    }

    byte[] toByteArray() {
      return out.toByteArray();
    }
  }

  /** A substitution value: its type and bytes. */
  record Value(int type, byte[] bytes) {
    static Value string(String s) {
      return new Value(Values.STRING, s.getBytes(StandardCharsets.UTF_16LE));
    }

    static Value strings(String... items) {
      return new Value(Values.STRING | Values.ARRAY,
          (String.join("\0", items) + "\0").getBytes(StandardCharsets.UTF_16LE));
    }

    static Value u8(int v) {
      return new Value(Values.UINT8, new byte[] {(byte) v});
    }

    static Value u16(int v) {
      return new Value(Values.UINT16, new byte[] {(byte) v, (byte) (v >>> 8)});
    }

    static Value fileTime(long ticks) {
      return new Value(Values.FILETIME, ByteBuffer.allocate(8).order(ByteOrder.LITTLE_ENDIAN)
          .putLong(ticks).array());
    }

    static Value none() {
      return new Value(Values.NULL, new byte[0]);
    }

    static Value binXml(Xml xml) {
      return new Value(Values.BINXML, xml.toByteArray());
    }
  }

  /** The chunk offset where the next record's binary XML starts. */
  int nextXmlOffset() {
    return 512 + chunkBody.size() + 24;
  }

  /** Adds a record whose binary XML {@code content} writes. */
  EvtxWriter record(Consumer<Xml> content) {
    Xml xml = new Xml(nextXmlOffset());
    content.accept(xml);
    byte[] b = xml.toByteArray();
    int size = 24 + b.length + 4;
    ByteBuffer r = ByteBuffer.allocate(size).order(ByteOrder.LITTLE_ENDIAN);
    r.put(new byte[] {'*', '*', 0, 0}).putInt(size).putLong(nextId++)
        .putLong(132_617_911_050_187_674L).put(b).putInt(size);
    lastRecord = 512 + chunkBody.size();
    chunkBody.writeBytes(r.array());
    return this;
  }

  /** The file: its header and one chunk. */
  byte[] toFile() {
    ByteBuffer f = ByteBuffer.allocate(EvtxReader.HEADER_SIZE + EvtxReader.CHUNK_SIZE)
        .order(ByteOrder.LITTLE_ENDIAN);
    f.put(new byte[] {'E', 'l', 'f', 'F', 'i', 'l', 'e', 0}).putLong(0).putLong(0)
        .putLong(nextId).putInt(128).putShort((short) 1).putShort((short) 3)
        .putShort((short) 4096).putShort((short) 1);
    CRC32 crc = new CRC32();
    crc.update(f.array(), 0, 120);
    f.putInt(124, (int) crc.getValue());
    int c = EvtxReader.HEADER_SIZE;
    byte[] body = chunkBody.toByteArray();
    f.position(c);
    f.put(new byte[] {'E', 'l', 'f', 'C', 'h', 'n', 'k', 0}).putLong(1).putLong(nextId - 1)
        .putLong(1).putLong(nextId - 1).putInt(128).putInt(lastRecord).putInt(512 + body.length);
    f.position(c + 512);
    f.put(body);
    byte[] file = f.array();
    crc.reset();
    crc.update(file, c + 512, body.length);
    ByteBuffer.wrap(file).order(ByteOrder.LITTLE_ENDIAN).putInt(c + 52, (int) crc.getValue());
    crc.reset();
    crc.update(file, c, 120);
    crc.update(file, c + 128, 384);
    ByteBuffer.wrap(file).order(ByteOrder.LITTLE_ENDIAN).putInt(c + 124, (int) crc.getValue());
    return file;
  }

  /** Reads a file: its events and damage. */
  static List<Object> read(byte[] file) throws java.io.IOException {
    List<Object> out = new ArrayList<>();
    EvtxReader reader = new EvtxReader(new java.io.ByteArrayInputStream(file), 1 << 20,
        out::add);
    for (EvtxEvent e = reader.next(); e != null; e = reader.next()) {
      out.add(e);
    }
    return out;
  }
}
