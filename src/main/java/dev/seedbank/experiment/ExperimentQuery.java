package dev.seedbank.experiment;

import java.time.Instant;
import java.util.Map;

/**
 * Search criteria; every non-null criterion must hold.
 *
 * @param name exact name
 * @param namePrefix names starting with this
 * @param framework framework wire name
 * @param tags every tag must match
 * @param status record status
 * @param createdAfter created at or after
 * @param createdBefore created before
 */
public record ExperimentQuery(String name, String namePrefix, String framework, Map<String, String> tags,
		ExperimentStatus status, Instant createdAfter, Instant createdBefore) {
}
