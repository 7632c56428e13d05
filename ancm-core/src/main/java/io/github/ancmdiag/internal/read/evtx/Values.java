package io.github.ancmdiag.internal.read.evtx;

import java.time.Instant;
import java.time.LocalDateTime;
import java.time.ZoneOffset;

/**
 * Renders the substitution values of binary XML as the text Windows event XML shows for them:
 * strings as they are (up to a NUL), integers in decimal, {@code HexInt32}/{@code HexInt64} as {@code 0x} and
 * lowercase hex digits, GUIDs in braces in uppercase, SIDs as {@code S-1-...}, FILETIME and
 * SYSTEMTIME as ISO-8601 UTC, binary as uppercase hex digits, booleans as {@code true}/{@code
 * false}; arrays as their items separated by {@code ", "}. Values are little-endian; a size that
 * does not fit the type is bad binary XML.
 */
final class Values {
  static final int NULL = 0x00;
  static final int STRING = 0x01;
  static final int ANSI_STRING = 0x02;
  static final int INT8 = 0x03;
  static final int UINT8 = 0x04;
  static final int INT16 = 0x05;
  static final int UINT16 = 0x06;
  static final int INT32 = 0x07;
  static final int UINT32 = 0x08;
  static final int INT64 = 0x09;
  static final int UINT64 = 0x0A;
  static final int REAL32 = 0x0B;
  static final int REAL64 = 0x0C;
  static final int BOOL = 0x0D;
  static final int BINARY = 0x0E;
  static final int GUID = 0x0F;
  static final int SIZE_T = 0x10;
  static final int FILETIME = 0x11;
  static final int SYSTEMTIME = 0x12;
  static final int SID = 0x13;
  static final int HEX32 = 0x14;
  static final int HEX64 = 0x15;
  static final int EVT_HANDLE = 0x20;
  static final int BINXML = 0x21;
  static final int EVT_XML = 0x23;
  static final int ARRAY = 0x80;

  /** 100 ns ticks from 1601-01-01 to 1970-01-01. */
  private static final long FILETIME_EPOCH_SECONDS = 11_644_473_600L;

  /** windows-1252 0x80..0x9F, as {@code EncodingDecoder} maps them. */
  private static final char[] CP1252_HIGH = ("\u20AC\u0081\u201A\u0192\u201E\u2026\u2020\u2021"
      + "\u02C6\u2030\u0160\u2039\u0152\u008D\u017D\u008F\u0090\u2018\u2019\u201C\u201D\u2022"
      + "\u2013\u2014\u02DC\u2122\u0161\u203A\u0153\u009D\u017E\u0178").toCharArray();

  private static final char[] HEX_UPPER = "0123456789ABCDEF".toCharArray();

  private Values() {}

  /** The size of one item of a fixed-size type, or 0 for the variable-size ones. */
  static int itemSize(int type) {
    switch (type) {
      case INT8:
      case UINT8:
        return 1;
      case INT16:
      case UINT16:
        return 2;
      case INT32:
      case UINT32:
      case REAL32:
      case BOOL:
      case HEX32:
        return 4;
      case INT64:
      case UINT64:
      case REAL64:
      case FILETIME:
      case HEX64:
        return 8;
      case GUID:
      case SYSTEMTIME:
        return 16;
      default:
        return 0;
    }
  }

