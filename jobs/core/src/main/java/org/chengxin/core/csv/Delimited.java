package org.chengxin.core.csv;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.MappingIterator;
import com.fasterxml.jackson.databind.ObjectReader;
import com.fasterxml.jackson.databind.ObjectWriter;
import com.fasterxml.jackson.databind.SequenceWriter;
import com.fasterxml.jackson.dataformat.csv.CsvGenerator;
import com.fasterxml.jackson.dataformat.csv.CsvMapper;
import com.fasterxml.jackson.dataformat.csv.CsvParser;
import com.fasterxml.jackson.dataformat.csv.CsvSchema;
import java.io.Closeable;
import java.io.Flushable;
import java.io.IOException;
import java.io.Reader;
import java.io.Writer;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;

/**
 * The project's one way to read and write delimited files (CSV, TSV and the like), on Jackson's
 * CSV module: fields separated by one character, optionally in double quotes (a doubled quote
 * inside is one quote), no escape character, no comment lines. Readers skip blank lines; writers
 * quote a field only when it holds the separator, a quote or a line break, and end every row with
 * {@code \n}.
 */
public final class Delimited {
  private static final CsvMapper MAPPER = CsvMapper.builder()
      .enable(CsvGenerator.Feature.STRICT_CHECK_FOR_QUOTING)
      .build();

  /** Comma-separated. */
  public static final Delimited CSV = new Delimited(',');

  private final char separator;
  private final CsvSchema schema;
  private final ObjectReader lines;

  private Delimited(char separator) {
    if (separator == '"' || separator == '\n' || separator == '\r') {
      throw new IllegalArgumentException("separator cannot be a quote or a line break");
    }
    this.separator = separator;
    this.schema = CsvSchema.emptySchema().withColumnSeparator(separator).withLineSeparator("\n");
    this.lines = MAPPER.readerFor(String[].class).with(schema);
  }

  /** Fields separated by {@code separator}. */
  public static Delimited by(char separator) {
    return separator == ',' ? CSV : new Delimited(separator);
  }

  public char separator() {
    return separator;
  }

  /**
   * The fields of one line (without its line break); null when its quoting is malformed: a quoted
   * field not closed on the line, or text after a closing quote.
   */
  public List<String> split(String line) {
    if (line.isEmpty()) {
      return List.of("");
    }
    try {
      return Arrays.asList(lines.<String[]>readValue(line));
    } catch (JsonProcessingException e) {
      return null;
    } catch (IOException e) {
      throw new IllegalStateException("reading a string cannot fail", e);
    }
  }

  /**
   * The named columns of a file whose first row names its columns: one array per later row,
   * holding those columns in the order asked; blank lines are skipped.
   *
   * @throws IOException naming the file when it is empty, lacks a column, has a row too short for
   *     one, or is not valid CSV
   */
  public List<String[]> columns(Path file, String... names) throws IOException {
    try (Reader in = Files.newBufferedReader(file, StandardCharsets.UTF_8);
        MappingIterator<String[]> rows = MAPPER.readerFor(String[].class).with(schema)
            .with(CsvParser.Feature.WRAP_AS_ARRAY).with(CsvParser.Feature.SKIP_EMPTY_LINES).readValues(in)) {
      if (!rows.hasNextValue()) {
        throw new IOException(file + " is empty");
      }
      List<String> header = Arrays.asList(rows.nextValue());
      int[] at = new int[names.length];
      for (int i = 0; i < names.length; i++) {
        at[i] = header.indexOf(names[i]);
        if (at[i] < 0) {
          throw new IOException(file + " has no column " + names[i]);
        }
      }
      List<String[]> table = new ArrayList<>();
      while (rows.hasNextValue()) {
        String[] fields = rows.nextValue();
        String[] row = new String[names.length];
        for (int i = 0; i < names.length; i++) {
          if (at[i] >= fields.length) {
            throw new IOException(file + " line " + rows.getCurrentLocation().getLineNr() + " has no " + names[i]);
          }
          row[i] = fields[at[i]];
        }
        table.add(row);
      }
      return table;
    } catch (JsonProcessingException e) {
      throw new IOException(file + " is not valid CSV: " + e.getOriginalMessage(), e);
    }
  }

  /** Writes rows to {@code out}, {@code header} first; closing the rows closes {@code out}. */
  public Rows write(Writer out, String... header) throws IOException {
    Rows rows = new Rows(MAPPER.writerFor(String[].class).with(schema), out);
    rows.row((Object[]) header);
    return rows;
  }

  /** Rows going to one writer. */
  public static final class Rows implements Closeable, Flushable {
    private final SequenceWriter out;

    private Rows(ObjectWriter writer, Writer out) throws IOException {
      this.out = writer.writeValues(out);
    }

    /** One row: each field as {@link String#valueOf(Object)} gives it, null as an empty field. */
    public void row(Object... fields) throws IOException {
      String[] text = new String[fields.length];
      for (int i = 0; i < fields.length; i++) {
        text[i] = fields[i] == null ? "" : String.valueOf(fields[i]);
      }
      out.write(text);
    }

    @Override
    public void flush() throws IOException {
      out.flush();
    }

    @Override
    public void close() throws IOException {
      out.close();
    }
  }
}
