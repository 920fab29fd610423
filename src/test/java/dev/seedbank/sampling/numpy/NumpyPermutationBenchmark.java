package dev.seedbank.sampling.numpy;

import java.math.BigInteger;

/**
 * Times {@code default_rng(seed).permutation(n)} in the engine;
 * {@code bench/numpy-permutation.sh} runs it beside NumPy's own in the same run and
 * prints the ratio. A main, not a test: speed is measured, never asserted.
 */
public final class NumpyPermutationBenchmark {

	private NumpyPermutationBenchmark() {
	}

	public static void main(String[] args) {
		int n = Integer.parseInt(args[0]);
		int repetitions = Integer.parseInt(args[1]);
		NumpyGenerator.defaultRng(BigInteger.ONE).permutationInts(1_000_000); // warm-up
		double best = Double.MAX_VALUE;
		for (int i = 0; i < repetitions; i++) {
			long start = System.nanoTime();
			int[] permutation = NumpyGenerator.defaultRng(BigInteger.valueOf(42)).permutationInts(n);
			double seconds = (System.nanoTime() - start) / 1e9;
			best = Math.min(best, seconds);
			System.out.printf("seedbank permutation(%d): %.3f s (first %d)%n", n, seconds, permutation[0]);
		}
		System.out.printf("seedbank best: %.3f%n", best);
	}

}
