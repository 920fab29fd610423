package dev.seedbank.seeds;

import java.math.BigInteger;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;

/**
 * One rank's seeds and the calls that apply them.
 *
 * @param rank the global rank
 * @param processSeed the seed the rank's process gives python, NumPy and torch
 * @param samplerSeed the DistributedSampler's {@code seed}
 * @param samplerEpochSeed how the sampler seeds its generator each epoch, e.g.
 * {@code 17 + epoch}
 * @param loaderSeed the seed of the DataLoader's generator (the process seed)
 * @param calls the exact calls to make, in order
 * @param env the {@code SEEDBANK_*} variables, in a stable order
 */
public record RankSeeds(int rank, BigInteger processSeed, BigInteger samplerSeed, String samplerEpochSeed,
		BigInteger loaderSeed, List<String> calls, Map<String, String> env) {

	/**
	 * @return the environment as {@code KEY=VALUE} lines, each ending in a newline
	 */
	public String envLines() {
		return this.env.entrySet()
			.stream()
			.map((entry) -> entry.getKey() + "=" + entry.getValue() + "\n")
			.collect(Collectors.joining());
	}

}
