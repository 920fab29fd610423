package dev.seedbank.sampling;

import java.math.BigInteger;

/**
 * Times one RandomSampler epoch order the way the service computes it (the whole list, as
 * {@code int[]}); {@code bench/random-sampler.sh} runs it beside the real
 * {@code list(RandomSampler(...))} and {@code list(DataLoader(...))} in the same run and
 * prints the ratios. A main, not a test: speed is measured, never asserted.
 */
public final class RandomSamplerBenchmark {

	private RandomSamplerBenchmark() {
	}

	/**
	 * @param args n, repetitions, then {@code sampler}, {@code replacement} or
	 * {@code loader}
	 */
	public static void main(String[] args) {
		int n = Integer.parseInt(args[0]);
		int repetitions = Integer.parseInt(args[1]);
		String mode = args[2];
		RandomSamplerParameters parameters = new RandomSamplerParameters(n, BigInteger.valueOf(17), 1, null,
				mode.equals("replacement"), mode.equals("loader"), TorchVersion.parse("2.13.0"));
		RandomSamplerOrder
			.of(new RandomSamplerParameters(1_000_000, BigInteger.ONE, 0, null, false, false, TorchVersion.newest()));
		double best = Double.MAX_VALUE;
		for (int i = 0; i < repetitions; i++) {
			long start = System.nanoTime();
			RandomSamplerOrder order = RandomSamplerOrder.of(parameters);
			double seconds = (System.nanoTime() - start) / 1e9;
			best = Math.min(best, seconds);
			System.out.printf("seedbank %s(%d), epoch 1: %.3f s (first %d)%n", mode, n, seconds, order.get(0));
		}
		System.out.printf("seedbank best: %.3f%n", best);
	}

}
