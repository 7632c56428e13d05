package io.github.ancmdiag.flink;

/**
 * One file of the fleet as the source reads it: its path and its bytes, at most {@link
 * WholeFileFormat#MAX_BYTES} of them. A Flink POJO (public fields, a no-argument constructor).
 */
public class FileContent {
  /** The file's path, as the source names it. */
  public String path;
  /** The file's bytes, at most {@link WholeFileFormat#MAX_BYTES}. */
  public byte[] bytes;
  /** The file's size in bytes; more than {@code bytes.length} when it was cut. */
  public long size;
  /** When the file was last modified, in epoch milliseconds. */
  public long modified;

  /** For Flink's POJO serializer. */
  public FileContent() {}

  /**
   * Creates the content of one file.
   *
   * @param path the file's path
   * @param bytes the bytes read
   * @param size the file's size
   * @param modified when it was last modified, in epoch milliseconds
   */
  public FileContent(String path, byte[] bytes, long size, long modified) {
    this.path = path;
    this.bytes = bytes;
    this.size = size;
    this.modified = modified;
  }
}
