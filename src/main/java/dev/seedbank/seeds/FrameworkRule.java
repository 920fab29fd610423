package dev.seedbank.seeds;

import dev.seedbank.sampling.ReleaseVersion;

/**
 * How one framework seeds its processes and its distributed sampler: one row of
 * {@link FrameworkRules}.
 *
 * @param framework the framework
 * @param processSeeding how a rank's process seed follows from the global seed
 * @param processSeedsAreUint32 whether every process seed must lie in [0, 2^32-1] because
 * the framework raises (or silently replaces the seed) outside it
 * @param defaultDataSeed the sampler seed when the training code passes none
 * @param samplerSeedSince the first release whose sampler helper takes a {@code seed}
 * argument; {@code null} when the training code builds torch's DistributedSampler itself
 * (which always takes one)
 * @param samplerDefaultShuffle the sampler helper's default for {@code shuffle}
 * @param source where the rule comes from: repository, file, and the release or change
 * that introduced it
 */
record FrameworkRule(Framework framework, ProcessSeeding processSeeding, boolean processSeedsAreUint32,
		DefaultDataSeed defaultDataSeed, ReleaseVersion samplerSeedSince, boolean samplerDefaultShuffle,
		String source) {

	/** How a rank's process seed follows from the global seed. */
	public enum ProcessSeeding {

		/** Every rank seeds with the global seed. */
		SAME_ON_EVERY_RANK,

		/** Rank r seeds with the global seed + r. */
		GLOBAL_PLUS_RANK,

		/**
		 * The global seed + r with {@code device_specific=True}, else the global seed.
		 */
		GLOBAL_PLUS_RANK_IF_DEVICE_SPECIFIC

	}

	/** The sampler seed the framework uses when the training code passes none. */
	public enum DefaultDataSeed {

		/** {@code seed=0}, the default of torch's DistributedSampler. */
		ZERO,

		/** The global seed, read back from the environment by the framework. */
		GLOBAL_SEED

	}

	/**
	 * @param version the framework release in use
	 * @return whether its sampler helper accepts a seed
	 */
	public boolean samplerTakesSeed(ReleaseVersion version) {
		return this.samplerSeedSince == null || version.isAtLeast(this.samplerSeedSince);
	}

}