  /** Appends the text of the value {@code b[off..off+size)} of {@code type}. */
  static void append(byte[] b, int off, int size, int type, StringBuilder sb)
      throws BinXmlException {
    if (size == 0 || type == NULL) {
      return;
    }
    if ((type & ARRAY) != 0) {
      appendArray(b, off, size, type & ~ARRAY, sb);
      return;
    }
    int item = itemSize(type);
    if (item > 0 && size != item) {
      throw new BinXmlException(off, "a value of type 0x" + Integer.toHexString(type) + " has "
          + size + " bytes instead of " + item);
    }
    switch (type) {
      case STRING:
        utf16(b, off, size / 2, sb);
        break;
      case ANSI_STRING:
        ansi(b, off, size, sb);
        break;
      case INT8:
        sb.append(b[off]);
        break;
      case UINT8:
        sb.append(b[off] & 0xFF);
        break;
      case INT16:
        sb.append((short) u16(b, off));
        break;
      case UINT16:
        sb.append(u16(b, off));
        break;
      case INT32:
        sb.append(i32(b, off));
        break;
      case UINT32:
        sb.append(i32(b, off) & 0xFFFF_FFFFL);
        break;
      case INT64:
        sb.append(i64(b, off));
        break;
      case UINT64:
        sb.append(Long.toUnsignedString(i64(b, off)));
        break;
      case REAL32:
        sb.append(Float.intBitsToFloat(i32(b, off)));
        break;
      case REAL64:
        sb.append(Double.longBitsToDouble(i64(b, off)));
        break;
      case BOOL:
        sb.append(i32(b, off) != 0 ? "true" : "false");
        break;
      case BINARY:
        for (int i = 0; i < size; i++) {
          sb.append(HEX_UPPER[(b[off + i] >> 4) & 0xF]).append(HEX_UPPER[b[off + i] & 0xF]);
        }
        break;
      case GUID:
        guid(b, off, sb);
        break;
      case SIZE_T:
        if (size == 4) {
          sb.append("0x").append(pad(Integer.toHexString(i32(b, off)), 8));
        } else if (size == 8) {
          sb.append("0x").append(pad(Long.toHexString(i64(b, off)), 16));
        } else {
          throw new BinXmlException(off, "a SizeT value has " + size + " bytes");
        }
        break;
      case FILETIME:
        fileTime(i64(b, off), sb);
        break;
      case SYSTEMTIME:
        systemTime(b, off, sb);
        break;
      case SID:
        sid(b, off, size, sb);
        break;
      case HEX32:
        sb.append("0x").append(Integer.toHexString(i32(b, off)));
        break;
      case HEX64:
        sb.append("0x").append(Long.toHexString(i64(b, off)));
        break;
      case EVT_HANDLE:
      case EVT_XML:
        break; // no text in an event's XML
      default:
        throw new BinXmlException(off, "unknown value type 0x" + Integer.toHexString(type));
    }
  }

  private static void appendArray(byte[] b, int off, int size, int type, StringBuilder sb)
      throws BinXmlException {
    int[] items = items(b, off, size, type);
    for (int i = 0; i < items.length; i += 2) {
      if (i > 0) {
        sb.append(", ");
      }
      append(b, items[i], items[i + 1] - items[i], type, sb);
    }
  }

  /**
   * The items of an array value of {@code type} (the item type), as start and end offsets in
   * pairs: strings end at a NUL (the last one may end at the value's end), other types have
   * their fixed size.
   */
  static int[] items(byte[] b, int off, int size, int type) throws BinXmlException {
    if (type == STRING || type == ANSI_STRING) {
      int unit = type == STRING ? 2 : 1;
      int end = off + size - size % unit;
      int count = 0;
      for (int p = off; p < end; p += unit) {
        if (b[p] == 0 && (unit == 1 || b[p + 1] == 0) || p + unit == end) {
          count++;
        }
      }
      int[] items = new int[2 * count];
      int start = off;
      int n = 0;
      for (int p = off; p < end; p += unit) {
        boolean nul = b[p] == 0 && (unit == 1 || b[p + 1] == 0);
        if (nul || p + unit == end) {
          items[n++] = start;
          items[n++] = nul ? p : p + unit;
          start = p + unit;
        }
      }
      return items;
    }
    int item = itemSize(type);
    if (item == 0 || size % item != 0) {
      throw new BinXmlException(off, "an array of type 0x" + Integer.toHexString(type) + " has "
          + size + " bytes");
    }
    int[] items = new int[2 * (size / item)];
    for (int i = 0; i < items.length; i += 2) {
      items[i] = off + i / 2 * item;
      items[i + 1] = items[i] + item;
    }
    return items;
  }

  /** Appends {@code chars} UTF-16LE code units from {@code off}, up to the first NUL. */
  static void utf16(byte[] b, int off, int chars, StringBuilder sb) {
    for (int i = 0; i < chars; i++) {
      char c = (char) ((b[off + 2 * i] & 0xFF) | (b[off + 2 * i + 1] & 0xFF) << 8);
      if (c == 0) {
        return;
      }
      sb.append(c);
    }
  }

  private static void ansi(byte[] b, int off, int size, StringBuilder sb) {
    for (int i = 0; i < size; i++) {
      int c = b[off + i] & 0xFF;
      if (c == 0) {
        return;
      }
      sb.append(c >= 0x80 && c < 0xA0 ? CP1252_HIGH[c - 0x80] : (char) c);
    }
  }

