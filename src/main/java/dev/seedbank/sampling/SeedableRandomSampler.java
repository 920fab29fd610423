package dev.seedbank.sampling;

import java.math.BigInteger;

/**
 * accelerate's {@code SeedableRandomSampler} (src/accelerate/data_loader.py, added by
 * huggingface/accelerate#2057 in 0.24.0; {@code data_seed} from #3150, 1.1.0) as
 * {@code prepare_data_loader(use_seedable_sampler=True, data_seed=seed)} builds it from
 * the DataLoader's {@code RandomSampler}: its generator is the RandomSampler's, which is
 * {@code None} for {@code DataLoader(shuffle=True)}. {@code __iter__} then creates a
 * generator, seeds it with {@code initial_seed} (the data seed), re-seeds it with
 * {@code epoch + initial_seed} and yields torch's {@code RandomSampler.__iter__}, whose
 * first {@code n} indices are {@code randperm(n, generator)} in every torch release.
 * {@code DataLoaderShard.__iter__} sets the sampler's epoch to the loader's
 * {@code iteration} before each pass, so the sampler's own {@code epoch + 1} after a pass
 * never shows.
 */
final class SeedableRandomSampler {

	private SeedableRandomSampler() {
	}

	/**
	 * {@code DataLoader(range(0), shuffle=True)} raises while it is built, in the
	 * {@code RandomSampler} it makes (torch/utils/data/sampler.py), before
	 * {@code prepare_data_loader} sees it: so before any of accelerate's own checks.
	 * @param parameters the loader's arguments
	 * @throws TorchWouldRaiseException for a shuffled empty dataset
	 */
	static void refuseEmptyDataset(AccelerateLoaderParameters parameters) {
		if (parameters.shuffle() && parameters.datasetSize() == 0) {
			throw new TorchWouldRaiseException(parameters.torchVersion(),
					"ValueError: num_samples should be a positive integer value, but got num_samples=0 "
							+ "(DataLoader(shuffle=True) builds a RandomSampler, which refuses an empty dataset)");
		}
	}

	/**
	 * @param parameters the loader's arguments, with {@code shuffle} on
	 * @return the randperm the epoch's pass yields
	 * @throws InvalidSamplerArgumentException without a seed
	 * @throws TorchWouldRaiseException where torch's {@code manual_seed} or
	 * {@code RandomSampler} raises
	 */
	static PermutationKey permutationKey(AccelerateLoaderParameters parameters) {
		BigInteger seed = parameters.seed();
		TorchVersion torch = parameters.torchVersion();
		if (seed == null) {
			throw new InvalidSamplerArgumentException("seed",
					"is required with shuffle: without data_seed accelerate seeds from torch.random.initial_seed()");
		}
		refuseEmptyDataset(parameters);
		if (!TorchSeed.inRange(seed)) {
			throw new TorchWouldRaiseException(torch,
					"ValueError: Overflow when unpacking long long "
							+ "(SeedableRandomSampler.__iter__ calls manual_seed(data_seed) = " + seed
							+ ", outside -2^63 .. 2^64-1)");
		}
		BigInteger epochSeed = seed.add(BigInteger.valueOf(parameters.epoch()));
		if (!TorchSeed.inRange(epochSeed)) {
			throw new TorchWouldRaiseException(torch,
					"ValueError: Overflow when unpacking long long "
							+ "(SeedableRandomSampler.__iter__ calls manual_seed(epoch + initial_seed) = " + epochSeed
							+ ", outside -2^63 .. 2^64-1)");
		}
		long n = parameters.datasetSize();
		return new PermutationKey(n, TorchSeed.generatorSeed(epochSeed), RandpermVariant.of(torch, n));
	}

}
