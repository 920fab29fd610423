package dev.seedbank.sampling;

/**
 * Where the storage of a {@link Permutation} switches. Production uses {@link #DEFAULT};
 * tests lower every threshold so that the chunked and the 5-byte storage are exercised
 * with a few thousand samples instead of 2^31 and 2^32.
 *
 * @param maxSingleArray the largest n kept in one {@code int[]}
 * @param chunkBits chunks of the wide storage hold 2^chunkBits samples
 * @param lowBits bits of a sample kept in its {@code int} (unsigned); the rest, when n
 * needs them, in one byte a sample
 */
record PermutationLayout(long maxSingleArray, int chunkBits, int lowBits) {

	/**
	 * HotSpot refuses arrays of length {@code Integer.MAX_VALUE} and
	 * {@code Integer.MAX_VALUE - 1}; {@code Integer.MAX_VALUE - 8} is the JDK's own soft
	 * limit ({@code jdk.internal.util.ArraysSupport.SOFT_MAX_ARRAY_LENGTH}).
	 */
	static final long MAX_ARRAY_LENGTH = Integer.MAX_VALUE - 8;

	/** One array below 2^31 - 8, 2^30-sample chunks (4 GiB each) above, 32 low bits. */
	static final PermutationLayout DEFAULT = new PermutationLayout(MAX_ARRAY_LENGTH, 30, 32);

	PermutationLayout {
		if (maxSingleArray > MAX_ARRAY_LENGTH || chunkBits < 1 || chunkBits > 30 || lowBits < 1 || lowBits > 32) {
			throw new IllegalArgumentException("layout out of range");
		}
	}

	/**
	 * @return the largest n the layout holds: 5 bytes a sample
	 */
	long maxLength() {
		return 1L << (this.lowBits + 8);
	}

}
