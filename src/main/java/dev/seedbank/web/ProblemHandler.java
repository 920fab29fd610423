package dev.seedbank.web;

import java.util.ArrayList;
import java.util.List;
import java.util.stream.Collectors;

import dev.seedbank.experiment.ExperimentNotFoundException;
import dev.seedbank.experiment.IdempotencyConflictException;
import dev.seedbank.experiment.InvalidSamplerSettingsException;
import dev.seedbank.experiment.NameTakenException;
import dev.seedbank.experiment.StaleVersionException;
import dev.seedbank.order.PermutationBudgetBusyException;
import dev.seedbank.order.PermutationTooLargeException;
import dev.seedbank.order.UnacceptableFormatException;
import dev.seedbank.sampling.InvalidSamplerArgumentException;
import dev.seedbank.sampling.LibraryWouldRaiseException;
import dev.seedbank.sampling.TorchWouldRaiseException;
import dev.seedbank.sampling.timeline.SegmentOutOfOrderException;
import dev.seedbank.sampling.timeline.UnknownSegmentException;
import dev.seedbank.security.InvalidTokenRequestException;
import dev.seedbank.security.TokenNotFoundException;
import dev.seedbank.seeds.SeedRuleException;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.validation.ConstraintViolationException;
import org.apache.tomcat.util.http.InvalidParameterException;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import tools.jackson.core.JacksonException;
import tools.jackson.core.JsonParser;
import tools.jackson.core.TokenStreamContext;
import tools.jackson.core.exc.StreamReadException;
import tools.jackson.databind.exc.MismatchedInputException;
import tools.jackson.databind.exc.UnrecognizedPropertyException;

import org.springframework.dao.DataAccessResourceFailureException;
import org.springframework.dao.DataIntegrityViolationException;
import org.springframework.dao.OptimisticLockingFailureException;
import org.springframework.dao.QueryTimeoutException;
import org.springframework.dao.TransientDataAccessException;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatusCode;
import org.springframework.http.MediaType;
import org.springframework.http.ProblemDetail;
import org.springframework.http.ResponseEntity;
import org.springframework.http.converter.HttpMessageNotReadableException;
import org.springframework.jdbc.CannotGetJdbcConnectionException;
import org.springframework.transaction.CannotCreateTransactionException;
import org.springframework.web.bind.MethodArgumentNotValidException;
import org.springframework.web.bind.MissingServletRequestParameterException;
import org.springframework.web.bind.annotation.ExceptionHandler;
import org.springframework.web.bind.annotation.RestControllerAdvice;
import org.springframework.web.context.request.WebRequest;
import org.springframework.web.method.annotation.HandlerMethodValidationException;
import org.springframework.web.method.annotation.MethodArgumentTypeMismatchException;
import org.springframework.web.servlet.mvc.method.annotation.ResponseEntityExceptionHandler;

/**
 * Turns every exception into an RFC 9457 problem. Spring MVC's own errors (404, 405, 406,
 * 415, missing parameters) come through {@link ResponseEntityExceptionHandler} and get a
 * seedbank {@code type}; nothing ever carries a stack trace.
 */
@RestControllerAdvice
class ProblemHandler extends ResponseEntityExceptionHandler {

	private static final Logger log = LoggerFactory.getLogger(ProblemHandler.class);

	/** Seconds a client should wait before retrying while the database is away. */
	static final String RETRY_AFTER_SECONDS = "5";

	/**
	 * PostgreSQL's character_not_in_repertoire: a NUL in a text value, stored or
	 * searched.
	 */
	private static final String UNSTORABLE_CHARACTER = "22021";

	/** What jackson-core 3.1 says when it finds a repeated key. */
	private static final String DUPLICATE = "Duplicate Object property \"";

	/** SQLState class 22, data exception: a value the client sent does not fit. */
	private static final String DATA_EXCEPTION_CLASS = "22";

	@ExceptionHandler(ApiException.class)
	ResponseEntity<ProblemDetail> api(ApiException ex) {
		return Problems.response(Problems.of(ex.type(), ex.getMessage(), ex.errors()));
	}

