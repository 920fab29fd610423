package dev.seedbank.sampling;

/**
 * {@code torch.randperm(n, generator=torch.Generator().manual_seed(seed))} on the CPU.
 */
public final class Randperm {

	private Randperm() {
	}

	/**
	 * @param key length, generator seed and algorithm
	 * @return the permutation
	 */
	public static int[] compute(PermutationKey key) {
		MersenneTwister generator = new MersenneTwister(key.generatorSeed());
		return switch (key.variant()) {
			case CLASSIC -> ClassicRandperm.permute(key.n(), generator);
			case INSIDE_OUT -> InsideOutRandperm.permute(key.n(), generator);
		};
	}

}
