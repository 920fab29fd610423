package dev.seedbank.sampling;

/**
 * torch's CPU randperm for every n before 2.6.0, and for n below
 * {@link RandpermVariant#INSIDE_OUT_THRESHOLD} since
 * (aten/src/ATen/native/TensorFactories.cpp, {@code randperm_cpu}): {@code r[i] = i}; for
 * i in 0 .. n-2, {@code z = random() % (n - i)} and swap {@code r[i]} with
 * {@code r[i + z]}.
 * <p>
 * The swaps are bound by memory latency, not arithmetic: each touches a random element of
 * a large array. So the draws for a block of iterations are made first, and the swaps of
 * the block then run with their targets already known, which lets the CPU overlap their
 * cache misses; a look-ahead read pulls targets a few iterations ahead into cache. The
 * order of draws and swaps, and so the result, is exactly torch's.
 */
final class ClassicRandperm {

	/** Iterations whose draws are made before their swaps. */
	private static final int BLOCK = 4096;

	/** How far ahead of the current swap its future targets are touched. */
	private static final int LOOK_AHEAD = 16;

	/**
	 * Keeps the look-ahead reads alive: a value nobody reads would let the JIT drop them.
	 */
	static int touched;

	private ClassicRandperm() {
	}

	static int[] permute(int n, MersenneTwister generator) {
		int[] r = new int[n];
		for (int i = 0; i < n; i++) {
			r[i] = i;
		}
		int[] targets = new int[BLOCK + LOOK_AHEAD];
		int sink = 0;
		for (int start = 0; start < n - 1; start += BLOCK) {
			int end = Math.min(start + BLOCK, n - 1);
			int count = end - start;
			for (int k = 0; k < count; k++) {
				int i = start + k;
				long draw = Integer.toUnsignedLong(generator.nextInt());
				targets[k] = i + (int) (draw % (n - i));
			}
			for (int k = count; k < count + LOOK_AHEAD; k++) {
				targets[k] = targets[count - 1];
			}
			for (int k = 0; k < count; k++) {
				sink += r[targets[k + LOOK_AHEAD]];
				int i = start + k;
				int j = targets[k];
				int swapped = r[i];
				r[i] = r[j];
				r[j] = swapped;
			}
		}
		touched = sink;
		return r;
	}

}
