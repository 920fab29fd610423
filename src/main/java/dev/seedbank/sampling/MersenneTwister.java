package dev.seedbank.sampling;

/**
 * The 32-bit Mersenne Twister MT19937, exactly as {@code std::mt19937} and torch's CPU
 * generator ({@code aten/src/ATen/core/MT19937RNGEngine.h}, unchanged since torch 1.0).
 * <p>
 * torch seeds it with the low 32 bits of the seed given to {@code manual_seed}; see
 * {@link TorchSeed}. Not thread-safe: one instance per permutation.
 */
public final class MersenneTwister {

	/** Degree of recurrence (state size in words). */
	private static final int N = 624;

	/** Middle word offset. */
	private static final int M = 397;

	/** Twist matrix coefficient. */
	private static final int MATRIX_A = 0x9908b0df;

	/** Most significant bit of a word. */
	private static final int UPPER_MASK = 0x80000000;

	/** Least significant 31 bits of a word. */
	private static final int LOWER_MASK = 0x7fffffff;

	/** Initialization multiplier (Knuth, TAOCP Vol. 2, 3rd ed., p. 106). */
	private static final int INIT_MULTIPLIER = 1812433253;

	private final int[] state = new int[N];

	private int next = N;

	/**
	 * Seeds the generator as {@code std::mt19937(seed)} does.
	 * @param seed the seed; only its low 32 bits are used, as in torch
	 */
	public MersenneTwister(long seed) {
		this.state[0] = (int) seed;
		for (int i = 1; i < N; i++) {
			int previous = this.state[i - 1];
			this.state[i] = INIT_MULTIPLIER * (previous ^ (previous >>> 30)) + i;
		}
	}

	/**
	 * Returns the next 32-bit output as an {@code int} whose bits are the unsigned value
	 * ({@code Integer.toUnsignedLong} gives torch's {@code random()}).
	 * @return the next output word
	 */
	public int nextInt() {
		if (this.next >= N) {
			twist();
		}
		int y = this.state[this.next++];
		y ^= (y >>> 11);
		y ^= (y << 7) & 0x9d2c5680;
		y ^= (y << 15) & 0xefc60000;
		y ^= (y >>> 18);
		return y;
	}

	/**
	 * Torch's {@code CPUGeneratorImpl::random64()}: two outputs, the first as the high
	 * word.
	 * @return the 64 bits, to be read as unsigned
	 */
	public long nextLong() {
		long high = Integer.toUnsignedLong(nextInt());
		long low = Integer.toUnsignedLong(nextInt());
		return (high << 32) | low;
	}

	/**
	 * Advances past {@code count} outputs without tempering them: exactly as if
	 * {@link #nextInt()} had been called that often.
	 * @param count how many 32-bit outputs to discard, not negative
	 */
	public void skip(long count) {
		if (count < 0) {
			throw new IllegalArgumentException("count must not be negative");
		}
		long left = count;
		while (left > 0) {
			if (this.next >= N) {
				twist();
			}
			int step = (int) Math.min(left, N - this.next);
			this.next += step;
			left -= step;
		}
	}

	private void twist() {
		int[] mt = this.state;
		int kk = 0;
		for (; kk < N - M; kk++) {
			int y = (mt[kk] & UPPER_MASK) | (mt[kk + 1] & LOWER_MASK);
			mt[kk] = mt[kk + M] ^ (y >>> 1) ^ ((y & 1) * MATRIX_A);
		}
		for (; kk < N - 1; kk++) {
			int y = (mt[kk] & UPPER_MASK) | (mt[kk + 1] & LOWER_MASK);
			mt[kk] = mt[kk + (M - N)] ^ (y >>> 1) ^ ((y & 1) * MATRIX_A);
		}
		int y = (mt[N - 1] & UPPER_MASK) | (mt[0] & LOWER_MASK);
		mt[N - 1] = mt[M - 1] ^ (y >>> 1) ^ ((y & 1) * MATRIX_A);
		this.next = 0;
	}

}
