package org.chengxin.ingest;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.util.ArrayList;
import java.util.List;
import org.apache.flink.configuration.Configuration;
import org.apache.flink.connector.file.src.FileSourceSplit;
import org.apache.flink.connector.file.src.reader.BulkFormat;
import org.apache.flink.connector.file.src.util.CheckpointedPosition;
import org.apache.flink.connector.file.src.util.RecordAndPosition;
import org.apache.flink.core.fs.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class JsonLinesFormatTest {
  private static final int LIMIT = 300;

  @TempDir java.nio.file.Path tmp;

  /** A line as read, with the position a checkpoint taken right after it would hold. */
  private record Read(String text, long line, long offsetAfter, long lineAfter) {}

  @Test
  void readsLinesWithNumbersAcrossBufferRefillsAndStripsCarriageReturns() throws IOException {
    String big = "x".repeat(70_000); // longer than the reader's buffer and than the limit
    FileSourceSplit split = split("a\r\n\nthird\n" + big + "\nlast-without-newline");
    List<Read> lines = readAll(new JsonLinesFormat(LIMIT).createReader(new Configuration(), split));

    assertEquals(List.of("a", "", "third"), lines.subList(0, 3).stream().map(Read::text).toList());
    assertEquals(List.of(1L, 2L, 3L, 4L, 5L), lines.stream().map(Read::line).toList());
    assertEquals(LIMIT + 1, lines.get(3).text().length(), "long lines keep limit + 1 bytes");
    assertEquals("last-without-newline", lines.get(4).text());
  }

  @Test
  void restoresAfterAnyLineWithoutRereadingOrRenumbering() throws IOException {
    FileSourceSplit split = split("one\ntwo\nthree\nfour\n");
    List<Read> all = readAll(new JsonLinesFormat(LIMIT).createReader(new Configuration(), split));
    for (int k = 0; k < all.size(); k++) {
      Read checkpoint = all.get(k);
      FileSourceSplit restored = split.updateWithCheckpointedPosition(
          new CheckpointedPosition(checkpoint.offsetAfter(), checkpoint.lineAfter()));
      List<Read> rest = readAll(new JsonLinesFormat(LIMIT).restoreReader(new Configuration(), restored));
      assertEquals(all.subList(k + 1, all.size()), rest, "restored after line " + (k + 1));
    }
  }

  private FileSourceSplit split(String content) throws IOException {
    java.nio.file.Path file = tmp.resolve("f" + System.nanoTime() + ".jsonl");
    Files.writeString(file, content);
    long size = Files.size(file);
    return new FileSourceSplit("0", new Path(file.toUri()), 0, size, 0, size);
  }

  private static List<Read> readAll(BulkFormat.Reader<RawLine> reader) throws IOException {
    List<Read> lines = new ArrayList<>();
    try (reader) {
      for (BulkFormat.RecordIterator<RawLine> batch = reader.readBatch(); batch != null; batch = reader.readBatch()) {
        for (RecordAndPosition<RawLine> r = batch.next(); r != null; r = batch.next()) {
          RawLine line = r.getRecord();
          lines.add(new Read(new String(line.bytes, StandardCharsets.UTF_8), line.lineNumber, r.getOffset(),
              r.getRecordSkipCount()));
        }
        batch.releaseBatch();
      }
    }
    return lines;
  }

  @Test
  void keepsBytesAsTheyAre() throws IOException {
    java.nio.file.Path file = tmp.resolve("latin1.jsonl");
    byte[] latin1 = {'c', 'a', 'f', (byte) 0xe9, '\n'};
    Files.write(file, latin1);
    FileSourceSplit split = new FileSourceSplit("0", new Path(file.toUri()), 0, 5, 0, 5);
    BulkFormat.Reader<RawLine> reader = new JsonLinesFormat(LIMIT).createReader(new Configuration(), split);
    RawLine line = reader.readBatch().next().getRecord();
    reader.close();
    assertArrayEquals(new byte[] {'c', 'a', 'f', (byte) 0xe9}, line.bytes);
  }
}
