package dev.seedbank.sampling;

/**
 * A permutation longer than one Java array can be: chunks of 2^chunkBits samples, each
 * sample's low {@code lowBits} bits in an {@code int} read as unsigned (4 bytes a sample
 * up to 2^32 samples), the bits above in one byte a sample when n needs them (5 bytes up
 * to 2^40).
 */
final class WidePermutation extends Permutation {

	/** Object header and length field of an array. */
	private static final long ARRAY_OVERHEAD = 16;

	private final long length;

	private final int chunkBits;

	private final int chunkMask;

	private final int lowBits;

	private final long lowMask;

	private final int[][] low;

	/** {@code null} when every element fits the low bits. */
	private final byte[][] high;

	WidePermutation(long length, int chunkBits, int lowBits, boolean withHighBytes) {
		if (length > (1L << (lowBits + 8))) {
			throw new IllegalArgumentException("at most 2^" + (lowBits + 8) + " samples");
		}
		this.length = length;
		this.chunkBits = chunkBits;
		this.chunkMask = (1 << chunkBits) - 1;
		this.lowBits = lowBits;
		this.lowMask = (1L << lowBits) - 1;
		int chunks = chunks(length, chunkBits);
		this.low = new int[chunks][];
		this.high = withHighBytes ? new byte[chunks][] : null;
		for (int c = 0; c < chunks; c++) {
			int size = (int) Math.min(1L << chunkBits, length - ((long) c << chunkBits));
			this.low[c] = new int[size];
			if (withHighBytes) {
				this.high[c] = new byte[size];
			}
		}
	}

	static long wideBytes(long n, PermutationLayout layout) {
		return wideBytes(n, layout.chunkBits(), n - 1 >= (1L << layout.lowBits()));
	}

	static long wideBytes(long n, int chunkBits, boolean withHighBytes) {
		int chunks = chunks(n, chunkBits);
		long perSample = Integer.BYTES + (withHighBytes ? 1 : 0);
		long arrays = (long) chunks * (withHighBytes ? 2 : 1) + 2;
		return n * perSample + arrays * ARRAY_OVERHEAD + 2L * chunks * Long.BYTES;
	}

	private static int chunks(long length, int chunkBits) {
		return Math.toIntExact((length + (1L << chunkBits) - 1) >>> chunkBits);
	}

	@Override
	public long length() {
		return this.length;
	}

	@Override
	public long get(long i) {
		if (i < 0 || i >= this.length) {
			throw new IndexOutOfBoundsException("position " + i + " of " + this.length);
		}
		int c = (int) (i >>> this.chunkBits);
		int k = (int) i & this.chunkMask;
		long value = Integer.toUnsignedLong(this.low[c][k]);
		if (this.high != null) {
			value |= Byte.toUnsignedLong(this.high[c][k]) << this.lowBits;
		}
		return value;
	}

	@Override
	public long bytes() {
		return wideBytes(this.length, this.chunkBits, this.high != null);
	}

	@Override
	void set(long i, long value) {
		int c = (int) (i >>> this.chunkBits);
		int k = (int) i & this.chunkMask;
		this.low[c][k] = (int) (value & this.lowMask);
		if (this.high != null) {
			this.high[c][k] = (byte) (value >>> this.lowBits);
		}
		else if ((value & ~this.lowMask) != 0) {
			throw new IllegalArgumentException(value + " needs more than " + this.lowBits + " bits");
		}
	}

}
