package dev.seedbank.web;

import java.util.List;

import org.springframework.http.MediaType;
import org.springframework.http.ProblemDetail;
import org.springframework.http.ResponseEntity;

/**
 * The one place RFC 9457 problems are built, so every error has the same shape:
 * {@code type}, {@code title}, {@code status}, {@code detail} and, for validation,
 * {@code errors}.
 */
public final class Problems {

	private Problems() {
	}

	public static ProblemDetail of(ProblemType type, String detail) {
		return of(type, detail, List.of());
	}

	public static ProblemDetail of(ProblemType type, String detail, List<ApiException.FieldError> errors) {
		ProblemDetail problem = ProblemDetail.forStatusAndDetail(type.status(), detail);
		problem.setType(type.uri());
		problem.setTitle(type.title());
		if (!errors.isEmpty() || type == ProblemType.VALIDATION) {
			problem.setProperty("errors", errors);
		}
		return problem;
	}

	public static ResponseEntity<ProblemDetail> response(ProblemDetail problem) {
		return ResponseEntity.status(problem.getStatus()).contentType(MediaType.APPLICATION_PROBLEM_JSON).body(problem);
	}

}