	/** Room in the permutation budget is held by computations in flight: retry soon. */
	@ExceptionHandler(PermutationBudgetBusyException.class)
	ResponseEntity<ProblemDetail> permutationBudgetBusy(PermutationBudgetBusyException ex) {
		log.warn("Permutation budget busy: {}", ex.getMessage());
		ProblemDetail problem = Problems.of(ProblemType.UNAVAILABLE, ex.getMessage());
		return ResponseEntity.status(problem.getStatus())
			.header(HttpHeaders.RETRY_AFTER, Long.toString(ex.retryAfterSeconds()))
			.contentType(MediaType.APPLICATION_PROBLEM_JSON)
			.body(problem);
	}

	@ExceptionHandler(SeedRuleException.class)
	ResponseEntity<ProblemDetail> seedRule(SeedRuleException ex) {
		ProblemType type = (ex.kind() == SeedRuleException.Kind.INVALID) ? ProblemType.VALIDATION
				: ProblemType.SEED_RULE;
		return Problems.response(
				Problems.of(type, ex.getMessage(), List.of(new ApiException.FieldError(ex.field(), ex.getMessage()))));
	}

	@ExceptionHandler(InvalidSamplerArgumentException.class)
	ResponseEntity<ProblemDetail> invalidSamplerArgument(InvalidSamplerArgumentException ex) {
		String message = ex.getMessage().substring(ex.parameter().length() + 2);
		return invalid(ex.parameter(), message);
	}

	@ExceptionHandler(InvalidSamplerSettingsException.class)
	ResponseEntity<ProblemDetail> invalidSamplerSettings(InvalidSamplerSettingsException ex) {
		return validation(ex.violations()
			.stream()
			.map((violation) -> new ApiException.FieldError(violation.field(), violation.message()))
			.toList());
	}

	@ExceptionHandler(LibraryWouldRaiseException.class)
	ResponseEntity<ProblemDetail> libraryWouldRaise(LibraryWouldRaiseException ex) {
		// torch keeps the type it always had; accelerate, datasets, Streaming and NumPy
		// get
		// their own, so a client can tell whose rule refused the arguments.
		ProblemType type = (ex instanceof TorchWouldRaiseException) ? ProblemType.TORCH_WOULD_RAISE
				: ProblemType.LIBRARY_WOULD_RAISE;
		return Problems.response(Problems.of(type,
				ex.getMessage() + "; seedbank answers with the library's error, never with a made-up order"));
	}

	@ExceptionHandler(SegmentOutOfOrderException.class)
	ResponseEntity<ProblemDetail> segmentOutOfOrder(SegmentOutOfOrderException ex) {
		return Problems.response(Problems.of(ProblemType.SEGMENT_OUT_OF_ORDER, ex.getMessage()));
	}

	@ExceptionHandler(UnknownSegmentException.class)
	ResponseEntity<ProblemDetail> unknownSegment(UnknownSegmentException ex) {
		return Problems.response(Problems.of(ProblemType.NOT_FOUND, ex.getMessage()));
	}

	@ExceptionHandler(ExperimentNotFoundException.class)
	ResponseEntity<ProblemDetail> experimentNotFound(ExperimentNotFoundException ex) {
		return Problems.response(Problems.of(ProblemType.NOT_FOUND, ex.getMessage()));
	}

	@ExceptionHandler(NameTakenException.class)
	ResponseEntity<ProblemDetail> nameTaken(NameTakenException ex) {
		return Problems.response(Problems.of(ProblemType.NAME_TAKEN, ex.getMessage()));
	}

	@ExceptionHandler(IdempotencyConflictException.class)
	ResponseEntity<ProblemDetail> idempotencyConflict(IdempotencyConflictException ex) {
		return Problems.response(Problems.of(ProblemType.IDEMPOTENCY_KEY_REUSED, ex.getMessage()));
	}

	@ExceptionHandler(StaleVersionException.class)
	ResponseEntity<ProblemDetail> staleVersion(StaleVersionException ex) {
		return Problems.response(Problems.of(ProblemType.PRECONDITION_FAILED, ex.getMessage()));
	}

	/** Larger than the whole budget: no retry helps, unlike a busy budget (503). */
	@ExceptionHandler(PermutationTooLargeException.class)
	ResponseEntity<ProblemDetail> permutationTooLarge(PermutationTooLargeException ex) {
		return Problems.response(Problems.of(ProblemType.PAYLOAD_TOO_LARGE, ex.getMessage()));
	}

