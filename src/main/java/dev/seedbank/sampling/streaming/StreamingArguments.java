package dev.seedbank.sampling.streaming;

import java.math.BigInteger;
import java.util.Arrays;
import java.util.List;

import dev.seedbank.sampling.InvalidSamplerArgumentException;

/**
 * One global rank's epoch of a {@code StreamingDataset} with a single local stream, as
 * the Streaming {@code epoch} rows of {@code conformance/README.md} define it; the names
 * are the API's. {@link #of} applies Streaming's defaults to {@code null}s; the record
 * holds the values actually used.
 *
 * @param shardSizes samples per shard, in index order
 * @param shuffle {@code shuffle} (default false)
 * @param shuffleAlgo {@code shuffle_algo} (default {@code py1e})
 * @param numCanonicalNodes {@code num_canonical_nodes}, resolved
 * @param seed {@code shuffle_seed} (default 9176)
 * @param epoch the epoch (default 0)
 * @param blockSize {@code shuffle_block_size}, resolved
 * @param partitionAlgo {@code partition_algo} (default {@code relaxed})
 * @param numPhysicalNodes nodes of the run (default 1)
 * @param ranksPerNode ranks per node (default 1)
 * @param workersPerRank DataLoader {@code num_workers}, 0 already read as 1
 * @param batchSize the batch size given to the dataset and the DataLoader (default 1)
 * @param rank global rank (default 0)
 * @param sampleInEpoch resume offset over all ranks, also {@code drop_first} (default 0)
 * @param initialPhysicalNodes physical nodes at the start of training, {@code null} on a
 * first run
 * @param streamingVersion the Streaming release reproduced
 */
