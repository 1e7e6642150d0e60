package org.chengxin.core.csv;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.zip.GZIPInputStream;

/** Opening the text files users hand in: rating histories, label files, often shipped gzipped. */
public final class TextFiles {
  private TextFiles() {}

  /** A UTF-8 reader of the file, gunzipped on the fly when its name ends in {@code .gz}. */
  public static BufferedReader open(Path file) throws IOException {
    InputStream in = Files.newInputStream(file);
    try {
      InputStream text = file.getFileName().toString().endsWith(".gz") ? new GZIPInputStream(in, 1 << 16) : in;
      return new BufferedReader(new InputStreamReader(text, StandardCharsets.UTF_8), 1 << 16);
    } catch (IOException e) {
      in.close();
      throw e;
    }
  }
}