	@ExceptionHandler(TokenNotFoundException.class)
	ResponseEntity<ProblemDetail> tokenNotFound(TokenNotFoundException ex) {
		return Problems.response(Problems.of(ProblemType.NOT_FOUND, ex.getMessage()));
	}

	@ExceptionHandler(InvalidTokenRequestException.class)
	ResponseEntity<ProblemDetail> invalidTokenRequest(InvalidTokenRequestException ex) {
		return invalid(ex.field(), ex.reason());
	}

	@ExceptionHandler(UnacceptableFormatException.class)
	ResponseEntity<ProblemDetail> unacceptableFormat(UnacceptableFormatException ex) {
		return ex.malformed() ? invalid("Accept", ex.getMessage())
				: Problems.response(Problems.of(ProblemType.NOT_ACCEPTABLE, ex.getMessage()));
	}

	@ExceptionHandler(MethodArgumentTypeMismatchException.class)
	ResponseEntity<ProblemDetail> typeMismatch(MethodArgumentTypeMismatchException ex) {
		String expected = (ex.getRequiredType() != null) ? ex.getRequiredType().getSimpleName() : "another type";
		return invalid(ex.getName(), "'" + ex.getValue() + "' is not a valid " + expected);
	}

	@ExceptionHandler(ConstraintViolationException.class)
	ResponseEntity<ProblemDetail> constraintViolation(ConstraintViolationException ex) {
		List<ApiException.FieldError> errors = ex.getConstraintViolations()
			.stream()
			.map((violation) -> new ApiException.FieldError(lastNode(violation.getPropertyPath().toString()),
					violation.getMessage()))
			.toList();
		return validation(errors);
	}

	@ExceptionHandler(OptimisticLockingFailureException.class)
	ResponseEntity<ProblemDetail> optimisticLock(OptimisticLockingFailureException ex) {
		return Problems.response(Problems.of(ProblemType.PRECONDITION_FAILED,
				"The experiment changed while this request was applied; read it again and retry with the new ETag"));
	}

	@ExceptionHandler({ CannotGetJdbcConnectionException.class, CannotCreateTransactionException.class,
			DataAccessResourceFailureException.class, QueryTimeoutException.class, TransientDataAccessException.class })
	ResponseEntity<ProblemDetail> databaseUnavailable(Exception ex, HttpServletRequest request) {
		OutageLog.unavailable(request.getMethod() + " " + request.getRequestURI(), ex);
		return databaseUnavailable();
	}

	/** The 503 every path answers while the database is away, with when to retry. */
	static ResponseEntity<ProblemDetail> databaseUnavailable() {
		ProblemDetail problem = Problems.of(ProblemType.UNAVAILABLE,
				"The database is unavailable; retry after " + RETRY_AFTER_SECONDS + " seconds");
		return ResponseEntity.status(problem.getStatus())
			.header(HttpHeaders.RETRY_AFTER, RETRY_AFTER_SECONDS)
			.contentType(MediaType.APPLICATION_PROBLEM_JSON)
			.body(problem);
	}

	@ExceptionHandler(InvalidParameterException.class)
	ResponseEntity<ProblemDetail> malformedQuery(InvalidParameterException ex) {
		return invalid("query", "is malformed: every parameter needs a name (name=value, '&'-separated, "
				+ "percent-encoded as UTF-8)");
	}

	@ExceptionHandler(DataIntegrityViolationException.class)
	ResponseEntity<ProblemDetail> dataIntegrity(DataIntegrityViolationException ex, HttpServletRequest request) {
		String state = DatabaseFailures.sqlState(ex);
		if (UNSTORABLE_CHARACTER.equals(state)) {
			return invalid("body", "text must not contain the NUL character (U+0000), which PostgreSQL cannot store");
		}
		if (state != null && state.startsWith(DATA_EXCEPTION_CLASS)) {
			return invalid("body", "a value cannot be stored as given (SQLState " + state + ")");
		}
		return unexpected(ex, request);
	}

