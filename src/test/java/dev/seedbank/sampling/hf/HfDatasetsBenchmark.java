package dev.seedbank.sampling.hf;

import java.math.BigInteger;
import java.nio.ByteBuffer;

/**
 * Times one datasets shuffle+shard order as the service would serve it (the permutation,
 * then the shard written out as int64); {@code bench/hf-datasets.sh} runs it beside the
 * real {@code datasets} call in the same run and prints the ratio. A main, not a test:
 * speed is measured, never asserted.
 */
public final class HfDatasetsBenchmark {

	private HfDatasetsBenchmark() {
	}

	public static void main(String[] args) {
		int n = Integer.parseInt(args[0]);
		int repetitions = Integer.parseInt(args[1]);
		long numShards = Long.parseLong(args[2]);
		long index = Long.parseLong(args[3]);
		boolean contiguous = Boolean.parseBoolean(args[4]);
		BigInteger seed = BigInteger.valueOf(42);
		HfDatasetsShuffle.order(1_000_000, seed, 1, 0, true, DatasetsVersion.DEFAULT).sha256(); // warm-up
		double best = Double.MAX_VALUE;
		for (int i = 0; i < repetitions; i++) {
			long start = System.nanoTime();
			HfDatasetsOrder order = HfDatasetsShuffle.order(n, seed, numShards, index, contiguous,
					DatasetsVersion.DEFAULT);
			ByteBuffer rows = ByteBuffer.allocate(Math.toIntExact(order.length() * Long.BYTES));
			order.write(0, order.length(), rows);
			double seconds = (System.nanoTime() - start) / 1e9;
			best = Math.min(best, seconds);
			System.out.printf(
					"seedbank hf-datasets(n=%d, %d shards, index %d, contiguous=%s): %.3f s (%d rows, first %d)%n", n,
					numShards, index, contiguous, seconds, order.length(), (order.length() > 0) ? order.get(0) : -1);
		}
		System.out.printf("seedbank best: %.3f%n", best);
	}

}
