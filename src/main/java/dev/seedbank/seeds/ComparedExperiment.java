package dev.seedbank.seeds;

import java.math.BigInteger;

/**
 * The seeding facts of one experiment, as {@link SeedComparisons} compares them.
 *
 * @param seeds the declared seeds (framework, global and data seed, world size)
 * @param effectiveDataSeed the sampler seed in effect, as recorded
 * @param datasetSize the dataset's length
 * @param shuffle the sampler's {@code shuffle}
 * @param dropLast the sampler's {@code drop_last}
 * @param randpermVariant an opaque name for the torch release's {@code randperm}
 * algorithm, supplied by the caller from the sampling engine; equal names mean equal
 * permutations for equal seeds
 */
public record ComparedExperiment(SeedRequest seeds, BigInteger effectiveDataSeed, long datasetSize, boolean shuffle,
		boolean dropLast, String randpermVariant) {
}
