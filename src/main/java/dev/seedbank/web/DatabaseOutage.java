package dev.seedbank.web;

import org.springframework.http.ProblemDetail;
import org.springframework.http.ResponseEntity;

/**
 * The answer to a request that the database's absence stopped before Spring MVC, in
 * Spring Security's filters (a token only the database can check): the same 503 problem
 * with {@code Retry-After}, and the same log line, as {@link ProblemHandler} gives.
 */
public final class DatabaseOutage {

	private DatabaseOutage() {
	}

	/**
	 * @param request the method and path, for the log line
	 * @param ex what the database access threw
	 * @return the 503 problem to send
	 */
	public static ResponseEntity<ProblemDetail> answer(String request, Throwable ex) {
		OutageLog.unavailable(request, ex);
		return ProblemHandler.databaseUnavailable();
	}

}
