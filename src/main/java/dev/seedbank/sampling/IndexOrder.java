package dev.seedbank.sampling;

import java.nio.ByteBuffer;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;

/**
 * One list of dataset indices, as a rank or process reads them in one epoch: the shape
 * every sampler's answer takes, whatever the library ({@link RankOrder} for torch's
 * DistributedSampler, {@link AcceleratePreparedLoader}'s orders for accelerate).
 */
public interface IndexOrder {

	/** Indices per chunk when digesting: 64 KiB of output. */
	int DIGEST_CHUNK = 8192;

	/**
	 * @return how many indices the list holds
	 */
	long length();

	/**
	 * @param k position in the list
	 * @return the dataset index at that position
	 * @throws IndexOutOfBoundsException outside [0, length)
	 */
	long get(long k);

	/**
	 * Writes positions [from, to) as little-endian int64 into a buffer with room for
	 * them.
	 * @param from first position
	 * @param to position after the last
	 * @param target the buffer
	 */
	void write(long from, long to, ByteBuffer target);

	/**
	 * @return the order digest: SHA-256 over the whole list as little-endian int64,
	 * lower-case hex
	 */
	default String sha256() {
		MessageDigest digest;
		try {
			digest = MessageDigest.getInstance("SHA-256");
		}
		catch (NoSuchAlgorithmException ex) {
			throw new IllegalStateException("Every JVM has SHA-256", ex);
		}
		ByteBuffer buffer = ByteBuffer.allocate(DIGEST_CHUNK * Long.BYTES);
		long length = length();
		for (long from = 0; from < length; from += DIGEST_CHUNK) {
			buffer.clear();
			write(from, Math.min(length, from + DIGEST_CHUNK), buffer);
			digest.update(buffer.array(), 0, buffer.position());
		}
		return HexFormat.of().formatHex(digest.digest());
	}

}
