package dev.seedbank.seeds;

import java.math.BigInteger;

import org.assertj.core.api.ThrowableAssert.ThrowingCallable;
import org.junit.jupiter.api.Test;

import dev.seedbank.seeds.SeedRuleException.Kind;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

class DataSeedPoliciesTests {

	private static final BigInteger UINT32_MAX = BigInteger.ONE.shiftLeft(32).subtract(BigInteger.ONE);

	@Test
	void linkedUsesTheGlobalSeed() {
		DataSeedDecision decision = decide(Framework.TORCH, "2.5.1", 17, null, DataSeedPolicy.LINKED, 4);
		assertThat(decision.effectiveDataSeed()).isEqualTo(17);
		assertThat(decision.explanation()).startsWith("LINKED").contains("global seed 17");
	}

	@Test
	void linkedAcceptsADataSeedEqualToTheGlobalSeed() {
		assertThat(decide(Framework.TORCH, "2.5.1", 17, 17L, DataSeedPolicy.LINKED, 4).effectiveDataSeed())
			.isEqualTo(17);
	}

	@Test
	void linkedRejectsADifferentDataSeed() {
		assertRule(Kind.INVALID, "dataSeed", request(Framework.TORCH, "2.5.1", 17, 18L, DataSeedPolicy.LINKED, 4));
	}

	@Test
	void independentUsesTheDataSeed() {
		assertThat(decide(Framework.TORCH, "2.5.1", 17, 99L, DataSeedPolicy.INDEPENDENT, 4).effectiveDataSeed())
			.isEqualTo(99);
	}

	@Test
	void independentNeedsADataSeed() {
		assertRule(Kind.INVALID, "dataSeed",
				request(Framework.TORCH, "2.5.1", 17, null, DataSeedPolicy.INDEPENDENT, 4));
	}

	@Test
	void hybridPrefersTheDataSeedElseTheGlobalSeed() {
		assertThat(decide(Framework.TORCH, "2.5.1", 17, 99L, DataSeedPolicy.HYBRID, 4).effectiveDataSeed())
			.isEqualTo(99);
		DataSeedDecision fallback = decide(Framework.TORCH, "2.5.1", 17, null, DataSeedPolicy.HYBRID, 4);
		assertThat(fallback.effectiveDataSeed()).isEqualTo(17);
		assertThat(fallback.explanation()).contains("no data seed was given");
	}

	@Test
	void frameworkDefaultIsZeroForTorchComposerAndAccelerate() {
		for (Framework framework : new Framework[] { Framework.TORCH, Framework.COMPOSER, Framework.ACCELERATE }) {
			String version = (framework == Framework.COMPOSER) ? "0.28.0" : "1.0.0";
			DataSeedDecision decision = decide(framework, version, 17, null, DataSeedPolicy.FRAMEWORK_DEFAULT, 4);
			assertThat(decision.effectiveDataSeed()).as(framework.wireName()).isEqualTo(0);
			assertThat(decision.explanation()).as(framework.wireName())
				.contains("seed 0")
				.contains("does not follow the global seed 17");
		}
	}

	@Test
	void frameworkDefaultIsTheGlobalSeedForLightning() {
		DataSeedDecision decision = decide(Framework.LIGHTNING, "2.4.0", 17, null, DataSeedPolicy.FRAMEWORK_DEFAULT, 4);
		assertThat(decision.effectiveDataSeed()).isEqualTo(17);
		assertThat(decision.explanation()).contains("PL_GLOBAL_SEED");
	}

	@Test
	void frameworkDefaultRejectsADataSeedItWouldIgnore() {
		SeedRuleException ex = assertRule(Kind.INVALID, "dataSeed",
				request(Framework.TORCH, "2.5.1", 17, 5L, DataSeedPolicy.FRAMEWORK_DEFAULT, 4));
		assertThat(ex).hasMessageContaining("would be ignored");
	}

	@Test
	void composer027CannotSeedTheSampler() {
		SeedRuleException ex = assertRule(Kind.UNSATISFIABLE, "dataSeed",
				request(Framework.COMPOSER, "0.27.0", 17, 5L, DataSeedPolicy.INDEPENDENT, 4));
		assertThat(ex).hasMessageContaining("0.28.0").hasMessageContaining("always seeded with 0");
		assertRule(Kind.UNSATISFIABLE, "dataSeedPolicy",
				request(Framework.COMPOSER, "0.27.0", 17, null, DataSeedPolicy.LINKED, 4));
	}

	@Test
	void composer027AcceptsTheDefaultSeedZero() {
		assertThat(
				decide(Framework.COMPOSER, "0.27.0", 17, null, DataSeedPolicy.FRAMEWORK_DEFAULT, 4).effectiveDataSeed())
			.isEqualTo(0);
		assertThat(decide(Framework.COMPOSER, "0.27.0", 17, 0L, DataSeedPolicy.INDEPENDENT, 4).effectiveDataSeed())
			.isEqualTo(0);
	}

	@Test
	void composer028SeedsTheSampler() {
		assertThat(decide(Framework.COMPOSER, "0.28.0", 17, 5L, DataSeedPolicy.INDEPENDENT, 4).effectiveDataSeed())
			.isEqualTo(5);
		assertThat(decide(Framework.COMPOSER, "0.28.0", 17, null, DataSeedPolicy.LINKED, 4).effectiveDataSeed())
			.isEqualTo(17);
	}

