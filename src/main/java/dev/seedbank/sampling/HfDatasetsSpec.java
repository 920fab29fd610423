package dev.seedbank.sampling;

import java.math.BigInteger;
import java.util.Objects;
import java.util.function.Function;

import dev.seedbank.sampling.hf.DatasetsVersion;
import dev.seedbank.sampling.hf.HfDatasetsShuffle;

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
public record HfDatasetsSpec(long datasetSize, int numShards, boolean contiguous,
		DatasetsVersion datasetsVersion) implements SamplerSpec {

	public HfDatasetsSpec {
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
			Function<PermutationKey, Permutation> permutations) {
		return HfDatasetsShuffle.order(this.datasetSize, seed, this.numShards, rank, this.contiguous,
				this.datasetsVersion);
	}

}
