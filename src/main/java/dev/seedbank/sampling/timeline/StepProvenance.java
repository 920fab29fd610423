package dev.seedbank.sampling.timeline;

import java.util.ArrayList;
import java.util.List;

import dev.seedbank.sampling.InvalidSamplerArgumentException;

/**
 * The indices each rank used in one optimizer step of an epoch (API.md, "Run timeline").
 * Steps are counted from the epoch's start over the segments that read it, each segment
 * holding {@code ceil(reads / (b*a))} of them, {@code reads} being what its rank 0 read
 * before the next segment started (a step cut short by a kill still counts); in its
 * {@code t}-th step rank {@code r} uses positions {@code [t*b*a, (t+1)*b*a)} of its
 * {@link SegmentOrder}, cut at what it read.
 */
public final class StepProvenance {

	private StepProvenance() {
	}

	/**
	 * @param timeline the run's history
	 * @param epoch the epoch
	 * @param step the step, 0-based from the epoch's start
	 * @param batchSize per-rank batch size for every segment, or {@code null} for each
	 * segment's recorded one
	 * @param gradientAccumulation batches per step for every segment, or {@code null} for
	 * each segment's recorded one
	 * @return the step's segment and every rank's indices
	 * @throws InvalidSamplerArgumentException naming {@code batchSize} when neither is
	 * known, {@code step} when the epoch has fewer steps
	 */
	public static StepSamples of(Timeline timeline, long epoch, long step, Integer batchSize,
			Integer gradientAccumulation) {
		if (step < 0) {
			throw new InvalidSamplerArgumentException("step", "must not be negative");
		}
		if (batchSize != null && batchSize < 1) {
			throw new InvalidSamplerArgumentException("batchSize", "must be at least 1");
		}
		if (gradientAccumulation != null && gradientAccumulation < 1) {
			throw new InvalidSamplerArgumentException("gradientAccumulation", "must be at least 1");
		}
		long left = step;
		long steps = 0;
		for (SegmentShare share : timeline.shares(epoch)) {
			Segment segment = share.segment();
			Integer b = (batchSize != null) ? batchSize : segment.batchSize();
			if (b == null) {
				throw new InvalidSamplerArgumentException("batchSize",
						"is required: segment " + segment.index() + " records no batch size");
			}
			long a = (gradientAccumulation != null) ? gradientAccumulation : segment.gradientAccumulation();
			long perStep = b * a;
			long held = SegmentShare.ceilDiv(share.reads(0), perStep);
			if (left < held) {
				return samples(share, step, left * perStep, perStep);
			}
			left -= held;
			steps += held;
		}
		throw new InvalidSamplerArgumentException("step",
				"must be below " + steps + ", the optimizer steps of epoch " + epoch);
	}

	private static StepSamples samples(SegmentShare share, long step, long from, long perStep) {
		List<RankIndices> ranks = new ArrayList<>();
		for (int r = 0; r < share.segment().worldSize(); r++) {
			long to = Math.min(from + perStep, share.reads(r));
			long[] indices = new long[(int) Math.max(0, to - from)];
			for (int i = 0; i < indices.length; i++) {
				indices[i] = share.index(r, from + i);
			}
			ranks.add(new RankIndices(r, indices));
		}
		return new StepSamples(step, share.segment().index(), ranks);
	}

	/**
	 * @param step the step
	 * @param segment the segment that holds it
	 * @param ranks each rank's indices, rank 0 first
	 */
	public record StepSamples(long step, int segment, List<RankIndices> ranks) {
	}

	/**
	 * @param rank the rank
	 * @param indices the dataset indices it used in the step, in order
	 */
	public record RankIndices(int rank, long[] indices) {
	}

}
