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
record StepResponse(long step, int segment, List<RankIndices> ranks) {

	static StepResponse of(StepProvenance.StepSamples samples) {
		return new StepResponse(samples.step(), samples.segment(),
				samples.ranks().stream().map((r) -> new RankIndices(r.rank(), r.indices())).toList());
	}

	/**
	 * @param rank the rank
	 * @param indices the dataset indices it used, in order
	 */
	record RankIndices(int rank, long[] indices) {
	}

}
