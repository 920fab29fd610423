package dev.seedbank.experiment;

/**
 * An idempotency key came back with a different request body than it was first used with;
 * the web layer answers 422 {@code idempotency-key-reused}.
 */
public class IdempotencyConflictException extends RuntimeException {

	private final String key;

	IdempotencyConflictException(String key) {
		super("Idempotency-Key '" + key
				+ "' was first used with a different request body; use a new key for a new request", null, false,
				false);
		this.key = key;
	}

	public String key() {
		return this.key;
	}

}
