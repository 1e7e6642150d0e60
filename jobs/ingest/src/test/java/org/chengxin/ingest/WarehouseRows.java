package org.chengxin.ingest;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.FileVisitResult;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.nio.file.SimpleFileVisitor;
import java.nio.file.attribute.BasicFileAttributes;
import java.util.ArrayList;
import java.util.List;
import org.apache.avro.generic.GenericData;
import org.apache.avro.generic.GenericRecord;
import org.apache.parquet.avro.AvroParquetReader;
import org.apache.parquet.hadoop.ParquetReader;
import org.apache.parquet.io.LocalInputFile;

/** Reads committed Parquet rows back from a test warehouse (hidden in-progress files are skipped). */
final class WarehouseRows {
  private WarehouseRows() {}

  /** Every row of a table, all ds partitions, or of one partition when ds is given. */
  static List<GenericRecord> read(Path warehouse, String table, String ds) {
    Path root = ds == null ? warehouse.resolve(table) : warehouse.resolve(table).resolve("ds=" + ds);
    List<GenericRecord> rows = new ArrayList<>();
    if (!Files.isDirectory(root)) {
      return rows;
    }
    try {
      for (Path file : committedParts(root)) {
        try (ParquetReader<GenericRecord> reader = AvroParquetReader.<GenericRecord>builder(new LocalInputFile(file))
            .withDataModel(GenericData.get()).build()) {
          for (GenericRecord r = reader.read(); r != null; r = reader.read()) {
            rows.add(r);
          }
        }
      }
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
    return rows;
  }

  /**
   * Committed part files under root, sorted. A running job renames its in-progress files while the
   * tree is walked, so an entry that vanished between listing and reading is skipped, not an error.
   */
  private static List<Path> committedParts(Path root) throws IOException {
    List<Path> parts = new ArrayList<>();
    Files.walkFileTree(root, new SimpleFileVisitor<>() {
      @Override
      public FileVisitResult visitFile(Path file, BasicFileAttributes attributes) {
        if (isCommittedPart(file)) {
          parts.add(file);
        }
        return FileVisitResult.CONTINUE;
      }

      @Override
      public FileVisitResult visitFileFailed(Path file, IOException e) throws IOException {
        if (e instanceof NoSuchFileException) {
          return FileVisitResult.CONTINUE;
        }
        throw e;
      }
    });
    parts.sort(null);
    return parts;
  }

  static boolean isCommittedPart(Path file) {
    String name = file.getFileName().toString();
    return Files.isRegularFile(file) && name.startsWith("part-") && name.endsWith(".parquet");
  }

  /** Rows as sorted strings, for comparing runs. */
  static List<String> canonical(List<GenericRecord> rows) {
    return rows.stream().map(GenericRecord::toString).sorted().toList();
  }
}
