package dev.seedbank.sampling;

/**
 * {@link RandomSamplerOrder}'s lists when they, or n, pass one array: the same draws in
 * the same order as the one-array loops, written to {@link Permutation}'s wide storage.
 * Tests run both on lowered {@link PermutationLayout} thresholds and compare them element
 * by element.
 */
final class WideRandomSamplerLists {

	private WideRandomSamplerLists() {
	}

	/**
	 * {@code torch.randint(high=n, size=(32,))} chunks: {@code random() % n}, or
	 * {@code random64() % n} (unsigned) once {@code n >= 2^32} (DistributionsHelper.h,
	 * {@code uniform_int_from_to_distribution}).
	 */
	static Permutation withReplacement(long n, long numSamples, MersenneTwister generator, PermutationLayout layout) {
		Permutation result = Permutation.allocate(numSamples, n, layout);
		boolean wideDraws = n >= RandomSamplerDraws.RANDINT_64_BIT_RANGE;
		for (long k = 0; k < numSamples; k++) {
			result.set(k, wideDraws ? Long.remainderUnsigned(generator.nextLong(), n)
					: Integer.toUnsignedLong(generator.nextInt()) % n);
		}
		return result;
	}

	/**
	 * {@code num_samples // n} whole randperms, then one cut to {@code num_samples % n},
	 * drawn even when that is 0.
	 */
	static Permutation withoutReplacement(long n, long numSamples, RandpermVariant variant, MersenneTwister generator,
			PermutationLayout layout) {
		long whole = numSamples / n;
		long rest = numSamples % n;
		if (whole == 1 && rest == 0) {
			Permutation permutation = permute(n, variant, generator, layout);
			generator.skip(RandomSamplerDraws.randpermDraws(n, variant));
			return permutation;
		}
		Permutation result = Permutation.allocate(numSamples, n, layout);
		for (long w = 0; w < whole; w++) {
			copy(permute(n, variant, generator, layout), result, w * n, n);
		}
		if (rest == 0) {
			generator.skip(RandomSamplerDraws.randpermDraws(n, variant));
		}
		else if (variant == RandpermVariant.CLASSIC) {
			copy(classicPrefix(n, rest, generator, layout), result, whole * n, rest);
		}
		else {
			copy(permute(n, variant, generator, layout), result, whole * n, rest);
		}
		return result;
	}

	private static Permutation permute(long n, RandpermVariant variant, MersenneTwister generator,
			PermutationLayout layout) {
		if (n <= layout.maxSingleArray()) {
			return Permutation.of((variant == RandpermVariant.CLASSIC) ? ClassicRandperm.permute((int) n, generator)
					: InsideOutRandperm.permute((int) n, generator));
		}
		Permutation r = Permutation.allocate(n, layout);
		if (variant == RandpermVariant.CLASSIC) {
			ClassicRandperm.permute(r, generator);
		}
		else {
			InsideOutRandperm.permute(r, generator);
		}
		return r;
	}

	/**
	 * {@link ClassicRandperm#prefix}: position i is final after step i, so only
	 * {@code count} steps are made and the draws of the rest skipped; the draw is widened
	 * as {@link ClassicRandperm#permute(Permutation, MersenneTwister)} widens it.
	 */
	private static Permutation classicPrefix(long n, long count, MersenneTwister generator, PermutationLayout layout) {
		Permutation r = Permutation.allocate(n, layout);
		for (long i = 0; i < n; i++) {
			r.set(i, i);
		}
		long steps = Math.min(count, n - 1);
		for (long i = 0; i < steps; i++) {
			long j = i + Integer.toUnsignedLong(generator.nextInt()) % (n - i);
			long swapped = r.get(i);
			r.set(i, r.get(j));
			r.set(j, swapped);
		}
		generator.skip(n - 1 - steps);
		return r;
	}

	private static void copy(Permutation from, Permutation to, long offset, long count) {
		for (long i = 0; i < count; i++) {
			to.set(offset + i, from.get(i));
		}
	}

}
