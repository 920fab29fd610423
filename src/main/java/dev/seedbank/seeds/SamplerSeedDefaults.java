package dev.seedbank.seeds;

import java.math.BigInteger;

import dev.seedbank.seeds.SeedRuleException.Kind;

/**
 * What {@code FRAMEWORK_DEFAULT} means when the run's sampler is not a
 * {@code DistributedSampler}: {@link DataSeedPolicies} answers for the framework's
 * distributed sampler, but the other samplers default their seed themselves.
 * <ul>
 * <li>{@code streaming}: {@code StreamingDataset(shuffle_seed=9176)}
 * ({@code streaming/base/dataset.py}), whatever the framework seeds.</li>
 * <li>{@code accelerate}: {@code SeedableRandomSampler} takes
 * {@code torch.random.initial_seed()} when {@code data_seed} is {@code None} (accelerate
 * 1.15.0 {@code data_loader.py}), which {@code set_seed(seed)} made the global seed; with
 * {@code device_specific=True} each process would seed with its own seed and the
 * processes would not split one permutation, so no single sampler seed exists.</li>
 * <li>{@code random}, {@code hf-datasets}: a RandomSampler without a generator and
 * {@code Dataset.shuffle()} without a seed draw their seed from the global torch or NumPy
 * state, which no record holds: the run's seed must be recorded explicitly.</li>
 * </ul>
 */
public final class SamplerSeedDefaults {

	/** {@code StreamingDataset}'s default {@code shuffle_seed}. */
	static final BigInteger STREAMING_SHUFFLE_SEED = BigInteger.valueOf(9176);

	private SamplerSeedDefaults() {
	}

	/**
	 * @param request the declared seeds
	 * @param decision what {@link DataSeedPolicies#decide} answered
	 * @param samplerKind the record's {@code sampler.kind}
	 * @return the sampler seed of that kind
	 * @throws SeedRuleException naming {@code dataSeedPolicy} (or {@code deviceSpecific})
	 * where the kind's default seed is not a recorded value
	 */
	public static DataSeedDecision decide(SeedRequest request, DataSeedDecision decision, String samplerKind) {
		if (request.policy() != DataSeedPolicy.FRAMEWORK_DEFAULT) {
			return decision;
		}
		return switch (samplerKind) {
			case "streaming" -> new DataSeedDecision(STREAMING_SHUFFLE_SEED,
					"FRAMEWORK_DEFAULT: StreamingDataset's shuffle_seed defaults to 9176, whatever the global seed "
							+ request.globalSeed() + ".");
			case "accelerate" -> {
				if (request.deviceSpecific()) {
					throw new SeedRuleException(Kind.UNSATISFIABLE, "deviceSpecific",
							"without data_seed accelerate's SeedableRandomSampler seeds with torch.initial_seed(), "
									+ "which set_seed(device_specific=True) makes different in every process, so "
									+ "the processes do not split one permutation; record the data_seed the run "
									+ "passes (INDEPENDENT or HYBRID)");
				}
				yield new DataSeedDecision(request.globalSeed(),
						"FRAMEWORK_DEFAULT: without data_seed accelerate's SeedableRandomSampler seeds with "
								+ "torch.initial_seed(), which set_seed made the global seed " + request.globalSeed()
								+ ".");
			}
			case "random",
					"hf-datasets" ->
				throw new SeedRuleException(Kind.INVALID, "dataSeedPolicy",
						"a " + samplerKind + " sampler without an explicit seed draws one from the global random "
								+ "state, which no record holds; record the seed the run passes (the generator's "
								+ "manual_seed, or shuffle(seed=...)) with INDEPENDENT, HYBRID or LINKED");
			default -> decision;
		};
	}

}
