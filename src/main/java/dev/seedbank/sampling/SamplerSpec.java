package dev.seedbank.sampling;

import java.math.BigInteger;
import java.util.Arrays;
import java.util.Objects;
import java.util.function.Function;

import dev.seedbank.sampling.hf.DatasetsVersion;
import dev.seedbank.sampling.hf.HfDatasetsShuffle;
import dev.seedbank.sampling.streaming.StreamingArguments;
import dev.seedbank.sampling.streaming.StreamingEpochOrder;

/**
 * A sampler's settings as a run records them: everything its order depends on except the
 * seed, the epoch, the rank and the torch release, which the record (or the request)
 * gives separately. The kinds are those of API.md's {@code sampler.kind}; each maps to
 * its one engine class. Values are checked when built, so a spec that exists is one the
 * engine accepts for some rank.
 */
public sealed interface SamplerSpec {

	/**
	 * @return the API name of the kind: {@code distributed}, {@code random},
	 * {@code accelerate}, {@code hf-datasets} or {@code streaming}
	 */
	String kind();

	/**
	 * @return how many ranks (processes, shards) read the data: the valid ranks are
	 * {@code [0, ranks())}
	 */
	long ranks();

	/**
	 * @return the number of samples in the dataset
	 */
	long datasetSize();

	/**
	 * One rank's order for one epoch.
	 * @param seed the sampler's seed (the record's effective data seed)
	 * @param epoch the epoch
	 * @param rank the rank, process index or shard index
	 * @param torchVersion the torch release (ignored by kinds that do not use torch's
	 * generator)
	 * @param permutations where torch randperms come from (a shared cache)
	 * @return the order
	 * @throws InvalidSamplerArgumentException naming what is out of range
	 * @throws LibraryWouldRaiseException where the library release raises
	 */
	IndexOrder order(BigInteger seed, long epoch, int rank, TorchVersion torchVersion,
			Function<PermutationKey, int[]> permutations);

	/**
	 * {@code torch.utils.data.DistributedSampler}.
	 *
	 * @param datasetSize {@code len(dataset)}
	 * @param worldSize {@code num_replicas}
	 * @param shuffle {@code shuffle}
	 * @param dropLast {@code drop_last}
	 */
	record Distributed(long datasetSize, int worldSize, boolean shuffle, boolean dropLast) implements SamplerSpec {

		public Distributed {
			SamplerPlan.of(new SamplerParameters(datasetSize, worldSize, 0, BigInteger.ZERO, shuffle, dropLast,
					TorchVersion.newest()));
		}

		@Override
		public String kind() {
			return "distributed";
		}

		@Override
		public long ranks() {
			return this.worldSize;
		}

		@Override
		public IndexOrder order(BigInteger seed, long epoch, int rank, TorchVersion torchVersion,
				Function<PermutationKey, int[]> permutations) {
			SamplerPlan plan = SamplerPlan.of(new SamplerParameters(this.datasetSize, this.worldSize, epoch, seed,
					this.shuffle, this.dropLast, torchVersion));
			return plan.rank(rank, plan.permutationKey().map(permutations).orElse(null));
		}

	}

	/**
	 * {@code torch.utils.data.RandomSampler}, alone or iterated by a shuffling
	 * {@code DataLoader}: one process, so the only rank is 0.
	 *
	 * @param datasetSize {@code len(data_source)}
	 * @param numSamples {@code num_samples}, {@code null} for the default
	 * @param replacement {@code replacement}
	 * @param dataLoader whether a {@code DataLoader} with the same generator iterates it
	 */
	record Random(long datasetSize, Long numSamples, boolean replacement, boolean dataLoader) implements SamplerSpec {

		public Random {
			RandomSamplerDraws.of(new RandomSamplerParameters(datasetSize, BigInteger.ZERO, 0, numSamples, replacement,
					dataLoader, TorchVersion.newest()));
		}

		@Override
		public String kind() {
			return "random";
		}

		@Override
		public long ranks() {
			return 1;
		}

		@Override
		public IndexOrder order(BigInteger seed, long epoch, int rank, TorchVersion torchVersion,
				Function<PermutationKey, int[]> permutations) {
			requireRank(rank, 1, "rank");
			return RandomSamplerOrder.of(new RandomSamplerParameters(this.datasetSize, seed, epoch, this.numSamples,
					this.replacement, this.dataLoader, torchVersion));
		}

	}

