package org.chengxin.core.warehouse;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.LocalDate;
import java.util.List;
import org.apache.hadoop.conf.Configuration;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The Hadoop-backed file system, exercised on file:// URIs (the same code runs against hdfs://). */
class HadoopWarehouseFileSystemTest {

  @TempDir Path dir;

  @Test
  void supportsTheWarehouseOperations() {
    HadoopWarehouseFileSystem fs = new HadoopWarehouseFileSystem(new Configuration());
    String base = dir.toUri().toString();
    fs.mkdirs(base + "a/b");
    assertTrue(fs.exists(base + "a/b"));
    fs.writeAtomically(base + "a/summary.json", "one".getBytes(StandardCharsets.UTF_8));
    fs.writeAtomically(base + "a/summary.json", "two".getBytes(StandardCharsets.UTF_8));
    assertArrayEquals("two".getBytes(StandardCharsets.UTF_8), fs.read(base + "a/summary.json"));
    fs.rename(base + "a/b", base + "c/b");
    assertFalse(fs.exists(base + "a/b"));
    assertThrows(IllegalStateException.class, () -> fs.rename(base + "a", base + "c"));
    assertEquals(List.of("b"), fs.list(base + "c"));
    fs.deleteRecursively(base + "c");
    assertFalse(fs.exists(base + "c"));
    assertEquals(List.of(), fs.list(base + "nothing-here"));
  }

  @Test
  void carriesTheWarehouseCommit() {
    Warehouse warehouse = new Warehouse(dir.toUri().toString(), new HadoopWarehouseFileSystem(new Configuration()));
    LocalDate day = LocalDate.of(2026, 11, 1);
    for (String content : List.of("first", "second")) {
      String staging = warehouse.newStagingPath("t", day);
      warehouse.fileSystem().writeAtomically(staging + "/part", content.getBytes(StandardCharsets.UTF_8));
      warehouse.commitPartition("t", day, staging);
    }
    assertArrayEquals("second".getBytes(StandardCharsets.UTF_8),
        warehouse.fileSystem().read(warehouse.partitionPath("t", day) + "/part"));
  }
}
