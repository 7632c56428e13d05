package io.github.ancmdiag.internal.read.evtx;

import org.jetbrains.annotations.Nullable;

/**
 * Interprets the binary XML of the records of one chunk, handing its elements, wanted attribute
 * values and wanted text to an {@link EventFields}. Holds the chunk's caches: the names (by their
 * offset in the chunk) and the template definitions (by offset) met so far, both cleared by
 * {@link #reset(int)} for the next chunk.
 *
 * <p>Tokens: {@code 0x0F} fragment header, {@code 0x00} end of stream, {@code 0x01}/{@code 0x41}
 * open start element (dependency id, data size, name offset, then with {@code 0x41} the
 * attribute list), {@code 0x02} close start element, {@code 0x03} close empty element, {@code
 * 0x04} end element, {@code 0x05}/{@code 0x45} value (a UTF-16 string), {@code 0x06}/{@code 0x46}
 * attribute, {@code 0x07}/{@code 0x47} CDATA, {@code 0x08}/{@code 0x48} character reference,
 * {@code 0x09}/{@code 0x49} entity reference, {@code 0x0A}/{@code 0x0B} processing instruction,
 * {@code 0x0C} template instance, {@code 0x0D} normal and {@code 0x0E} optional substitution. A
 * name or template definition is written in full the first time it is used, where the offset
 * that refers to it points to the token stream itself; later uses refer back to it.
 *
 * <p>An element whose dependency id names a substitution that is empty in the instance is left
 * out, as Windows leaves it out when it renders the event. An optional substitution that is empty
 * gives no text (and an attribute made only of it, an empty value).
 *
 * <p>Bounded: nesting (elements, template instances, binary XML inside values) at most {@value
 * #MAX_DEPTH} deep, {@value #MAX_TEMPLATES} template definitions per chunk, {@value #MAX_STEPS}
 * tokens per record (a template referring to itself, or templates repeated into a tree, cannot
 * make the work grow beyond that), every size and offset checked against the chunk. A record
 * that breaks a rule is a {@link BinXmlException}, never a runtime exception.
 */
final class BinXml {
  static final int MAX_DEPTH = 64;
  static final int MAX_TEMPLATES = 2048;
  static final int MAX_STEPS = 200_000;
  private static final int NO_DEPENDENCY = 0xFFFF;

  private final byte[] b;
  private int limit;
  private final IntMap<String> names = new IntMap<>();
  private final IntMap<int[]> templates = new IntMap<>();
  private int steps;
  private int muted;
  /** The FILETIME value just written to an attribute, or -1: its instant needs no parsing. */
  private long lastFileTime = -1;
  private EventFields out = new EventFields(1024, MAX_DEPTH);

  /** The values of one template instance. */
  private static final class Subs {
    final int[] offset;
    final int[] size;
    final int[] type;

    Subs(int n) {
      offset = new int[n];
      size = new int[n];
      type = new int[n];
    }

    boolean isEmpty(int i) {
      return size[i] == 0 || type[i] == Values.NULL;
    }
  }

  BinXml(byte[] chunk) {
    this.b = chunk;
  }

  /** Starts a chunk holding {@code limit} bytes: the caches are emptied. */
  void reset(int limit) {
    this.limit = limit;
    names.clear();
    templates.clear();
  }

  /** How many template definitions the chunk's cache holds. */
  int templateCount() {
    return templates.size();
  }

  /** Reads the binary XML of one record, {@code b[start..end)}, into {@code fields}. */
  void record(int start, int end, EventFields fields) throws BinXmlException {
    out = fields;
    steps = 0;
    muted = 0;
    content(start, end, null, 0, false);
    if (fields.elements == 0) {
      throw new BinXmlException(start, "it holds no element");
    }
    if (!"Event".equals(fields.root)) {
      throw new BinXmlException(start, "its root element is <" + fields.root
          + ">, not <Event>");
    }
  }