	@ExceptionHandler(Exception.class)
	ResponseEntity<ProblemDetail> unexpected(Exception ex, HttpServletRequest request) {
		if (DatabaseFailures.lostConnection(ex)) {
			return databaseUnavailable(ex, request);
		}
		log.error("Unexpected error", ex);
		return Problems.response(Problems.of(ProblemType.INTERNAL, "An unexpected error occurred"));
	}

	@Override
	protected ResponseEntity<Object> handleMethodArgumentNotValid(MethodArgumentNotValidException ex,
			HttpHeaders headers, HttpStatusCode status, WebRequest request) {
		List<ApiException.FieldError> errors = new ArrayList<>();
		ex.getBindingResult()
			.getFieldErrors()
			.forEach((error) -> errors.add(new ApiException.FieldError(error.getField(), error.getDefaultMessage())));
		ex.getBindingResult()
			.getGlobalErrors()
			.forEach((error) -> errors
				.add(new ApiException.FieldError(error.getObjectName(), error.getDefaultMessage())));
		return asObject(validation(errors));
	}

	@Override
	protected ResponseEntity<Object> handleMissingServletRequestParameter(MissingServletRequestParameterException ex,
			HttpHeaders headers, HttpStatusCode status, WebRequest request) {
		return asObject(invalid(ex.getParameterName(), "is required"));
	}

	@Override
	protected ResponseEntity<Object> handleHandlerMethodValidationException(HandlerMethodValidationException ex,
			HttpHeaders headers, HttpStatusCode status, WebRequest request) {
		List<ApiException.FieldError> errors = new ArrayList<>();
		ex.getParameterValidationResults().forEach((result) -> {
			String name = wireName(result.getMethodParameter());
			result.getResolvableErrors()
				.forEach((error) -> errors.add(new ApiException.FieldError(name, error.getDefaultMessage())));
		});
		return asObject(validation(errors));
	}

	@Override
	protected ResponseEntity<Object> handleHttpMessageNotReadable(HttpMessageNotReadableException ex,
			HttpHeaders headers, HttpStatusCode status, WebRequest request) {
		Throwable cause = ex.getCause();
		if (cause instanceof StrictJson.MalformedText malformed) {
			return asObject(invalid(path(malformed), Text.LONE_SURROGATE_MESSAGE));
		}
		if (cause instanceof StreamReadException read && read.getOriginalMessage() != null
				&& read.getOriginalMessage().contains("surrogate")) {
			// jackson-core refuses a lone surrogate in a property name itself.
			return asObject(invalid(path(read), Text.LONE_SURROGATE_MESSAGE));
		}
		String duplicate = (cause instanceof StreamReadException read) ? duplicateField(read) : null;
		if (duplicate != null) {
			return asObject(invalid(duplicate, "is a duplicate key: each field may appear once"));
		}
		if (cause instanceof UnrecognizedPropertyException unknown) {
			String field = path(unknown);
			return asObject(validation(List.of(new ApiException.FieldError(field,
					"unknown field '" + unknown.getPropertyName() + "'; check its spelling against the API"))));
		}
		if (cause instanceof MismatchedInputException mismatch && !mismatch.getPath().isEmpty()) {
			String expected = (mismatch.getTargetType() != null) ? describe(mismatch.getTargetType()) : "another type";
			return asObject(validation(List.of(new ApiException.FieldError(path(mismatch), "must be " + expected))));
		}
		if (cause instanceof JacksonException jackson && !jackson.getPath().isEmpty()) {
			return asObject(validation(List.of(new ApiException.FieldError(path(jackson), "has an invalid value"))));
		}
		String detail = (cause instanceof StreamReadException) ? "The body is not valid JSON"
				: "The request body is missing or unreadable";
		return asObject(Problems.response(Problems.of(ProblemType.MALFORMED_BODY, detail)));
	}

