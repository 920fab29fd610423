package dev.seedbank.sampling;

import java.nio.ByteBuffer;
import java.nio.ByteOrder;

/**
 * One rank's indices for one epoch: element k is the padded list's element
 * {@code rank + k * W}, read from the permutation (or the identity) without copying it.
 */
public final class RankOrder implements IndexOrder {

	private final int[] permutation;

	private final int datasetSize;

	private final int rank;

	private final int worldSize;

	private final long length;

	RankOrder(int[] permutation, int datasetSize, int rank, int worldSize, long length) {
		this.permutation = permutation;
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
		int p = (int) ((this.rank + k * this.worldSize) % this.datasetSize);
		return (this.permutation != null) ? this.permutation[p] : p;
	}

	@Override
	public void write(long from, long to, ByteBuffer target) {
		if (from < 0 || to > this.length || from > to) {
			throw new IndexOutOfBoundsException("[" + from + ", " + to + ") of " + this.length);
		}
		ByteBuffer out = target.order(ByteOrder.LITTLE_ENDIAN);
		long p = (this.rank + from * this.worldSize) % Math.max(1, this.datasetSize);
		for (long k = from; k < to; k++) {
			out.putLong((this.permutation != null) ? this.permutation[(int) p] : p);
			p += this.worldSize;
			if (p >= this.datasetSize) {
				p %= this.datasetSize;
			}
		}
	}

	@Override
	public String sha256() {
		return OrderDigest.sha256(this);
	}

}