  /**
   * Reads tokens from {@code p}: a fragment (to its end-of-stream token or {@code end}) or, with
   * {@code inElement}, an element's content (to its end element token). Returns the position
   * after the last token.
   */
  private int content(int p, int end, @Nullable Subs subs, int depth, boolean inElement)
      throws BinXmlException {
    if (depth > MAX_DEPTH) {
      throw new BinXmlException(p, "it nests deeper than " + MAX_DEPTH + " levels");
    }
    while (true) {
      if (p >= end) {
        if (inElement) {
          throw new BinXmlException(p, "an element is not closed before the end of its data");
        }
        return p;
      }
      step(p);
      int t = b[p] & 0xFF;
      int token = t & ~0x40;
      switch (token) {
        case 0x00:
          if (inElement) {
            throw new BinXmlException(p, "the stream ends inside an element");
          }
          return p + 1;
        case 0x0F:
          need(p, 4, end);
          if (b[p + 1] != 1) {
            throw new BinXmlException(p, "a fragment header of version " + b[p + 1]);
          }
          p += 4;
          break;
        case 0x01:
          p = element(p, end, subs, depth + 1, (t & 0x40) != 0);
          break;
        case 0x04:
          if (!inElement) {
            throw new BinXmlException(p, "an end element token outside an element");
          }
          return p + 1;
        case 0x05:
        case 0x07:
        case 0x08:
        case 0x09:
        case 0x0D:
        case 0x0E:
          p = value(p, end, subs, depth, muted == 0 ? out.text() : null, true);
          break;
        case 0x0A:
          need(p, 5, end);
          p = skipName(p + 1, end);
          break;
        case 0x0B: {
          need(p, 3, end);
          int chars = Values.u16(b, p + 1);
          need(p, 3 + 2 * chars, end);
          p += 3 + 2 * chars;
          break;
        }
        case 0x0C:
          p = templateInstance(p, end, depth + 1);
          break;
        default:
          throw new BinXmlException(p, "token 0x" + Integer.toHexString(t)
              + (inElement ? " in an element's content" : " where a fragment goes on"));
      }
    }
  }

  /** Reads an element from its open start element token at {@code p}. */
  private int element(int p, int end, @Nullable Subs subs, int depth, boolean hasAttributes)
      throws BinXmlException {
    if (depth > MAX_DEPTH) {
      throw new BinXmlException(p, "it nests deeper than " + MAX_DEPTH + " levels");
    }
    need(p, 11, end);
    int dependency = Values.u16(b, p + 1);
    int nameOffset = Values.i32(b, p + 7);
    int q = p + 11;
    String name = name(nameOffset);
    if (nameOffset == q) {
      q = skipInlineName(q, end);
    }
    boolean omitted = dependency != NO_DEPENDENCY && subs != null
        && dependency < subs.size.length && subs.isEmpty(dependency);
    if (omitted) {
      muted++;
    }
    if (muted == 0) {
      out.start(name);
    }
    if (hasAttributes) {
      need(q, 4, end);
      q += 4; // the attribute list's size
      while (q < end && (b[q] & ~0x40) == 0x06) {
        step(q);
        need(q, 5, end);
        int attrNameOffset = Values.i32(b, q + 1);
        String attrName = name(attrNameOffset);
        q += 5;
        if (attrNameOffset == q) {
          q = skipInlineName(q, end);
        }
        StringBuilder wanted = muted == 0 ? out.attribute(attrName) : null;
        int tokens = 0;
        while (q < end && isValueToken(b[q] & ~0x40)) {
          step(q);
          lastFileTime = -1;
          q = value(q, end, subs, depth, wanted, false);
          tokens++;
        }
        if (wanted != null) {
          out.attributeValue(attrName, wanted, tokens == 1 ? lastFileTime : -1);
        }
      }
    }
    need(q, 1, end);
    int close = b[q] & 0xFF;
    if (close == 0x02) {
      int array = arrayOnly(q + 1, end, subs);
      q = array >= 0 ? repeated(name, q + 1, subs, array) : content(q + 1, end, subs, depth, true);
    } else if (close == 0x03) {
      q++;
    } else {
      throw new BinXmlException(q, "token 0x" + Integer.toHexString(close)
          + " where the start tag of <" + name + "> closes");
    }
    if (muted == 0) {
      out.end();
    }
    if (omitted) {
      muted--;
    }
    return q;
  }

  /**
   * When the content at {@code p} is one substitution of an array value and the end element,
   * returns that substitution's index, else -1.
   */
  private int arrayOnly(int p, int end, @Nullable Subs subs) {
    if (subs == null || p + 5 > end) {
      return -1;
    }
    int token = b[p] & 0xFF;
    if (token != 0x0D && token != 0x0E || b[p + 4] != 0x04) {
      return -1;
    }
    int id = Values.u16(b, p + 1);
    return id < subs.size.length && (subs.type[id] & Values.ARRAY) != 0 && subs.size[id] > 0
        ? id : -1;
  }

