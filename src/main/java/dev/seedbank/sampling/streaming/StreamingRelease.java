package dev.seedbank.sampling.streaming;

import dev.seedbank.sampling.InvalidSamplerArgumentException;
import dev.seedbank.sampling.LibraryWouldRaiseException;

/**
 * The MosaicML Streaming releases whose orders are reproduced, and the one place that
 * builds "Streaming would raise" errors. Only one release so far: {@code 0.14.0.dev0}
 * (github.com/mosaicml/streaming commit {@code 89e7bb9}, 2025-07-17); its orders are the
 * ones in {@code conformance/streaming-0.14.0.dev0-orders.jsonl}.
 */
public final class StreamingRelease {

	/**
	 * The package name on PyPI, as {@link LibraryWouldRaiseException} names libraries.
	 */
	public static final String LIBRARY = "mosaicml-streaming";

	/** {@code streaming/_version.py} at commit 89e7bb9: the newest supported release. */
	public static final String NEWEST = "0.14.0.dev0";

	private StreamingRelease() {
	}

	/**
	 * @param version the requested release, or {@code null} for the newest
	 * @return the release's version string
	 */
	public static String parse(String version) {
		if (version == null || version.equals(NEWEST)) {
			return NEWEST;
		}
		throw new InvalidSamplerArgumentException("streamingVersion", "supported releases: " + NEWEST);
	}

	/**
	 * @param type the Python exception type, e.g. {@code ValueError}
	 * @param message its message, as Streaming or NumPy words it
	 * @return the exception to throw
	 */
	static LibraryWouldRaiseException raise(String type, String message) {
		return new LibraryWouldRaiseException(LIBRARY, NEWEST, type + ": " + message);
	}

}
