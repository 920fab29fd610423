package dev.seedbank.sampling;

/**
 * The two CPU randperm algorithms torch has used
 * (aten/src/ATen/native/TensorFactories.cpp, {@code randperm_cpu}).
 */
public enum RandpermVariant {

	/**
	 * Fisher-Yates from the front with 32-bit draws: every n before 2.6.0, small n since.
	 */
	CLASSIC,

	/** Inside-out shuffle with 64-bit draws: n at or above the threshold, from 2.6.0. */
	INSIDE_OUT;

	/**
	 * (2^32 - 1) / 20: from torch 2.6.0, randperm_cpu uses 64-bit draws at or above this
	 * n, where 32-bit modulo bias would exceed 5%.
	 */
	public static final long INSIDE_OUT_THRESHOLD = 214748364L;

	/**
	 * @param version the torch release
	 * @param n the permutation's length
	 * @return the algorithm that release uses for n
	 */
	public static RandpermVariant of(TorchVersion version, long n) {
		return of(version, n, INSIDE_OUT_THRESHOLD);
	}

	static RandpermVariant of(TorchVersion version, long n, long threshold) {
		return (version.isAtLeast(TorchVersion.INSIDE_OUT_RANDPERM) && n >= threshold) ? INSIDE_OUT : CLASSIC;
	}

}
