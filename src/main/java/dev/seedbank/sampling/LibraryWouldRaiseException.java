package dev.seedbank.sampling;

/**
 * Well-formed arguments for which the named release of the library being reproduced
 * (torch, accelerate, datasets, Streaming, NumPy) raises instead of yielding an order;
 * the message says what it would have raised.
 */
public class LibraryWouldRaiseException extends SamplingException {

	/**
	 * @param library the library, e.g. {@code mosaicml-streaming}
	 * @param version its release, as the caller named or defaulted it
	 * @param raised what it raises, e.g. {@code ValueError: ...}
	 */
	public LibraryWouldRaiseException(String library, String version, String raised) {
		super(library + " " + version + " would raise " + raised);
	}

}
