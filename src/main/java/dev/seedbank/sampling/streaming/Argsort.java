package dev.seedbank.sampling.streaming;

/**
 * {@code numpy.argsort} of finite float64 keys, for {@link Py1eShuffle}'s positions.
 * NumPy's default kind is not stable, but the Streaming vectors hold no tied keys, so any
 * correct argsort reproduces it. The keys of a node of {@code n} samples lie in [0, n)
 * with about one per unit, so a counting pass by {@code floor(key)} (clamped, which keeps
 * it monotone for any keys) leaves buckets of a few keys, each sorted by insertion; a
 * crowded bucket falls back to a merge sort.
 */
final class Argsort {

	/** Buckets up to this size are sorted by insertion. */
	private static final int INSERTION_LIMIT = 48;

	private Argsort() {
	}

	/**
	 * @param keys finite doubles
	 * @return the indices that sort them ascending
	 */
	static int[] argsort(double[] keys) {
		int n = keys.length;
		int[] order = new int[n];
		if (n == 0) {
			return order;
		}
		int[] bucketOf = new int[n];
		int[] starts = new int[n + 1];
		int lastBucket = n - 1;
		for (int i = 0; i < n; i++) {
			double key = keys[i];
			int bucket = (key <= 0) ? 0 : (key >= lastBucket) ? lastBucket : (int) key;
			bucketOf[i] = bucket;
			starts[bucket + 1]++;
		}
		for (int b = 0; b < n; b++) {
			starts[b + 1] += starts[b];
		}
		int[] next = starts.clone();
		for (int i = 0; i < n; i++) {
			order[next[bucketOf[i]]++] = i;
		}
		int[] scratch = null;
		for (int b = 0; b < n; b++) {
			int from = starts[b];
			int to = starts[b + 1];
			if (to - from <= 1) {
				continue;
			}
			if (to - from <= INSERTION_LIMIT) {
				insertionSort(keys, order, from, to);
			}
			else {
				if (scratch == null) {
					scratch = new int[n];
				}
				mergeSort(keys, order, scratch, from, to);
			}
		}
		return order;
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
		int k = from;
		while (i < middle && j < to) {
			scratch[k++] = (keys[order[j]] < keys[order[i]]) ? order[j++] : order[i++];
		}
		while (i < middle) {
			scratch[k++] = order[i++];
		}
		while (j < to) {
			scratch[k++] = order[j++];
		}
		System.arraycopy(scratch, from, order, from, to - from);
	}

}
