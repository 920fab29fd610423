package dev.seedbank.experiment.web;

import java.util.List;
import java.util.UUID;

import dev.seedbank.experiment.AuditEntry;

/**
 * An experiment's history.
 *
 * @param experimentId the experiment
 * @param entries creation, then each changed field, oldest first
 */
record AuditResponse(UUID experimentId, List<AuditEntry> entries) {
}
