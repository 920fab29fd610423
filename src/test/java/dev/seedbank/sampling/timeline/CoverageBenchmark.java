package dev.seedbank.sampling.timeline;

import java.lang.management.ManagementFactory;
import java.math.BigInteger;

import dev.seedbank.sampling.Permutation;
import dev.seedbank.sampling.PermutationKey;
import dev.seedbank.sampling.Randperm;
import dev.seedbank.sampling.SamplerParameters;
import dev.seedbank.sampling.SamplerPlan;
import dev.seedbank.sampling.TorchVersion;

/**
 * Coverage of one epoch over three segments (8 ranks, killed at 30% and resumed on 3 with
 * {@code torch}, killed at 70% and resumed on 5 with {@code exact}) against computing
 * that epoch's permutation once, in the same run; {@code bench/timeline-coverage.sh} runs
 * it. Prints the time ratio and the bytes the coverage allocates per sample beyond the
 * permutation (measured by the JVM's per-thread allocation counter). A main, not a test:
 * speed is measured, never asserted.
 */
public final class CoverageBenchmark {

	private CoverageBenchmark() {
	}

	public static void main(String[] args) {
		int n = Integer.parseInt(args[0]);
		int repetitions = Integer.parseInt(args[1]);
		SamplerParameters record = new SamplerParameters(n, 8, 0, BigInteger.valueOf(17), true, false,
				TorchVersion.parse("2.11.0"));
		PermutationKey key = SamplerPlan.of(record).permutationKey().orElseThrow();
		Randperm.compute(new PermutationKey(1_000_000, 1, key.variant()));
		double bestPermutation = Double.MAX_VALUE;
		double bestCoverage = Double.MAX_VALUE;
		double bestCached = Double.MAX_VALUE;
		com.sun.management.ThreadMXBean threads = (com.sun.management.ThreadMXBean) ManagementFactory.getThreadMXBean();
		for (int i = 0; i < repetitions; i++) {
			long start = System.nanoTime();
			int[] permutation = Randperm.compute(key);
			double permutationSeconds = (System.nanoTime() - start) / 1e9;
			bestPermutation = Math.min(bestPermutation, permutationSeconds);
			permutation = null;

			start = System.nanoTime();
			Coverage computed = Coverage.of(timeline(record, Randperm::permutation), 0);
			double coverageSeconds = (System.nanoTime() - start) / 1e9;
			bestCoverage = Math.min(bestCoverage, coverageSeconds);
			computed = null;

			int[] cached = Randperm.compute(key);
			Timeline warm = timeline(record, (k) -> Permutation.of(cached));
			long allocated = threads.getThreadAllocatedBytes(Thread.currentThread().getId());
			start = System.nanoTime();
			Coverage coverage = Coverage.of(warm, 0);
			double cachedSeconds = (System.nanoTime() - start) / 1e9;
			allocated = threads.getThreadAllocatedBytes(Thread.currentThread().getId()) - allocated;
			bestCached = Math.min(bestCached, cachedSeconds);
			System.out.printf(
					"randperm(%d) %.3f s; coverage computing it %.3f s; coverage over a cached one %.3f s, "
							+ "%.4f bytes/sample allocated; %s%n",
					n, permutationSeconds, coverageSeconds, cachedSeconds, (double) allocated / n, coverage.summary());
		}
		System.out.printf(
				"best: randperm %.3f s, coverage %.3f s (ratio %.2f), over a cached permutation %.3f s "
						+ "(ratio %.2f)%n",
				bestPermutation, bestCoverage, bestCoverage / bestPermutation, bestCached,
				bestCached / bestPermutation);
	}

	private static Timeline timeline(SamplerParameters record,
			java.util.function.Function<PermutationKey, Permutation> permutations) {
		long n = record.datasetSize();
		return Timeline.start(DistributedRankLists.source(record, permutations), Segment.record(8, null, 1))
			.append(3, 0, n * 3 / 10 + 1, Resume.TORCH, null, null)
			.append(5, 0, n * 7 / 10 + 3, Resume.EXACT, null, null);
	}

}
