package dev.seedbank.experiment;

import java.math.BigInteger;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.util.List;

import dev.seedbank.sampling.AccelerateVersion;
import dev.seedbank.sampling.IndexOrder;
import dev.seedbank.sampling.Randperm;
import dev.seedbank.sampling.AccelerateSpec;
import dev.seedbank.sampling.DistributedSpec;
import dev.seedbank.sampling.HfDatasetsSpec;
import dev.seedbank.sampling.RandomSpec;
import dev.seedbank.sampling.SamplerSpec;
import dev.seedbank.sampling.StreamingSpec;
import dev.seedbank.sampling.TorchVersion;
import dev.seedbank.sampling.hf.DatasetsVersion;

/**
 * One small record of each sampler kind: the {@code sampler} object a client sends and
 * the spec the engine builds for the same settings, so the tests can compare what the
 * service serves with what the engine computes.
 *
 * @param kind the kind's API name
 * @param sampler the request's {@code sampler} object
 * @param spec the same settings, built directly
 */
record SamplerKinds(String kind, String sampler, SamplerSpec spec) {

	/** Every record in these tests is LINKED with global seed 17. */
	static final BigInteger SEED = BigInteger.valueOf(17);

	static final TorchVersion TORCH = TorchVersion.parse("2.5.1");

	static final SamplerKinds DISTRIBUTED = new SamplerKinds("distributed",
			"{\"kind\": \"distributed\", \"datasetSize\": 103, \"worldSize\": 3}",
			new DistributedSpec(103, 3, true, false));

	static final SamplerKinds RANDOM = new SamplerKinds("random",
			"{\"kind\": \"random\", \"datasetSize\": 103, \"numSamples\": 150, \"dataLoader\": true}",
			new RandomSpec(103, 150L, false, true));

	static final SamplerKinds ACCELERATE = new SamplerKinds("accelerate",
			"{\"kind\": \"accelerate\", \"datasetSize\": 103, \"numProcesses\": 3, \"batchSize\": 8, "
					+ "\"evenBatches\": false}",
			new AccelerateSpec(103, 3, 8, true, false, false, false, AccelerateVersion.NEWEST));

	static final SamplerKinds HF_DATASETS = new SamplerKinds("hf-datasets",
			"{\"kind\": \"hf-datasets\", \"datasetSize\": 103, \"numShards\": 3, \"contiguous\": false}",
			new HfDatasetsSpec(103, 3, false, DatasetsVersion.DEFAULT));

	static final SamplerKinds STREAMING = new SamplerKinds("streaming",
			"{\"kind\": \"streaming\", \"shardSizes\": [30, 25, 48], \"shuffle\": true, \"numCanonicalNodes\": 2, "
					+ "\"numPhysicalNodes\": 1, \"ranksPerNode\": 2, \"workersPerRank\": 2, \"batchSize\": 4}",
			new StreamingSpec(new long[] { 30, 25, 48 }, true, null, 2, null, null, 1, 2, 2, 4, null, "0.14.0.dev0"));

	static final List<SamplerKinds> ALL = List.of(DISTRIBUTED, RANDOM, ACCELERATE, HF_DATASETS, STREAMING);

	/**
	 * @param epoch the epoch
	 * @param rank the rank
	 * @return the engine's order for the record's seed
	 */
	IndexOrder order(long epoch, int rank) {
		return this.spec.order(SEED, epoch, rank, TORCH, Randperm::permutation);
	}

	/**
	 * @param order an order
	 * @return it as the octet-stream format writes it
	 */
	static byte[] bytes(IndexOrder order) {
		ByteBuffer buffer = ByteBuffer.allocate(Math.toIntExact(order.length() * Long.BYTES))
			.order(ByteOrder.LITTLE_ENDIAN);
		for (long k = 0; k < order.length(); k++) {
			buffer.putLong(order.get(k));
		}
		return buffer.array();
	}

	@Override
	public String toString() {
		return this.kind;
	}

}
