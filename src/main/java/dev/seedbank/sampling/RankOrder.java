package dev.seedbank.sampling;

import java.lang.ref.Reference;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;

/**
 * One rank's indices for one epoch: element k is the padded list's element
 * {@code rank + k * W}, read from the permutation (or the identity) without copying it.
 */
public final class RankOrder implements IndexOrder {

	private final Permutation permutation;

	/** The permutation's array when it is one, for the loops that stream it. */
	private final int[] values;

	private final long datasetSize;

	private final int rank;

	private final int worldSize;

	private final long length;

	RankOrder(Permutation permutation, long datasetSize, int rank, int worldSize, long length) {
		this.permutation = permutation;
		this.values = (permutation instanceof IntPermutation ints) ? ints.values : null;
		this.datasetSize = datasetSize;
		this.rank = rank;
		this.worldSize = worldSize;
		this.length = length;
	}

	@Override
	public long length() {
		return this.length;
	}

	@Override
	public long get(long k) {
		if (k < 0 || k >= this.length) {
			throw new IndexOutOfBoundsException("position " + k + " of " + this.length);
		}
		// k < num_samples <= N / W + 1, so k * W stays far below 2^63.
		long p = (this.rank + k * this.worldSize) % this.datasetSize;
		long element = element(p);
		Reference.reachabilityFence(this.permutation);
		return element;
	}

	private long element(long p) {
		if (this.values != null) {
			return this.values[(int) p];
		}
		return (this.permutation != null) ? this.permutation.get(p) : p;
	}

	@Override
	public void write(long from, long to, ByteBuffer target) {
		if (from < 0 || to > this.length || from > to) {
			throw new IndexOutOfBoundsException("[" + from + ", " + to + ") of " + this.length);
		}
		ByteBuffer out = target.order(ByteOrder.LITTLE_ENDIAN);
		long p = (this.rank + from * this.worldSize) % Math.max(1, this.datasetSize);
		int[] ints = this.values;
		for (long k = from; k < to; k++) {
			out.putLong((ints != null) ? ints[(int) p] : element(p));
			p += this.worldSize;
			if (p >= this.datasetSize) {
				p %= this.datasetSize;
			}
		}
		// The permutation's owner may free its memory once the Permutation is
		// unreachable; keep it reachable while its array is read.
		Reference.reachabilityFence(this.permutation);
	}

	@Override
	public String sha256() {
		return OrderDigest.sha256(this);
	}

}
