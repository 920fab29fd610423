package dev.seedbank.sampling;

import java.nio.ByteBuffer;

/**
 * One list of dataset indices, as a rank or process reads them in one epoch, read without
 * copying: the shape every sampler's answer takes, whatever the library
 * ({@link RankOrder} for torch's DistributedSampler, {@link RandomSamplerOrder},
 * {@link AcceleratePreparedLoader}'s orders, ...).
 */
public interface IndexOrder {

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
		return OrderDigest.sha256(this);
	}

}
