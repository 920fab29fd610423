package dev.seedbank.sampling.timeline;

import java.math.BigInteger;

import dev.seedbank.sampling.Randperm;
import dev.seedbank.sampling.RankOrder;
import dev.seedbank.sampling.SamplerParameters;
import dev.seedbank.sampling.SamplerPlan;
import dev.seedbank.sampling.TorchVersion;

/** Records and independent per-rank lists for the timeline tests. */
final class Runs {

	static final TorchVersion TORCH = TorchVersion.parse("2.11.0");

	private Runs() {
	}

	static SamplerParameters record(long n, int worldSize, long seed, boolean dropLast) {
		return new SamplerParameters(n, worldSize, 0, BigInteger.valueOf(seed), true, dropLast, TORCH);
	}

	static RankListSource source(SamplerParameters record) {
		return DistributedRankLists.source(record, Randperm::permutation);
	}

	static Timeline start(SamplerParameters record) {
		return Timeline.start(source(record), Segment.record(record.worldSize(), null, 1));
	}

	/**
	 * Rank r's list of epoch e at world size w, straight from the engine's SamplerPlan.
	 */
	static long[] list(SamplerParameters record, long epoch, int w, int rank) {
		SamplerPlan plan = SamplerPlan.of(new SamplerParameters(record.datasetSize(), w, epoch, record.seed(),
				record.shuffle(), record.dropLast(), record.torchVersion()));
		RankOrder order = plan.rank(rank, plan.permutationKey().map(Randperm::compute).orElse(null));
		long[] list = new long[(int) order.length()];
		for (int k = 0; k < list.length; k++) {
			list[k] = order.get(k);
		}
		return list;
	}

	/** The epoch's stream at w: position j*w + r is rank r's j-th index. */
	static long[] stream(SamplerParameters record, long epoch, int w) {
		long[][] lists = new long[w][];
		for (int r = 0; r < w; r++) {
			lists[r] = list(record, epoch, w, r);
		}
		long[] stream = new long[lists[0].length * w];
		for (int p = 0; p < stream.length; p++) {
			stream[p] = lists[p % w][p / w];
		}
		return stream;
	}

	static long[] order(SegmentOrder order) {
		long[] out = new long[(int) order.length()];
		for (int k = 0; k < out.length; k++) {
			out[k] = order.get(k);
		}
		return out;
	}

}
