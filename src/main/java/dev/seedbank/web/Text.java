package dev.seedbank.web;

/**
 * Rules for text the service stores or keys on, applied where a value enters: well-formed
 * UTF-16 everywhere (a lone surrogate has no UTF-8 encoding, and PostgreSQL's driver
 * stored it as {@code ?}), and no control characters in identifiers (names, versions,
 * tags, idempotency keys), where they only hide one value behind another.
 */
public final class Text {

	/**
	 * A Bean Validation pattern for identifiers: no C0 control character and no DEL.
	 */
	public static final String NO_CONTROL = "[^\\p{Cntrl}]*";

	/** The message that goes with {@link #NO_CONTROL}. */
	public static final String NO_CONTROL_MESSAGE = "must not contain control characters";

	static final String LONE_SURROGATE_MESSAGE = "must not contain a lone UTF-16 surrogate (an unpaired \\uD800-\\uDFFF)";

	private Text() {
	}

	/**
	 * @param value a string
	 * @return the index of its first unpaired surrogate, or -1
	 */
	public static int loneSurrogate(String value) {
		for (int i = 0; i < value.length(); i++) {
			char c = value.charAt(i);
			if (Character.isHighSurrogate(c) && i + 1 < value.length()
					&& Character.isLowSurrogate(value.charAt(i + 1))) {
				i++;
			}
			else if (Character.isSurrogate(c)) {
				return i;
			}
		}
		return -1;
	}

	static boolean hasControl(String value) {
		return value.chars().anyMatch((c) -> c < 0x20 || c == 0x7f);
	}

	/**
	 * @param field the field or parameter
	 * @param value its value, possibly {@code null}
	 * @throws ApiException a 400 naming the field for a control character or a lone
	 * surrogate
	 */
	public static void requireIdentifier(String field, String value) {
		if (value != null && hasControl(value)) {
			throw ApiException.invalid(field, NO_CONTROL_MESSAGE);
		}
		requireWellFormed(field, value);
	}

	/**
	 * @param field the field or parameter
	 * @param value its value, possibly {@code null}
	 * @throws ApiException a 400 naming the field for a lone surrogate
	 */
	public static void requireWellFormed(String field, String value) {
		if (value != null && loneSurrogate(value) >= 0) {
			throw ApiException.invalid(field, LONE_SURROGATE_MESSAGE);
		}
	}

}
