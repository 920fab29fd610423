package dev.seedbank.sampling.streaming;

import java.math.BigInteger;

/**
 * Streaming's {@code naive} shuffle ({@code streaming/base/shuffle/naive.py}, as of
 * 0.14.0.dev0): {@code default_rng(seed + epoch).permutation(total samples)}, all to all.
 */
final class NaiveShuffle {

	private NaiveShuffle() {
	}

	static NodeSlices shuffle(long[] shardSizes, BigInteger seed, long epoch) {
		long total = 0;
		for (long size : shardSizes) {
			total += size;
		}
		return NodeSlices.whole(NumpyCalls.defaultRng(seed.add(BigInteger.valueOf(epoch))).permutation(total));
	}

}
