package dev.seedbank.sampling.numpy;

import java.math.BigInteger;
import java.util.List;

/**
 * {@code numpy.random.Generator} over {@link Pcg64}, as
 * {@code np.random.default_rng(seed)} returns it: the draws the reproduced samplers make
 * ({@code numpy/random/_generator.pyx}, {@code numpy/random/_bounded_integers.pyx.in},
 * {@code numpy/random/_common.pyx} and
 * {@code numpy/random/src/distributions/distributions.c}; NumPy 1.17 introduced them, and
 * NumPy 2.4.6 is the release the golden vectors come from). Not thread-safe.
 */
public final class NumpyGenerator {

	/** {@code 0xFFFFFFFF}: ranges up to it draw 32-bit words (distributions.c). */
	private static final long UINT32_MAX = 0xFFFFFFFFL;

	private final Pcg64 bitGenerator;

	private NumpyGenerator(Pcg64 bitGenerator) {
		this.bitGenerator = bitGenerator;
	}

	/**
	 * {@code np.random.default_rng(seed)}: {@code PCG64(SeedSequence(seed))}.
	 * @param seed the seed, non-negative, any size
	 * @return a new generator
	 * @throws IllegalArgumentException as NumPy's {@code ValueError} for a negative seed
	 */
	public static NumpyGenerator defaultRng(BigInteger seed) {
		return new NumpyGenerator(Pcg64.seededBy(new SeedSequence(seed)));
	}

	/**
	 * @return the bit generator ({@code Generator.bit_generator}), shared, not a copy
	 */
	public Pcg64 bitGenerator() {
		return this.bitGenerator;
	}

	/**
	 * {@code integers(low, high)} with the default int64 dtype, one value.
	 * @param low inclusive
	 * @param high exclusive
	 * @return a value in [low, high)
	 * @throws IllegalArgumentException with NumPy's message when {@code low >= high}
	 */
	public long integers(long low, long high) {
		long range = closedRange(low, high);
		return low + BoundedIntegers.next(this.bitGenerator, range);
	}

	/**
	 * {@code integers(low, high, size)} with the default int64 dtype. NumPy fills the
	 * array with {@code random_bounded_uint64_fill}, whose per-element draw is the
	 * scalar's (the 32-bit path keeps no buffer of its own), so this equals {@code size}
	 * scalar draws.
	 * @param low inclusive
	 * @param high exclusive
	 * @param size how many values
	 * @return the values
	 */
	public long[] integers(long low, long high, int size) {
		long[] out = new long[size];
		if (size == 0) {
			return out; // _rand_int64 returns np.empty before checking the bounds
		}
		long range = closedRange(low, high);
		for (int i = 0; i < size; i++) {
			out[i] = low + BoundedIntegers.next(this.bitGenerator, range);
		}
		return out;
	}

	/** {@code _rand_int64}'s bounds check and {@code rng = high - 1 - low}, unsigned. */
	private static long closedRange(long low, long high) {
		if (low >= high) {
			// format_bounds_error in _bounded_integers.pyx.in
			throw new IllegalArgumentException((low == 0) ? "high <= 0" : "low >= high");
		}
		return high - 1 - low;
	}

	/**
	 * {@code integers(high)}: {@code integers(0, high)}.
	 * @param high exclusive
	 * @return a value in [0, high)
	 */
	public long integers(long high) {
		return integers(0, high);
	}

	/**
	 * {@code random()}: one {@code next_double}.
	 * @return a double in [0, 1)
	 */
	public double random() {
		return this.bitGenerator.nextDouble();
	}

	/**
	 * {@code uniform(low, high)} with no size: one value, as one element of
	 * {@link #uniform(double, double, int)}.
	 * @param low the lower bound
	 * @param high the upper bound
	 * @return the value
	 */
	public double uniform(double low, double high) {
		return uniform(low, high, 1)[0];
	}

	/**
	 * {@code uniform(low, high, size)}: {@code low + (high - low) * next_double} per
	 * value ({@code random_uniform}).
	 * @param low the lower bound
	 * @param high the upper bound
	 * @param size how many values
	 * @return the values
	 * @throws IllegalArgumentException where NumPy raises: a non-finite
	 * {@code high - low} ({@code OverflowError}) or a negative one
	 * ({@code ValueError: high - low < 0})
	 */
	public double[] uniform(double low, double high, int size) {
		double range = high - low;
		if (!Double.isFinite(range)) {
			throw new IllegalArgumentException("high - low range exceeds valid bounds");
		}
		if (range < 0) {
			throw new IllegalArgumentException("high - low < 0");
		}
		double[] out = new double[size];
		for (int i = 0; i < size; i++) {
			out[i] = low + range * this.bitGenerator.nextDouble();
		}
		return out;
	}

