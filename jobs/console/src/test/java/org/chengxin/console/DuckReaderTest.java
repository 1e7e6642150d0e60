package org.chengxin.console;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.sql.Connection;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.List;
import java.util.concurrent.Executors;
import org.junit.jupiter.api.Test;

class DuckReaderTest {
  @Test
  void aThreadKeepsItsReaderAndAStatementOnATableDroppedSinceIsPreparedAgain() throws Exception {
    try (Duck duck = new Duck(); Connection admin = duck.connect(); Statement sql = admin.createStatement()) {
      sql.execute("CREATE TABLE copy_1 AS SELECT 'seller-a' AS seller_id, 1 AS n");
      DuckReader reader = duck.reader();
      assertSame(reader, duck.reader(), "one reader per thread");
      var executor = Executors.newSingleThreadExecutor();
      try {
        assertEquals(false, executor.submit(() -> duck.reader() == reader).get(), "another thread reads with its own");
      } finally {
        executor.shutdown();
      }
      String question = "SELECT n FROM copy_1 WHERE seller_id = ?";
      assertEquals(List.of(List.of(1)), reader.query(question, "seller-a").rows());

      sql.execute("DROP TABLE copy_1");
      assertThrows(SQLException.class, () -> reader.query(question, "seller-a"));
      sql.execute("CREATE TABLE copy_1 AS SELECT 'seller-a' AS seller_id, 2 AS n");
      assertEquals(List.of(List.of(2)), reader.query(question, "seller-a").rows(), "the failed statement is not kept");
    }
  }
}
