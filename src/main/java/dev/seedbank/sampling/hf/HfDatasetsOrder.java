package dev.seedbank.sampling.hf;

import java.nio.ByteBuffer;
import java.nio.ByteOrder;

import dev.seedbank.sampling.IndexOrder;

/**
 * One shard of a shuffled {@code datasets.Dataset}: element k is the permutation's
 * element {@code start + k * step}, read without copying it (the shape of
 * {@link dev.seedbank.sampling.RankOrder}).
 */
public final class HfDatasetsOrder implements IndexOrder {

	private final int[] permutation;

	private final long start;

	private final long step;

	private final long length;

	HfDatasetsOrder(int[] permutation, long start, long step, long length) {
		this.permutation = permutation;
		this.start = start;
		this.step = step;
		this.length = length;
	}

	/**
	 * @return how many rows the shard holds
	 */
	public long length() {
		return this.length;
	}

	/**
	 * @param k position in the shard
	 * @return the original row number at that position
	 */
	public long get(long k) {
		if (k < 0 || k >= this.length) {
			throw new IndexOutOfBoundsException("position " + k + " of " + this.length);
		}
		return this.permutation[(int) (this.start + k * this.step)];
	}

	/**
	 * Writes positions [from, to) as little-endian int64 into a buffer with room for
	 * them.
	 * @param from first position
	 * @param to position after the last
	 * @param target the buffer
	 */
	public void write(long from, long to, ByteBuffer target) {
		if (from < 0 || to > this.length || from > to) {
			throw new IndexOutOfBoundsException("[" + from + ", " + to + ") of " + this.length);
		}
		ByteBuffer out = target.order(ByteOrder.LITTLE_ENDIAN);
		long p = this.start + from * this.step;
		for (long k = from; k < to; k++) {
			out.putLong(this.permutation[(int) p]);
			p += this.step;
		}
	}

}
