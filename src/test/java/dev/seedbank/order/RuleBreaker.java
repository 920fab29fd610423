package dev.seedbank.order;

import dev.seedbank.web.ApiException;
import dev.seedbank.web.ProblemType;

/** Breaks {@code SERVICES_NEVER_SPEAK_HTTP} on purpose: a service choosing a status. */
final class RuleBreaker {

	private RuleBreaker() {
	}

	static void missing(String name) {
		throw new ApiException(ProblemType.NOT_FOUND, "No order named " + name);
	}

}
