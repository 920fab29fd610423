package dev.seedbank.experiment.web;

import java.util.List;

import io.swagger.v3.oas.annotations.media.Schema;

/**
 * The documented shape of a record's {@code sampler}: {@code kind} and that kind's
 * settings, named as the stateless endpoints name them (API.md, "More samplers"). The
 * controller reads the object itself ({@code SamplerSpecJson}), so that a field another
 * kind has is a 400 naming it; this record only tells OpenAPI readers which fields exist.
 *
 * @param kind the sampler
 * @param datasetSize every kind but streaming
 * @param worldSize distributed
 * @param shuffle distributed, accelerate, streaming
 * @param dropLast distributed, accelerate
 * @param numSamples random
 * @param replacement random
 * @param dataLoader random
 * @param numProcesses accelerate
 * @param batchSize accelerate, streaming
 * @param evenBatches accelerate
 * @param splitBatches accelerate
 * @param accelerateVersion accelerate
 * @param numShards hf-datasets
 * @param contiguous hf-datasets
 * @param datasetsVersion hf-datasets
 * @param shardSizes streaming
 * @param shuffleAlgo streaming
 * @param numCanonicalNodes streaming
 * @param blockSize streaming
 * @param partitionAlgo streaming
 * @param numPhysicalNodes streaming
 * @param ranksPerNode streaming
 * @param workersPerRank streaming
 * @param initialPhysicalNodes streaming
 * @param streamingVersion streaming
 */
@Schema(name = "SamplerSettings",
		description = "The sampler's kind and its settings. kind is distributed (the default: torch's "
				+ "DistributedSampler), random (torch's RandomSampler, one process), accelerate (accelerate's prepared "
				+ "loader with use_seedable_sampler; ranks are process indices), hf-datasets (Dataset.shuffle then "
				+ "shard; ranks are shard indices) or streaming (MosaicML StreamingDataset; ranks are global ranks). "
				+ "Each kind takes only its own fields; the record's effective data seed is the sampler's seed.")
record SamplerSettings(
		@Schema(description = "distributed (default), random, accelerate, hf-datasets or streaming",
				example = "distributed", nullable = true) String kind,
		@Schema(description = "len(dataset); every kind but streaming (whose length is the sum of shardSizes)",
				example = "1281167") Long datasetSize,
		@Schema(description = "distributed: num_replicas", example = "64") Integer worldSize,
		@Schema(description = "distributed, accelerate (default true); streaming (default false)") Boolean shuffle,
		@Schema(description = "distributed, accelerate: drop_last (default false)") Boolean dropLast,
		@Schema(description = "random: num_samples (default datasetSize)", nullable = true) Long numSamples,
		@Schema(description = "random: replacement (default false)") Boolean replacement,
		@Schema(description = "random: iterated by DataLoader(shuffle=True, generator=g) (default false)") Boolean dataLoader,
		@Schema(description = "accelerate: num_processes") Integer numProcesses,
		@Schema(description = "accelerate: the DataLoader's batch_size; streaming: batch_size") Integer batchSize,
		@Schema(description = "accelerate: even_batches (default true)") Boolean evenBatches,
		@Schema(description = "accelerate: split_batches (default false)") Boolean splitBatches,
		@Schema(description = "accelerate release (default and recorded: the newest supported)",
				example = "1.15.0") String accelerateVersion,
		@Schema(description = "hf-datasets: num_shards (default 1)") Integer numShards,
		@Schema(description = "hf-datasets: contiguous (default true)") Boolean contiguous,
		@Schema(description = "hf-datasets release (default and recorded: 5.0.1)",
				example = "5.0.1") String datasetsVersion,
		@Schema(description = "streaming: samples per shard, in stream order (tens of thousands accepted)") List<Long> shardSizes,
		@Schema(description = "streaming: shuffle_algo (Streaming's default py1e)", nullable = true) String shuffleAlgo,
		@Schema(description = "streaming: num_canonical_nodes", nullable = true) Integer numCanonicalNodes,
		@Schema(description = "streaming: shuffle_block_size", nullable = true) Long blockSize,
		@Schema(description = "streaming: partition_algo (Streaming's default relaxed)",
				nullable = true) String partitionAlgo,
		@Schema(description = "streaming: physical nodes (default 1)", nullable = true) Integer numPhysicalNodes,
		@Schema(description = "streaming: ranks per node (default 1)", nullable = true) Integer ranksPerNode,
		@Schema(description = "streaming: DataLoader num_workers per rank", nullable = true) Integer workersPerRank,
		@Schema(description = "streaming: physical nodes at the start of training",
				nullable = true) Integer initialPhysicalNodes,
		@Schema(description = "streaming release (default and recorded: the newest supported)") String streamingVersion) {
}
