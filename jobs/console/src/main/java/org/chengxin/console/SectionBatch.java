package org.chengxin.console;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Iterator;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * The case page's evidence tables read with one DuckDB statement: each section's query becomes a
 * branch of a {@code UNION ALL} whose rows come back as JSON, tagged with the section and their
 * order. A statement costs DuckDB a parse, a plan and a scheduling round however small its answer,
 * and a page asks a dozen small questions: asked at once they cost about one.
 */
final class SectionBatch {
  private static final ObjectMapper JSON = new ObjectMapper();
  private static final int MAX_ROWS = 200;

  /** {@code sql} over {@code %s}, the table's rows; none when the warehouse lacks them ({@code missing} says so). */
  private record Lookup(String title, String table, Optional<String> rows, String missing, String sql, List<Object> parameters) {}

  private final List<Lookup> lookups = new ArrayList<>();

  /** Adds a section: {@code sql} (its {@code %s} the table's {@code rows}) with {@code parameters} bound in order. */
  SectionBatch add(String title, String table, Optional<String> rows, String missing, String sql, Object... parameters) {
    lookups.add(new Lookup(title, table, rows, missing, sql, Arrays.asList(parameters)));
    return this;
  }

  /** The sections in the order added, each with its rows (at most 200) or why it has none. */
  List<EvidenceTable> run(DuckReader duck) throws SQLException {
    List<String> branches = new ArrayList<>();
    List<Object> parameters = new ArrayList<>();
    for (int i = 0; i < lookups.size(); i++) {
      Lookup lookup = lookups.get(i);
      if (lookup.rows().isPresent()) {
        branches.add("SELECT " + i + " AS section, row_number() OVER () AS n, CAST(to_json(q) AS VARCHAR) AS row FROM ("
            + String.format(lookup.sql(), lookup.rows().get()) + " LIMIT " + MAX_ROWS + ") q");
        parameters.addAll(lookup.parameters());
      }
    }
    List<List<String>> columns = new ArrayList<>();
    List<List<List<String>>> rows = new ArrayList<>();
    lookups.forEach(lookup -> {
      columns.add(new ArrayList<>());
      rows.add(new ArrayList<>());
    });
    if (!branches.isEmpty()) {
      DuckQuery all = duck.query(String.join(" UNION ALL ", branches) + " ORDER BY section, n", parameters.toArray());
      for (List<Object> row : all.rows()) {
        int section = ((Number) row.get(0)).intValue();
        JsonNode values = parse((String) row.get(2));
        List<String> text = new ArrayList<>();
        for (Iterator<Map.Entry<String, JsonNode>> fields = values.fields(); fields.hasNext(); ) {
          Map.Entry<String, JsonNode> field = fields.next();
          if (rows.get(section).isEmpty()) {
            columns.get(section).add(field.getKey());
          }
          text.add(field.getValue().isNull() ? "" : field.getValue().isValueNode() ? field.getValue().asText() : field.getValue().toString());
        }
        rows.get(section).add(text);
      }
    }
    List<EvidenceTable> sections = new ArrayList<>();
    for (int i = 0; i < lookups.size(); i++) {
      Lookup lookup = lookups.get(i);
      String absent = lookup.rows().isEmpty() ? lookup.missing() : rows.get(i).isEmpty() ? "nothing for this seller in " + lookup.table() : null;
      sections.add(new EvidenceTable(lookup.title(), columns.get(i), rows.get(i), absent));
    }
    return sections;
  }

  private static JsonNode parse(String row) throws SQLException {
    try {
      return JSON.readTree(row);
    } catch (JsonProcessingException e) {
      throw new SQLException("DuckDB gave a row that is not JSON", e);
    }
  }
}
