package dev.seedbank.timeline;

import dev.seedbank.experiment.ExperimentSnapshot;
import dev.seedbank.order.PermutationCache;
import dev.seedbank.sampling.InvalidSamplerArgumentException;
import dev.seedbank.sampling.SamplerParameters;
import dev.seedbank.sampling.DistributedSpec;
import dev.seedbank.sampling.TorchVersion;
import dev.seedbank.sampling.timeline.DistributedRankLists;
import dev.seedbank.sampling.timeline.RankListSource;

import org.springframework.stereotype.Component;

/**
 * The one place the sampler kind of a record becomes the rank lists the run timeline
 * replays. Only {@code distributed} records are replayed so far: the kind whose lists at
 * any world size come from one permutation, so {@code exact} resumes apply; another kind
 * answers here with its own {@link dev.seedbank.sampling.timeline.RankLists} once its
 * resume rules are modelled, and until then is refused rather than served torch's lists.
 * Permutations come from the shared cache, so the timeline and the plain index endpoints
 * compute each epoch once.
 */
@Component
class RankListSources {

	private final PermutationCache permutations;

	RankListSources(PermutationCache permutations) {
		this.permutations = permutations;
	}

	/**
	 * @param record a record
	 * @return its rank lists at any world size
	 * @throws InvalidSamplerArgumentException for a kind the timeline does not replay
	 * yet: answering with DistributedSampler's lists for it would be a wrong order served
	 * as right
	 */
	RankListSource of(ExperimentSnapshot record) {
		if (!(record.sampler() instanceof DistributedSpec distributed)) {
			throw new InvalidSamplerArgumentException("sampler.kind", "the run timeline replays distributed records; "
					+ "this record's kind is " + record.sampler().kind() + ", whose resumes it does not model yet");
		}
		SamplerParameters parameters = new SamplerParameters(distributed.datasetSize(), distributed.worldSize(), 0,
				record.effectiveDataSeed(), distributed.shuffle(), distributed.dropLast(), record.torch());
		return DistributedRankLists.source(parameters, this.permutations::get);
	}

	/**
	 * @param record a record
	 * @return the torch release whose behaviour its orders follow
	 */
	TorchVersion torchVersion(ExperimentSnapshot record) {
		return record.torch();
	}

}
