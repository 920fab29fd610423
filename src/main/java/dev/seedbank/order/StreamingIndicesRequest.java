package dev.seedbank.order;

import java.math.BigInteger;

import dev.seedbank.sampling.StreamingSpec;
import dev.seedbank.sampling.streaming.StreamingArguments;
import io.swagger.v3.oas.annotations.media.Schema;

/**
 * The body of {@code POST /samplers/streaming/indices}: the names of an {@code epoch}
 * row's {@code args} in {@code conformance/README.md} (section Streaming), so a row's
 * {@code args} can be posted as they are. {@code null} or absent means Streaming's
 * default ({@code StreamingDataset.__init__}, 0.14.0.dev0).
 *
 * @param shardSizes samples per shard, in the order of the {@code shards} of
 * {@code index.json}
 * @param shuffle {@code shuffle} (false)
 * @param shuffleAlgo {@code shuffle_algo} (py1e)
 * @param numCanonicalNodes {@code num_canonical_nodes}
 * @param seed {@code shuffle_seed} (9176)
 * @param epoch the epoch (0)
 * @param blockSize {@code shuffle_block_size}
 * @param partitionAlgo {@code partition_algo} (relaxed)
 * @param numPhysicalNodes nodes of the run (1)
 * @param ranksPerNode ranks per node (1)
 * @param workersPerRank {@code num_workers} of the DataLoader (0, read as 1)
 * @param batchSize the batch size given to the dataset and the DataLoader (1)
 * @param rank the global rank (0)
 * @param sampleInEpoch {@code sample_in_epoch} of the resume state (0)
 * @param initialPhysicalNodes {@code initial_physical_nodes} of the resume state
 * @param streamingVersion the Streaming release (the newest supported)
 * @param numSamples the sum of {@code shardSizes}, checked when given
 * @param dropFirst {@code drop_first}, checked against {@code sampleInEpoch}
 */
@Schema(description = "A StreamingDataset and one global rank's place in the run; null or absent means "
		+ "Streaming's default",
		example = "{\"shardSizes\": [9, 0, 2, 0, 1, 28, 13], \"shuffle\": true, \"shuffleAlgo\": \"py1e\", "
				+ "\"numCanonicalNodes\": 1, \"seed\": 1629060653, \"epoch\": 1, \"blockSize\": 3842, "
				+ "\"partitionAlgo\": \"relaxed\", \"numPhysicalNodes\": 2, \"ranksPerNode\": 1, "
				+ "\"workersPerRank\": 2, \"batchSize\": 32, \"rank\": 0, \"sampleInEpoch\": 0}")
record StreamingIndicesRequest(
		@Schema(description = "Samples per shard, in index.json's shard order (shards[i].samples)",
				requiredMode = Schema.RequiredMode.REQUIRED) long[] shardSizes,
		@Schema(description = "shuffle", defaultValue = "false") Boolean shuffle,
		@Schema(description = "shuffle_algo", allowableValues = {
				"naive", "py1br", "py1e", "py1s", "py2s" }, defaultValue = "py1e") String shuffleAlgo,
		@Schema(description = "num_canonical_nodes (default: 64 x numPhysicalNodes for py1s/py2s, "
				+ "else numPhysicalNodes)") Integer numCanonicalNodes,
		@Schema(description = "shuffle_seed, any non-negative integer (NumPy raises for negatives)", type = "integer",
				defaultValue = "9176") BigInteger seed,
		@Schema(description = "epoch", defaultValue = "0") Long epoch,
		@Schema(description = "shuffle_block_size (default: max(4000000 // numCanonicalNodes, 262144))") Long blockSize,
		@Schema(description = "partition_algo", allowableValues = { "orig", "relaxed" },
				defaultValue = "relaxed") String partitionAlgo,
		@Schema(description = "Physical nodes of the run", defaultValue = "1") Integer numPhysicalNodes,
		@Schema(description = "Ranks per node", defaultValue = "1") Integer ranksPerNode,
		@Schema(description = "DataLoader num_workers (0 behaves as 1)", defaultValue = "0") Integer workersPerRank,
		@Schema(description = "batch_size given to the dataset and the DataLoader",
				defaultValue = "1") Integer batchSize,
		@Schema(description = "Global rank, in [0, numPhysicalNodes * ranksPerNode); node = rank // ranksPerNode",
				defaultValue = "0") Integer rank,
		@Schema(description = "sample_in_epoch of the resume state, over all ranks",
				defaultValue = "0") Long sampleInEpoch,
		@Schema(description = "initial_physical_nodes of the resume state (null on a first run)") Integer initialPhysicalNodes,
		@Schema(description = "Streaming release", defaultValue = "0.14.0.dev0") String streamingVersion,
		@Schema(description = "Optional: the sum of shardSizes, checked") Long numSamples,
		@Schema(description = "Optional: drop_first, must equal sampleInEpoch") Long dropFirst){

	/**
	 * Checks the body once and types it: the spec is what a run records, the rest is this
	 * rank's place in it.
	 * @return the parsed request
	 * @throws dev.seedbank.sampling.InvalidSamplerArgumentException naming the field
	 */
	Parsed parse() {
		StreamingSpec spec = new StreamingSpec(this.shardSizes, this.shuffle, this.shuffleAlgo, this.numCanonicalNodes,
				this.blockSize, this.partitionAlgo, this.numPhysicalNodes, this.ranksPerNode, this.workersPerRank,
				this.batchSize, this.initialPhysicalNodes, this.streamingVersion);
		Parsed parsed = new Parsed(spec, (this.seed != null) ? this.seed : StreamingArguments.DEFAULT_SEED,
				(this.epoch != null) ? this.epoch : 0, (this.rank != null) ? this.rank : 0,
				(this.sampleInEpoch != null) ? this.sampleInEpoch : 0);
		spec.arguments(parsed.seed(), parsed.epoch(), parsed.rank(), parsed.sampleInEpoch())
			.requireConsistent(this.numSamples, this.dropFirst);
		return parsed;
	}

	/**
	 * @param spec the dataset and run, as a record keeps them
	 * @param seed {@code shuffle_seed}
	 * @param epoch the epoch
	 * @param rank the global rank
	 * @param sampleInEpoch the resume position over all ranks
	 */
	record Parsed(StreamingSpec spec, BigInteger seed, long epoch, int rank, long sampleInEpoch) {
	}

}
