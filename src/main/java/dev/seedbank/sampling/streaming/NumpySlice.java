package dev.seedbank.sampling.streaming;

/** Python's clamping of one slice bound, as numpy applies it to {@code a[start:stop]}. */
final class NumpySlice {

	private NumpySlice() {
	}

	/**
	 * @param index a slice bound, negative counting from the end
	 * @param length the sliced axis' length
	 * @return the bound as an index in [0, length]
	 */
	static long bound(long index, long length) {
		long resolved = (index < 0) ? index + length : index;
		return Math.max(0, Math.min(length, resolved));
	}

}
