package dev.seedbank.sampling;

import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;

/**
 * One rank's indices for one epoch: element k is the padded list's element
 * {@code rank + k * W}, read from the permutation (or the identity) without copying it.
 */
public final class RankOrder implements IndexOrder {

	/** Indices per chunk when writing bytes: 64 KiB of output. */
	private static final int CHUNK = 8192;

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

	/**
	 * @return how many indices the rank yields
	 */
	@Override
	public long length() {
		return this.length;
	}

	/**
	 * @param k position in the rank's list
	 * @return the dataset index at that position
	 */
	@Override
	public long get(long k) {
		if (k < 0 || k >= this.length) {
			throw new IndexOutOfBoundsException("position " + k + " of " + this.length);
		}
		int p = (int) ((this.rank + k * this.worldSize) % this.datasetSize);
		return (this.permutation != null) ? this.permutation[p] : p;
	}

	/**
	 * Writes positions [from, to) as little-endian int64 into a buffer with room for
	 * them.
	 * @param from first position
	 * @param to position after the last
	 * @param target the buffer
	 */
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

	/**
	 * @return SHA-256 over the whole list as little-endian int64, lower-case hex
	 */
	@Override
	public String sha256() {
		MessageDigest digest;
		try {
			digest = MessageDigest.getInstance("SHA-256");
		}
		catch (NoSuchAlgorithmException ex) {
			throw new IllegalStateException("Every JVM has SHA-256", ex);
		}
		ByteBuffer buffer = ByteBuffer.allocate(CHUNK * Long.BYTES);
		for (long from = 0; from < this.length; from += CHUNK) {
			buffer.clear();
			write(from, Math.min(this.length, from + CHUNK), buffer);
			digest.update(buffer.array(), 0, buffer.position());
		}
		return HexFormat.of().formatHex(digest.digest());
	}

}
