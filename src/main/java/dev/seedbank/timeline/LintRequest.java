package dev.seedbank.timeline;

import java.math.BigInteger;
import java.util.List;

import io.swagger.v3.oas.annotations.media.Schema;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.NotEmpty;
import jakarta.validation.constraints.NotNull;

/**
 * DistributedSamplers whose ranks may have been seeded differently.
 *
 * @param datasetSize {@code len(dataset)}
 * @param worldSize {@code num_replicas}
 * @param epoch {@code set_epoch} (0)
 * @param shuffle {@code shuffle} (true)
 * @param dropLast {@code drop_last} (false)
 * @param seeds the seed each rank gave its sampler, rank 0 first
 * @param torchVersion the torch release (default: the newest)
 */
@Schema(description = "One DistributedSampler per rank, each with the seed that rank gave it")
record LintRequest(@Schema(description = "len(dataset)", example = "1000") @NotNull @Min(0) Long datasetSize,
		@Schema(description = "num_replicas", example = "2") @NotNull @Min(1) Integer worldSize,
		@Schema(description = "set_epoch(epoch) (default 0)", example = "0") @Min(0) Long epoch,
		@Schema(description = "shuffle (default true)", example = "true") Boolean shuffle,
		@Schema(description = "drop_last (default false)", example = "false") Boolean dropLast,
		@Schema(description = "One seed per rank, rank 0 first", example = "[17, 18]") @NotEmpty List<BigInteger> seeds,
		@Schema(description = "torch release (default: the newest supported)", example = "2.5.1") String torchVersion) {
}