	/**
	 * accelerate's prepared loader with {@code use_seedable_sampler=True}; the rank is
	 * the process index.
	 *
	 * @param datasetSize the dataset's length
	 * @param numProcesses {@code num_processes}
	 * @param batchSize the DataLoader's {@code batch_size}
	 * @param shuffle the DataLoader's {@code shuffle}
	 * @param dropLast the DataLoader's {@code drop_last}
	 * @param evenBatches {@code even_batches}
	 * @param splitBatches {@code split_batches}
	 * @param accelerateVersion the accelerate release
	 */
	record Accelerate(long datasetSize, int numProcesses, int batchSize, boolean shuffle, boolean dropLast,
			boolean evenBatches, boolean splitBatches, AccelerateVersion accelerateVersion) implements SamplerSpec {

		public Accelerate {
			Objects.requireNonNull(accelerateVersion, "accelerateVersion");
			AcceleratePreparedLoader
				.of(new AccelerateLoaderParameters(datasetSize, numProcesses, 0, batchSize, 0, BigInteger.ZERO, shuffle,
						dropLast, evenBatches, splitBatches, accelerateVersion, TorchVersion.newest()));
		}

		@Override
		public String kind() {
			return "accelerate";
		}

		@Override
		public long ranks() {
			return this.numProcesses;
		}

		/**
		 * @param seed {@code data_seed}
		 * @param epoch the value given to {@code set_epoch}
		 * @param torchVersion the torch release
		 * @return the prepared loader of that process
		 */
		public AcceleratePreparedLoader loader(BigInteger seed, long epoch, int rank, TorchVersion torchVersion) {
			return AcceleratePreparedLoader.of(new AccelerateLoaderParameters(this.datasetSize, this.numProcesses, rank,
					this.batchSize, epoch, seed, this.shuffle, this.dropLast, this.evenBatches, this.splitBatches,
					this.accelerateVersion, torchVersion));
		}

		@Override
		public IndexOrder order(BigInteger seed, long epoch, int rank, TorchVersion torchVersion,
				Function<PermutationKey, int[]> permutations) {
			AcceleratePreparedLoader loader = loader(seed, epoch, rank, torchVersion);
			return loader.order(loader.permutationKey().map(permutations).orElse(null));
		}

	}

	/**
	 * Hugging Face {@code datasets}: {@code Dataset.shuffle(seed)} then
	 * {@code shard(num_shards, index, contiguous)}; the rank is the shard index. The same
	 * order every epoch: {@code shuffle} is called once.
	 *
	 * @param datasetSize {@code len(dataset)}
	 * @param numShards {@code num_shards}
	 * @param contiguous {@code contiguous}
	 * @param datasetsVersion the datasets release
	 */
	record HfDatasets(long datasetSize, int numShards, boolean contiguous,
			DatasetsVersion datasetsVersion) implements SamplerSpec {

		public HfDatasets {
			Objects.requireNonNull(datasetsVersion, "datasetsVersion");
			if (numShards < 1) {
				throw new InvalidSamplerArgumentException("numShards", "must be at least 1");
			}
			if (datasetSize < 0 || datasetSize > SamplerPlan.MAX_DATASET_SIZE) {
				throw new InvalidSamplerArgumentException("datasetSize",
						"must be between 0 and " + SamplerPlan.MAX_DATASET_SIZE);
			}
		}

		@Override
		public String kind() {
			return "hf-datasets";
		}

		@Override
		public long ranks() {
			return this.numShards;
		}

		@Override
		public IndexOrder order(BigInteger seed, long epoch, int rank, TorchVersion torchVersion,
				Function<PermutationKey, int[]> permutations) {
			return HfDatasetsShuffle.order(this.datasetSize, seed, this.numShards, rank, this.contiguous,
					this.datasetsVersion);
		}

	}

	/**
	 * MosaicML Streaming's {@code StreamingDataset} read by a DataLoader; the rank is the
	 * global rank. Nulls mean Streaming's defaults, as {@link StreamingArguments#of}
	 * reads them.
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
	record Streaming(long[] shardSizes, Boolean shuffle, String shuffleAlgo, Integer numCanonicalNodes, Long blockSize,
			String partitionAlgo, Integer numPhysicalNodes, Integer ranksPerNode, Integer workersPerRank,
			Integer batchSize, Integer initialPhysicalNodes, String streamingVersion) implements SamplerSpec {

		public Streaming {
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
				Function<PermutationKey, int[]> permutations) {
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
			return other instanceof Streaming that && Arrays.equals(this.shardSizes, that.shardSizes)
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
			return 31 * Arrays.hashCode(this.shardSizes)
					+ Objects.hash(this.shuffle, this.shuffleAlgo, this.numCanonicalNodes, this.blockSize,
							this.partitionAlgo, this.numPhysicalNodes, this.ranksPerNode, this.workersPerRank,
							this.batchSize, this.initialPhysicalNodes, this.streamingVersion);
		}

		@Override
		public String toString() {
			return "Streaming[" + this.shardSizes.length + " shards, " + datasetSize() + " samples, shuffleAlgo="
					+ this.shuffleAlgo + ", ranks=" + ranks() + "]";
		}

	}

	private static void requireRank(int rank, long ranks, String name) {
		if (rank < 0 || rank >= ranks) {
			throw new InvalidSamplerArgumentException(name, "must be in [0, " + ranks + ")");
		}
	}

}
