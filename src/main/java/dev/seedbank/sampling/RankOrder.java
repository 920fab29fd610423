package dev.seedbank.sampling;

import java.lang.ref.Reference;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.security.MessageDigest;
import java.util.List;

/**
 * One rank's indices for one epoch: element k is the padded list's element
 * {@code rank + k * W}, read from the permutation (or the identity) without copying it.
 */
public final class RankOrder implements IndexOrder {

	/** Indices per order buffered before they are digested, when digesting a group. */
	private static final int GROUP_CHUNK = 1024;

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

	/**
	 * The digests of several orders of one permutation, in one interleaved pass: position
	 * k of ranks r .. r+15 lies in one or two cache lines of the permutation, so
	 * digesting 16 neighbouring ranks together reads the 400 MB array of n = 1e8 once per
	 * group, not once per rank (a rank's list alone is a strided pass, one cache miss per
	 * element).
	 * @param orders orders of one plan and permutation
	 * @return their digests, in order
	 */
	public static String[] sha256(List<RankOrder> orders) {
		int count = orders.size();
		MessageDigest[] digests = new MessageDigest[count];
		ByteBuffer[] buffers = new ByteBuffer[count];
		long[] positions = new long[count];
		long length = 0;
		for (int o = 0; o < count; o++) {
			RankOrder order = orders.get(o);
			digests[o] = OrderDigest.newSha256();
			buffers[o] = ByteBuffer.allocate(GROUP_CHUNK * Long.BYTES).order(ByteOrder.LITTLE_ENDIAN);
			positions[o] = order.rank % Math.max(1, order.datasetSize);
			length = Math.max(length, order.length);
		}
		for (long k = 0; k < length; k++) {
			for (int o = 0; o < count; o++) {
				RankOrder order = orders.get(o);
				if (k >= order.length) {
					continue;
				}
				long p = positions[o];
				buffers[o].putLong((order.values != null) ? order.values[(int) p] : order.element(p));
				p += order.worldSize;
				positions[o] = (p >= order.datasetSize) ? p % order.datasetSize : p;
				if (!buffers[o].hasRemaining()) {
					digests[o].update(buffers[o].array(), 0, buffers[o].position());
					buffers[o].clear();
				}
			}
		}
		String[] hex = new String[count];
		for (int o = 0; o < count; o++) {
			digests[o].update(buffers[o].array(), 0, buffers[o].position());
			hex[o] = OrderDigest.hex(digests[o]);
			Reference.reachabilityFence(orders.get(o).permutation);
		}
		return hex;
	}

}
