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
import java.util.function.Consumer;
import org.apache.avro.Schema;
import org.apache.avro.generic.GenericData;
import org.apache.avro.generic.GenericRecord;
import org.apache.parquet.avro.AvroParquetReader;
import org.apache.parquet.avro.AvroReadSupport;
import org.apache.parquet.hadoop.ParquetFileReader;
import org.apache.parquet.hadoop.ParquetReader;
import org.apache.parquet.io.LocalInputFile;

/**
 * The rows a reader of a local warehouse sees in a table: its committed part files
 * ({@code part-*.parquet}); the hidden in-progress and pending files of a running continuous ingest
 * are not table data.
 */
final class CommittedRows {
  private CommittedRows() {}

  /** Every committed row of a table (all ds partitions, or one when ds is given), read through {@code projection} (null: every column). */
  static void forEach(Path warehouse, String table, String ds, Schema projection, Consumer<GenericRecord> action) {
    Path root = ds == null ? warehouse.resolve(table) : warehouse.resolve(table).resolve("ds=" + ds);
    if (!Files.isDirectory(root)) {
      return;
    }
    try {
      for (Path file : parts(root)) {
        AvroParquetReader.Builder<GenericRecord> builder = AvroParquetReader.<GenericRecord>builder(new LocalInputFile(file))
            .withDataModel(GenericData.get());
        if (projection != null) {
          builder.set(AvroReadSupport.AVRO_REQUESTED_PROJECTION, projection.toString());
        }
        try (ParquetReader<GenericRecord> reader = builder.build()) {
          for (GenericRecord r = reader.read(); r != null; r = reader.read()) {
            action.accept(r);
          }
        }
      }
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  /** How many committed rows a table holds, from the part files' footers (no row is read). */
  static long count(Path warehouse, String table) {
    Path root = warehouse.resolve(table);
    if (!Files.isDirectory(root)) {
      return 0;
    }
    long rows = 0;
    try {
      for (Path file : parts(root)) {
        try (ParquetFileReader reader = ParquetFileReader.open(new LocalInputFile(file))) {
          rows += reader.getRecordCount();
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
  static List<Path> parts(Path root) throws IOException {
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
}
