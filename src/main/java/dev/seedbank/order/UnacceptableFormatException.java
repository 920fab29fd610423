package dev.seedbank.order;

/**
 * A request's {@code Accept} names no {@link IndexFormat}: the web layer answers 406, or
 * 400 naming {@code Accept} when the header is not a media type list at all.
 */
public class UnacceptableFormatException extends RuntimeException {

	private final boolean malformed;

	private UnacceptableFormatException(String message, boolean malformed) {
		super(message, null, false, false);
		this.malformed = malformed;
	}

	static UnacceptableFormatException malformedAccept() {
		return new UnacceptableFormatException("is not a valid media type list", true);
	}

	static UnacceptableFormatException noneAccepted() {
		return new UnacceptableFormatException(
				"Index orders come as application/json, application/octet-stream or application/x-npy", false);
	}

	/**
	 * @return whether {@code Accept} could not be parsed, rather than parsed and refused
	 */
	public boolean malformed() {
		return this.malformed;
	}

}
