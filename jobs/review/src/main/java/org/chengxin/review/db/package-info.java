/**
 * The review database: a PostgreSQL server by JDBC URL or the embedded one
 * ({@link org.chengxin.review.db.EmbeddedPostgres}, PostgreSQL's own binaries run by pg_ctl on a
 * data directory in the warehouse), and its versioned SQL migrations, applied by Flyway.
 */
package org.chengxin.review.db;
