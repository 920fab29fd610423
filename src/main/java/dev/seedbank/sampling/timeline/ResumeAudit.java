package dev.seedbank.sampling.timeline;

import dev.seedbank.sampling.InvalidSamplerArgumentException;

/**
 * Where the first indices a resumed rank read belong (API.md, "Run timeline", {@code POST
 * /experiments/{id}/resume-audit}). Offsets are positions in the rank's list at the
 * resumed world size; the checkpoint's offset is {@code floor(startSample / W)}. Tried in
 * order:
 * <ol>
 * <li>{@code ok}: epoch {@code e} at the checkpoint's offset, or the expected order given
 * (e.g. an {@code exact} segment's);</li>
 * <li>{@code restarted-epoch}: the start of epoch {@code e}'s list, or of epoch 0's (a
 * resume that also forgot the epoch, as transformers before PR #40691 replayed epoch 0's
 * order);</li>
 * <li>{@code wrong-epoch}: epoch {@code e+1}'s list at the checkpoint's offset or at its
 * start (accelerate before PR #4233 resumed a mid-epoch checkpoint on the next epoch's
 * permutation), then epoch 0's at the offset;</li>
 * <li>{@code wrong-offset}: anywhere else in epoch {@code e}'s list;</li>
 * <li>{@code wrong-epoch}: anywhere in epoch {@code e+1}'s, {@code e-1}'s or 0's
 * list;</li>
 * <li>{@code unknown}.</li>
 * </ol>
 * A search looks up every position of the first observed index (one pass over the
 * permutation for {@code distributed}) and compares the run there.
 */
public final class ResumeAudit {

	private ResumeAudit() {
	}

	/**
	 * @param source the record's rank lists
	 * @param epoch the epoch the checkpoint says
	 * @param startSample the stream position the checkpoint says
	 * @param worldSize the resumed world size
	 * @param rank the resumed rank
	 * @param observed the first indices it read, at least one
	 * @param expected the order the rank should read, or {@code null} for the torch rule
	 * @return the verdict
	 */
	public static Result audit(RankListSource source, long epoch, long startSample, int worldSize, int rank,
			long[] observed, SegmentOrder expected) {
		if (epoch < 0) {
			throw new InvalidSamplerArgumentException("epoch", "must not be negative");
		}
		if (startSample < 0) {
			throw new InvalidSamplerArgumentException("startSample", "must not be negative");
		}
		if (worldSize < 1) {
			throw new InvalidSamplerArgumentException("worldSize", "must be at least 1");
		}
		if (rank < 0 || rank >= worldSize) {
			throw new InvalidSamplerArgumentException("rank", "must be in [0, " + worldSize + ")");
		}
		if (observed == null || observed.length == 0) {
			throw new InvalidSamplerArgumentException("observed", "must hold at least one index");
		}
		Lists lists = new Lists(source, worldSize, rank, observed);
		long offset = startSample / worldSize;
		if (lists.at(epoch, offset) || (expected != null && prefixOf(expected, observed))) {
			return new Result(Verdict.OK, epoch, offset);
		}
		if (lists.at(epoch, 0)) {
			return new Result(Verdict.RESTARTED_EPOCH, epoch, 0L);
		}
		if (epoch > 0 && lists.at(0, 0)) {
			return new Result(Verdict.RESTARTED_EPOCH, 0L, 0L);
		}
		for (long[] candidate : new long[][] { { epoch + 1, offset }, { epoch + 1, 0 }, { 0, offset } }) {
			if (candidate[0] != epoch && lists.at(candidate[0], candidate[1])) {
				return new Result(Verdict.WRONG_EPOCH, candidate[0], candidate[1]);
			}
		}
		long found = lists.search(epoch);
		if (found >= 0) {
			return new Result(Verdict.WRONG_OFFSET, epoch, found);
		}
		for (long other : new long[] { epoch + 1, epoch - 1, 0 }) {
			if (other >= 0 && other != epoch) {
				found = lists.search(other);
				if (found >= 0) {
					return new Result(Verdict.WRONG_EPOCH, other, found);
				}
			}
		}
		return new Result(Verdict.UNKNOWN, null, null);
	}

	private static boolean prefixOf(SegmentOrder expected, long[] observed) {
		if (observed.length > expected.length()) {
			return false;
		}
		for (int i = 0; i < observed.length; i++) {
			if (expected.get(i) != observed[i]) {
				return false;
			}
		}
		return true;
	}

	/**
	 * @param verdict the verdict
	 * @param matchedEpoch the epoch whose list holds the observed run, {@code null} when
	 * unknown
	 * @param matchedOffset its position in that list, {@code null} when unknown
	 */
	public record Result(Verdict verdict, Long matchedEpoch, Long matchedOffset) {
	}

	/** The verdicts, with their API spelling. */
	public enum Verdict {

		OK("ok"), WRONG_EPOCH("wrong-epoch"), RESTARTED_EPOCH("restarted-epoch"), WRONG_OFFSET("wrong-offset"),
		UNKNOWN("unknown");

		private final String wire;

		Verdict(String wire) {
			this.wire = wire;
		}

		/**
		 * @return the verdict as API.md spells it
		 */
		public String wire() {
			return this.wire;
		}

	}

	/** One rank's lists at one world size, each epoch's permutation computed once. */
	private static final class Lists {

		private final RankListSource source;

		private final int worldSize;

		private final int rank;

		private final long[] observed;

		private final java.util.Map<Long, RankLists> epochs = new java.util.HashMap<>();

		Lists(RankListSource source, int worldSize, int rank, long[] observed) {
			this.source = source;
			this.worldSize = worldSize;
			this.rank = rank;
			this.observed = observed;
		}

		boolean at(long epoch, long offset) {
			RankLists lists = epoch(epoch);
			if (offset + this.observed.length > lists.length(this.worldSize)) {
				return false;
			}
			for (int i = 0; i < this.observed.length; i++) {
				if (lists.get(this.worldSize, this.rank, offset + i) != this.observed[i]) {
					return false;
				}
			}
			return true;
		}

		long search(long epoch) {
			for (long offset : epoch(epoch).positionsOf(this.worldSize, this.rank, this.observed[0])) {
				if (at(epoch, offset)) {
					return offset;
				}
			}
			return -1;
		}

		private RankLists epoch(long epoch) {
			return this.epochs.computeIfAbsent(epoch, this.source::epoch);
		}

	}

}
