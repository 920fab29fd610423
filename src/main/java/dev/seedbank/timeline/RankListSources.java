package dev.seedbank.timeline;

import dev.seedbank.experiment.ExperimentSnapshot;
import dev.seedbank.order.PermutationCache;
import dev.seedbank.sampling.SamplerParameters;
import dev.seedbank.sampling.TorchVersion;
import dev.seedbank.sampling.timeline.DistributedRankLists;
import dev.seedbank.sampling.timeline.RankListSource;

import org.springframework.stereotype.Component;

/**
 * The one place the sampler kind of a record becomes the rank lists the run timeline
 * replays. Every record is a {@code DistributedSampler} today, the kind whose lists at
 * any world size come from one permutation, so {@code exact} resumes apply; a kind added
 * later answers here with its own {@link dev.seedbank.sampling.timeline.RankLists}.
 * Permutations come from the shared cache, so the timeline and the plain index endpoints
 * compute each epoch once.
 */
@Component
class RankListSources {

	private final PermutationCache permutations;

	RankListSources(PermutationCache permutations) {
		this.permutations = permutations;
	}

	RankListSource of(ExperimentSnapshot record) {
		SamplerParameters parameters = new SamplerParameters(record.datasetSize(), record.worldSize(), 0,
				record.effectiveDataSeed(), record.shuffle(), record.dropLast(), record.torch());
		return DistributedRankLists.source(parameters, (key) -> this.permutations.get(key).intArray());
	}

	/**
	 * @param record a record
	 * @return the torch release whose behaviour its orders follow
	 */
	TorchVersion torchVersion(ExperimentSnapshot record) {
		return record.torch();
	}

}
