package io.github.ancmdiag.flink;

import java.io.IOException;
import java.io.InputStream;
import org.apache.flink.api.common.typeinfo.TypeInformation;
import org.apache.flink.configuration.Configuration;
import org.apache.flink.connector.file.src.FileSourceSplit;
import org.apache.flink.connector.file.src.reader.BulkFormat;
import org.apache.flink.connector.file.src.util.CheckpointedPosition;
import org.apache.flink.connector.file.src.util.SingletonResultIterator;
import org.apache.flink.core.fs.FSDataInputStream;
import org.apache.flink.core.fs.FileStatus;
import org.apache.flink.core.fs.FileSystem;
import org.jetbrains.annotations.Nullable;

/**
 * A {@link BulkFormat} that reads each file whole, as one {@link FileContent}: the readers of
 * ancm-diag detect a file's format from its content and read events and grouped lines that no
 * byte split could cut apart. Files are not split; one longer than {@link #MAX_BYTES} is read to
 * that cap and reported as cut by the parsing step (as the library's folder reader caps files).
 * On restore from a checkpoint, a file already emitted is not emitted again.
 */
public final class WholeFileFormat implements BulkFormat<FileContent, FileSourceSplit> {
  private static final long serialVersionUID = 1L;

  /** The most bytes read of one file: 4 MiB, as {@code Evidence.fromFolder} reads. */
  public static final int MAX_BYTES = 4 * 1024 * 1024;

  @Override
  public Reader<FileContent> createReader(Configuration config, FileSourceSplit split) {
    return new OneFile(split, false);
  }

  @Override
  public Reader<FileContent> restoreReader(Configuration config, FileSourceSplit split) {
    boolean done = split.getReaderPosition().map(p -> p.getRecordsAfterOffset() > 0)
        .orElse(false);
    return new OneFile(split, done);
  }

  @Override
  public boolean isSplittable() {
    return false;
  }

  @Override
  public TypeInformation<FileContent> getProducedType() {
    return TypeInformation.of(FileContent.class);
  }

  /** Reads one file in one batch of one record. */
  private static final class OneFile implements BulkFormat.Reader<FileContent> {
    private final FileSourceSplit split;
    private boolean done;

    OneFile(FileSourceSplit split, boolean done) {
      this.split = split;
      this.done = done;
    }

    @Override
    public @Nullable RecordIterator<FileContent> readBatch() throws IOException {
      if (done) {
        return null;
      }
      done = true;
      FileSystem fs = split.path().getFileSystem();
      FileStatus status = fs.getFileStatus(split.path());
      long size = status.getLen();
      byte[] bytes = new byte[(int) Math.min(size, MAX_BYTES)];
      int n = 0;
      try (FSDataInputStream in = fs.open(split.path())) {
        n = readFully(in, bytes);
      }
      if (n < bytes.length) {
        bytes = java.util.Arrays.copyOf(bytes, n); // shrank while read: what is there now
      }
      SingletonResultIterator<FileContent> it = new SingletonResultIterator<>();
      it.set(new FileContent(split.path().toString(), bytes, Math.max(size, n),
          status.getModificationTime()), CheckpointedPosition.NO_OFFSET, 1);
      return it;
    }

    private static int readFully(InputStream in, byte[] into) throws IOException {
      int n = 0;
      while (n < into.length) {
        int r = in.read(into, n, into.length - n);
        if (r < 0) {
          break;
        }
        n += r;
      }
      return n;
    }

    @Override
    public void close() {}
  }
}
