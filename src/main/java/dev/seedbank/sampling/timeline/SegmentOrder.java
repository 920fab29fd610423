package dev.seedbank.sampling.timeline;

import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;

import dev.seedbank.sampling.IndexOrder;
import dev.seedbank.sampling.InvalidSamplerArgumentException;

/**
 * What rank {@code r} of segment {@code k} reads in epoch {@code e} when it runs to the
 * epoch's end (API.md, "Run timeline"): in the epoch it started in, by its {@link Resume}
 * rule; in later epochs, its plain list at its world size. The order never depends on
 * later segments, so a served order and its digest stay valid after a restart is
 * recorded; how much of it the segment really read is what {@link Coverage} and
 * {@link StepProvenance} count.
 */
public final class SegmentOrder implements IndexOrder {

	/** Indices per chunk when hashing: 64 KiB of output. */
	private static final int CHUNK = 8192;

	private final SegmentShare share;

	private final int rank;

	private SegmentOrder(SegmentShare share, int rank) {
		this.share = share;
		this.rank = rank;
	}

	/**
	 * @param timeline the run's history
	 * @param segment the segment
	 * @param epoch the epoch, at or after the segment's start epoch
	 * @param rank the rank, in [0, the segment's world size)
	 * @return the order
	 * @throws InvalidSamplerArgumentException naming {@code segment}, {@code epoch} or
	 * {@code rank}
	 */
	public static SegmentOrder of(Timeline timeline, int segment, long epoch, int rank) {
		SegmentShare share = timeline.share(segment, epoch, false);
		int w = share.segment().worldSize();
		if (rank < 0 || rank >= w) {
			throw new InvalidSamplerArgumentException("rank",
					"must be in [0, " + w + ") for segment " + segment + "'s world size " + w);
		}
		return new SegmentOrder(share, rank);
	}

	/**
	 * @return how many indices the rank reads
	 */
	@Override
	public long length() {
		return this.share.perRank();
	}

	/**
	 * @param k a position in the rank's order
	 * @return the dataset index there
	 */
	@Override
	public long get(long k) {
		if (k < 0 || k >= length()) {
			throw new IndexOutOfBoundsException("position " + k + " of " + length());
		}
		return this.share.index(this.rank, k);
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
		if (from < 0 || to > length() || from > to) {
			throw new IndexOutOfBoundsException("[" + from + ", " + to + ") of " + length());
		}
		ByteBuffer out = target.order(ByteOrder.LITTLE_ENDIAN);
		for (long k = from; k < to; k++) {
			out.putLong(this.share.index(this.rank, k));
		}
	}

	/**
	 * @return SHA-256 over the whole order as little-endian int64, lower-case hex
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
		for (long from = 0; from < length(); from += CHUNK) {
			buffer.clear();
			write(from, Math.min(length(), from + CHUNK), buffer);
			digest.update(buffer.array(), 0, buffer.position());
		}
		return HexFormat.of().formatHex(digest.digest());
	}

}