	/**
	 * {@code random_interval(max)} (distributions.c): a value in [0, max] by mask and
	 * reject, with 32-bit draws while {@code max <= 0xFFFFFFFF}.
	 * @param max the inclusive bound, non-negative
	 * @return the value
	 */
	public long randomInterval(long max) {
		if (max == 0) {
			return 0;
		}
		long mask = max;
		mask |= mask >>> 1;
		mask |= mask >>> 2;
		mask |= mask >>> 4;
		mask |= mask >>> 8;
		mask |= mask >>> 16;
		mask |= mask >>> 32;
		long value;
		if (Long.compareUnsigned(max, UINT32_MAX) <= 0) {
			int mask32 = (int) mask;
			int max32 = (int) max;
			int v;
			do {
				v = this.bitGenerator.nextUint32() & mask32;
			}
			while (Integer.compareUnsigned(v, max32) > 0);
			value = Integer.toUnsignedLong(v);
		}
		else {
			do {
				value = this.bitGenerator.nextUint64() & mask;
			}
			while (Long.compareUnsigned(value, max) > 0);
		}
		return value;
	}

	/** {@code random_interval} for a bound below 2^31, the common case of a shuffle. */
	private int randomIntervalInt(int max) {
		int mask = -1 >>> Integer.numberOfLeadingZeros(max);
		int v;
		do {
			v = this.bitGenerator.nextUint32() & mask;
		}
		while (v > max);
		return v;
	}

	/**
	 * {@code shuffle(a)} of a 1-D ndarray: Fisher-Yates from the last index down to 1
	 * with {@code j = random_interval(i)} ({@code _shuffle_raw}).
	 * @param a shuffled in place
	 */
	public void shuffle(long[] a) {
		shuffle(a, 0, a.length);
	}

	/**
	 * {@code shuffle(a[from:to])}: a shuffle of a view of that slice.
	 * @param a the array, shuffled in place between {@code from} and {@code to}
	 * @param from first index of the slice
	 * @param to end of the slice, exclusive
	 */
	public void shuffle(long[] a, int from, int to) {
		for (int i = to - from - 1; i >= 1; i--) {
			int j = from + randomIntervalInt(i);
			long swap = a[from + i];
			a[from + i] = a[j];
			a[j] = swap;
		}
	}

	/**
	 * {@code shuffle(a)} of a 1-D ndarray, as {@link #shuffle(long[])}.
	 * @param a shuffled in place
	 */
	public void shuffle(int[] a) {
		shuffle(a, 0, a.length);
	}

	/**
	 * {@code shuffle(a[from:to])}, as {@link #shuffle(long[], int, int)}.
	 * @param a the array, shuffled in place between {@code from} and {@code to}
	 * @param from first index of the slice
	 * @param to end of the slice, exclusive
	 */
	public void shuffle(int[] a, int from, int to) {
		for (int i = to - from - 1; i >= 1; i--) {
			int j = from + randomIntervalInt(i);
			int swap = a[from + i];
			a[from + i] = a[j];
			a[j] = swap;
		}
	}

	/**
	 * {@code shuffle(a)} of a 1-D float64 ndarray, as {@link #shuffle(long[])}.
	 * @param a shuffled in place
	 */
	public void shuffle(double[] a) {
		for (int i = a.length - 1; i >= 1; i--) {
			int j = randomIntervalInt(i);
			double swap = a[i];
			a[i] = a[j];
			a[j] = swap;
		}
	}

	/**
	 * {@code shuffle(x)} of a Python list: {@code _generator.pyx}'s untyped path, the
	 * same Fisher-Yates with {@code random_interval}, swapping items.
	 * @param <T> the element type
	 * @param list shuffled in place; must support {@code set}
	 */
	public <T> void shuffle(List<T> list) {
		for (int i = list.size() - 1; i >= 1; i--) {
			int j = randomIntervalInt(i);
			list.set(i, list.set(j, list.get(i)));
		}
	}

	/**
	 * {@code permutation(n)}: {@code arange(n)}, shuffled.
	 * @param n the length (a negative one gives an empty array, as {@code arange}); Java
	 * arrays bound it to {@code Integer.MAX_VALUE - 8}
	 * @return the permutation
	 */
	public long[] permutation(long n) {
		if (n > Integer.MAX_VALUE - 8) {
			throw new IllegalArgumentException("n must be at most 2^31 - 9: " + n);
		}
		long[] a = new long[(int) Math.max(0, n)];
		for (int i = 0; i < a.length; i++) {
			a[i] = i;
		}
		shuffle(a);
		return a;
	}

	/**
	 * {@code permutation(n)} as {@code int}s: the same values as
	 * {@link #permutation(long)}.
	 * @param n the length (a negative one gives an empty array, as {@code arange})
	 * @return the permutation
	 */
	public int[] permutationInts(int n) {
		int[] a = new int[Math.max(0, n)];
		for (int i = 0; i < a.length; i++) {
			a[i] = i;
		}
		shuffle(a);
		return a;
	}

}
