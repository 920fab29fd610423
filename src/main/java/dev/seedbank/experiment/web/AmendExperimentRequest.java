package dev.seedbank.experiment.web;

import java.util.Map;

import dev.seedbank.experiment.ExperimentStatus;
import io.swagger.v3.oas.annotations.media.Schema;

/**
 * The documented shape of a {@code PATCH} body. The controller reads the body as a tree
 * instead ({@link ExperimentPatch}), so a replay-defining field can be answered with a
 * 409 that names it rather than a generic 400.
 *
 * @param description new free text
 * @param tags the new labels, replacing the old ones
 * @param status ACTIVE or ARCHIVED
 */
@Schema(description = "The fields a PATCH may change; any other field of the record with a different value is a 409")
record AmendExperimentRequest(
		@Schema(description = "Free text, at most 4000 characters", example = "Baseline of sweep A",
				nullable = true) String description,
		@Schema(description = "The new labels, replacing the old ones",
				example = "{\"team\": \"vision\"}") Map<String, String> tags,
		@Schema(description = "ACTIVE or ARCHIVED", example = "ARCHIVED") ExperimentStatus status) {
}
