package dev.seedbank.seeds;

import java.math.BigInteger;

import dev.seedbank.seeds.SeedRuleException.Kind;

/**
 * Resolves an experiment's effective data (sampler) seed from its policy, then checks the
 * result against the framework's rules in {@link FrameworkRules}.
 */
public final class DataSeedPolicies {

	private DataSeedPolicies() {
	}

	/**
	 * @param request the declared seeds
	 * @return the effective data seed and why
	 * @throws SeedRuleException {@link Kind#INVALID} when the declaration is malformed,
	 * {@link Kind#UNSATISFIABLE} when the framework version would fail or ignore it
	 */
	public static DataSeedDecision decide(SeedRequest request) {
		checkWellFormed(request);
		DataSeedDecision decision = byPolicy(request);
		checkFramework(request, decision.effectiveDataSeed());
		return decision;
	}

	private static void checkWellFormed(SeedRequest request) {
		require(request.framework() != null, "framework", "framework is required");
		require(request.policy() != null, "dataSeedPolicy", "dataSeedPolicy is required");
		require(request.globalSeed() != null, "globalSeed", "globalSeed is required");
		require(request.worldSize() >= 1, "worldSize", "worldSize must be at least 1");
		// The versions were parsed where they entered (FrameworkRelease, TorchRelease).
		require(request.frameworkVersion() != null, "frameworkVersion", "frameworkVersion is required");
		require(request.torchVersion() != null, "torchVersion", "torchVersion is required");
		inTorchRange(request.globalSeed(), "globalSeed");
		if (request.dataSeed() != null) {
			inTorchRange(request.dataSeed(), "dataSeed");
		}
	}

	private static void inTorchRange(BigInteger seed, String field) {
		require(seed.compareTo(FrameworkRules.TORCH_SEED_MIN) >= 0
				&& seed.compareTo(FrameworkRules.TORCH_SEED_MAX) <= 0, field,
				field + " " + seed + " is outside torch's seed range -2^63 .. 2^64-1");
	}

	private static void require(boolean condition, String field, String message) {
		if (!condition) {
			throw new SeedRuleException(Kind.INVALID, field, message);
		}
	}

	private static DataSeedDecision byPolicy(SeedRequest request) {
		BigInteger global = request.globalSeed();
		BigInteger data = request.dataSeed();
		return switch (request.policy()) {
			case LINKED -> {
				require(data == null || data.equals(global), "dataSeed", "LINKED makes the data seed the global seed "
						+ global + ", so the different dataSeed " + data + " contradicts it");
				yield new DataSeedDecision(global,
						"LINKED: the sampler is seeded with the global seed " + global + ".");
			}
			case INDEPENDENT -> {
				require(data != null, "dataSeed", "INDEPENDENT needs an explicit dataSeed");
				yield new DataSeedDecision(data, "INDEPENDENT: the sampler is seeded with the explicit data seed "
						+ data + ", unrelated to the global seed " + global + ".");
			}
			case HYBRID -> (data != null)
					? new DataSeedDecision(data, "HYBRID: the explicit data seed " + data + " seeds the sampler.")
					: new DataSeedDecision(global,
							"HYBRID: no data seed was given, so the sampler is seeded with the global seed " + global
									+ ".");
			case FRAMEWORK_DEFAULT -> {
				require(data == null, "dataSeed", "FRAMEWORK_DEFAULT means the training code passes no data seed, so "
						+ "the dataSeed " + data + " would be ignored; use HYBRID or INDEPENDENT to record it");
				yield frameworkDefault(request);
			}
		};
	}

	private static DataSeedDecision frameworkDefault(SeedRequest request) {
		BigInteger seed = FrameworkRules.defaultDataSeed(request);
		String why = switch (request.framework()) {
			case TORCH, ACCELERATE -> "torch's DistributedSampler uses seed 0 when none is passed";
			case COMPOSER -> "Composer's dist.get_sampler uses seed 0 when none is passed";
			case LIGHTNING -> "Lightning's injected DistributedSampler takes its seed from PL_GLOBAL_SEED, "
					+ "which seed_everything sets to the global seed";
		};
		String consequence = seed.equals(request.globalSeed()) ? ""
				: ", so the data order does not follow the global seed " + request.globalSeed();
		return new DataSeedDecision(seed,
				"FRAMEWORK_DEFAULT: " + why + "; the sampler seed is " + seed + consequence + ".");
	}

	private static void checkFramework(SeedRequest request, BigInteger dataSeed) {
		FrameworkRule rule = FrameworkRules.of(request.framework());
		String name = request.framework().wireName();
		if (rule.processSeedsAreUint32()) {
			BigInteger global = request.globalSeed();
			unsatisfiableIf(global.signum() < 0 || global.compareTo(FrameworkRules.UINT32_MAX) > 0, "globalSeed",
					name + " accepts seeds in [0, 2^32-1] only; the global seed " + global + " is outside");
			int lastRank = request.worldSize() - 1;
			BigInteger highest = FrameworkRules.processSeed(request, lastRank);
			unsatisfiableIf(highest.compareTo(FrameworkRules.UINT32_MAX) > 0, "globalSeed",
					name + " seeds rank r with the global seed + r, so rank " + lastRank + " would get " + highest
							+ ", above 2^32-1, and " + name + " would fail on that rank; the global seed must be at "
							+ "most " + FrameworkRules.UINT32_MAX.subtract(BigInteger.valueOf(lastRank)));
		}
		unsatisfiableIf(!rule.samplerTakesSeed(request.frameworkVersion().version()) && dataSeed.signum() != 0,
				(request.dataSeed() != null) ? "dataSeed" : "dataSeedPolicy",
				name + " " + request.frameworkVersion() + ": dist.get_sampler takes no seed before "
						+ rule.samplerSeedSince() + ", so its sampler is always seeded with 0, not " + dataSeed);
	}

	private static void unsatisfiableIf(boolean condition, String field, String message) {
		if (condition) {
			throw new SeedRuleException(Kind.UNSATISFIABLE, field, message);
		}
	}

}
