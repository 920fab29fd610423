package dev.seedbank.sampling;

import java.math.BigInteger;
import java.util.Arrays;
import java.util.Objects;
import java.util.function.Function;

import dev.seedbank.sampling.streaming.StreamingArguments;
import dev.seedbank.sampling.streaming.StreamingEpochOrder;

/**
 * MosaicML Streaming's {@code StreamingDataset} read by a DataLoader; the rank is the
 * global rank. Nulls mean Streaming's defaults, as {@link StreamingArguments#of} reads
 * them.
 *
 * @param shardSizes samples per shard, in stream order
 * @param shuffle {@code shuffle}
 * @param shuffleAlgo {@code shuffle_algo}
 * @param numCanonicalNodes {@code num_canonical_nodes}
 * @param blockSize {@code shuffle_block_size}
 * @param partitionAlgo {@code partition_algo}
 * @param numPhysicalNodes physical nodes
 * @param ranksPerNode ranks per node
 * @param workersPerRank DataLoader {@code num_workers}
 * @param batchSize the batch size
 * @param initialPhysicalNodes physical nodes at the start of training
 * @param streamingVersion the Streaming release
 */
public record StreamingSpec(long[] shardSizes, Boolean shuffle, String shuffleAlgo, Integer numCanonicalNodes,
		Long blockSize, String partitionAlgo, Integer numPhysicalNodes, Integer ranksPerNode, Integer workersPerRank,
		Integer batchSize, Integer initialPhysicalNodes, String streamingVersion) implements SamplerSpec {

	public StreamingSpec {
		shardSizes = (shardSizes != null) ? shardSizes.clone() : null;
		arguments(shardSizes, shuffle, shuffleAlgo, numCanonicalNodes, blockSize, partitionAlgo, numPhysicalNodes,
				ranksPerNode, workersPerRank, batchSize, initialPhysicalNodes, streamingVersion,
				StreamingArguments.DEFAULT_SEED, 0, 0, 0);
	}

	@Override
	public long[] shardSizes() {
		return this.shardSizes.clone();
	}

	@Override
	public String kind() {
		return "streaming";
	}

	@Override
	public long ranks() {
		return (long) ((this.numPhysicalNodes != null) ? this.numPhysicalNodes : 1)
				* ((this.ranksPerNode != null) ? this.ranksPerNode : 1);
	}

	@Override
	public long datasetSize() {
		return Arrays.stream(this.shardSizes).sum();
	}

	/**
	 * @param seed {@code shuffle_seed}
	 * @param epoch the epoch
	 * @param rank the global rank
	 * @param sampleInEpoch the resume position over all ranks
	 * @return Streaming's arguments for that rank
	 */
	public StreamingArguments arguments(BigInteger seed, long epoch, int rank, long sampleInEpoch) {
		return arguments(this.shardSizes, this.shuffle, this.shuffleAlgo, this.numCanonicalNodes, this.blockSize,
				this.partitionAlgo, this.numPhysicalNodes, this.ranksPerNode, this.workersPerRank, this.batchSize,
				this.initialPhysicalNodes, this.streamingVersion, seed, epoch, rank, sampleInEpoch);
	}

	@Override
	public IndexOrder order(BigInteger seed, long epoch, int rank, TorchVersion torchVersion,
			Function<PermutationKey, Permutation> permutations) {
		return StreamingEpochOrder.of(arguments(seed, epoch, rank, 0));
	}

	private static StreamingArguments arguments(long[] shardSizes, Boolean shuffle, String shuffleAlgo,
			Integer numCanonicalNodes, Long blockSize, String partitionAlgo, Integer numPhysicalNodes,
			Integer ranksPerNode, Integer workersPerRank, Integer batchSize, Integer initialPhysicalNodes,
			String streamingVersion, BigInteger seed, long epoch, int rank, long sampleInEpoch) {
		return StreamingArguments.of(shardSizes, shuffle, shuffleAlgo, numCanonicalNodes, seed, epoch, blockSize,
				partitionAlgo, numPhysicalNodes, ranksPerNode, workersPerRank, batchSize, rank, sampleInEpoch,
				initialPhysicalNodes, streamingVersion);
	}

	@Override
	public boolean equals(Object other) {
		return other instanceof StreamingSpec that && Arrays.equals(this.shardSizes, that.shardSizes)
				&& Objects.equals(this.shuffle, that.shuffle) && Objects.equals(this.shuffleAlgo, that.shuffleAlgo)
				&& Objects.equals(this.numCanonicalNodes, that.numCanonicalNodes)
				&& Objects.equals(this.blockSize, that.blockSize)
				&& Objects.equals(this.partitionAlgo, that.partitionAlgo)
				&& Objects.equals(this.numPhysicalNodes, that.numPhysicalNodes)
				&& Objects.equals(this.ranksPerNode, that.ranksPerNode)
				&& Objects.equals(this.workersPerRank, that.workersPerRank)
				&& Objects.equals(this.batchSize, that.batchSize)
				&& Objects.equals(this.initialPhysicalNodes, that.initialPhysicalNodes)
				&& Objects.equals(this.streamingVersion, that.streamingVersion);
	}

	@Override
	public int hashCode() {
		return 31 * Arrays.hashCode(this.shardSizes) + Objects.hash(this.shuffle, this.shuffleAlgo,
				this.numCanonicalNodes, this.blockSize, this.partitionAlgo, this.numPhysicalNodes, this.ranksPerNode,
				this.workersPerRank, this.batchSize, this.initialPhysicalNodes, this.streamingVersion);
	}

	@Override
	public String toString() {
		return "Streaming[" + this.shardSizes.length + " shards, " + datasetSize() + " samples, shuffleAlgo="
				+ this.shuffleAlgo + ", ranks=" + ranks() + "]";
	}

}
