package dev.seedbank.security;

/**
 * A token cannot be created as asked (a reserved name, an expiry in the past); the web
 * layer answers 400 naming {@link #field()}.
 */
public class InvalidTokenRequestException extends RuntimeException {

	private final String field;

	private final String reason;

	public InvalidTokenRequestException(String field, String reason) {
		super(field + ": " + reason, null, false, false);
		this.field = field;
		this.reason = reason;
	}

	/**
	 * @return the request field at fault, e.g. {@code expiresAt}
	 */
	public String field() {
		return this.field;
	}

	/**
	 * @return what is wrong with it
	 */
	public String reason() {
		return this.reason;
	}

}
