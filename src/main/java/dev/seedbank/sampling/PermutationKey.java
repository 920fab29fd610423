package dev.seedbank.sampling;

/**
 * Everything a randperm depends on: equal keys give identical permutations, so a cache
 * can share one permutation across ranks, formats and even seeds that agree in their low
 * 32 bits.
 *
 * @param n the permutation's length
 * @param generatorSeed the 32 bits MT19937 is seeded with, as an unsigned value
 * @param variant the algorithm
 */
public record PermutationKey(long n, long generatorSeed, RandpermVariant variant) {

	public PermutationKey {
		if (n < 0) {
			throw new IllegalArgumentException("n must not be negative");
		}
		generatorSeed &= 0xFFFF_FFFFL;
	}

}
