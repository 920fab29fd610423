package dev.seedbank.seeds;

import java.math.BigInteger;
import java.util.List;

/**
 * Every rank's seeds for one experiment.
 *
 * @param experimentId the experiment
 * @param framework the framework's wire name
 * @param frameworkVersion its version
 * @param torchVersion torch's version
 * @param globalSeed the global seed
 * @param effectiveDataSeed the sampler seed in effect
 * @param explanation why that sampler seed, in words
 * @param shuffle the value to pass as the sampler's {@code shuffle}
 * @param dropLast the value to pass as the sampler's {@code drop_last}
 * @param worldSize the number of ranks
 * @param notes framework pitfalls that apply, in words
 * @param source the framework rule's source
 * @param ranks one entry per rank, by rank
 */
public record SeedManifest(String experimentId, String framework, String frameworkVersion, String torchVersion,
		BigInteger globalSeed, BigInteger effectiveDataSeed, String explanation, boolean shuffle, boolean dropLast,
		int worldSize, List<String> notes, String source, List<RankSeeds> ranks) {
}
