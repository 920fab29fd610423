package dev.seedbank.sampling.streaming;

/**
 * Streaming's {@code relaxed} partition ({@code streaming/base/partition/relaxed.py},
 * {@code get_partitions_relaxed}, introduced in 0.7.0, as of 0.14.0.dev0). On a first
 * run, or when the physical and canonical node counts divide one another, it is
 * {@link OrigPartition}. Otherwise it partitions for {@code initial_physical_nodes} with
 * the batch size rescaled to keep the global batch, and reshapes that partition's
 * traversal order (batches, workers, nodes, ranks, batch) onto the current nodes.
 */
final class RelaxedPartition {

	private RelaxedPartition() {
	}

	static Partition of(long numSamples, long canonicalNodes, long physicalNodes, long ranksPerNode,
			long workersPerRank, long batchSize, long dropFirst, Long initialPhysicalNodes) {
		if (numSamples < dropFirst) {
			throw StreamingRelease.raise("ValueError",
					"Resuming further into the dataset (" + dropFirst + ") than it has samples (" + numSamples + ")");
		}
		boolean divides = (physicalNodes <= canonicalNodes && canonicalNodes % physicalNodes == 0)
				|| (physicalNodes > canonicalNodes && physicalNodes % canonicalNodes == 0);
		if (initialPhysicalNodes == null || divides) {
			return new OrigPartition(numSamples, canonicalNodes, physicalNodes, ranksPerNode, workersPerRank, batchSize,
					dropFirst);
		}
		long globalBatchSize = physicalNodes * ranksPerNode * batchSize;
		long initialDevices = initialPhysicalNodes * ranksPerNode;
		if (globalBatchSize % initialDevices != 0) {
			throw StreamingRelease.raise("ValueError", "A global batch size of " + globalBatchSize
					+ " is not evenly divisible by the initial total number of devices of " + initialDevices
					+ ". Make sure that when using the `relaxed` partitioning algorithm, the global batch size does "
					+ "not change during resumption of training.");
		}
		OrigPartition initial = new OrigPartition(numSamples, canonicalNodes, initialPhysicalNodes, ranksPerNode,
				workersPerRank, globalBatchSize / initialDevices, dropFirst);
		return new Reshaped(initial, physicalNodes, ranksPerNode, workersPerRank, batchSize);
	}

	/**
	 * The initial partition's traversal order laid out over the current physical nodes.
	 */
	private static final class Reshaped implements Partition {

		private final OrigPartition initial;

		private final long[] initialShape;

		private final long[] shape;

		Reshaped(OrigPartition initial, long physicalNodes, long ranksPerNode, long workersPerRank, long batchSize) {
			this.initial = initial;
			this.initialShape = initial.shape();
			this.shape = new long[] { physicalNodes, ranksPerNode, workersPerRank, this.initialShape[3], batchSize };
		}

		@Override
		public long[] shape() {
			return this.shape.clone();
		}

		@Override
		public long get(long node, long rank, long worker, long batch, long sample) {
			long[] s = this.shape;
			long traversal = (((batch * s[2] + worker) * s[0] + node) * s[1] + rank) * s[4] + sample;
			long[] i = this.initialShape;
			long initialSample = traversal % i[4];
			traversal /= i[4];
			long initialRank = traversal % i[1];
			traversal /= i[1];
			long initialNode = traversal % i[0];
			traversal /= i[0];
			long initialWorker = traversal % i[2];
			return this.initial.get(initialNode, initialRank, initialWorker, traversal / i[2], initialSample);
		}

	}

}
