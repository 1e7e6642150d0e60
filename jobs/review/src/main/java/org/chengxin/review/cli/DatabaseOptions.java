package org.chengxin.review.cli;

import java.nio.file.Path;
import java.sql.SQLException;
import java.time.Clock;
import java.util.Map;
import java.util.Optional;
import java.util.function.Supplier;
import org.chengxin.core.cli.Arguments;
import org.chengxin.core.cli.Arguments.Arg;
import org.chengxin.core.cli.UsageException;
import org.chengxin.review.CaseStore;
import org.chengxin.review.db.ReviewDatabase;

/** Where a command's review database is: a JDBC URL or a warehouse's embedded server. */
public record DatabaseOptions(Optional<String> dbUrl, Path warehouse) {
  public static final String ENV_DB_URL = "CHENGXIN_DB_URL";

  /** Declares --db-url and --warehouse; returns the database once the arguments are parsed. */
  public static Supplier<DatabaseOptions> declare(Arguments cli, Map<String, String> env) {
    Arg<String> dbUrl = cli.text("db-url", "JDBC_URL", "PostgreSQL JDBC URL (default: env " + ENV_DB_URL + ", else embedded)");
    Arg<Path> warehouse = cli.path("warehouse", "DIR",
        "warehouse whose _review_db holds the embedded PostgreSQL (default: ./warehouse)");
    return () -> {
      if (dbUrl.value() != null && warehouse.value() != null) {
        throw new UsageException("--db-url and --warehouse exclude each other: the queue lives in one database");
      }
      Optional<String> url = dbUrl.optional().or(() -> Optional.ofNullable(env.get(ENV_DB_URL)).filter(u -> !u.isBlank()));
      url.filter(u -> !u.startsWith("jdbc:postgresql:")).ifPresent(u -> {
        throw new UsageException("the database URL must be a PostgreSQL JDBC URL (jdbc:postgresql://HOST:PORT/DB?user=U)");
      });
      return new DatabaseOptions(url, warehouse.optional().orElse(Path.of("warehouse")));
    };
  }

  public ReviewDatabase open() throws SQLException {
    return ReviewDatabase.open(dbUrl, warehouse);
  }

  CaseStore open(Clock clock) throws SQLException {
    return new CaseStore(open(), clock);
  }
}
