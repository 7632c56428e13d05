package io.github.ancmdiag.cli;

import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.Charset;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;

/**
 * Decodes the text files users attach: UTF-8 or UTF-16 by byte order mark, else UTF-8, else
 * windows-1252 (what Notepad and the Windows event viewer save on an English system). Used by
 * {@link AncmDiagnose} for whole incident files and by {@link LineSource} line by line.
 */
final class TextFiles {
  /** windows-1252, the fallback for bytes that are not UTF-8. */
  static final Charset WINDOWS_1252 = Charset.forName("windows-1252");

  private TextFiles() {}

  /**
   * Reads a whole file, which must be a regular file.
   *
   * @throws IOException naming the file when it cannot be read
   */
  static String read(Path f) throws IOException {
    return read(f, Integer.MAX_VALUE - 16).text();
  }

  /**
   * The start of a file, decoded.
   *
   * @param text the text of its first bytes
   * @param cut whether the file is longer than what was read
   */
  record Head(String text, boolean cut) {}

  /**
   * Reads at most {@code maxBytes} bytes of a regular file, never the whole of a larger one.
   *
   * @throws IOException naming the file when it is no regular file or cannot be read
   */
  static Head read(Path f, int maxBytes) throws IOException {
    String notRegular = InputCheck.whyNotReadable(f);
    if (notRegular != null) {
      throw new IOException(f + ": " + notRegular);
    }
    byte[] b;
    boolean cut;
    try (java.io.InputStream in = Files.newInputStream(f)) {
      b = in.readNBytes(maxBytes);
      cut = in.read() >= 0;
    } catch (IOException e) {
      throw new IOException(f + ": " + reason(e), e);
    }
    Charset bom = bomCharset(b, b.length);
    if (bom != null) {
      int skip = bom == StandardCharsets.UTF_8 ? 3 : 2;
      Charset real = lyingBom(b, b.length);
      if (real == StandardCharsets.UTF_8) {
        return new Head(decodeUtf8Or1252(b, skip, b.length - skip), cut);
      }
      return new Head(new String(b, skip, b.length - skip, real != null ? real : bom), cut);
    }
    return new Head(decodeUtf8Or1252(b, 0, b.length), cut);
  }

  /** Returns the charset a byte order mark at the start of {@code b} names, or null. */
  static Charset bomCharset(byte[] b, int length) {
    if (length >= 3 && (b[0] & 0xff) == 0xef && (b[1] & 0xff) == 0xbb && (b[2] & 0xff) == 0xbf) {
      return StandardCharsets.UTF_8;
    }
    if (length >= 2 && (b[0] & 0xff) == 0xff && (b[1] & 0xff) == 0xfe) {
      return StandardCharsets.UTF_16LE;
    }
    if (length >= 2 && (b[0] & 0xff) == 0xfe && (b[1] & 0xff) == 0xff) {
      return StandardCharsets.UTF_16BE;
    }
    return null;
  }

  /**
   * Returns the charset the bytes after a byte order mark are really in, when the mark lies (a
   * UTF-16LE mark before UTF-8 text, a UTF-16BE mark before a UTF-16LE body, a UTF-8 mark before
   * UTF-16), else null. UTF-8 is returned for text that is no UTF-16; a caller decodes it as
   * UTF-8 or windows-1252. Text in UTF-16 always holds some ASCII, whose high bytes are zero.
   */
  static Charset lyingBom(byte[] b, int length) {
    Charset bom = bomCharset(b, length);
    if (bom == null) {
      return null;
    }
    int from = bom == StandardCharsets.UTF_8 ? 3 : 2;
    int pairs = Math.min(length - from, 1024) / 2;
    if (pairs < 4) {
      return null;
    }
    int even = 0;
    int odd = 0;
    for (int i = 0; i < pairs; i++) {
      even += b[from + 2 * i] == 0 ? 1 : 0;
      odd += b[from + 2 * i + 1] == 0 ? 1 : 0;
    }
    if (bom == StandardCharsets.UTF_8) {
      return odd * 10 >= pairs * 9 && even * 10 <= pairs ? StandardCharsets.UTF_16LE
          : even * 10 >= pairs * 9 && odd * 10 <= pairs ? StandardCharsets.UTF_16BE : null;
    }
    boolean le = bom == StandardCharsets.UTF_16LE;
    int high = le ? odd : even;
    int low = le ? even : odd;
    if (high * 10 >= pairs) {
      return null;
    }
    if (low * 10 >= pairs) {
      return le ? StandardCharsets.UTF_16BE : StandardCharsets.UTF_16LE;
    }
    int end = Math.min(length, from + 1024);
    for (int k = 0; k < 3 && end > from && (b[end - 1] & 0x80) != 0; k++) {
      end--; // a sequence the sample's end may cut: not judged
    }
    try {
      StandardCharsets.UTF_8.newDecoder().onMalformedInput(CodingErrorAction.REPORT)
          .onUnmappableCharacter(CodingErrorAction.REPORT)
          .decode(ByteBuffer.wrap(b, from, end - from));
      return StandardCharsets.UTF_8;
    } catch (CharacterCodingException e) {
      return null; // no other encoding fits better: believe the mark
    }
  }

  /** Says that a byte order mark lied and how the text was read instead. */
  static String lyingBomNote(Charset said, Charset is) {
    return "the byte order mark says " + said.name() + ", but the text after it is " + is.name()
        + "; the mark was skipped and the text read as " + is.name();
  }

  /** Decodes bytes as strict UTF-8, or as windows-1252 when they are not valid UTF-8. */
  static String decodeUtf8Or1252(byte[] b, int offset, int length) {
    try {
      return StandardCharsets.UTF_8.newDecoder()
          .onMalformedInput(CodingErrorAction.REPORT)
          .onUnmappableCharacter(CodingErrorAction.REPORT)
          .decode(ByteBuffer.wrap(b, offset, length)).toString();
    } catch (CharacterCodingException e) {
      return new String(b, offset, length, WINDOWS_1252);
    }
  }

  /** Says why an I/O operation failed, in words, without repeating the file name. */
  static String reason(IOException e) {
    if (e instanceof java.nio.file.FileSystemException) {
      String r = ((java.nio.file.FileSystemException) e).getReason();
      if (e instanceof java.nio.file.NoSuchFileException) {
        return "no such file or folder";
      }
      if (e instanceof java.nio.file.AccessDeniedException) {
        return "permission denied";
      }
      if (e instanceof java.nio.file.FileSystemLoopException) {
        return "a symbolic link loops back to a folder above it; not followed";
      }
      if (r != null && !r.isBlank()) {
        return r.strip().toLowerCase(java.util.Locale.ROOT);
      }
    }
    String m = e.getMessage();
    return m == null || m.isBlank() ? "an input/output error" : m;
  }
}
