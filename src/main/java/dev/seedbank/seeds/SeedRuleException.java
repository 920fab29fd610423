package dev.seedbank.seeds;

/**
 * A seed declaration that breaks a policy or framework rule.
 */
public class SeedRuleException extends RuntimeException {

	/**
	 * Whether the request is malformed or well-formed but impossible for the framework.
	 */
	public enum Kind {

		/** A malformed declaration: HTTP 400. */
		INVALID,

		/**
		 * Well-formed, but the named framework version would fail or ignore it: HTTP 422.
		 */
		UNSATISFIABLE

	}

	private final String field;

	private final Kind kind;

	public SeedRuleException(Kind kind, String field, String message) {
		super(message);
		this.kind = kind;
		this.field = field;
	}

	public String field() {
		return this.field;
	}

	public Kind kind() {
		return this.kind;
	}

}
