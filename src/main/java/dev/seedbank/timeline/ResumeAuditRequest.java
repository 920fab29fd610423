package dev.seedbank.timeline;

import java.util.List;

import io.swagger.v3.oas.annotations.media.Schema;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.NotEmpty;
import jakarta.validation.constraints.NotNull;

/**
 * What a checkpoint said and what the resumed rank then read.
 *
 * @param epoch the checkpoint's epoch
 * @param startSample the checkpoint's stream position
 * @param worldSize the resumed world size
 * @param rank the resumed rank
 * @param observed the first indices it read
 */
@Schema(description = "What the checkpoint said (epoch, startSample) and the first indices the resumed rank read")
record ResumeAuditRequest(@Schema(description = "The checkpoint's epoch", example = "0") @NotNull @Min(0) Long epoch,
		@Schema(description = "The checkpoint's stream position: samples of the epoch the job had consumed",
				example = "48") @NotNull @Min(0) Long startSample,
		@Schema(description = "The resumed world size", example = "3") @NotNull @Min(1) Integer worldSize,
		@Schema(description = "The resumed rank", example = "0") @NotNull @Min(0) Integer rank,
		@Schema(description = "The first indices the resumed rank read",
				example = "[17, 4, 92]") @NotEmpty List<Long> observed) {
}
