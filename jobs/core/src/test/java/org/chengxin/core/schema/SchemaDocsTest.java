package org.chengxin.core.schema;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.HashSet;
import java.util.Set;
import org.junit.jupiter.api.Test;

class SchemaDocsTest {

  /** docs/tables.md must be exactly what the code says; regenerate with scripts/schema-docs. */
  @Test
  void docsMatchCode() throws IOException {
    Path docs = repoRoot().resolve("docs/tables.md");
    assertTrue(Files.exists(docs), "docs/tables.md is missing: run scripts/schema-docs");
    assertEquals(SchemaDocs.markdown(), Files.readString(docs),
        "docs/tables.md is out of date: run scripts/schema-docs");
  }

  @Test
  void tableNamesAreUniqueAndEveryColumnIsExplained() {
    Set<String> names = new HashSet<>();
    for (TableSchema table : Tables.all()) {
      assertTrue(names.add(table.name()), "duplicate table " + table.name());
      for (Column column : table.columns()) {
        assertTrue(column.meaning().length() > 5, table.name() + "." + column.name() + " is undocumented");
      }
    }
  }

  private static Path repoRoot() {
    Path dir = Path.of("").toAbsolutePath();
    while (dir != null && !Files.exists(dir.resolve(".ci"))) {
      dir = dir.getParent();
    }
    if (dir == null) {
      throw new IllegalStateException("not inside the Chengxin repository");
    }
    return dir;
  }
}
