package dev.seedbank.timeline;

import io.swagger.v3.oas.annotations.media.Schema;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.NotNull;

/**
 * A restart of the run (API.md, "Run timeline").
 *
 * @param worldSize the ranks it restarted on
 * @param startEpoch the epoch it restarted in
 * @param startSample the stream position of that epoch the checkpoint had reached
 * @param resume {@code torch} or {@code exact}
 * @param batchSize per-rank batch size, optional
 * @param gradientAccumulation batches per optimizer step (1)
 */
@Schema(description = "The run restarted at stream position startSample of startEpoch on worldSize ranks")
record SegmentRequest(
		@Schema(description = "Ranks the run restarted on", example = "3") @NotNull @Min(1) Integer worldSize,
		@Schema(description = "Epoch it restarted in", example = "0") @NotNull @Min(0) Long startEpoch,
		@Schema(description = "Samples of that epoch the whole job had consumed (the stream position)",
				example = "48") @NotNull @Min(0) Long startSample,
		@Schema(description = "How it picks the epoch up: torch (each rank skips its consumed share of its own "
				+ "list at the new world size) or exact (the stream continues where it stopped)",
				allowableValues = {
						"torch", "exact" },
				example = "exact") @NotNull String resume,
		@Schema(description = "Per-rank batch size, for step provenance", example = "8") @Min(1) Integer batchSize,
		@Schema(description = "Batches per optimizer step (default 1)",
				example = "1") @Min(1) Integer gradientAccumulation){
}