  /**
   * Writes an element whose content is an array once per item, as Windows renders an array
   * (insertion strings become one {@code <Data>} each); the element was started for the first
   * item. Returns the position after the end element token.
   */
  private int repeated(String name, int p, Subs subs, int id) throws BinXmlException {
    int type = subs.type[id] & ~Values.ARRAY;
    int[] items = Values.items(b, subs.offset[id], subs.size[id], type);
    for (int i = 0; i < items.length; i += 2) {
      step(p);
      if (muted == 0) {
        if (i > 0) {
          out.end();
          out.start(name);
        }
        StringBuilder sb = out.text();
        if (sb != null) {
          Values.append(b, items[i], items[i + 1] - items[i], type, sb);
        }
      }
    }
    return p + 5;
  }

  private static boolean isValueToken(int token) {
    return token == 0x05 || token == 0x08 || token == 0x09 || token == 0x0D || token == 0x0E;
  }

  /**
   * Reads a value, character or entity reference, CDATA section or substitution at {@code p},
   * appending its text to {@code sb} when not null; binary XML inside a substitution is read as
   * content when {@code asContent}. Returns the position after it.
   */
  private int value(int p, int end, @Nullable Subs subs, int depth, @Nullable StringBuilder sb,
      boolean asContent) throws BinXmlException {
    int token = b[p] & ~0x40 & 0xFF;
    switch (token) {
      case 0x05: {
        need(p, 4, end);
        int type = b[p + 1] & 0xFF;
        if (type != Values.STRING) {
          throw new BinXmlException(p, "a value token of type 0x" + Integer.toHexString(type)
              + " (only strings are written inline)");
        }
        int chars = Values.u16(b, p + 2);
        need(p, 4 + 2 * chars, end);
        if (sb != null) {
          Values.utf16(b, p + 4, chars, sb);
        }
        return p + 4 + 2 * chars;
      }
      case 0x07: {
        need(p, 3, end);
        int chars = Values.u16(b, p + 1);
        need(p, 3 + 2 * chars, end);
        if (sb != null) {
          Values.utf16(b, p + 3, chars, sb);
        }
        return p + 3 + 2 * chars;
      }
      case 0x08: {
        need(p, 3, end);
        if (sb != null) {
          sb.append((char) Values.u16(b, p + 1));
        }
        return p + 3;
      }
      case 0x09: {
        need(p, 5, end);
        int nameOffset = Values.i32(b, p + 1);
        String entity = name(nameOffset);
        int q = p + 5;
        if (nameOffset == q) {
          q = skipInlineName(q, end);
        }
        char c = predefined(entity);
        if (c == 0) {
          throw new BinXmlException(p, "the entity reference &" + entity
              + "; is not one of XML's own (DTDs and entities are never read)");
        }
        if (sb != null) {
          sb.append(c);
        }
        return q;
      }
      default: { // 0x0D, 0x0E
        need(p, 4, end);
        if (subs == null) {
          throw new BinXmlException(p, "a substitution outside a template");
        }
        int id = Values.u16(b, p + 1);
        if (id >= subs.size.length) {
          throw new BinXmlException(p, "substitution " + id + " of a template instance with "
              + subs.size.length + " values");
        }
        int type = subs.type[id];
        if (type == Values.BINXML && subs.size[id] > 0) {
          if (asContent) {
            content(subs.offset[id], subs.offset[id] + subs.size[id], null, depth + 1, false);
          }
        } else if (sb != null) {
          Values.append(b, subs.offset[id], subs.size[id], type, sb);
          if (type == Values.FILETIME && subs.size[id] == 8) {
            lastFileTime = Values.i64(b, subs.offset[id]);
          }
        }
        return p + 4;
      }
    }
  }

  private static char predefined(String entity) {
    switch (entity) {
      case "amp":
        return '&';
      case "lt":
        return '<';
      case "gt":
        return '>';
      case "quot":
        return '"';
      case "apos":
        return '\'';
      default:
        return 0;
    }
  }

