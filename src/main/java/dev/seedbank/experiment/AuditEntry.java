package dev.seedbank.experiment;

import java.time.Instant;

/**
 * One line of an experiment's history.
 *
 * @param field {@code created}, {@code description}, {@code tags} or {@code status}
 * @param oldValue the value before, or {@code null}; tags as a JSON object
 * @param newValue the value after, or {@code null}; for {@code created}, the name
 * @param changedBy the token (or JWT subject) that made the change
 * @param changedAt when
 */
public record AuditEntry(String field, String oldValue, String newValue, String changedBy, Instant changedAt) {
}
