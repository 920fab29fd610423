package dev.seedbank.sampling;

/**
 * torch's CPU randperm for n at or above {@link RandpermVariant#INSIDE_OUT_THRESHOLD}
 * from torch 2.6.0 (aten/src/ATen/native/TensorFactories.cpp, {@code randperm_cpu}): for
 * i in 0 .. n-1, {@code z = random64() % (i + 1)}, {@code r[i] = r[z]}, {@code r[z] = i},
 * with the 64-bit draw and modulo unsigned.
 */
final class InsideOutRandperm {

	private InsideOutRandperm() {
	}

	static int[] permute(int n, MersenneTwister generator) {
		int[] r = new int[n];
		for (int i = 0; i < n; i++) {
			int z = (int) Long.remainderUnsigned(generator.nextLong(), i + 1L);
			r[i] = r[z];
			r[z] = i;
		}
		return r;
	}

	/** The same loop over storage longer than one array. */
	static void permute(Permutation r, MersenneTwister generator) {
		long n = r.length();
		for (long i = 0; i < n; i++) {
			long z = Long.remainderUnsigned(generator.nextLong(), i + 1);
			r.set(i, r.get(z));
			r.set(z, i);
		}
	}

}
