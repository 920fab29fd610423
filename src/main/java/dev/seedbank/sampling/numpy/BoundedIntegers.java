package dev.seedbank.sampling.numpy;

/**
 * NumPy's bounded integers without masking: {@code random_bounded_uint64_fill} and the
 * Lemire multiply-and-reject methods it calls ({@code buffered_bounded_lemire_uint32},
 * {@code bounded_lemire_uint64} in
 * {@code numpy/random/src/distributions/distributions.c}; Lemire's method is the default
 * of {@code Generator.integers} since NumPy 1.17). The 32-bit path draws
 * {@link Pcg64#nextUint32()} words, so it shares the generator's held half with every
 * other 32-bit draw.
 */
final class BoundedIntegers {

	/** {@code 0xFFFFFFFF}: ranges up to it draw 32-bit words (distributions.c). */
	private static final long UINT32_MAX = 0xFFFFFFFFL;

	private BoundedIntegers() {
	}

	/**
	 * One element of {@code random_bounded_uint64_fill} with {@code use_masked=False}.
	 * @param bitGenerator the source of draws
	 * @param range {@code high - low} of the closed interval, unsigned
	 * @return a value in [0, range], unsigned
	 */
	static long next(Pcg64 bitGenerator, long range) {
		if (range == 0) {
			return 0;
		}
		if (Long.compareUnsigned(range, UINT32_MAX) < 0) {
			return Integer.toUnsignedLong(lemireUint32(bitGenerator, (int) range));
		}
		if (range == UINT32_MAX) {
			return Integer.toUnsignedLong(bitGenerator.nextUint32());
		}
		if (range == -1L) {
			return bitGenerator.nextUint64(); // Lemire's 64-bit method excludes it
		}
		return lemireUint64(bitGenerator, range);
	}

	/** {@code buffered_bounded_lemire_uint32} (distributions.c). */
	private static int lemireUint32(Pcg64 bitGenerator, int range) {
		long rangeExcl = Integer.toUnsignedLong(range) + 1;
		long m = Integer.toUnsignedLong(bitGenerator.nextUint32()) * rangeExcl;
		long leftover = m & UINT32_MAX;
		if (leftover < rangeExcl) {
			long threshold = (UINT32_MAX - Integer.toUnsignedLong(range)) % rangeExcl;
			while (leftover < threshold) {
				m = Integer.toUnsignedLong(bitGenerator.nextUint32()) * rangeExcl;
				leftover = m & UINT32_MAX;
			}
		}
		return (int) (m >>> 32);
	}

	/** {@code bounded_lemire_uint64} (distributions.c). */
	private static long lemireUint64(Pcg64 bitGenerator, long range) {
		long rangeExcl = range + 1;
		long x = bitGenerator.nextUint64();
		long leftover = x * rangeExcl;
		if (Long.compareUnsigned(leftover, rangeExcl) < 0) {
			long threshold = Long.remainderUnsigned(-1L - range, rangeExcl);
			while (Long.compareUnsigned(leftover, threshold) < 0) {
				x = bitGenerator.nextUint64();
				leftover = x * rangeExcl;
			}
		}
		return unsignedMultiplyHigh(x, rangeExcl);
	}

	private static long unsignedMultiplyHigh(long x, long y) {
		return Math.multiplyHigh(x, y) + ((x >> 63) & y) + ((y >> 63) & x);
	}

}
