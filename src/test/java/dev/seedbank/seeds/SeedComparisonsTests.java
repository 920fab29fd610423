package dev.seedbank.seeds;

import java.math.BigInteger;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

class SeedComparisonsTests {

	@Test
	void composerDefaultDataSeedHidesDifferentGlobalSeeds() {
		SeedComparison comparison = SeedComparisons.compare(composer(17), composer(42));
		assertThat(comparison.sameDataOrder()).isTrue();
		assertThat(comparison.differingSeeds()).containsExactly("globalSeed", "processSeeds");
		assertThat(comparison.ranksWithDifferentProcessSeeds()).containsExactly(0, 1, 2, 3);
		assertThat(comparison.warnings()).singleElement()
			.asString()
			.startsWith("different global seeds, same data order: both use the default data seed 0");
	}

	@Test
	void differentSamplerSeedsGiveDifferentOrders() {
		ComparedExperiment left = experiment(Framework.TORCH, 17, 17, DataSeedPolicy.LINKED, true, "v1");
		ComparedExperiment right = experiment(Framework.TORCH, 42, 42, DataSeedPolicy.LINKED, true, "v1");
		SeedComparison comparison = SeedComparisons.compare(left, right);
		assertThat(comparison.sameDataOrder()).isFalse();
		assertThat(comparison.differingSeeds()).containsExactly("globalSeed", "effectiveDataSeed", "processSeeds");
		assertThat(comparison.warnings()).isEmpty();
	}

	@Test
	void sameSeedsAndSettingsGiveTheSameOrder() {
		ComparedExperiment left = experiment(Framework.TORCH, 17, 17, DataSeedPolicy.LINKED, true, "v1");
		SeedComparison comparison = SeedComparisons.compare(left, left);
		assertThat(comparison.sameDataOrder()).isTrue();
		assertThat(comparison.differingSeeds()).isEmpty();
		assertThat(comparison.ranksWithDifferentProcessSeeds()).isEmpty();
	}

	@Test
	void seedsEqualInTheirLow32BitsGiveTheSameOrder() {
		long above = (1L << 32) + 17;
		ComparedExperiment left = experiment(Framework.TORCH, 17, 17, DataSeedPolicy.LINKED, true, "v1");
		ComparedExperiment right = experiment(Framework.TORCH, above, above, DataSeedPolicy.LINKED, true, "v1");
		SeedComparison comparison = SeedComparisons.compare(left, right);
		assertThat(comparison.sameDataOrder()).isTrue();
		assertThat(comparison.explanation()).contains("low 32 bits");
	}

	@Test
	void anotherRandpermVariantGivesAnotherOrder() {
		ComparedExperiment left = experiment(Framework.TORCH, 17, 17, DataSeedPolicy.LINKED, true, "v1");
		ComparedExperiment right = experiment(Framework.TORCH, 17, 17, DataSeedPolicy.LINKED, true, "v2");
		SeedComparison comparison = SeedComparisons.compare(left, right);
		assertThat(comparison.sameDataOrder()).isFalse();
		assertThat(comparison.differingSettings()).containsExactly("randpermVariant");
	}

	@Test
	void withoutShuffleSeedsDoNotMatter() {
		ComparedExperiment left = experiment(Framework.TORCH, 17, 17, DataSeedPolicy.LINKED, false, "v1");
		ComparedExperiment right = experiment(Framework.TORCH, 42, 42, DataSeedPolicy.LINKED, false, "v2");
		SeedComparison comparison = SeedComparisons.compare(left, right);
		assertThat(comparison.sameDataOrder()).isTrue();
		assertThat(comparison.explanation()).contains("neither sampler shuffles");
		assertThat(comparison.warnings()).isEmpty();
	}

	@Test
	void differentWorldSizesGiveDifferentOrders() {
		ComparedExperiment left = composer(17);
		SeedRequest eight = SeedRequests.of(Framework.COMPOSER, "0.28.0", 17, null, DataSeedPolicy.FRAMEWORK_DEFAULT,
				8);
		ComparedExperiment right = new ComparedExperiment(eight, BigInteger.ZERO, 1000, true, false, "v1");
		SeedComparison comparison = SeedComparisons.compare(left, right);
		assertThat(comparison.sameDataOrder()).isFalse();
		assertThat(comparison.differingSettings()).containsExactly("worldSize");
		assertThat(comparison.differingSeeds()).containsExactly("processSeeds");
		assertThat(comparison.ranksWithDifferentProcessSeeds()).isEmpty();
	}

	@Test
	void independentDataSeedsDifferOnlyInDataSeed() {
		SeedRequest a = SeedRequests.of(Framework.ACCELERATE, "1.0.0", 17, 5L, DataSeedPolicy.INDEPENDENT, 2);
		SeedRequest b = SeedRequests.of(Framework.ACCELERATE, "1.0.0", 17, 6L, DataSeedPolicy.INDEPENDENT, 2);
		SeedComparison comparison = SeedComparisons.compare(
				new ComparedExperiment(a, BigInteger.valueOf(5), 1000, true, false, "v1"),
				new ComparedExperiment(b, BigInteger.valueOf(6), 1000, true, false, "v1"));
		assertThat(comparison.sameDataOrder()).isFalse();
		assertThat(comparison.differingSeeds()).containsExactly("dataSeed", "effectiveDataSeed");
	}

	private static ComparedExperiment composer(long globalSeed) {
		return experiment(Framework.COMPOSER, globalSeed, 0, DataSeedPolicy.FRAMEWORK_DEFAULT, true, "v1");
	}

	private static ComparedExperiment experiment(Framework framework, long global, long effective,
			DataSeedPolicy policy, boolean shuffle, String variant) {
		String version = (framework == Framework.COMPOSER) ? "0.28.0" : "2.5.1";
		SeedRequest request = SeedRequests.of(framework, version, global, null, policy, 4);
		return new ComparedExperiment(request, BigInteger.valueOf(effective), 1000, shuffle, false, variant);
	}

}
