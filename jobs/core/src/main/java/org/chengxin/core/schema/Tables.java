package org.chengxin.core.schema;

import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/** Every table Chengxin writes: the one place their schemas are listed (docs are generated from it). */
public final class Tables {

  private Tables() {}

  public static List<TableSchema> all() {
    List<TableSchema> tables = new ArrayList<>(EventTables.all());
    tables.addAll(ScoreTables.all());
    tables.addAll(ReviewTables.all());
    tables.addAll(RatingTables.all());
    tables.addAll(DissatisfactionTables.all());
    tables.addAll(RingTables.all());
    tables.addAll(PublicRecordTables.all());
    return List.copyOf(tables);
  }

  public static Optional<TableSchema> byName(String name) {
    return all().stream().filter(t -> t.name().equals(name)).findFirst();
  }
}
