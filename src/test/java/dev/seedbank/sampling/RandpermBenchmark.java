package dev.seedbank.sampling;

/**
 * Times one epoch permutation the way the service computes it; {@code bench/randperm.sh}
 * runs it beside {@code torch.randperm} in the same run and prints the ratio. A main, not
 * a test: speed is measured, never asserted.
 */
public final class RandpermBenchmark {

	private RandpermBenchmark() {
	}

	public static void main(String[] args) {
		int n = Integer.parseInt(args[0]);
		int repetitions = Integer.parseInt(args[1]);
		PermutationKey key = new PermutationKey(n, 17, RandpermVariant.CLASSIC);
		Randperm.compute(new PermutationKey(1_000_000, 1, RandpermVariant.CLASSIC));
		double best = Double.MAX_VALUE;
		for (int i = 0; i < repetitions; i++) {
			long start = System.nanoTime();
			int[] permutation = Randperm.compute(key);
			double seconds = (System.nanoTime() - start) / 1e9;
			best = Math.min(best, seconds);
			System.out.printf("seedbank randperm(%d): %.3f s (first %d)%n", n, seconds, permutation[0]);
		}
		System.out.printf("seedbank best: %.3f%n", best);
	}

}
