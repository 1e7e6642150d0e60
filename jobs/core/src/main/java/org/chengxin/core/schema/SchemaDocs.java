package org.chengxin.core.schema;

/**
 * Renders the documented schema of every table as Markdown. {@code docs/tables.md} is this output;
 * a test fails when the two differ, so the docs cannot drift from the code.
 */
public final class SchemaDocs {

  private SchemaDocs() {}

  public static String markdown() {
    StringBuilder out = new StringBuilder();
    out.append("# Table schemas\n\n")
        .append("Generated from `org.chengxin.core.schema.Tables` by ")
        .append("`scripts/schema-docs`; do not edit by hand.\n")
        .append("Every table lives at `WAREHOUSE/TABLE/ds=YYYY-MM-DD/` as Parquet ")
        .append("(Hive-style day partitions; `ds` is the partition key, not a stored column).\n");
    for (TableSchema table : Tables.all()) {
      out.append("\n## `").append(table.name()).append("`\n\n")
          .append(table.description()).append("\n\n")
          .append("| column | type | null | unit | meaning |\n")
          .append("| --- | --- | --- | --- | --- |\n");
      for (Column c : table.columns()) {
        row(out, c.name(), c.isRecords() ? "array<struct>" : c.sqlName(), c);
        for (Column field : c.fields()) {
          row(out, c.name() + "[]." + field.name(), field.sqlName(), field);
        }
      }
    }
    return out.toString();
  }

  private static void row(StringBuilder out, String name, String type, Column c) {
    out.append("| `").append(name).append("` | ")
        .append(type).append(" | ")
        .append(c.nullable() ? "yes" : "no").append(" | ")
        .append(c.unit()).append(" | ")
        .append(c.meaning().replace("|", "\\|")).append(" |\n");
  }

  public static void main(String[] args) {
    System.out.print(markdown());
  }
}
