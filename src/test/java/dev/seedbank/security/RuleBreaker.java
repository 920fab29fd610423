package dev.seedbank.security;

import dev.seedbank.web.ProblemType;
import dev.seedbank.web.Problems;

import org.springframework.http.ProblemDetail;

/**
 * Breaks {@code SERVICES_NEVER_SPEAK_HTTP} on purpose: an HTTP adapter outside a
 * {@code web} package, as {@code ProblemSecurityHandlers} was before it moved to
 * {@code security.web}. The rule names no exceptions, so this fails it.
 */
final class RuleBreaker {

	private RuleBreaker() {
	}

	static ProblemDetail forbidden() {
		return Problems.of(ProblemType.FORBIDDEN, "no");
	}

}
