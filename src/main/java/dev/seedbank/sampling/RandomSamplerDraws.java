package dev.seedbank.sampling;

/**
 * The checks torch makes on a RandomSampler call, in torch's order, and how many 32-bit
 * Mersenne Twister outputs each {@code iter()} consumes, so that iteration e can start
 * from the generator state iterations 0 .. e-1 leave.
 */
final class RandomSamplerDraws {

	/**
	 * torch's CPU randint switches to random64() at this range (DistributionsHelper.h).
	 */
	static final long RANDINT_64_BIT_RANGE = 1L << 32;

	private final RandomSamplerParameters parameters;

	private final RandpermVariant variant;

	private final long drawsPerIteration;

	private RandomSamplerDraws(RandomSamplerParameters parameters, RandpermVariant variant, long drawsPerIteration) {
		this.parameters = parameters;
		this.variant = variant;
		this.drawsPerIteration = drawsPerIteration;
	}

	static RandomSamplerDraws of(RandomSamplerParameters parameters) {
		TorchVersion version = parameters.torchVersion();
		if (version == null) {
			throw new InvalidSamplerArgumentException("torchVersion", "must be a torch version such as 2.13.0");
		}
		long n = parameters.datasetSize();
		if (n < 0 || n > SamplerPlan.MAX_DATASET_SIZE) {
			throw new InvalidSamplerArgumentException("datasetSize",
					"must be between 0 and " + SamplerPlan.MAX_DATASET_SIZE);
		}
		if (parameters.seed() == null) {
			throw new InvalidSamplerArgumentException("seed", "must be an integer");
		}
		if (parameters.epoch() < 0) {
			throw new InvalidSamplerArgumentException("epoch", "counts iter() calls from 0, so must not be negative");
		}
		if (!version.isAtLeast(TorchVersion.RANDOM_SAMPLER_NUM_SAMPLES)) {
			throw new InvalidSamplerArgumentException("torchVersion",
					"seedbank reproduces RandomSampler from torch " + TorchVersion.RANDOM_SAMPLER_NUM_SAMPLES);
		}
		long numSamples = parameters.effectiveNumSamples();
		if (numSamples > RandomSamplerOrder.MAX_NUM_SAMPLES) {
			throw new InvalidSamplerArgumentException("numSamples",
					"seedbank serves at most " + RandomSamplerOrder.MAX_NUM_SAMPLES + " indices");
		}
		// Python evaluates generator=torch.Generator().manual_seed(seed) before the
		// sampler
		// checks its arguments, and those before iter() draws.
		TorchSeed.requireInRange(parameters.seed(), version);
		if (numSamples <= 0) {
			throw new TorchWouldRaiseException(version,
					"ValueError: num_samples should be a positive integer value, but got num_samples=" + numSamples);
		}
		if (n == 0) {
			throw new TorchWouldRaiseException(version,
					parameters.replacement()
							? "RuntimeError: random_ expects 'from' to be less than 'to', but got from=0 >= to=0"
							: "ZeroDivisionError: integer division or modulo by zero");
		}
		RandpermVariant variant = RandpermVariant.of(version, n);
		long perIteration = (parameters.dataLoader() ? 2 : 0)
				+ (parameters.replacement() ? numSamples * ((n >= RANDINT_64_BIT_RANGE) ? 2 : 1)
						: (numSamples / n + 1) * randpermDraws(n, variant));
		if (parameters.epoch() > 0 && perIteration > RandomSamplerOrder.MAX_SKIPPED_DRAWS / parameters.epoch()) {
			throw new InvalidSamplerArgumentException("epoch",
					"replaying " + parameters.epoch() + " earlier iterations of " + perIteration
							+ " draws each exceeds seedbank's limit of " + RandomSamplerOrder.MAX_SKIPPED_DRAWS
							+ " draws");
		}
		return new RandomSamplerDraws(parameters, variant, perIteration);
	}

	/**
	 * 32-bit outputs one CPU {@code randperm(n)} consumes: {@code n - 1} for the classic
	 * shuffle, two per element (one random64) for the inside-out one.
	 */
	static long randpermDraws(long n, RandpermVariant variant) {
		return (variant == RandpermVariant.CLASSIC) ? Math.max(0, n - 1) : 2 * n;
	}

	RandpermVariant variant() {
		return this.variant;
	}

	/**
	 * @return a generator seeded as torch seeds it, past every draw of the earlier
	 * iterations
	 */
	MersenneTwister generatorAtEpoch() {
		MersenneTwister generator = new MersenneTwister(TorchSeed.generatorSeed(this.parameters.seed()));
		generator.skip(this.parameters.epoch() * this.drawsPerIteration);
		return generator;
	}

}
