package dev.seedbank.seeds;

import java.math.BigInteger;

/**
 * Resolves an experiment's effective data seed from its policy.
 * <p>
 * Provisional: follows the policy only; framework rules arrive with the seeds issue.
 */
public final class DataSeedPolicies {

	private DataSeedPolicies() {
	}

	/**
	 * @param request the declared seeds
	 * @return the effective data seed and why
	 * @throws SeedRuleException when the declaration breaks a rule
	 */
	public static DataSeedDecision decide(SeedRequest request) {
		return switch (request.policy()) {
			case LINKED -> new DataSeedDecision(request.globalSeed(), "LINKED: the data seed is the global seed");
			case INDEPENDENT -> new DataSeedDecision(request.dataSeed(), "INDEPENDENT: the explicit data seed");
			case HYBRID -> (request.dataSeed() != null)
					? new DataSeedDecision(request.dataSeed(), "HYBRID: the explicit data seed")
					: new DataSeedDecision(request.globalSeed(), "HYBRID: no data seed given, so the global seed");
			case FRAMEWORK_DEFAULT ->
				new DataSeedDecision(BigInteger.ZERO, "FRAMEWORK_DEFAULT: the sampler's default seed 0");
		};
	}

}
