package dev.seedbank.experiment.web;

import java.util.List;
import java.util.UUID;

import dev.seedbank.experiment.AuditEntry;
import io.swagger.v3.oas.annotations.media.Schema;

/**
 * An experiment's history.
 *
 * @param experimentId the experiment
 * @param entries creation, then each changed field, oldest first
 */
@Schema(description = "An experiment's history")
record AuditResponse(@Schema(description = "The experiment") UUID experimentId,
		@Schema(description = "Creation, then each changed field, oldest first") List<AuditEntry> entries) {
}
