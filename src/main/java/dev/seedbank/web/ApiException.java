package dev.seedbank.web;

import java.util.List;

/**
 * An error the client can act on, answered as an RFC 9457 problem of the given type.
 * <p>
 * Feature packages throw it (or a subclass) instead of building responses themselves.
 */
public class ApiException extends RuntimeException {

	private final ProblemType type;

	private final List<FieldError> errors;

	public ApiException(ProblemType type, String detail) {
		this(type, detail, List.of());
	}

	public ApiException(ProblemType type, String detail, List<FieldError> errors) {
		super(detail, null, false, false);
		this.type = type;
		this.errors = List.copyOf(errors);
	}

	/**
	 * A 400 naming one invalid field.
	 * @param field the field or parameter name
	 * @param message what is wrong with it
	 * @return the exception
	 */
	public static ApiException invalid(String field, String message) {
		return new ApiException(ProblemType.VALIDATION, field + ": " + message,
				List.of(new FieldError(field, message)));
	}

	public ProblemType type() {
		return this.type;
	}

	public List<FieldError> errors() {
		return this.errors;
	}

	/**
	 * One entry of a problem's {@code errors} list.
	 *
	 * @param field the field or parameter, e.g. {@code sampler.worldSize}
	 * @param message what is wrong with it
	 */
	public record FieldError(String field, String message) {
	}

}
