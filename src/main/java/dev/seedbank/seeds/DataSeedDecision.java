package dev.seedbank.seeds;

import java.math.BigInteger;

/**
 * The sampler seed a run really uses, and why.
 *
 * @param effectiveDataSeed the seed passed to the DistributedSampler
 * @param explanation a sentence a person can read
 */
public record DataSeedDecision(BigInteger effectiveDataSeed, String explanation) {
}