  /** Reads a template instance at {@code p}: its definition (inline or cached) and its values. */
  private int templateInstance(int p, int end, int depth) throws BinXmlException {
    if (depth > MAX_DEPTH) {
      throw new BinXmlException(p, "it nests deeper than " + MAX_DEPTH + " levels");
    }
    need(p, 10, end);
    int id = Values.i32(b, p + 2);
    int defOffset = Values.i32(b, p + 6);
    int q = p + 10;
    int[] def = templates.get(defOffset);
    if (defOffset == q) {
      need(q, 24, end);
      int size = Values.i32(b, q + 20);
      if (size < 0 || size > end - q - 24) {
        throw new BinXmlException(q, "a template definition of " + (size & 0xFFFF_FFFFL)
            + " bytes goes beyond the record");
      }
      if (def == null) {
        def = define(defOffset, q + 24, q + 24 + size);
      }
      q += 24 + size;
    } else if (def == null) {
      if (defOffset < 0 || defOffset > limit - 24) {
        throw new BinXmlException(p, "the template definition it refers to, at offset "
            + (defOffset & 0xFFFF_FFFFL) + ", is outside the chunk");
      }
      int size = Values.i32(b, defOffset + 20);
      if (size < 0 || size > limit - defOffset - 24) {
        throw new BinXmlException(defOffset, "a template definition of "
            + (size & 0xFFFF_FFFFL) + " bytes goes beyond the chunk");
      }
      def = define(defOffset, defOffset + 24, defOffset + 24 + size);
    }
    if (Values.i32(b, defOffset + 4) != id) {
      throw new BinXmlException(p, "the template definition at offset " + defOffset
          + " is not the one it names (another id): its bytes are damaged or lost");
    }
    need(q, 4, end);
    long count = Values.i32(b, q) & 0xFFFF_FFFFL;
    q += 4;
    if (count > (end - q) / 4) {
      throw new BinXmlException(q, count + " substitution values do not fit in the record");
    }
    Subs subs = new Subs((int) count);
    int valueAt = q + 4 * (int) count;
    for (int i = 0; i < count; i++) {
      int size = Values.u16(b, q + 4 * i);
      subs.size[i] = size;
      subs.type[i] = b[q + 4 * i + 2] & 0xFF;
      subs.offset[i] = valueAt;
      valueAt += size;
      if (valueAt > end) {
        throw new BinXmlException(q + 4 * i, "substitution value " + i + " of " + count
            + " goes beyond the record");
      }
    }
    content(def[0], def[1], subs, depth, false);
    return valueAt;
  }

  private int[] define(int offset, int start, int end) throws BinXmlException {
    if (templates.size() >= MAX_TEMPLATES) {
      throw new BinXmlException(offset, "the chunk defines more than " + MAX_TEMPLATES
          + " templates");
    }
    if (end - start < 5 || b[start] != 0x0F) {
      throw new BinXmlException(start, "the template definition at offset " + offset
          + " holds no binary XML fragment (its bytes are damaged or lost)");
    }
    int[] def = {start, end};
    templates.put(offset, def);
    return def;
  }

  /** The name written at {@code offset} in the chunk, from the cache when read before. */
  private String name(int offset) throws BinXmlException {
    String cached = names.get(offset);
    if (cached != null) {
      return cached;
    }
    if (offset < 0 || offset > limit - 8) {
      throw new BinXmlException(offset, "a name at offset " + (offset & 0xFFFF_FFFFL)
          + " outside the chunk");
    }
    int chars = Values.u16(b, offset + 6);
    if (chars > (limit - offset - 8) / 2) {
      throw new BinXmlException(offset, "a name of " + chars + " characters goes beyond the chunk");
    }
    if (chars == 0) {
      throw new BinXmlException(offset, "an empty name (its bytes are damaged or lost)");
    }
    StringBuilder sb = new StringBuilder(chars);
    Values.utf16(b, offset + 8, chars, sb);
    String name = sb.toString();
    names.put(offset, name);
    return name;
  }

  /** Skips a name written in full at {@code p}: next offset, hash, length, characters, NUL. */
  private int skipInlineName(int p, int end) throws BinXmlException {
    need(p, 8, end);
    int chars = Values.u16(b, p + 6);
    need(p, 8 + 2 * chars + 2, end);
    return p + 8 + 2 * chars + 2;
  }

  /** Skips a name reference at {@code p} (a processing instruction's target). */
  private int skipName(int p, int end) throws BinXmlException {
    int offset = Values.i32(b, p);
    name(offset);
    return offset == p + 4 ? skipInlineName(p + 4, end) : p + 4;
  }

  private void need(int p, int n, int end) throws BinXmlException {
    if (p < 0 || n > end - p) {
      throw new BinXmlException(p, "a token or value goes beyond the end of its data");
    }
  }

  private void step(int p) throws BinXmlException {
    if (++steps > MAX_STEPS) {
      throw new BinXmlException(p, "it takes more than " + MAX_STEPS + " tokens to read "
          + "(a template that repeats itself)");
    }
  }
}
