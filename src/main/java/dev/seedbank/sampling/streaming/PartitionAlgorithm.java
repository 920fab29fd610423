package dev.seedbank.sampling.streaming;

import java.util.Locale;

import dev.seedbank.sampling.InvalidSamplerArgumentException;

/**
 * Streaming's {@code partition_algo} values that are reproduced
 * ({@code streaming/base/partition/__init__.py}, {@code get_partitions}).
 */
public enum PartitionAlgorithm {

	/** {@code orig}: see {@link OrigPartition}. */
	ORIG,

	/**
	 * {@code relaxed}, {@code StreamingDataset}'s default: see {@link RelaxedPartition}.
	 */
	RELAXED;

	/**
	 * @param name Streaming's name, or {@code null} for the default {@code relaxed}
	 * @return the algorithm
	 */
	public static PartitionAlgorithm parse(String name) {
		if (name == null) {
			return RELAXED;
		}
		for (PartitionAlgorithm algorithm : values()) {
			if (algorithm.streamingName().equals(name)) {
				return algorithm;
			}
		}
		throw new InvalidSamplerArgumentException("partitionAlgo", "one of orig, relaxed");
	}

	/**
	 * @return the name Streaming uses
	 */
	public String streamingName() {
		return name().toLowerCase(Locale.ROOT);
	}

	/**
	 * {@code get_partitions(algo, num_samples, num_canonical_nodes, num_physical_nodes,
	 * ranks_per_node, workers_per_rank, batch_size, drop_first, initial_physical_nodes)}.
	 * @param numSamples samples in the epoch
	 * @param canonicalNodes canonical nodes
	 * @param physicalNodes physical nodes
	 * @param ranksPerNode ranks per node
	 * @param workersPerRank workers per rank
	 * @param batchSize batch size per rank
	 * @param dropFirst samples already seen
	 * @param initialPhysicalNodes physical nodes at the start of training, or
	 * {@code null}
	 * @return the partition
	 * @throws InvalidSamplerArgumentException for counts below one (samples, nodes,
	 * ranks, workers, batch size, initial nodes) or a negative {@code dropFirst}
	 * @throws dev.seedbank.sampling.LibraryWouldRaiseException where Streaming raises
	 */
	public Partition partition(long numSamples, long canonicalNodes, long physicalNodes, long ranksPerNode,
			long workersPerRank, long batchSize, long dropFirst, Long initialPhysicalNodes) {
		positive(numSamples, "numSamples");
		positive(canonicalNodes, "numCanonicalNodes");
		positive(physicalNodes, "numPhysicalNodes");
		positive(ranksPerNode, "ranksPerNode");
		positive(workersPerRank, "workersPerRank");
		positive(batchSize, "batchSize");
		if (initialPhysicalNodes != null) {
			positive(initialPhysicalNodes, "initialPhysicalNodes");
		}
		if (dropFirst < 0) {
			throw new InvalidSamplerArgumentException("sampleInEpoch", "must be non-negative");
		}
		if (this == ORIG) {
			return new OrigPartition(numSamples, canonicalNodes, physicalNodes, ranksPerNode, workersPerRank, batchSize,
					dropFirst);
		}
		return RelaxedPartition.of(numSamples, canonicalNodes, physicalNodes, ranksPerNode, workersPerRank, batchSize,
				dropFirst, initialPhysicalNodes);
	}

	private static void positive(long value, String parameter) {
		if (value < 1) {
			throw new InvalidSamplerArgumentException(parameter, "must be positive");
		}
	}

}
