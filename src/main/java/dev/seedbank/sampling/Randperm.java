package dev.seedbank.sampling;

/**
 * {@code torch.randperm(n, generator=torch.Generator().manual_seed(seed))} on the CPU.
 */
public final class Randperm {

	private Randperm() {
	}

	/**
	 * @param key length, generator seed and algorithm
	 * @return the permutation, for n below 2^31 - 8
	 * @throws InvalidSamplerArgumentException for a longer permutation: use
	 * {@link #permutation(PermutationKey)}
	 */
	public static int[] compute(PermutationKey key) {
		if (key.n() > PermutationLayout.MAX_ARRAY_LENGTH) {
			throw new InvalidSamplerArgumentException("datasetSize",
					"must be at most " + PermutationLayout.MAX_ARRAY_LENGTH + " here");
		}
		return ((IntPermutation) permutation(key)).values;
	}

	/**
	 * @param key length, generator seed and algorithm
	 * @return the permutation, in the storage its length needs
	 */
	public static Permutation permutation(PermutationKey key) {
		return permutation(key, PermutationLayout.DEFAULT);
	}

	static Permutation permutation(PermutationKey key, PermutationLayout layout) {
		MersenneTwister generator = new MersenneTwister(key.generatorSeed());
		if (key.n() <= layout.maxSingleArray()) {
			int n = (int) key.n();
			return new IntPermutation(switch (key.variant()) {
				case CLASSIC -> ClassicRandperm.permute(n, generator);
				case INSIDE_OUT -> InsideOutRandperm.permute(n, generator);
			});
		}
		if (key.n() > layout.maxLength()) {
			throw new IllegalArgumentException("at most " + layout.maxLength() + " samples");
		}
		Permutation r = Permutation.allocate(key.n(), layout);
		switch (key.variant()) {
			case CLASSIC -> ClassicRandperm.permute(r, generator);
			case INSIDE_OUT -> InsideOutRandperm.permute(r, generator);
		}
		return r;
	}

}
