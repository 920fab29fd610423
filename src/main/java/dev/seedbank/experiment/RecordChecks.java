package dev.seedbank.experiment;

import java.math.BigInteger;

import dev.seedbank.sampling.RandomSamplerOrder;
import dev.seedbank.sampling.SamplerParameters;
import dev.seedbank.sampling.SamplerPlan;
import dev.seedbank.sampling.AccelerateSpec;
import dev.seedbank.sampling.DistributedSpec;
import dev.seedbank.sampling.HfDatasetsSpec;
import dev.seedbank.sampling.RandomSpec;
import dev.seedbank.sampling.SamplerSpec;
import dev.seedbank.sampling.StreamingSpec;
import dev.seedbank.sampling.TorchVersion;
import dev.seedbank.sampling.hf.HfDatasetsShuffle;
import dev.seedbank.seeds.Framework;
import dev.seedbank.seeds.SeedRuleException;

/**
 * What a draft must satisfy beyond its own fields before it is stored: a record whose
 * sampler the named releases cannot build with its effective seed would only ever answer
 * 422s, and {@code seedWorkers} is a Lightning switch.
 */
final class RecordChecks {

	private RecordChecks() {
	}

	/**
	 * @param draft the validated request
	 * @param seed the effective data seed, the sampler's seed
	 * @throws dev.seedbank.sampling.LibraryWouldRaiseException where the library raises
	 * for epoch 0
	 * @throws SeedRuleException naming {@code seedWorkers} for a framework other than
	 * Lightning
	 */
	static void check(ExperimentDraft draft, BigInteger seed) {
		TorchVersion torch = draft.torchVersion().version();
		SamplerSpec sampler = draft.sampler();
		if (sampler instanceof DistributedSpec d) {
			SamplerPlan
				.of(new SamplerParameters(d.datasetSize(), d.worldSize(), 0, seed, d.shuffle(), d.dropLast(), torch));
		}
		else if (sampler instanceof RandomSpec r) {
			// The base seed is one draw: it runs the order's checks without the order.
			RandomSamplerOrder.loaderBaseSeed(seed, 0, r.datasetSize(), r.replacement(), r.numSamples(), torch);
		}
		else if (sampler instanceof AccelerateSpec a) {
			a.loader(seed, 0, 0, torch);
		}
		else if (sampler instanceof HfDatasetsSpec h) {
			if (h.datasetSize() > 0) {
				// NumPy's SeedSequence refuses negative seeds: the same check, on one
				// row.
				HfDatasetsShuffle.permutation(1, seed, h.datasetsVersion());
			}
		}
		else if (sampler instanceof StreamingSpec s) {
			s.arguments(seed, 0, 0, 0);
		}
		if (draft.seedWorkers() && draft.framework() != Framework.LIGHTNING) {
			throw new SeedRuleException(SeedRuleException.Kind.INVALID, "seedWorkers",
					"seedWorkers is Lightning's seed_everything(workers=True); " + draft.framework().wireName()
							+ " has no such switch");
		}
	}

}
