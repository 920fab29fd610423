package dev.seedbank.timeline;

import java.util.List;

import dev.seedbank.sampling.timeline.StepProvenance;
import io.swagger.v3.oas.annotations.media.Schema;

/**
 * @param step the optimizer step, from the epoch's start
 * @param segment the segment that holds it
 * @param ranks each rank's indices in that step
 */
@Schema(description = "The indices each rank used in one optimizer step")
record StepResponse(@Schema(description = "The optimizer step, from the epoch's start", example = "13") long step,
		@Schema(description = "The segment that holds it", example = "1") int segment,
		@Schema(description = "Each rank's indices in the step, rank 0 first") List<RankIndices> ranks) {

	static StepResponse of(StepProvenance.StepSamples samples) {
		return new StepResponse(samples.step(), samples.segment(),
				samples.ranks().stream().map((r) -> new RankIndices(r.rank(), r.indices())).toList());
	}

	/**
	 * @param rank the rank
	 * @param indices the dataset indices it used, in order
	 */
	@Schema(description = "One rank's indices in the step")
	record RankIndices(@Schema(description = "The rank", example = "0") int rank,
			@Schema(description = "The dataset indices it used, in order") long[] indices) {
	}

}
