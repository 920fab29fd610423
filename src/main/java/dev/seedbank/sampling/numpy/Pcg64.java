package dev.seedbank.sampling.numpy;

/**
 * NumPy's {@code PCG64} bit generator: the 128-bit LCG with the XSL-RR output function
 * ({@code numpy/random/src/pcg64/pcg64.h}, {@code pcg64.c}, seeded as
 * {@code numpy/random/_pcg64.pyx} does; unchanged since NumPy 1.17).
 * <p>
 * 32-bit draws are buffered as {@code pcg64_next32} does: one 64-bit output serves two
 * draws, low half first, and the held half survives any 64-bit or double draw in between.
 * Not thread-safe.
 */
public final class Pcg64 {

	/** High word of {@code PCG_DEFAULT_MULTIPLIER_128} (pcg64.h). */
	private static final long MULTIPLIER_HIGH = 2549297995355413924L;

	/** Low word of {@code PCG_DEFAULT_MULTIPLIER_128} (pcg64.h). */
	private static final long MULTIPLIER_LOW = 4865540595714422341L;

	/** 2^-53, the scale of {@code next_double} ({@code pcg64_next_double}). */
	private static final double DOUBLE_UNIT = 0x1.0p-53;

	private long stateHigh;

	private long stateLow;

	private final long incHigh;

	private final long incLow;

	private boolean hasUint32;

	private int uinteger;

	private Pcg64(long initStateHigh, long initStateLow, long initSeqHigh, long initSeqLow) {
		// pcg_setseq_128_srandom_r: inc = (initseq << 1) | 1; step; state += initstate;
		// step
		this.incHigh = (initSeqHigh << 1) | (initSeqLow >>> 63);
		this.incLow = (initSeqLow << 1) | 1L;
		step();
		long low = this.stateLow + initStateLow;
		this.stateHigh += initStateHigh + ((Long.compareUnsigned(low, this.stateLow) < 0) ? 1 : 0);
		this.stateLow = low;
		step();
	}

	/**
	 * {@code PCG64(seed_seq)}: {@code generate_state(4, np.uint64)} gives initstate
	 * (words 0 high, 1 low) and initseq (words 2 high, 3 low), as {@code pcg64_set_seed}.
	 * @param seedSequence the seed sequence
	 * @return a freshly seeded generator
	 */
	public static Pcg64 seededBy(SeedSequence seedSequence) {
		long[] words = seedSequence.generateState64(4);
		return new Pcg64(words[0], words[1], words[2], words[3]);
	}

	private void step() {
		long low = this.stateLow;
		long high = this.stateHigh;
		long productLow = low * MULTIPLIER_LOW;
		long productHigh = Math.multiplyHigh(low, MULTIPLIER_LOW) + ((low >> 63) & MULTIPLIER_LOW)
				+ ((MULTIPLIER_LOW >> 63) & low) + low * MULTIPLIER_HIGH + high * MULTIPLIER_LOW;
		long newLow = productLow + this.incLow;
		this.stateHigh = productHigh + this.incHigh + ((Long.compareUnsigned(newLow, productLow) < 0) ? 1 : 0);
		this.stateLow = newLow;
	}

	/**
	 * Moves the LCG as {@code delta} {@link #nextUint64} calls would, in O(log delta)
	 * ({@code pcg_advance_lcg_128}, pcg64.c: Brown's jump-ahead, "Random Number
	 * Generation with Arbitrary Strides", 1994). Unlike NumPy's {@code PCG64.advance},
	 * which also drops a held 32-bit half, the held half is kept, as skipped 64-bit or
	 * double draws keep it.
	 * @param delta how many 64-bit outputs to skip, non-negative
	 */
	public void advance(long delta) {
		if (delta < 0) {
			throw new IllegalArgumentException("delta must be non-negative");
		}
		long accMultHigh = 0;
		long accMultLow = 1;
		long accPlusHigh = 0;
		long accPlusLow = 0;
		long curMultHigh = MULTIPLIER_HIGH;
		long curMultLow = MULTIPLIER_LOW;
		long curPlusHigh = this.incHigh;
		long curPlusLow = this.incLow;
		for (long rest = delta; rest > 0; rest >>>= 1) {
			if ((rest & 1) != 0) {
				long multHigh = multiplyHigh(accMultHigh, accMultLow, curMultHigh, curMultLow);
				accMultLow = accMultLow * curMultLow;
				accMultHigh = multHigh;
				long plusHigh = multiplyHigh(accPlusHigh, accPlusLow, curMultHigh, curMultLow);
				long plusLow = accPlusLow * curMultLow;
				accPlusLow = plusLow + curPlusLow;
				accPlusHigh = plusHigh + curPlusHigh + carry(accPlusLow, plusLow);
			}
			// cur_plus = (cur_mult + 1) * cur_plus; cur_mult = cur_mult^2
			long multPlusOneLow = curMultLow + 1;
			long multPlusOneHigh = curMultHigh + carry(multPlusOneLow, curMultLow);
			long plusHigh = multiplyHigh(multPlusOneHigh, multPlusOneLow, curPlusHigh, curPlusLow);
			curPlusLow = multPlusOneLow * curPlusLow;
			curPlusHigh = plusHigh;
			long squareHigh = multiplyHigh(curMultHigh, curMultLow, curMultHigh, curMultLow);
			curMultLow = curMultLow * curMultLow;
			curMultHigh = squareHigh;
		}
		long stateHigh = multiplyHigh(accMultHigh, accMultLow, this.stateHigh, this.stateLow);
		long productLow = accMultLow * this.stateLow;
		long low = productLow + accPlusLow;
		this.stateHigh = stateHigh + accPlusHigh + carry(low, productLow);
		this.stateLow = low;
	}

