package dev.seedbank.experiment;

/**
 * An amend named a version the experiment has moved past; the web layer answers 412 so
 * the caller reads it again.
 */
public class StaleVersionException extends RuntimeException {

	private final long expected;

	private final long actual;

	StaleVersionException(long expected, long actual) {
		super("If-Match names version " + expected + " but the experiment is at version " + actual + "; read it again",
				null, false, false);
		this.expected = expected;
		this.actual = actual;
	}

	public long expected() {
		return this.expected;
	}

	public long actual() {
		return this.actual;
	}

}
