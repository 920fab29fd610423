package dev.seedbank.sampling.timeline;

/**
 * What one segment reads of one epoch. Reads are numbered by the job's sample counter,
 * the number a checkpoint records as {@code startSample}: the segment's rank {@code r}
 * makes its {@code i}-th read at counter {@code counterStart + r + i*W}. Under
 * {@code exact} the counter is the stream position itself (modulo the stream's length,
 * the wrap); under {@code torch} the restarted loader believes it is at
 * {@code startSample} while it reads its own list from {@code floor(startSample / W)}, so
 * read {@code c} is position {@code floor(startSample / W)*W + (c - startSample)} of the
 * stream at its own world size. A segment stops at the counter the next segment starts
 * at, when that one starts in the same epoch.
 */
final class SegmentShare {

	private final Segment segment;

	private final RankLists lists;

	private final EpochStream stream;

	private final long wrapLength;

	private final long streamStart;

	private final long counterStart;

	private final long perRank;

	private final long counterStop;

	SegmentShare(Segment segment, RankLists lists, EpochStream stream, boolean wraps, long streamStart,
			long counterStart, long perRank, long counterEnd) {
		this.segment = segment;
		this.lists = lists;
		this.stream = stream;
		this.wrapLength = wraps ? stream.length() : 0;
		this.streamStart = streamStart;
		this.counterStart = counterStart;
		this.perRank = perRank;
		this.counterStop = Math.max(counterStart, Math.min(counterEnd, counterStart + perRank * segment.worldSize()));
	}

	Segment segment() {
		return this.segment;
	}

	RankLists lists() {
		return this.lists;
	}

	/** How many indices each rank reads when the segment runs to the epoch's end. */
	long perRank() {
		return this.perRank;
	}

	/** How many indices the whole segment read before the next one started. */
	long reads() {
		return this.counterStop - this.counterStart;
	}

	/** How many indices rank {@code rank} read before the next segment started. */
	long reads(int rank) {
		long left = this.counterStop - this.counterStart - rank;
		return (left <= 0) ? 0 : Math.min(this.perRank, ceilDiv(left, this.segment.worldSize()));
	}

	/** The dataset index of rank {@code rank}'s {@code i}-th read. */
	long index(int rank, long i) {
		return this.stream.get(streamPosition(this.counterStart + rank + i * this.segment.worldSize()));
	}

	private long streamPosition(long counter) {
		return (this.wrapLength > 0) ? counter % this.wrapLength : this.streamStart + (counter - this.counterStart);
	}

	/**
	 * Copies the dataset indices of reads {@code [from, from + count)}, counter order.
	 */
	void copyReads(long from, int count, int[] target) {
		if (this.wrapLength == 0) {
			this.stream.copy(this.streamStart + from, count, target, 0);
			return;
		}
		int written = 0;
		while (written < count) {
			long p = (this.counterStart + from + written) % this.wrapLength;
			int run = (int) Math.min(count - written, this.wrapLength - p);
			this.stream.copy(p, run, target, written);
			written += run;
		}
	}

	/**
	 * Reads of padding: stream positions past the unpadded list, and every wrapped read.
	 */
	long paddingReads() {
		long padStart = this.stream.paddingStart();
		if (this.wrapLength == 0) {
			long end = this.streamStart + reads();
			return Math.max(0, end - Math.max(this.streamStart, padStart));
		}
		long unwrappedEnd = Math.min(this.counterStop, this.wrapLength);
		long padded = Math.max(0, unwrappedEnd - Math.max(this.counterStart, padStart));
		return padded + Math.max(0, this.counterStop - Math.max(this.counterStart, this.wrapLength));
	}

	static long ceilDiv(long a, long b) {
		return -Math.floorDiv(-a, b);
	}

}
