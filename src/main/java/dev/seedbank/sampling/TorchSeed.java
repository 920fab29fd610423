package dev.seedbank.sampling;

import java.math.BigInteger;

/**
 * What {@code torch.Generator().manual_seed(s)} does with a Python int.
 * <p>
 * torch/csrc/Generator.cpp (THPGenerator_manualSeed, since torch 1.0) unpacks the int as
 * uint64 when it is non-negative and as int64 (two's complement) when negative, so the
 * accepted range is [-2^63, 2^64); outside it torch raises an overflow error
 * ({@link #overflowMessage}). The CPU generator then seeds MT19937 with the low 32 bits
 * (aten/src/ATen/CPUGeneratorImpl.cpp, {@code set_current_seed}).
 */
public final class TorchSeed {

	/** -2^63, the most negative seed torch accepts. */
	public static final BigInteger MIN = BigInteger.valueOf(Long.MIN_VALUE);

	/** 2^64 - 1, the largest seed torch accepts. */
	public static final BigInteger MAX = BigInteger.ONE.shiftLeft(64).subtract(BigInteger.ONE);

	private TorchSeed() {
	}

	/**
	 * @return whether torch's {@code manual_seed} accepts the value
	 */
	public static boolean inRange(BigInteger seed) {
		return seed.compareTo(MIN) >= 0 && seed.compareTo(MAX) <= 0;
	}

	/**
	 * @param seed what reaches {@code manual_seed}
	 * @param version the torch release
	 * @throws TorchWouldRaiseException with that release's message when torch would
	 * refuse the seed
	 */
	public static void requireInRange(BigInteger seed, TorchVersion version) {
		if (!inRange(seed)) {
			throw new TorchWouldRaiseException(version,
					overflowMessage(version) + " (manual_seed(" + seed + ") is outside -2^63 .. 2^64-1)");
		}
	}

	/**
	 * @param version the torch release
	 * @return what {@code manual_seed} raises for an int outside its range
	 */
	static String overflowMessage(TorchVersion version) {
		return version.isAtLeast(TorchVersion.SEED_OVERFLOW_VALUE_ERROR)
				? "ValueError: Overflow when unpacking long long" : "RuntimeError: Overflow when unpacking long";
	}

	/**
	 * @param seed a seed in torch's range
	 * @return the 32 bits MT19937 is seeded with, as an unsigned value
	 */
	public static long generatorSeed(BigInteger seed) {
		return seed.longValue() & 0xFFFF_FFFFL;
	}

}
