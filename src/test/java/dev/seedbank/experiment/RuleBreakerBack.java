package dev.seedbank.experiment;

import dev.seedbank.manifest.RuleBreaker;

/** The arrow back from experiment to manifest that closes a cycle, on purpose. */
public final class RuleBreakerBack {

	private RuleBreakerBack() {
	}

	public static int one() {
		return 1;
	}

	static Class<?> manifest() {
		return RuleBreaker.class;
	}

}
