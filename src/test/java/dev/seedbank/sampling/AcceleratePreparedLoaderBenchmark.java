package dev.seedbank.sampling;

import java.math.BigInteger;
import java.nio.ByteBuffer;

/**
 * Times one process's order of accelerate's prepared loader as the service serves it:
 * plan, permutation, and every index written as int64 (the octet-stream body);
 * {@code bench/accelerate.sh} runs it beside the real loader in the same run and prints
 * the ratio. A main, not a test: speed is measured, never asserted.
 */
public final class AcceleratePreparedLoaderBenchmark {

	private AcceleratePreparedLoaderBenchmark() {
	}

	public static void main(String[] args) {
		long n = Long.parseLong(args[0]);
		int batchSize = Integer.parseInt(args[1]);
		int processes = Integer.parseInt(args[2]);
		int repetitions = Integer.parseInt(args[3]);
		AccelerateLoaderParameters parameters = new AccelerateLoaderParameters(n, processes, 0, batchSize, 0,
				BigInteger.valueOf(17), true, false, true, false, AccelerateVersion.NEWEST,
				TorchVersion.parse("2.13.0"));
		run(new AccelerateLoaderParameters(1_000_000, processes, 0, batchSize, 0, BigInteger.ONE, true, false, true,
				false, AccelerateVersion.NEWEST, parameters.torchVersion()));
		double best = Double.MAX_VALUE;
		for (int i = 0; i < repetitions; i++) {
			long start = System.nanoTime();
			ByteBuffer body = run(parameters);
			double seconds = (System.nanoTime() - start) / 1e9;
			best = Math.min(best, seconds);
			System.out.printf("seedbank accelerate order n=%d B=%d P=%d: %.3f s (%d indices, first %d)%n", n, batchSize,
					processes, seconds, body.position() / Long.BYTES, body.getLong(0));
		}
		System.out.printf("seedbank best: %.3f%n", best);
	}

	private static ByteBuffer run(AccelerateLoaderParameters parameters) {
		IndexOrder order = AcceleratePreparedLoader.of(parameters).order();
		ByteBuffer body = ByteBuffer.allocate((int) order.length() * Long.BYTES);
		order.write(0, order.length(), body);
		return body;
	}

}
