/**
 * The database at start-up (issue 16.4): the service starts whether or not PostgreSQL is
 * reachable. Flyway migrates in the background, retried with capped backoff, and the
 * application sees no connection until the schema is migrated and validated; then
 * {@link dev.seedbank.database.SchemaReady} is published (the bootstrap token is written
 * on it) and readiness turns UP. Hibernate boots without a connection.
 */
package dev.seedbank.database;
