package io.github.ancmdiag.cli;

import java.io.FilterInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.LinkOption;
import java.nio.file.Path;

/**
 * Keeps what is not a regular file away from the readers: opening a FIFO with no writer blocks
 * for ever, and {@code /dev/zero} or {@code /dev/urandom} never end. Stateless.
 */
final class InputCheck {
  private InputCheck() {}

  /**
   * Tells why a path given as a file cannot be read, following symbolic links.
   *
   * @return null for a regular file; else the reason, in words
   */
  static String whyNotReadable(Path f) {
    if (Files.isRegularFile(f)) {
      return null;
    }
    if (Files.isDirectory(f)) {
      return "is a folder, not a file (give a folder as PATH to read every file in it)";
    }
    if (Files.exists(f)) {
      return "is not a regular file (a pipe, socket or device), so it is not read";
    }
    if (Files.exists(f, LinkOption.NOFOLLOW_LINKS)) {
      return "is a symbolic link to nothing";
    }
    return "no such file or folder";
  }

  /**
   * Tells why a PATH (a folder or a file) cannot be read, following symbolic links.
   *
   * @return null for a folder or a regular file; else the reason, in words
   */
  static String whyNotReadablePath(Path p) {
    return Files.isDirectory(p) ? null : whyNotReadable(p);
  }

  /** A stream that remembers the first error its source gave, which a reader turns into a skip. */
  static final class Watched extends FilterInputStream {
    private IOException failure;

    Watched(InputStream in) {
      super(in);
    }

    @Override
    public int read() throws IOException {
      try {
        return super.read();
      } catch (IOException e) {
        throw remember(e);
      }
    }

    @Override
    public int read(byte[] b, int off, int len) throws IOException {
      try {
        return super.read(b, off, len);
      } catch (IOException e) {
        throw remember(e);
      }
    }

    @Override
    public long skip(long n) throws IOException {
      try {
        return super.skip(n);
      } catch (IOException e) {
        throw remember(e);
      }
    }

    private IOException remember(IOException e) {
      if (failure == null) {
        failure = e;
      }
      return e;
    }

    /** Returns the first read error, or null. */
    IOException failure() {
      return failure;
    }
  }
}
