package dev.seedbank.database;

/**
 * Published once, from the migration's thread, when the schema is migrated and matches
 * the entities: the first moment the application may use the database. A listener that
 * throws (the database went away again) makes the attempt fail and be retried, so
 * listeners must be safe to run again.
 */
public record SchemaReady() {
}
