package dev.seedbank.timeline;

import dev.seedbank.sampling.timeline.Coverage;
import io.swagger.v3.oas.annotations.media.Schema;

/**
 * @param epoch the epoch
 * @param datasetSize samples in the dataset
 * @param neverSeen samples no segment read
 * @param seenOnce samples read exactly once
 * @param seenMoreThanOnce samples read twice or more
 * @param maxSeen most reads of one sample (255 for 255 or more)
 * @param paddingRepeats reads of the sampler's padding
 * @param reads every read of the epoch, repeats included
 */
@Schema(description = "How often each sample of the epoch was read, over every segment that reads it")
record CoverageResponse(@Schema(description = "The epoch", example = "0") long epoch,
		@Schema(description = "Samples in the dataset", example = "1000") long datasetSize,
		@Schema(description = "Samples no segment read", example = "0") long neverSeen,
		@Schema(description = "Samples read exactly once", example = "1000") long seenOnce,
		@Schema(description = "Samples read twice or more", example = "0") long seenMoreThanOnce,
		@Schema(description = "Most reads of one sample; 255 means 255 or more") int maxSeen,
		@Schema(description = "Reads of padding (the repeats an uninterrupted run makes too)") long paddingRepeats,
		@Schema(description = "Every read of the epoch, repeats included") long reads) {

	static CoverageResponse of(long epoch, Coverage c) {
		return new CoverageResponse(epoch, c.datasetSize(), c.neverSeen(), c.seenOnce(), c.seenMoreThanOnce(),
				c.maxSeen(), c.paddingRepeats(), c.reads());
	}

}
