package dev.seedbank.order;

import dev.seedbank.sampling.HfDatasetsSpec;
import dev.seedbank.sampling.Permutation;
import dev.seedbank.sampling.RandomSpec;
import dev.seedbank.sampling.SamplerSpec;
import dev.seedbank.sampling.StreamingSpec;
import dev.seedbank.sampling.streaming.StreamingArguments;

/**
 * The heap a cached order of a kind without a shared permutation holds, known before it
 * is computed, so that {@link PermutationCache#order} can refuse (413) or wait for room
 * (503) before allocating. What a computation allocates and drops again (datasets' and
 * Streaming's intermediate arrays, RandomSampler's randperms before they are copied) is
 * not held once the order is cached, and is not counted, as it was not before.
 */
final class OrderBytes {

	/** Object header and length field of an array. */
	private static final long ARRAY_OVERHEAD = 16;

	private OrderBytes() {
	}

	/**
	 * @param spec a random, hf-datasets or streaming sampler
	 * @return the bytes its order of one rank holds
	 */
	static long of(SamplerSpec spec) {
		if (spec instanceof RandomSpec random) {
			// RandomSamplerOrder: numSamples values below n, in the permutation storage.
			long n = random.datasetSize();
			long numSamples = (random.numSamples() != null) ? random.numSamples() : n;
			return Permutation.bytesFor(numSamples, n);
		}
		if (spec instanceof HfDatasetsSpec hf) {
			// HfDatasetsOrder: a view over the whole shuffle(seed) permutation, one
			// int[].
			return Integer.BYTES * hf.datasetSize() + ARRAY_OVERHEAD;
		}
		if (spec instanceof StreamingSpec streaming) {
			// StreamingEpochOrder: the rank's ids in one int[], about N / ranks, which
			// the
			// partition pads to whole batches of every worker; plus the key's shard
			// sizes.
			StreamingArguments arguments = streaming.arguments(StreamingArguments.DEFAULT_SEED, 0, 0, 0);
			long perRank = (streaming.datasetSize() + streaming.ranks() - 1) / streaming.ranks();
			long padding = (long) arguments.workersPerRank() * arguments.batchSize();
			return Integer.BYTES * (perRank + padding) + 2 * ARRAY_OVERHEAD
					+ Long.BYTES * (long) arguments.shardSizes().length;
		}
		throw new IllegalArgumentException(spec.kind() + " orders are views over a cached permutation");
	}

}
