package dev.seedbank.sampling.timeline;

/**
 * Every rank's list of one epoch, for any world size: what a sampler kind must provide
 * for the run timeline. Indices are dataset indices in {@code [0, datasetSize)}.
 */
public interface RankLists {

	/**
	 * @return {@code len(dataset)}
	 */
	long datasetSize();

	/**
	 * @param worldSize the number of ranks
	 * @return how many indices each rank's list holds at that world size
	 * @throws dev.seedbank.sampling.InvalidSamplerArgumentException for a world size the
	 * kind cannot take
	 */
	long length(int worldSize);

	/**
	 * @param worldSize the number of ranks
	 * @param rank the rank, in {@code [0, worldSize)}
	 * @param k the position in the rank's list, in {@code [0, length(worldSize))}
	 * @return the dataset index
	 */
	long get(int worldSize, int rank, long k);

	/**
	 * @param worldSize the number of ranks
	 * @return the first stream position that is padding (a repeat the kind adds to even
	 * out the ranks); the stream's length when the kind never pads
	 */
	default long paddingStart(int worldSize) {
		return length(worldSize) * worldSize;
	}

	/**
	 * @param worldSize the world size the epoch started with
	 * @return the epoch's stream at that world size
	 */
	default EpochStream stream(int worldSize) {
		return new EpochStream(this, worldSize);
	}

	/**
	 * Copies stream positions {@code [from, from + count)}; a kind whose stream is a flat
	 * array overrides this with an array copy.
	 * @param worldSize the stream's world size
	 * @param from the first stream position
	 * @param count how many
	 * @param target where to write them
	 * @param offset the first index of {@code target} to write
	 */
	default void copyStream(int worldSize, long from, int count, int[] target, int offset) {
		for (int i = 0; i < count; i++) {
			long p = from + i;
			target[offset + i] = (int) get(worldSize, (int) (p % worldSize), p / worldSize);
		}
	}

	/**
	 * Positions of one dataset index in a rank's list, ascending; a kind with an inverse
	 * overrides the scan.
	 * @param worldSize the number of ranks
	 * @param rank the rank
	 * @param index the dataset index to find
	 * @return every position k with {@code get(worldSize, rank, k) == index}
	 */
	default long[] positionsOf(int worldSize, int rank, long index) {
		long n = length(worldSize);
		java.util.stream.LongStream.Builder found = java.util.stream.LongStream.builder();
		for (long k = 0; k < n; k++) {
			if (get(worldSize, rank, k) == index) {
				found.add(k);
			}
		}
		return found.build().toArray();
	}

}
