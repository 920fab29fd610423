package dev.seedbank.sampling.streaming;

/**
 * {@code numpy.argsort} of finite float64 keys, for {@link Py1eShuffle}'s positions.
 * NumPy's default kind is not stable, but the Streaming vectors hold no tied keys, so any
 * correct argsort reproduces it.
 * <p>
 * An LSD radix sort: each key becomes a 33-bit fixed-point value (its integer part in the
 * bits {@code n} needs, the rest fraction; clamped to [0, 2^33), which keeps it monotone
 * for any keys) packed above the 31-bit index in a {@code long}, sorted in three passes
 * of 11 bits; the rare runs of equal fixed-point values are then sorted by their exact
 * keys. Positions of a node of {@code n} samples lie in [0, n), so the fraction resolves
 * them.
 */
final class Argsort {

	/**
	 * Arrays up to this size, and runs of equal fixed-point keys, are sorted by
	 * insertion.
	 */
	private static final int INSERTION_LIMIT = 48;

	/** Bits of the fixed-point key: three radix passes of {@link #DIGIT_BITS}. */
	private static final int KEY_BITS = 33;

	private static final int DIGIT_BITS = 11;

	private static final int INDEX_BITS = 31;

	private Argsort() {
	}

	/**
	 * @param keys finite doubles
	 * @return the indices that sort them ascending
	 */
	static int[] argsort(double[] keys) {
		int n = keys.length;
		int[] order = new int[n];
		for (int i = 0; i < n; i++) {
			order[i] = i;
		}
		if (n <= INSERTION_LIMIT) {
			insertionSort(keys, order, 0, n);
			return order;
		}
		int integerBits = 64 - Long.numberOfLeadingZeros(n);
		double scale = Math.scalb(1.0, KEY_BITS - integerBits);
		double maxKey = (double) ((1L << KEY_BITS) - 1);
		long[] packed = new long[n];
		for (int i = 0; i < n; i++) {
			double fixed = Math.floor(keys[i] * scale);
			long q = (fixed <= 0) ? 0 : (fixed >= maxKey) ? (1L << KEY_BITS) - 1 : (long) fixed;
			packed[i] = (q << INDEX_BITS) | i;
		}
		long[] scratch = new long[n];
		int[] counts = new int[1 << DIGIT_BITS];
		for (int shift = INDEX_BITS; shift < INDEX_BITS + KEY_BITS; shift += DIGIT_BITS) {
			java.util.Arrays.fill(counts, 0);
			for (long value : packed) {
				counts[(int) (value >>> shift) & ((1 << DIGIT_BITS) - 1)]++;
			}
			int sum = 0;
			for (int d = 0; d < counts.length; d++) {
				int count = counts[d];
				counts[d] = sum;
				sum += count;
			}
			for (long value : packed) {
				scratch[counts[(int) (value >>> shift) & ((1 << DIGIT_BITS) - 1)]++] = value;
			}
			long[] swap = packed;
			packed = scratch;
			scratch = swap;
		}
		long indexMask = (1L << INDEX_BITS) - 1;
		for (int k = 0; k < n; k++) {
			order[k] = (int) (packed[k] & indexMask);
		}
		int runStart = 0;
		for (int k = 1; k <= n; k++) {
			if (k == n || (packed[k] >>> INDEX_BITS) != (packed[runStart] >>> INDEX_BITS)) {
				if (k - runStart > INSERTION_LIMIT) {
					mergeSort(keys, order, new int[k - runStart], runStart, k);
				}
				else if (k - runStart > 1) {
					insertionSort(keys, order, runStart, k);
				}
				runStart = k;
			}
		}
		return order;
	}

	/** For runs of equal fixed-point keys, which clamping can make long. */
	private static void mergeSort(double[] keys, int[] order, int[] scratch, int from, int to) {
		if (to - from <= INSERTION_LIMIT) {
			insertionSort(keys, order, from, to);
			return;
		}
		int middle = (from + to) >>> 1;
		mergeSort(keys, order, scratch, from, middle);
		mergeSort(keys, order, scratch, middle, to);
		int i = from;
		int j = middle;
		int k = 0;
		while (i < middle && j < to) {
			scratch[k++] = (keys[order[j]] < keys[order[i]]) ? order[j++] : order[i++];
		}
		while (i < middle) {
			scratch[k++] = order[i++];
		}
		while (j < to) {
			scratch[k++] = order[j++];
		}
		System.arraycopy(scratch, 0, order, from, k);
	}

	private static void insertionSort(double[] keys, int[] order, int from, int to) {
		for (int i = from + 1; i < to; i++) {
			int index = order[i];
			double key = keys[index];
			int j = i - 1;
			while (j >= from && keys[order[j]] > key) {
				order[j + 1] = order[j];
				j--;
			}
			order[j + 1] = index;
		}
	}

}
