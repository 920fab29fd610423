package dev.seedbank.sampling.streaming;

import java.math.BigInteger;
import java.util.Locale;

import dev.seedbank.sampling.InvalidSamplerArgumentException;

/**
 * Streaming's {@code shuffle_algo} values that are reproduced
 * ({@code streaming/base/shuffle/__init__.py}, {@code get_shuffle}, as of 0.14.0.dev0).
 */
public enum ShuffleAlgorithm {

	/** {@code naive}: see {@link NaiveShuffle}. */
	NAIVE,

	/** {@code py1br}: see {@link Py1brShuffle}. */
	PY1BR,

	/** {@code py1e}, {@code StreamingDataset}'s default: see {@link Py1eShuffle}. */
	PY1E,

	/** {@code py1s}: see {@link Py1sShuffle}. */
	PY1S,

	/** {@code py2s}: see {@link Py2sShuffle}. */
	PY2S;

	/** {@code get_shuffle}'s own default {@code block_size}, {@code 1 << 18}. */
	public static final long DEFAULT_BLOCK_SIZE = 1L << 18;

	/**
	 * @param name Streaming's name, or {@code null} for the default {@code py1e}
	 * @return the algorithm
	 */
	public static ShuffleAlgorithm parse(String name) {
		if (name == null) {
			return PY1E;
		}
		for (ShuffleAlgorithm algorithm : values()) {
			if (algorithm.streamingName().equals(name)) {
				return algorithm;
			}
		}
		throw new InvalidSamplerArgumentException("shuffleAlgo", "one of naive, py1br, py1e, py1s, py2s");
	}

	/**
	 * @return the name Streaming uses
	 */
	public String streamingName() {
		return name().toLowerCase(Locale.ROOT);
	}

	/**
	 * {@code get_shuffle(algo, shard_sizes, num_canonical_nodes, seed, epoch, block_size)}:
	 * the epoch's global permutation of sample ids.
	 * @param shardSizes samples per shard, non-negative (zero-size shards keep a slot)
	 * @param canonicalNodes canonical nodes, positive
	 * @param seed the run's seed (Streaming's {@code shuffle_seed}); NumPy rejects
	 * negatives
	 * @param epoch the epoch, added to the seed
	 * @param blockSize {@code block_size}, read by {@code py1br} and {@code py1e}
	 * @return element {@code i} is the sample id at position {@code i} of the epoch
	 * @throws InvalidSamplerArgumentException for negative sizes, a total beyond what a
	 * Java array holds, or fewer than one canonical node
	 * @throws dev.seedbank.sampling.LibraryWouldRaiseException where Streaming or NumPy
	 * raises
	 */
	public long[] shuffle(long[] shardSizes, int canonicalNodes, BigInteger seed, long epoch, long blockSize) {
		long total = 0;
		for (long size : shardSizes) {
			if (size < 0) {
				throw new InvalidSamplerArgumentException("shardSizes", "sizes must be non-negative");
			}
			total += size;
			if (total > Integer.MAX_VALUE - 8) {
				throw new InvalidSamplerArgumentException("shardSizes", "at most 2^31 - 9 samples");
			}
		}
		if (canonicalNodes < 1) {
			throw new InvalidSamplerArgumentException("numCanonicalNodes", "must be positive");
		}
		if (seed == null) {
			throw new InvalidSamplerArgumentException("seed", "is required");
		}
		if (blockSize < 0) {
			throw new InvalidSamplerArgumentException("blockSize", "must be non-negative");
		}
		return shuffle(shardSizes, canonicalNodes, seed, epoch, blockSize, null).concatenate();
	}

	/**
	 * As {@link #shuffle(long[], int, BigInteger, long, long)}, computing only the
	 * canonical nodes marked needed where the algorithm works node by node (the other
	 * nodes get no array; the generator still advances through them).
	 */
	NodeSlices shuffle(long[] shardSizes, int canonicalNodes, BigInteger seed, long epoch, long blockSize,
			boolean[] needed) {
		return switch (this) {
			case NAIVE -> NaiveShuffle.shuffle(shardSizes, seed, epoch);
			case PY1BR -> Py1brShuffle.shuffle(shardSizes, canonicalNodes, seed, epoch, blockSize, needed);
			case PY1E -> Py1eShuffle.shuffle(shardSizes, canonicalNodes, seed, epoch, blockSize, needed);
			case PY1S -> Py1sShuffle.shuffle(shardSizes, canonicalNodes, seed, epoch, needed);
			case PY2S -> Py2sShuffle.shuffle(shardSizes, canonicalNodes, seed, epoch);
		};
	}

	/** Whether {@code needed} can spare work: the node-by-node algorithms. */
	boolean worksByNode() {
		return this == PY1BR || this == PY1E || this == PY1S;
	}

}
