package org.chengxin.jobs.review;

import java.util.Optional;
import java.util.function.Supplier;
import org.chengxin.core.cli.Arguments;
import org.chengxin.core.cli.Arguments.Arg;

/** The {@code --db-url} option of the mains that use the review database, declared once. */
public final class ReviewDatabaseOption {
  private ReviewDatabaseOption() {}

  /**
   * Declares {@code --db-url}; returns, once the arguments are parsed, the database's URL: the
   * option's, else {@code $CHENGXIN_DB_URL}; empty means the embedded server under
   * {@code WAREHOUSE/_review_db} ({@code ReviewDatabase.open}).
   */
  public static Supplier<Optional<String>> declare(Arguments cli) {
    Arg<String> dbUrl = cli.text("db-url", "JDBC",
        "PostgreSQL JDBC URL (default: $CHENGXIN_DB_URL, else the embedded server under WAREHOUSE/_review_db)");
    return () -> dbUrl.optional().or(() -> Optional.ofNullable(System.getenv("CHENGXIN_DB_URL")));
  }
}
