package dev.seedbank.sampling;

/**
 * A permutation of {@code 0 .. n-1} as seedbank keeps it: 4 bytes a sample where torch
 * keeps 8 (an int64 tensor), at most 5 above 2^32 samples. Read-only for callers; only
 * the randperm loops of this package write it.
 * <ul>
 * <li>up to {@link PermutationLayout#maxSingleArray()} samples: one {@code int[]}
 * ({@link IntPermutation}), the fast path every size below 2^31 takes;</li>
 * <li>above: chunked {@code int[]}s read as unsigned 32-bit values, plus one byte of high
 * bits a sample once n exceeds 2^32 ({@link WidePermutation}).</li>
 * </ul>
 */
public abstract sealed class Permutation permits IntPermutation, WidePermutation {

	/**
	 * @return n, the number of elements
	 */
	public abstract long length();

	/**
	 * @param i a position in [0, n)
	 * @return the element there
	 */
	public abstract long get(long i);

	/**
	 * @return the heap the permutation occupies, as {@link #bytesFor(long)} estimated it
	 */
	public abstract long bytes();

	abstract void set(long i, long value);

	/**
	 * The one array behind a permutation below {@link PermutationLayout#maxSingleArray()}
	 * samples, for the loops that copy runs of it at once (the timeline's stream copies).
	 * Not a copy: callers must not write it.
	 * @return the backing array
	 * @throws UnsupportedOperationException for a chunked permutation
	 */
	public int[] intArray() {
		if (this instanceof IntPermutation single) {
			return single.values;
		}
		throw new UnsupportedOperationException("a permutation of " + length() + " samples is chunked");
	}

	/**
	 * @param values a permutation held in one array (not copied)
	 * @return it as a {@code Permutation}, or {@code null} for {@code null}
	 */
	public static Permutation of(int[] values) {
		return (values != null) ? new IntPermutation(values) : null;
	}

	/**
	 * @param n the length
	 * @return the heap a permutation of n samples occupies, before allocating it
	 */
	public static long bytesFor(long n) {
		return bytesFor(n, PermutationLayout.DEFAULT);
	}

	static long bytesFor(long n, PermutationLayout layout) {
		if (n <= layout.maxSingleArray()) {
			return IntPermutation.arrayBytes(n);
		}
		return WidePermutation.wideBytes(n, layout);
	}

	/** A zero-filled permutation of n samples in the layout's storage. */
	static Permutation allocate(long n, PermutationLayout layout) {
		return allocate(n, n, layout);
	}

	/**
	 * Zero-filled storage of {@code length} values below {@code bound}, in the layout
	 * {@link #allocate(long, PermutationLayout)} picks for a permutation of the longer of
	 * the two: {@code RandomSampler} lists repeat or draw with replacement, so their
	 * length and their largest value differ.
	 */
	static Permutation allocate(long length, long bound, PermutationLayout layout) {
		if (Math.max(length, bound) <= layout.maxSingleArray()) {
			return new IntPermutation(new int[(int) length]);
		}
		return new WidePermutation(length, layout.chunkBits(), layout.lowBits(), bound - 1 >= (1L << layout.lowBits()));
	}

	/**
	 * @param length how many values
	 * @param bound every value is below it
	 * @return the heap {@link #allocate(long, long, PermutationLayout)} takes for them
	 */
	public static long bytesFor(long length, long bound) {
		PermutationLayout layout = PermutationLayout.DEFAULT;
		if (Math.max(length, bound) <= layout.maxSingleArray()) {
			return IntPermutation.arrayBytes(length);
		}
		return WidePermutation.wideBytes(length, layout.chunkBits(), bound - 1 >= (1L << layout.lowBits()));
	}

}
