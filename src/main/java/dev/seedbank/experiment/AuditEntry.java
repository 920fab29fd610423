package dev.seedbank.experiment;

import java.time.Instant;

import io.swagger.v3.oas.annotations.media.Schema;

/**
 * One line of an experiment's history.
 *
 * @param field {@code created}, {@code description}, {@code tags} or {@code status}
 * @param oldValue the value before, or {@code null}; tags as a JSON object
 * @param newValue the value after, or {@code null}; for {@code created}, the name
 * @param changedBy the token (or JWT subject) that made the change
 * @param changedAt when
 */
@Schema(description = "One line of an experiment's history")
public record AuditEntry(@Schema(description = "created, description, tags or status", example = "status") String field,
		@Schema(description = "The value before, or null; tags as a JSON object", nullable = true) String oldValue,
		@Schema(description = "The value after, or null; for created, the name", nullable = true) String newValue,
		@Schema(description = "The token (or JWT subject) that made the change") String changedBy,
		@Schema(description = "When") Instant changedAt) {
}
