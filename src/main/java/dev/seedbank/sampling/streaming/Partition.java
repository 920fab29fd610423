package dev.seedbank.sampling.streaming;

/**
 * The work array {@code get_partitions} returns, of shape (physical nodes, ranks per
 * node, workers per rank, batches per worker, batch size), read element by element
 * instead of materialized: entries are sample ids, or {@code -1} for padding.
 */
public interface Partition {

	/**
	 * @return the five dimensions, outermost first
	 */
	long[] shape();

	/**
	 * @param node physical node
	 * @param rank rank within the node
	 * @param worker worker within the rank
	 * @param batch batch within the worker
	 * @param sample position within the batch
	 * @return the sample id there, or {@code -1}
	 */
	long get(long node, long rank, long worker, long batch, long sample);

	/**
	 * @param flat position in the C-order flattening of the whole array
	 * @return the element there
	 */
	default long flat(long flat) {
		long[] shape = shape();
		long rest = flat;
		long sample = rest % shape[4];
		rest /= shape[4];
		long batch = rest % shape[3];
		rest /= shape[3];
		long worker = rest % shape[2];
		rest /= shape[2];
		long rank = rest % shape[1];
		return get(rest / shape[1], rank, worker, batch, sample);
	}

}
