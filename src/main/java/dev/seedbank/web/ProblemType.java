package dev.seedbank.web;

import java.net.URI;

import org.springframework.http.HttpStatus;

/**
 * Every kind of error seedbank answers with, each with a stable RFC 9457 {@code type}.
 * <p>
 * Clients branch on {@link #uri()}; titles and status codes never change for a type.
 */
public enum ProblemType {

	VALIDATION(HttpStatus.BAD_REQUEST, "validation", "Invalid request"),
	MALFORMED_BODY(HttpStatus.BAD_REQUEST, "malformed-body", "Malformed request body"),
	UNAUTHORIZED(HttpStatus.UNAUTHORIZED, "unauthorized", "Authentication required"),
	FORBIDDEN(HttpStatus.FORBIDDEN, "forbidden", "Not allowed"),
	NOT_FOUND(HttpStatus.NOT_FOUND, "not-found", "Not found"),
	METHOD_NOT_ALLOWED(HttpStatus.METHOD_NOT_ALLOWED, "method-not-allowed", "Method not allowed"),
	NOT_ACCEPTABLE(HttpStatus.NOT_ACCEPTABLE, "not-acceptable", "Not acceptable"),
	IMMUTABLE_FIELD(HttpStatus.CONFLICT, "immutable-field", "Replay-defining field cannot change"),
	NAME_TAKEN(HttpStatus.CONFLICT, "name-taken", "Experiment name already exists"),
	SEGMENT_OUT_OF_ORDER(HttpStatus.CONFLICT, "segment-out-of-order",
			"Segment does not start at or after the previous one"),
	PRECONDITION_FAILED(HttpStatus.PRECONDITION_FAILED, "precondition-failed", "Stale ETag"),
	PAYLOAD_TOO_LARGE(HttpStatus.CONTENT_TOO_LARGE, "too-large", "Request exceeds a configured limit"),
	UNSUPPORTED_MEDIA_TYPE(HttpStatus.UNSUPPORTED_MEDIA_TYPE, "unsupported-media-type", "Unsupported media type"),
	IDEMPOTENCY_KEY_REUSED(HttpStatus.UNPROCESSABLE_CONTENT, "idempotency-key-reused",
			"Idempotency key reused with a different body"),
	TORCH_WOULD_RAISE(HttpStatus.UNPROCESSABLE_CONTENT, "torch-would-raise",
			"The named torch version would raise for these arguments"),
	LIBRARY_WOULD_RAISE(HttpStatus.UNPROCESSABLE_CONTENT, "library-would-raise",
			"The named library release would raise for these arguments"),
	SEED_RULE(HttpStatus.UNPROCESSABLE_CONTENT, "seed-rule", "Seeds break a framework rule"),
	PRECONDITION_REQUIRED(HttpStatus.PRECONDITION_REQUIRED, "precondition-required", "If-Match required"),
	UNAVAILABLE(HttpStatus.SERVICE_UNAVAILABLE, "unavailable", "Temporarily unavailable"),
	INTERNAL(HttpStatus.INTERNAL_SERVER_ERROR, "internal", "Internal error");

	private static final String BASE = "https://seedbank.dev/problems/";

	private final HttpStatus status;

	private final String slug;

	private final String title;

	ProblemType(HttpStatus status, String slug, String title) {
		this.status = status;
		this.slug = slug;
		this.title = title;
	}

	public HttpStatus status() {
		return this.status;
	}

	public String title() {
		return this.title;
	}

	public URI uri() {
		return URI.create(BASE + this.slug);
	}

	/**
	 * @param status an HTTP status code
	 * @return the first type with that status, else the generic client or server error
	 */
	public static ProblemType forStatus(int status) {
		for (ProblemType type : values()) {
			if (type.status.value() == status) {
				return type;
			}
		}
		return (status >= 400 && status < 500) ? VALIDATION : INTERNAL;
	}

}