	@Override
	protected ResponseEntity<Object> createResponseEntity(Object body, HttpHeaders headers, HttpStatusCode statusCode,
			WebRequest request) {
		// Spring Framework 7 leaves its own problems' type null; 6.x said about:blank.
		if (body instanceof ProblemDetail problem
				&& (problem.getType() == null || problem.getType().toString().equals("about:blank"))) {
			problem.setType(typeFor(statusCode).uri());
		}
		if (body instanceof ProblemDetail) {
			// Preset, so an Accept it cannot satisfy (image/png, garbage, the very 406
			// being answered) still gets the problem instead of an empty body.
			HttpHeaders problemHeaders = new HttpHeaders();
			problemHeaders.putAll(headers);
			problemHeaders.setContentType(MediaType.APPLICATION_PROBLEM_JSON);
			return super.createResponseEntity(body, problemHeaders, statusCode, request);
		}
		return super.createResponseEntity(body, headers, statusCode, request);
	}

	/** The name a client sent: the header's or query parameter's, not the Java one. */
	private static String wireName(org.springframework.core.MethodParameter parameter) {
		org.springframework.web.bind.annotation.RequestHeader header = parameter
			.getParameterAnnotation(org.springframework.web.bind.annotation.RequestHeader.class);
		if (header != null && !header.name().isEmpty()) {
			return header.name();
		}
		org.springframework.web.bind.annotation.RequestParam param = parameter
			.getParameterAnnotation(org.springframework.web.bind.annotation.RequestParam.class);
		if (param != null && !param.name().isEmpty()) {
			return param.name();
		}
		return parameter.getParameterName();
	}

	static ProblemType typeFor(HttpStatusCode status) {
		return ProblemType.forStatus(status.value());
	}

	private static ResponseEntity<ProblemDetail> invalid(String field, String message) {
		return validation(List.of(new ApiException.FieldError(field, message)));
	}

	private static ResponseEntity<ProblemDetail> validation(List<ApiException.FieldError> errors) {
		String detail = errors.stream()
			.map((error) -> error.field() + ": " + error.message())
			.collect(Collectors.joining("; "));
		return Problems.response(Problems.of(ProblemType.VALIDATION, detail, errors));
	}

	@SuppressWarnings("unchecked")
	private static ResponseEntity<Object> asObject(ResponseEntity<ProblemDetail> response) {
		return (ResponseEntity<Object>) (ResponseEntity<?>) response;
	}

	private static String path(JacksonException ex) {
		StringBuilder path = new StringBuilder();
		for (JacksonException.Reference reference : ex.getPath()) {
			if (reference.getPropertyName() != null) {
				path.append(path.isEmpty() ? "" : ".").append(reference.getPropertyName());
			}
			else if (reference.getIndex() >= 0) {
				path.append('[').append(reference.getIndex()).append(']');
			}
		}
		return path.isEmpty() ? "body" : path.toString();
	}

	/**
	 * The path of the repeated key that Jackson's duplicate detection refused
	 * ({@code JsonReadContext._checkDup}, jackson-core 3.1: "Duplicate Object property
	 * \"name\""), from the parser's context, which stops at the object holding it.
	 */
	private static String duplicateField(StreamReadException ex) {
		String message = ex.getOriginalMessage();
		if (message == null || !message.startsWith(DUPLICATE) || !message.endsWith("\"")) {
			return null;
		}
		java.util.Deque<String> parts = new java.util.ArrayDeque<>();
		parts.push(message.substring(DUPLICATE.length(), message.length() - 1));
		JsonParser parser = ex.processor();
		if (parser != null && parser.streamReadContext() != null) {
			for (TokenStreamContext context = parser.streamReadContext().getParent(); context != null
					&& !context.inRoot(); context = context.getParent()) {
				parts.push(context.inArray() ? "[" + context.getCurrentIndex() + "]"
						: String.valueOf(context.currentName()));
			}
		}
		return String.join(".", parts).replace(".[", "[");
	}

	private static String describe(Class<?> type) {
		if (type == java.math.BigInteger.class || type == Long.class || type == long.class || type == Integer.class
				|| type == int.class) {
			return "an integer";
		}
		if (type == Boolean.class || type == boolean.class) {
			return "true or false";
		}
		if (type.isEnum()) {
			return "one of " + java.util.Arrays.toString(type.getEnumConstants());
		}
		if (type == String.class) {
			return "a string";
		}
		return "a valid " + type.getSimpleName();
	}

	private static String lastNode(String propertyPath) {
		int dot = propertyPath.lastIndexOf('.');
		return (dot >= 0) ? propertyPath.substring(dot + 1) : propertyPath;
	}

}
