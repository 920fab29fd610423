package dev.seedbank.timeline;

import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.util.PrimitiveIterator;

import dev.seedbank.sampling.IndexOrder;
import dev.seedbank.sampling.timeline.Coverage;

/**
 * The samples never seen, or seen more than once, as an {@link IndexOrder} so they are
 * served in every format like an order. They are streamed from the coverage's counts (one
 * byte per sample), never collected: reads in ascending position cost one pass, which is
 * how digests and writers read; going back restarts the scan.
 */
final class CoverageList implements IndexOrder {

	/** Which samples of the coverage. */
	enum Kind {

		NEVER, REPEATED

	}

	private final Coverage coverage;

	private final Kind kind;

	private final long length;

	private PrimitiveIterator.OfLong cursor;

	/** The list position {@link #cursor} yields next. */
	private long next;

	CoverageList(Coverage coverage, Kind kind) {
		this.coverage = coverage;
		this.kind = kind;
		this.length = (kind == Kind.NEVER) ? coverage.neverSeen() : coverage.seenMoreThanOnce();
		restart();
	}

	private void restart() {
		this.cursor = (this.kind == Kind.NEVER) ? this.coverage.never() : this.coverage.repeated();
		this.next = 0;
	}

	@Override
	public long length() {
		return this.length;
	}

	@Override
	public synchronized long get(long k) {
		if (k < 0 || k >= this.length) {
			throw new IndexOutOfBoundsException("position " + k + " of " + this.length);
		}
		if (k < this.next) {
			restart();
		}
		while (this.next < k) {
			this.cursor.nextLong();
			this.next++;
		}
		this.next++;
		return this.cursor.nextLong();
	}

	@Override
	public synchronized void write(long from, long to, ByteBuffer target) {
		if (from < 0 || to > this.length || from > to) {
			throw new IndexOutOfBoundsException("[" + from + ", " + to + ") of " + this.length);
		}
		ByteBuffer out = target.order(ByteOrder.LITTLE_ENDIAN);
		for (long k = from; k < to; k++) {
			out.putLong(get(k));
		}
	}

}