  private static void guid(byte[] b, int off, StringBuilder sb) {
    sb.append('{');
    hexUpper(i32(b, off) & 0xFFFF_FFFFL, 8, sb);
    sb.append('-');
    hexUpper(u16(b, off + 4), 4, sb);
    sb.append('-');
    hexUpper(u16(b, off + 6), 4, sb);
    sb.append('-');
    for (int i = 8; i < 16; i++) {
      if (i == 10) {
        sb.append('-');
      }
      sb.append(HEX_UPPER[(b[off + i] >> 4) & 0xF]).append(HEX_UPPER[b[off + i] & 0xF]);
    }
    sb.append('}');
  }

  private static void hexUpper(long v, int digits, StringBuilder sb) {
    for (int shift = (digits - 1) * 4; shift >= 0; shift -= 4) {
      sb.append(HEX_UPPER[(int) (v >>> shift) & 0xF]);
    }
  }

  private static void sid(byte[] b, int off, int size, StringBuilder sb)
      throws BinXmlException {
    if (size < 8) {
      throw new BinXmlException(off, "a SID of " + size + " bytes");
    }
    int count = b[off + 1] & 0xFF;
    if (size < 8 + 4 * count) {
      throw new BinXmlException(off, "a SID of " + size + " bytes with " + count
          + " sub-authorities");
    }
    long authority = 0;
    for (int i = 2; i < 8; i++) {
      authority = authority << 8 | (b[off + i] & 0xFF);
    }
    sb.append("S-").append(b[off] & 0xFF).append('-').append(authority);
    for (int i = 0; i < count; i++) {
      sb.append('-').append(i32(b, off + 8 + 4 * i) & 0xFFFF_FFFFL);
    }
  }

  /** Appends a FILETIME as {@code yyyy-MM-ddTHH:mm:ss.fffffff00Z}, nanoseconds as Windows shows it. */
  static void fileTime(long ticks, StringBuilder sb) {
    long seconds = Long.divideUnsigned(ticks, 10_000_000L) - FILETIME_EPOCH_SECONDS;
    int fraction = (int) Long.remainderUnsigned(ticks, 10_000_000L);
    LocalDateTime t = LocalDateTime.ofEpochSecond(seconds, 0, ZoneOffset.UTC);
    dateTime(t.getYear(), t.getMonthValue(), t.getDayOfMonth(), t.getHour(), t.getMinute(),
        t.getSecond(), sb);
    sb.append('.').append(pad(Integer.toString(fraction), 7)).append("00Z");
  }

  /** The instant of a FILETIME, or null when before 1601 or beyond what an Instant holds. */
  static Instant fileTimeInstant(long ticks) {
    long seconds = Long.divideUnsigned(ticks, 10_000_000L) - FILETIME_EPOCH_SECONDS;
    int fraction = (int) Long.remainderUnsigned(ticks, 10_000_000L);
    return Instant.ofEpochSecond(seconds, fraction * 100L);
  }

  private static void systemTime(byte[] b, int off, StringBuilder sb) {
    dateTime(u16(b, off), u16(b, off + 2), u16(b, off + 6), u16(b, off + 8), u16(b, off + 10),
        u16(b, off + 12), sb);
    sb.append('.').append(pad(Integer.toString(u16(b, off + 14)), 3)).append('Z');
  }

  private static void dateTime(int year, int month, int day, int hour, int minute, int second,
      StringBuilder sb) {
    sb.append(pad(Integer.toString(year), 4)).append('-').append(pad(Integer.toString(month), 2))
        .append('-').append(pad(Integer.toString(day), 2)).append('T')
        .append(pad(Integer.toString(hour), 2)).append(':')
        .append(pad(Integer.toString(minute), 2)).append(':')
        .append(pad(Integer.toString(second), 2));
  }

  private static String pad(String s, int width) {
    return s.length() >= width ? s : "0".repeat(width - s.length()) + s;
  }

  static int u16(byte[] b, int off) {
    return (b[off] & 0xFF) | (b[off + 1] & 0xFF) << 8;
  }

  static int i32(byte[] b, int off) {
    return (b[off] & 0xFF) | (b[off + 1] & 0xFF) << 8 | (b[off + 2] & 0xFF) << 16
        | (b[off + 3] & 0xFF) << 24;
  }

  static long i64(byte[] b, int off) {
    return (i32(b, off) & 0xFFFF_FFFFL) | (long) i32(b, off + 4) << 32;
  }
}