	@Test
	void composerNeedsEveryRankSeedBelow2To32() {
		BigInteger highest = UINT32_MAX.subtract(BigInteger.valueOf(7));
		assertThat(DataSeedPolicies
			.decide(SeedRequests.of(Framework.COMPOSER, "0.28.0", highest, null, DataSeedPolicy.LINKED, 8, false))
			.effectiveDataSeed()).isEqualTo(highest);
		SeedRuleException ex = assertRule(Kind.UNSATISFIABLE, "globalSeed", SeedRequests.of(Framework.COMPOSER,
				"0.28.0", highest.add(BigInteger.ONE), null, DataSeedPolicy.LINKED, 8, false));
		assertThat(ex).hasMessageContaining("rank 7").hasMessageContaining("4294967296");
	}

	@Test
	void composerRejectsNegativeAndHugeGlobalSeeds() {
		assertRule(Kind.UNSATISFIABLE, "globalSeed",
				request(Framework.COMPOSER, "0.28.0", -1, null, DataSeedPolicy.FRAMEWORK_DEFAULT, 1));
		assertRule(Kind.UNSATISFIABLE, "globalSeed", SeedRequests.of(Framework.COMPOSER, "0.28.0",
				UINT32_MAX.add(BigInteger.ONE), null, DataSeedPolicy.FRAMEWORK_DEFAULT, 1, false));
	}

	@Test
	void lightningAcceptsOnly0To2To32Minus1() {
		assertThat(DataSeedPolicies
			.decide(SeedRequests.of(Framework.LIGHTNING, "2.4.0", UINT32_MAX, null, DataSeedPolicy.LINKED, 64, false))
			.effectiveDataSeed()).isEqualTo(UINT32_MAX);
		assertRule(Kind.UNSATISFIABLE, "globalSeed", SeedRequests.of(Framework.LIGHTNING, "2.4.0",
				UINT32_MAX.add(BigInteger.ONE), null, DataSeedPolicy.LINKED, 1, false));
		assertRule(Kind.UNSATISFIABLE, "globalSeed",
				request(Framework.LIGHTNING, "2.4.0", -1, null, DataSeedPolicy.LINKED, 1));
	}

	@Test
	void accelerateChecksTheHighestRankOnlyWhenDeviceSpecific() {
		assertThat(DataSeedPolicies
			.decide(SeedRequests.of(Framework.ACCELERATE, "1.0.0", UINT32_MAX, null, DataSeedPolicy.LINKED, 8, false))
			.effectiveDataSeed()).isEqualTo(UINT32_MAX);
		assertRule(Kind.UNSATISFIABLE, "globalSeed",
				SeedRequests.of(Framework.ACCELERATE, "1.0.0", UINT32_MAX, null, DataSeedPolicy.LINKED, 8, true));
	}

	@Test
	void torchAcceptsItsWholeSeedRange() {
		BigInteger min = BigInteger.ONE.shiftLeft(63).negate();
		BigInteger max = BigInteger.ONE.shiftLeft(64).subtract(BigInteger.ONE);
		assertThat(DataSeedPolicies
			.decide(SeedRequests.of(Framework.TORCH, "2.5.1", min, max, DataSeedPolicy.INDEPENDENT, 1024, false))
			.effectiveDataSeed()).isEqualTo(max);
		assertRule(Kind.INVALID, "globalSeed", SeedRequests.of(Framework.TORCH, "2.5.1", min.subtract(BigInteger.ONE),
				null, DataSeedPolicy.LINKED, 1, false));
		assertRule(Kind.INVALID, "dataSeed", SeedRequests.of(Framework.TORCH, "2.5.1", BigInteger.ONE,
				max.add(BigInteger.ONE), DataSeedPolicy.INDEPENDENT, 1, false));
	}

	@Test
	void rejectsMalformedDeclarations() {
		assertRule(Kind.INVALID, "worldSize", request(Framework.TORCH, "2.5.1", 1, null, DataSeedPolicy.LINKED, 0));
		// A version is parsed where it enters, before any request holds it.
		assertRule(Kind.INVALID, "frameworkVersion", () -> FrameworkRelease.parse("latest"));
		assertRule(Kind.INVALID, "dataSeedPolicy", request(Framework.TORCH, "2.5.1", 1, null, null, 1));
		assertRule(Kind.INVALID, "globalSeed",
				SeedRequests.of(Framework.TORCH, "2.5.1", null, null, DataSeedPolicy.LINKED, 1, false));
		assertRule(Kind.INVALID, "torchVersion", new SeedRequest(Framework.TORCH, FrameworkRelease.parse("2.5.1"), null,
				BigInteger.ONE, null, DataSeedPolicy.LINKED, 1, false));
	}

	private static DataSeedDecision decide(Framework framework, String version, long global, Long data,
			DataSeedPolicy policy, int worldSize) {
		return DataSeedPolicies.decide(request(framework, version, global, data, policy, worldSize));
	}

	private static SeedRequest request(Framework framework, String version, long global, Long data,
			DataSeedPolicy policy, int worldSize) {
		return SeedRequests.of(framework, version, global, data, policy, worldSize);
	}

	private static SeedRuleException assertRule(Kind kind, String field, SeedRequest request) {
		return assertRule(kind, field, () -> DataSeedPolicies.decide(request));
	}

	private static SeedRuleException assertRule(Kind kind, String field, ThrowingCallable call) {
		SeedRuleException ex = catchThrowableOfType(SeedRuleException.class, call);
		assertThat(ex).as("expected a " + kind + " rule error on " + field).isNotNull();
		assertThat(ex.kind()).as(ex.getMessage()).isEqualTo(kind);
		assertThat(ex.field()).as(ex.getMessage()).isEqualTo(field);
		return ex;
	}

}
