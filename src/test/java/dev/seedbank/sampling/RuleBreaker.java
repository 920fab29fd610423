package dev.seedbank.sampling;

import org.springframework.util.Assert;

/** Breaks {@code SAMPLING_IS_PLAIN_JAVA} on purpose: the engine calling Spring. */
final class RuleBreaker {

	private RuleBreaker() {
	}

	static void check(int size) {
		Assert.isTrue(size >= 0, "size must not be negative");
	}

}
