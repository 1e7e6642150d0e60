package org.chengxin.core.csv;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.zip.GZIPOutputStream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class TextFilesTest {
  @TempDir Path dir;

  @Test
  void readsPlainAndGzippedFilesAlike() throws IOException {
    String text = "rater,ratee,评分\n1,2,5\n";
    Path plain = Files.writeString(dir.resolve("ratings.csv"), text);
    Path gzipped = dir.resolve("ratings.csv.gz");
    try (OutputStream out = new GZIPOutputStream(Files.newOutputStream(gzipped))) {
      out.write(text.getBytes(StandardCharsets.UTF_8));
    }
    for (Path file : List.of(plain, gzipped)) {
      try (BufferedReader reader = TextFiles.open(file)) {
        assertEquals(List.of("rater,ratee,评分", "1,2,5"), reader.lines().toList(), file.toString());
      }
    }
  }

  @Test
  void aFileNamedGzThatIsNotGzipIsRefused() throws IOException {
    Path notGzip = Files.writeString(dir.resolve("labels.gz"), "plain text");
    assertThrows(IOException.class, () -> TextFiles.open(notGzip));
  }
}
