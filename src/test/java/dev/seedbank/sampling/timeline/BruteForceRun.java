package dev.seedbank.sampling.timeline;

import java.util.ArrayList;
import java.util.List;

import dev.seedbank.sampling.SamplerParameters;

/**
 * A kill-and-resume simulated the slow way, from the engine's per-rank lists only: each
 * restart builds fresh samplers at its world size, as a relaunched job does. A torch-rule
 * restart skips {@code floor(startSample / W)} of its own list; an exact one reads the
 * epoch's stream, materialised as an array, from {@code startSample}. Each segment reads
 * while the job's sample counter is below the next restart's {@code startSample}.
 */
final class BruteForceRun {

	record Restart(int worldSize, long startSample, Resume resume) {
	}

	private BruteForceRun() {
	}

	/**
	 * @param record the record (segment 0 starts the epoch at its world size)
	 * @param epoch the epoch; every restart happens inside it
	 * @param restarts restarts in order
	 * @return per-sample read counts, and the reads of padding in the last slot
	 */
	static int[] counts(SamplerParameters record, long epoch, List<Restart> restarts) {
		int n = (int) record.datasetSize();
		int[] counts = new int[n + 1];
		List<Restart> all = new ArrayList<>();
		all.add(new Restart(record.worldSize(), 0, Resume.EXACT));
		all.addAll(restarts);
		int started = record.worldSize();
		for (Restart restart : restarts) {
			if (restart.startSample() == 0) {
				started = restart.worldSize();
			}
		}
		long[] stream = Runs.stream(record, epoch, started);
		for (int k = 0; k < all.size(); k++) {
			Restart s = all.get(k);
			long stop = (k + 1 < all.size()) ? all.get(k + 1).startSample() : Long.MAX_VALUE;
			int w = s.worldSize();
			for (int r = 0; r < w; r++) {
				long[] read;
				long[] paddedPosition;
				if (k == 0 || s.resume() == Resume.TORCH) {
					long[] list = Runs.list(record, epoch, w, r);
					int skip = (int) Math.min(list.length, s.startSample() / w);
					read = java.util.Arrays.copyOfRange(list, skip, list.length);
					paddedPosition = new long[read.length];
					for (int i = 0; i < read.length; i++) {
						paddedPosition[i] = r + (long) (skip + i) * w;
					}
				}
				else {
					int rounds = (int) ((stream.length - s.startSample() + w - 1) / w);
					read = new long[rounds];
					paddedPosition = new long[rounds];
					for (int i = 0; i < rounds; i++) {
						long p = s.startSample() + r + (long) i * w;
						read[i] = stream[(int) (p % stream.length)];
						paddedPosition[i] = (p >= stream.length) ? Long.MAX_VALUE : p;
					}
				}
				for (int i = 0; i < read.length; i++) {
					if (s.startSample() + r + (long) i * w >= stop) {
						break;
					}
					counts[(int) read[i]]++;
					if (paddedPosition[i] >= n) {
						counts[n]++;
					}
				}
			}
		}
		return counts;
	}

}
