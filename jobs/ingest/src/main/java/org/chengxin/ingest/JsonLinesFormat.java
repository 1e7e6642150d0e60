package org.chengxin.ingest;

import java.io.IOException;
import java.util.Arrays;
import org.apache.flink.api.common.typeinfo.TypeInformation;
import org.apache.flink.configuration.Configuration;
import org.apache.flink.connector.file.src.FileSourceSplit;
import org.apache.flink.connector.file.src.reader.BulkFormat;
import org.apache.flink.connector.file.src.util.CheckpointedPosition;
import org.apache.flink.connector.file.src.util.MutableRecordAndPosition;
import org.apache.flink.connector.file.src.util.RecordAndPosition;
import org.apache.flink.core.fs.FSDataInputStream;

/**
 * Reads a raw file as lines of bytes, each with its file and 1-based line number, for
 * {@code FileSource}. Lines stay bytes so validation can tell broken encodings apart; a line
 * longer than the limit keeps only its first (limit + 1) bytes, so one giant line cannot exhaust
 * memory.
 *
 * <p>The checkpointed position of a record is (byte offset just after it, its line number): a
 * restored reader seeks there and keeps counting lines, so it neither re-reads nor renumbers.
 * Files are not split (line numbers need the whole file) and must be uncompressed.
 */
public final class JsonLinesFormat implements BulkFormat<RawLine, FileSourceSplit> {
  private static final long serialVersionUID = 1L;
  private static final int BUFFER_BYTES = 1 << 16;
  private static final int BATCH_LINES = 2048;

  private final int maxLineBytes;

  public JsonLinesFormat(int maxLineBytes) {
    this.maxLineBytes = maxLineBytes;
  }

  @Override
  public Reader<RawLine> createReader(Configuration config, FileSourceSplit split) throws IOException {
    return new LineReader(split, 0, 0, maxLineBytes);
  }

  @Override
  public Reader<RawLine> restoreReader(Configuration config, FileSourceSplit split) throws IOException {
    CheckpointedPosition position = split.getReaderPosition().orElse(new CheckpointedPosition(0, 0));
    long offset = position.getOffset() == CheckpointedPosition.NO_OFFSET ? 0 : position.getOffset();
    return new LineReader(split, offset, position.getRecordsAfterOffset(), maxLineBytes);
  }

  @Override
  public boolean isSplittable() {
    return false;
  }

  @Override
  public TypeInformation<RawLine> getProducedType() {
    return TypeInformation.of(RawLine.class);
  }

  private static final class LineReader implements BulkFormat.Reader<RawLine> {
    private final FSDataInputStream in;
    private final String file;
    private final int keepBytes;
    private final byte[] buffer = new byte[BUFFER_BYTES];
    private int pos;
    private int limit;
    private long bufferOffset;
    private boolean endOfFile;
    private long lineNumber;
    // A line that spans buffer refills is gathered here.
    private byte[] partial = new byte[256];
    private int partialLength;
    private boolean partialStarted;

    LineReader(FileSourceSplit split, long offset, long linesBefore, int maxLineBytes) throws IOException {
      this.file = split.path().toString();
      this.keepBytes = maxLineBytes + 1;
      this.in = split.path().getFileSystem().open(split.path());
      this.in.seek(offset);
      this.bufferOffset = offset;
      this.lineNumber = linesBefore;
    }

    @Override
    public RecordIterator<RawLine> readBatch() throws IOException {
      RawLine[] lines = new RawLine[BATCH_LINES];
      long[] endOffsets = new long[BATCH_LINES];
      int count = 0;
      while (count < BATCH_LINES) {
        RawLine line = nextLine();
        if (line == null) {
          break;
        }
        lines[count] = line;
        endOffsets[count] = bufferOffset + pos;
        count++;
      }
      return count == 0 ? null : new Batch(lines, endOffsets, count);
    }

    private RawLine nextLine() throws IOException {
      while (true) {
        if (pos == limit && !refill()) {
          return partialStarted ? emit(partial, 0, partialLength) : null;
        }
        int newline = indexOfNewline();
        if (newline >= 0) {
          RawLine line;
          if (partialStarted) {
            append(pos, newline - pos);
            line = emit(partial, 0, partialLength);
          } else {
            line = emit(buffer, pos, newline - pos);
          }
          pos = newline + 1;
          return line;
        }
        append(pos, limit - pos);
        pos = limit;
      }
    }

    private int indexOfNewline() {
      for (int i = pos; i < limit; i++) {
        if (buffer[i] == '\n') {
          return i;
        }
      }
      return -1;
    }

    private void append(int from, int length) {
      partialStarted = true;
      int room = keepBytes - partialLength;
      int take = Math.min(room, length);
      if (take <= 0) {
        return;
      }
      if (partialLength + take > partial.length) {
        partial = Arrays.copyOf(partial, Math.min(keepBytes, Math.max(partial.length * 2, partialLength + take)));
      }
      System.arraycopy(buffer, from, partial, partialLength, take);
      partialLength += take;
    }

    private RawLine emit(byte[] source, int from, int length) {
      int end = from + length;
      if (end > from && source[end - 1] == '\r') {
        end--;
      }
      byte[] bytes = Arrays.copyOfRange(source, from, Math.min(end, from + keepBytes));
      partialLength = 0;
      partialStarted = false;
      return new RawLine(file, ++lineNumber, bytes);
    }

    private boolean refill() throws IOException {
      if (endOfFile) {
        return false;
      }
      bufferOffset += limit;
      pos = 0;
      limit = 0;
      int read = in.read(buffer, 0, buffer.length);
      if (read <= 0) {
        endOfFile = true;
        return false;
      }
      limit = read;
      return true;
    }

    @Override
    public void close() throws IOException {
      in.close();
    }
  }

  private static final class Batch implements BulkFormat.RecordIterator<RawLine> {
    private final RawLine[] lines;
    private final long[] endOffsets;
    private final int count;
    private final MutableRecordAndPosition<RawLine> current = new MutableRecordAndPosition<>();
    private int next;

    Batch(RawLine[] lines, long[] endOffsets, int count) {
      this.lines = lines;
      this.endOffsets = endOffsets;
      this.count = count;
    }

    @Override
    public RecordAndPosition<RawLine> next() {
      if (next == count) {
        return null;
      }
      RawLine line = lines[next];
      current.set(line, endOffsets[next], line.lineNumber);
      next++;
      return current;
    }

    @Override
    public void releaseBatch() {}
  }
}
