package dev.seedbank.sampling.hf;

import java.math.BigInteger;

import dev.seedbank.sampling.InvalidSamplerArgumentException;
import dev.seedbank.sampling.LibraryWouldRaiseException;
import dev.seedbank.sampling.numpy.NumpyGenerator;

/**
 * The original row numbers of {@code Dataset.from_dict({"i":
 * list(range(n))}).shuffle(seed=seed).shard(num_shards, index, contiguous)}
 * ({@code src/datasets/arrow_dataset.py} of datasets 5.0.1: {@code shuffle},
 * {@code shard}, {@code select}, {@code _select_contiguous}; the rules per release are in
 * {@link DatasetsVersion}).
 * <p>
 * {@code shuffle} is {@code np.random.default_rng(seed).permutation(n)}
 * ({@link NumpyGenerator}); {@code shard} then selects a contiguous block or every
 * {@code num_shards}-th row of it.
 */
public final class HfDatasetsShuffle {

	/** Permutations are kept as {@code int[]}; the largest array a JVM allocates. */
	public static final long MAX_DATASET_SIZE = Integer.MAX_VALUE - 8;

	private static final String LIBRARY = "datasets";

	private HfDatasetsShuffle() {
	}

	/**
	 * The whole order in one call.
	 * @param datasetSize {@code len(dataset)}
	 * @param seed the {@code shuffle} seed; required (datasets draws an unrecorded one
	 * from NumPy's global state when it is {@code None})
	 * @param numShards {@code num_shards}
	 * @param shardIndex {@code index}
	 * @param contiguous {@code contiguous}
	 * @param version the datasets release
	 * @return the shard's original row numbers
	 * @throws InvalidSamplerArgumentException for arguments datasets cannot be given
	 * @throws LibraryWouldRaiseException where that datasets release raises
	 */
	public static HfDatasetsOrder order(long datasetSize, BigInteger seed, long numShards, long shardIndex,
			boolean contiguous, DatasetsVersion version) {
		return shard(permutation(datasetSize, seed, version), numShards, shardIndex, contiguous, version);
	}

	/**
	 * {@code shuffle(seed=seed)}'s row order, shared by every shard of the same dataset
	 * and seed (a caller may cache it).
	 * @param datasetSize {@code len(dataset)}
	 * @param seed the seed, required
	 * @param version the datasets release
	 * @return the permutation (empty for an empty dataset, whatever the seed)
	 */
	public static int[] permutation(long datasetSize, BigInteger seed, DatasetsVersion version) {
		if (datasetSize < 0 || datasetSize > MAX_DATASET_SIZE) {
			throw new InvalidSamplerArgumentException("datasetSize", "must be between 0 and " + MAX_DATASET_SIZE);
		}
		if (seed == null) {
			throw new InvalidSamplerArgumentException("seed",
					"is required: with seed=None datasets seeds from NumPy's global state, which no record holds");
		}
		if (datasetSize == 0) {
			return new int[0]; // "If the array is empty we do nothing": the seed is never
								// used
		}
		if (seed.signum() < 0) {
			// SeedSequence's _int_to_uint32_array
			throw new LibraryWouldRaiseException(LIBRARY, version.release(),
					"ValueError: expected non-negative integer");
		}
		return NumpyGenerator.defaultRng(seed).permutationInts((int) datasetSize);
	}

	/**
	 * {@code shard(num_shards, index, contiguous)} of the shuffled dataset.
	 * @param permutation what {@link #permutation} returned
	 * @param numShards {@code num_shards}
	 * @param shardIndex {@code index}
	 * @param contiguous {@code contiguous}
	 * @param version the datasets release
	 * @return the shard's original row numbers
	 */
	public static HfDatasetsOrder shard(int[] permutation, long numShards, long shardIndex, boolean contiguous,
			DatasetsVersion version) {
		if (!(0 <= shardIndex && shardIndex < numShards)) {
			throw new LibraryWouldRaiseException(LIBRARY, version.release(),
					"ValueError: index should be in [0, num_shards-1]");
		}
		long n = permutation.length;
		if (!contiguous) {
			long length = (shardIndex < n) ? 1 + (n - 1 - shardIndex) / numShards : 0; // len(arange(index,
																						// n,
																						// num_shards))
			return new HfDatasetsOrder(permutation, shardIndex, numShards, length);
		}
		long div = n / numShards;
		long mod = n % numShards;
		long start = div * shardIndex + Math.min(shardIndex, mod);
		long length = div + ((shardIndex < mod) ? 1 : 0);
		if (n > 0 && start >= n) {
			// select(range(start, start)) -> _select_contiguous ->
			// _check_valid_indices_value
			throw new LibraryWouldRaiseException(LIBRARY, version.release(),
					"IndexError: Index " + start + " out of range for dataset of size " + n + ".");
		}
		return new HfDatasetsOrder(permutation, start, 1, length);
	}

}