	/** High word of the product of two 128-bit values, modulo 2^128. */
	private static long multiplyHigh(long aHigh, long aLow, long bHigh, long bLow) {
		return Math.multiplyHigh(aLow, bLow) + ((aLow >> 63) & bLow) + ((bLow >> 63) & aLow) + aLow * bHigh
				+ aHigh * bLow;
	}

	/** 1 when {@code sum = addend + something} wrapped around, else 0. */
	private static long carry(long sum, long addend) {
		return (Long.compareUnsigned(sum, addend) < 0) ? 1 : 0;
	}

	/**
	 * {@code pcg64_next64}: one LCG step, then XSL-RR of the new state.
	 * @return the next output, an unsigned 64-bit value held in a {@code long}
	 */
	public long nextUint64() {
		step();
		return Long.rotateRight(this.stateHigh ^ this.stateLow, (int) (this.stateHigh >>> 58));
	}

	/**
	 * {@code pcg64_next32}: the held high half if there is one, else the low half of a
	 * new 64-bit output (keeping its high half).
	 * @return the next output, an unsigned 32-bit value held in an {@code int}
	 */
	public int nextUint32() {
		if (this.hasUint32) {
			this.hasUint32 = false;
			return this.uinteger;
		}
		long next = nextUint64();
		this.hasUint32 = true;
		this.uinteger = (int) (next >>> 32);
		return (int) next;
	}

	/**
	 * The 32-bit draws of {@code random_interval(i)} (distributions.c: mask and reject)
	 * for {@code i = from} down to 1, results discarded: what a shuffle of
	 * {@code from + 1} items draws. The state stays in locals for the loop, which is what
	 * makes a skipped canonical node cheap.
	 * @param from the first bound, at most {@code 0xFFFFFFFF}
	 */
	public void skipIntervals32(long from) {
		if (from > 0xFFFFFFFFL) {
			throw new IllegalArgumentException("32-bit draws serve bounds up to 0xFFFFFFFF");
		}
		long high = this.stateHigh;
		long low = this.stateLow;
		boolean held = this.hasUint32;
		int half = this.uinteger;
		for (long i = from; i >= 1; i--) {
			int max = (int) i;
			int mask = (int) (-1L >>> Long.numberOfLeadingZeros(i));
			int value;
			do {
				if (held) {
					held = false;
					value = half;
				}
				else {
					long productLow = low * MULTIPLIER_LOW;
					long productHigh = Math.multiplyHigh(low, MULTIPLIER_LOW) + ((low >> 63) & MULTIPLIER_LOW)
							+ ((MULTIPLIER_LOW >> 63) & low) + low * MULTIPLIER_HIGH + high * MULTIPLIER_LOW;
					low = productLow + this.incLow;
					high = productHigh + this.incHigh + carry(low, productLow);
					long output = Long.rotateRight(high ^ low, (int) (high >>> 58));
					held = true;
					half = (int) (output >>> 32);
					value = (int) output;
				}
			}
			while (Integer.compareUnsigned(value & mask, max) > 0);
		}
		this.stateHigh = high;
		this.stateLow = low;
		this.hasUint32 = held;
		this.uinteger = half;
	}

	/**
	 * {@code pcg64_next_double}: {@code (next_uint64 >> 11) * 2^-53}.
	 * @return a double in [0, 1)
	 */
	public double nextDouble() {
		return (nextUint64() >>> 11) * DOUBLE_UNIT;
	}

}
