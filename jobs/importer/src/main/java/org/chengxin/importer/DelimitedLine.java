package org.chengxin.importer;

import java.util.ArrayList;
import java.util.List;

/**
 * Splits one line of a delimited file: fields separated by a single character, optionally in
 * double quotes (a doubled quote inside is one quote), as CSV and TSV exports write them.
 */
public final class DelimitedLine {
  private DelimitedLine() {}

  /** The fields of {@code line}; null when a quoted field is not closed. */
  public static List<String> split(String line, char delimiter) {
    List<String> fields = new ArrayList<>();
    StringBuilder field = new StringBuilder();
    boolean quoted = false;
    boolean startOfField = true;
    for (int i = 0; i < line.length(); i++) {
      char c = line.charAt(i);
      if (quoted) {
        if (c == '"' && i + 1 < line.length() && line.charAt(i + 1) == '"') {
          field.append('"');
          i++;
        } else if (c == '"') {
          quoted = false;
        } else {
          field.append(c);
        }
      } else if (c == '"' && startOfField) {
        quoted = true;
        startOfField = false;
      } else if (c == delimiter) {
        fields.add(field.toString());
        field.setLength(0);
        startOfField = true;
      } else {
        field.append(c);
        startOfField = false;
      }
    }
    if (quoted) {
      return null;
    }
    fields.add(field.toString());
    return fields;
  }
}
