package dev.seedbank.sampling;

import java.math.BigInteger;
import java.util.function.Function;

/**
 * {@code torch.utils.data.RandomSampler}, alone or iterated by a shuffling
 * {@code DataLoader}: one process, so the only rank is 0.
 *
 * @param datasetSize {@code len(data_source)}
 * @param numSamples {@code num_samples}, {@code null} for the default
 * @param replacement {@code replacement}
 * @param dataLoader whether a {@code DataLoader} with the same generator iterates it
 */
public record RandomSpec(long datasetSize, Long numSamples, boolean replacement,
		boolean dataLoader) implements SamplerSpec {

	public RandomSpec {
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
			Function<PermutationKey, Permutation> permutations) {
		requireRank(rank, 1, "rank");
		return RandomSamplerOrder.of(new RandomSamplerParameters(this.datasetSize, seed, epoch, this.numSamples,
				this.replacement, this.dataLoader, torchVersion));
	}

	private static void requireRank(int rank, long ranks, String name) {
		if (rank < 0 || rank >= ranks) {
			throw new InvalidSamplerArgumentException(name, "must be in [0, " + ranks + ")");
		}
	}

}
