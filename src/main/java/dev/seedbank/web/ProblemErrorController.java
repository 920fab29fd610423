package dev.seedbank.web;

import io.swagger.v3.oas.annotations.Hidden;
import jakarta.servlet.RequestDispatcher;
import jakarta.servlet.http.HttpServletRequest;

import org.springframework.boot.webmvc.error.ErrorController;
import org.springframework.http.HttpStatus;
import org.springframework.http.HttpStatusCode;
import org.springframework.http.MediaType;
import org.springframework.http.ProblemDetail;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RestController;

/**
 * What the servlet container forwards to {@code /error}: errors raised before a
 * controller ran (Spring Security's firewall rejecting {@code //}, a filter that lost the
 * database) are RFC 9457 problems too, in place of Boot's default error JSON. Never a
 * stack trace.
 */
@Hidden
@RestController
class ProblemErrorController implements ErrorController {

	@RequestMapping("/error")
	ResponseEntity<ProblemDetail> error(HttpServletRequest request) {
		Throwable exception = (Throwable) request.getAttribute(RequestDispatcher.ERROR_EXCEPTION);
		if (exception != null && DatabaseFailures.lostConnection(exception)) {
			return ProblemHandler.databaseUnavailable();
		}
		Object code = request.getAttribute(RequestDispatcher.ERROR_STATUS_CODE);
		HttpStatusCode status = HttpStatusCode
			.valueOf((code instanceof Integer value) ? value : HttpStatus.INTERNAL_SERVER_ERROR.value());
		ProblemType type = ProblemHandler.typeFor(status);
		String detail = status.is4xxClientError() ? "The request was rejected before it reached the API: "
				+ HttpStatus.valueOf(status.value()).getReasonPhrase() : "An unexpected error occurred";
		ProblemDetail problem = Problems.of(type, detail);
		problem.setStatus(status.value());
		return ResponseEntity.status(status).contentType(MediaType.APPLICATION_PROBLEM_JSON).body(problem);
	}

}
