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
		int rank = (args.length > 1) ? Integer.parseInt(args[1]) : 0;
		String algorithm = (args.length > 2) ? args[2] : "py1e";
		java.lang.management.ThreadMXBean threads = java.lang.management.ManagementFactory.getThreadMXBean();
		long[] shards = new long[1000];
		Arrays.fill(shards, 10_000);
		double best = Double.MAX_VALUE;
		double bestCpu = Double.MAX_VALUE;
		for (int i = 0; i < repetitions; i++) {
			StreamingArguments arguments = StreamingArguments.of(shards, true, algorithm, 8, BigInteger.valueOf(9176),
					(long) i, 500_000L, "relaxed", 1, 8, 4, 32, rank, 0L, null, null);
			long cpuStart = threads.getCurrentThreadCpuTime();
			long start = System.nanoTime();
			StreamingEpochOrder order = StreamingEpochOrder.of(arguments);
			double seconds = (System.nanoTime() - start) / 1e9;
			double cpu = (threads.getCurrentThreadCpuTime() - cpuStart) / 1e9;
			best = Math.min(best, seconds);
			bestCpu = Math.min(bestCpu, cpu);
			System.out.printf("seedbank streaming %s epoch %d, rank %d: %.3f s wall, %.3f s cpu (%d ids, first %d)%n",
					algorithm, i, rank, seconds, cpu, order.length(), order.get(0));
		}
		System.out.printf("seedbank best: %.3f %.3f%n", best, bestCpu);
	}

}
