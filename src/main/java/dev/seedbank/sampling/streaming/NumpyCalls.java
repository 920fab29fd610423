package dev.seedbank.sampling.streaming;

import java.math.BigInteger;

import dev.seedbank.sampling.numpy.NumpyGenerator;
import dev.seedbank.sampling.numpy.Pcg64;

/**
 * The NumPy calls Streaming's shuffles make, with NumPy's {@code ValueError}s (a negative
 * seed, empty integer bounds) turned into "Streaming would raise" errors.
 */
final class NumpyCalls {

	private NumpyCalls() {
	}

	/** {@code np.random.default_rng(seed)}. */
	static NumpyGenerator defaultRng(BigInteger seed) {
		try {
			return NumpyGenerator.defaultRng(seed);
		}
		catch (IllegalArgumentException ex) {
			throw StreamingRelease.raise("ValueError", ex.getMessage());
		}
	}

	/** {@code rng.integers(low, high)}, one int64. */
	static long integers(NumpyGenerator rng, long low, long high) {
		try {
			return rng.integers(low, high);
		}
		catch (IllegalArgumentException ex) {
			throw StreamingRelease.raise("ValueError", ex.getMessage());
		}
	}

	/** {@code rng.integers(low, high, size)}. */
	static long[] integers(NumpyGenerator rng, long low, long high, int size) {
		try {
			return rng.integers(low, high, size);
		}
		catch (IllegalArgumentException ex) {
			throw StreamingRelease.raise("ValueError", ex.getMessage());
		}
	}

	/**
	 * The draws of {@code rng.shuffle} of a 1-D array of {@code length} elements, without
	 * the array: for a part of the epoch nobody reads, only the generator must advance.
	 */
	static void skipShuffle(NumpyGenerator rng, long length) {
		if (length - 1 > 0xFFFFFFFFL) {
			for (long i = length - 1; i >= 1; i--) {
				rng.randomInterval(i);
			}
			return;
		}
		rng.bitGenerator().skipIntervals32(length - 1);
	}

	/**
	 * The last canonical node whose draws matter: the last one read (node 0 if none, so
	 * that whatever NumPy raises on the first draws is still raised). Nothing after it
	 * needs drawing at all.
	 * @param needed canonical nodes read, {@code null} for all
	 * @param nodes canonical nodes
	 */
	static int lastNeeded(boolean[] needed, int nodes) {
		if (needed == null) {
			return nodes - 1;
		}
		for (int node = nodes - 1; node > 0; node--) {
			if (needed[node]) {
				return node;
			}
		}
		return 0;
	}

	/** {@code int(fraction * block_size)}: Python's float product, truncated. */
	static long scaledBlock(double fraction, long blockSize) {
		return (long) (fraction * (double) blockSize);
	}

}
