package dev.seedbank.sampling;

import java.nio.ByteBuffer;

/**
 * A list of dataset indices in the order a sampler yields them, read without copying.
 */
public interface IndexOrder {

	/**
	 * @return how many indices the list holds
	 */
	long length();

	/**
	 * @param k position in the list
	 * @return the dataset index at that position
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
	 * @return SHA-256 over the whole list as little-endian int64, lower-case hex
	 */
	String sha256();

}
