-- Before Flyway the queue recorded its applied migrations in schema_migrations. Flyway's history
-- table replaces it: a database that had it starts Flyway at its highest version there (see
-- ReviewDatabase), then loses the old table here. A new database never had it.
DROP TABLE IF EXISTS schema_migrations;
