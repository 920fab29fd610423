package dev.seedbank.experiment.web;

import io.swagger.v3.oas.annotations.media.Schema;
import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.NotNull;

/**
 * The DistributedSampler's arguments.
 *
 * @param datasetSize {@code len(dataset)}
 * @param worldSize {@code num_replicas}
 * @param shuffle {@code shuffle}, torch's default {@code true}
 * @param dropLast {@code drop_last}, torch's default {@code false}
 */
@Schema(description = "The DistributedSampler's arguments")
public record SamplerSettings(
		@Schema(description = "len(dataset): samples in the dataset",
				example = "1281167") @NotNull @Min(0) Long datasetSize,
		@Schema(description = "num_replicas: number of ranks",
				example = "64") @NotNull @Min(1) @Max(1_000_000) Integer worldSize,
		@Schema(description = "shuffle (torch's default: true)", example = "true") Boolean shuffle,
		@Schema(description = "drop_last (torch's default: false)", example = "false") Boolean dropLast) {

	boolean shuffleOrDefault() {
		return (this.shuffle != null) ? this.shuffle : true;
	}

	boolean dropLastOrDefault() {
		return (this.dropLast != null) ? this.dropLast : false;
	}

}
