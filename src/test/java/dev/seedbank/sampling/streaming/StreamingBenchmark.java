package dev.seedbank.sampling.streaming;

import java.math.BigInteger;
import java.util.Arrays;

/**
 * Times one rank's Streaming epoch order the way the service computes it:
 * {@code bench/streaming.sh} runs it and prints the ratio to the real Streaming code's
 * time recorded in {@code conformance/README.md} (Streaming cannot be installed here).
 * The conformance case: 1e7 samples in 1,000 shards of 10,000, {@code py1e}, 8 canonical
 * nodes, 1 physical node of 8 ranks, 4 workers, batch 32, block size 500,000. A main, not
 * a test: speed is measured, never asserted.
 */
public final class StreamingBenchmark {

	private StreamingBenchmark() {
	}

	public static void main(String[] args) {
		int repetitions = (args.length > 0) ? Integer.parseInt(args[0]) : 5;
		String algorithm = (args.length > 1) ? args[1] : "py1e";
		long[] shards = new long[1000];
		Arrays.fill(shards, 10_000);
		double best = Double.MAX_VALUE;
		for (int i = 0; i < repetitions; i++) {
			StreamingArguments arguments = StreamingArguments.of(shards, true, algorithm, 8, BigInteger.valueOf(9176),
					(long) i, 500_000L, "relaxed", 1, 8, 4, 32, 0, 0L, null, null);
			long start = System.nanoTime();
			StreamingEpochOrder order = StreamingEpochOrder.of(arguments);
			double seconds = (System.nanoTime() - start) / 1e9;
			best = Math.min(best, seconds);
			System.out.printf("seedbank streaming %s epoch %d, rank 0: %.3f s (%d ids, first %d)%n", algorithm, i,
					seconds, order.length(), order.get(0));
		}
		System.out.printf("seedbank best: %.3f%n", best);
	}

}
