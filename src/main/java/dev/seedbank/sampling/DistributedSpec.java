package dev.seedbank.sampling;

import java.math.BigInteger;
import java.util.function.Function;

/**
 * {@code torch.utils.data.DistributedSampler}.
 *
 * @param datasetSize {@code len(dataset)}
 * @param worldSize {@code num_replicas}
 * @param shuffle {@code shuffle}
 * @param dropLast {@code drop_last}
 */
public record DistributedSpec(long datasetSize, int worldSize, boolean shuffle,
		boolean dropLast) implements SamplerSpec {

	public DistributedSpec {
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
			Function<PermutationKey, Permutation> permutations) {
		SamplerPlan plan = SamplerPlan.of(new SamplerParameters(this.datasetSize, this.worldSize, epoch, seed,
				this.shuffle, this.dropLast, torchVersion));
		return plan.rank(rank, plan.permutationKey().map(permutations).orElse(null));
	}

}