public record StreamingArguments(long[] shardSizes, boolean shuffle, ShuffleAlgorithm shuffleAlgo,
		int numCanonicalNodes, BigInteger seed, long epoch, long blockSize, PartitionAlgorithm partitionAlgo,
		int numPhysicalNodes, int ranksPerNode, int workersPerRank, int batchSize, int rank, long sampleInEpoch,
		Integer initialPhysicalNodes, String streamingVersion) {

	/**
	 * {@code StreamingDataset}'s default {@code shuffle_seed}
	 * (streaming/base/dataset.py).
	 */
	public static final BigInteger DEFAULT_SEED = BigInteger.valueOf(9176);

	/**
	 * Canonical nodes per physical node by default for {@code py1s}/{@code py2s}
	 * (dataset.py).
	 */
	private static final int SHARD_SHUFFLE_NODES_PER_NODE = 64;

	/**
	 * Numerator of the default block size, {@code 4_000_000 // num_canonical_nodes}
	 * (dataset.py).
	 */
	private static final long DEFAULT_BLOCK_SAMPLES = 4_000_000;

	/** Largest epoch a Java array holds: samples are indexed by {@code int}. */
	private static final long MAX_SAMPLES = Integer.MAX_VALUE - 8;

	/**
	 * Bound on {@code workersPerRank * batchSize}: a rank's work is padded with
	 * {@code -1} to a multiple of it, and every entry is visited.
	 */
	private static final long MAX_WORKER_BATCHES = 1L << 24;

	/** Bound on canonical nodes: the shuffles keep a few words per node. */
	private static final int MAX_CANONICAL_NODES = 1 << 24;

	public StreamingArguments {
		if (shardSizes == null || shardSizes.length == 0) {
			throw new InvalidSamplerArgumentException("shardSizes", "at least one shard is required");
		}
		shardSizes = shardSizes.clone();
		long total = 0;
		for (long size : shardSizes) {
			if (size < 0) {
				throw new InvalidSamplerArgumentException("shardSizes", "sizes must be non-negative");
			}
			total += size;
			if (total > MAX_SAMPLES) {
				throw new InvalidSamplerArgumentException("shardSizes", "at most " + MAX_SAMPLES + " samples");
			}
		}
		if (total == 0) {
			throw new InvalidSamplerArgumentException("shardSizes", "the shards hold no sample");
		}
		require(shuffleAlgo != null, "shuffleAlgo", "is required");
		require(partitionAlgo != null, "partitionAlgo", "is required");
		require(seed != null, "seed", "is required");
		require(numCanonicalNodes >= 1 && numCanonicalNodes <= MAX_CANONICAL_NODES, "numCanonicalNodes",
				"must be between 1 and " + MAX_CANONICAL_NODES);
		require(epoch >= 0, "epoch", "must be non-negative");
		require(blockSize >= 0, "blockSize", "must be non-negative");
		require(numPhysicalNodes >= 1, "numPhysicalNodes", "must be positive");
		require(ranksPerNode >= 1, "ranksPerNode", "must be positive");
		require(workersPerRank >= 1, "workersPerRank", "must be positive (0 workers read as 1)");
		require(batchSize >= 1, "batchSize", "must be positive");
		require((long) workersPerRank * batchSize <= MAX_WORKER_BATCHES, "batchSize",
				"workersPerRank * batchSize must be at most " + MAX_WORKER_BATCHES);
		require(rank >= 0 && rank < (long) numPhysicalNodes * ranksPerNode, "rank",
				"must be in [0, numPhysicalNodes * ranksPerNode)");
		require(sampleInEpoch >= 0, "sampleInEpoch", "must be non-negative");
		require(initialPhysicalNodes == null || initialPhysicalNodes >= 1, "initialPhysicalNodes", "must be positive");
		streamingVersion = StreamingRelease.parse(streamingVersion);
	}

	/**
	 * Applies Streaming's defaults ({@code StreamingDataset.__init__} and the
	 * DataLoader's) to every {@code null}, including the resolved
	 * {@code num_canonical_nodes} (64 per physical node for {@code py1s}/{@code py2s},
	 * else one) and {@code shuffle_block_size}
	 * ({@code max(4_000_000 // num_canonical_nodes, 1 << 18)}).
	 */
	public static StreamingArguments of(long[] shardSizes, Boolean shuffle, String shuffleAlgo,
			Integer numCanonicalNodes, BigInteger seed, Long epoch, Long blockSize, String partitionAlgo,
			Integer numPhysicalNodes, Integer ranksPerNode, Integer workersPerRank, Integer batchSize, Integer rank,
			Long sampleInEpoch, Integer initialPhysicalNodes, String streamingVersion) {
		ShuffleAlgorithm algorithm = ShuffleAlgorithm.parse(shuffleAlgo);
		int physicalNodes = (numPhysicalNodes != null) ? numPhysicalNodes : 1;
		require(physicalNodes >= 1, "numPhysicalNodes", "must be positive");
		int canonicalNodes;
		if (numCanonicalNodes != null) {
			canonicalNodes = numCanonicalNodes;
		}
		else {
			boolean shardShuffle = algorithm == ShuffleAlgorithm.PY1S || algorithm == ShuffleAlgorithm.PY2S;
			long resolved = (shardShuffle ? (long) SHARD_SHUFFLE_NODES_PER_NODE : 1L) * physicalNodes;
			canonicalNodes = (int) Math.min(resolved, Integer.MAX_VALUE);
		}
		require(canonicalNodes >= 1, "numCanonicalNodes", "must be positive");
		long block = (blockSize != null) ? blockSize
				: Math.max(DEFAULT_BLOCK_SAMPLES / canonicalNodes, ShuffleAlgorithm.DEFAULT_BLOCK_SIZE);
		int workers = (workersPerRank != null) ? workersPerRank : 0;
		require(workers >= 0, "workersPerRank", "must be non-negative");
		return new StreamingArguments(shardSizes, shuffle != null && shuffle, algorithm, canonicalNodes,
				(seed != null) ? seed : DEFAULT_SEED, (epoch != null) ? epoch : 0, block,
				PartitionAlgorithm.parse(partitionAlgo), physicalNodes, (ranksPerNode != null) ? ranksPerNode : 1,
				Math.max(1, workers), (batchSize != null) ? batchSize : 1, (rank != null) ? rank : 0,
				(sampleInEpoch != null) ? sampleInEpoch : 0, initialPhysicalNodes, streamingVersion);
	}

	/**
	 * Checks a row's redundant fields: {@code numSamples} must be the shards' sum and
	 * {@code dropFirst} the resume offset, when given.
	 * @param numSamples the claimed sample count, or {@code null}
	 * @param dropFirst the claimed {@code drop_first}, or {@code null}
	 */
	public void requireConsistent(Long numSamples, Long dropFirst) {
		require(numSamples == null || numSamples == numSamples(), "numSamples", "must equal the sum of shardSizes");
		require(dropFirst == null || dropFirst == this.sampleInEpoch, "dropFirst", "must equal sampleInEpoch");
	}

	/**
	 * @return samples in the epoch: the shards' sum
	 */
	public long numSamples() {
		return Arrays.stream(this.shardSizes).sum();
	}

	@Override
	public long[] shardSizes() {
		return this.shardSizes.clone();
	}

	@Override
	public boolean equals(Object other) {
		return other instanceof StreamingArguments that && Arrays.equals(this.shardSizes, that.shardSizes)
				&& scalars().equals(that.scalars());
	}

	@Override
	public int hashCode() {
		return 31 * Arrays.hashCode(this.shardSizes) + scalars().hashCode();
	}

	/**
	 * Shows the shard count and sum, not every size: a dataset may have many thousands.
	 */
	@Override
	public String toString() {
		return "StreamingArguments[shardSizes=" + this.shardSizes.length + " shards of " + numSamples() + " samples, "
				+ scalars() + "]";
	}

	private List<Object> scalars() {
		return Arrays.asList(this.shuffle, this.shuffleAlgo, this.numCanonicalNodes, this.seed, this.epoch,
				this.blockSize, this.partitionAlgo, this.numPhysicalNodes, this.ranksPerNode, this.workersPerRank,
				this.batchSize, this.rank, this.sampleInEpoch, this.initialPhysicalNodes, this.streamingVersion);
	}

	private static void require(boolean condition, String parameter, String message) {
		if (!condition) {
			throw new InvalidSamplerArgumentException(parameter, message);
		}
	}

}
