package dev.seedbank.sampling;

/** A permutation in one {@code int[]}: every n below 2^31 - 8. */
final class IntPermutation extends Permutation {

	/** Object header and length field of an int[]. */
	private static final long ARRAY_OVERHEAD = 16;

	final int[] values;

	IntPermutation(int[] values) {
		this.values = values;
	}

	static long arrayBytes(long n) {
		return n * Integer.BYTES + ARRAY_OVERHEAD;
	}

	@Override
	public long length() {
		return this.values.length;
	}

	@Override
	public long get(long i) {
		return this.values[Math.toIntExact(i)];
	}

	@Override
	public long bytes() {
		return arrayBytes(this.values.length);
	}

	@Override
	void set(long i, long value) {
		this.values[Math.toIntExact(i)] = Math.toIntExact(value);
	}

}
