package io.github.ancmdiag.internal.io;

import java.io.IOException;
import java.nio.file.AccessDeniedException;
import java.nio.file.FileSystemException;
import java.nio.file.FileSystemLoopException;
import java.nio.file.Files;
import java.nio.file.LinkOption;
import java.nio.file.NoSuchFileException;
import java.nio.file.NotDirectoryException;
import java.nio.file.Path;
import java.util.Locale;
import org.jetbrains.annotations.NotNull;
import org.jetbrains.annotations.Nullable;

/**
 * Says in words why a file could not be read, without a Java class name, and tells regular files
 * from pipes and devices before anything opens them (opening a FIFO with no writer blocks for
 * ever; {@code /dev/zero} never ends). Stateless.
 */
public final class IoFailures {
  private IoFailures() {}

  /**
   * Returns why an I/O operation failed, as words a user understands, without the file name.
   *
   * @param e the failure
   * @return the reason, such as {@code "no such file or folder"} or {@code "permission denied"}
   */
  public static @NotNull String reason(@NotNull IOException e) {
    if (e instanceof NoSuchFileException) {
      return "no such file or folder";
    }
    if (e instanceof AccessDeniedException) {
      return "permission denied";
    }
    if (e instanceof FileSystemLoopException) {
      return "a symbolic link loops back to a folder above it; not followed";
    }
    if (e instanceof NotDirectoryException) {
      return "not a folder";
    }
    if (e instanceof FileSystemException) {
      String r = ((FileSystemException) e).getReason();
      if (r != null && !r.isBlank()) {
        return r.strip().toLowerCase(Locale.ROOT);
      }
    }
    String m = e.getMessage();
    return m == null || m.isBlank() ? "an input/output error" : m.strip();
  }

  /**
   * Tells why a path is not a regular file that can be read, following symbolic links.
   *
   * @param path the path
   * @return null for a regular file; else why it is not read (a folder, a pipe, a device, a
   *     dangling link, or nothing there)
   */
  public static @Nullable String notARegularFile(@NotNull Path path) {
    if (Files.isRegularFile(path)) {
      return null;
    }
    if (Files.isDirectory(path)) {
      return "is a folder, not a file";
    }
    if (Files.exists(path)) {
      return "is not a regular file (a pipe, socket or device), so it is not read";
    }
    if (Files.isSymbolicLink(path) || Files.exists(path, LinkOption.NOFOLLOW_LINKS)) {
      return "is a symbolic link to nothing";
    }
    return "no such file or folder";
  }
}
