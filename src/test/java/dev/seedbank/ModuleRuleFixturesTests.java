package dev.seedbank;

import com.tngtech.archunit.core.domain.JavaClasses;
import com.tngtech.archunit.core.importer.ClassFileImporter;
import com.tngtech.archunit.lang.ArchRule;
import com.tngtech.archunit.lang.EvaluationResult;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Each rule of {@link ModuleRulesTests} fails on a test class that breaks it on purpose
 * (the {@code RuleBreaker} classes under src/test), so a rule that silently matches
 * nothing cannot pass.
 */
class ModuleRuleFixturesTests {

	private static final JavaClasses BREAKERS = new ClassFileImporter().importClasses(
			type("dev.seedbank.sampling.RuleBreaker"), type("dev.seedbank.seeds.RuleBreaker"),
			type("dev.seedbank.order.RuleBreaker"), type("dev.seedbank.manifest.RuleBreaker"),
			type("dev.seedbank.experiment.RuleBreakerBack"), type("dev.seedbank.security.RuleBreaker"),
			// Imported, not resolved (archunit.properties): its @Entity must be read.
			dev.seedbank.experiment.Experiment.class);

	@Test
	void theEngineCallingSpringFails() {
		assertReports(ModuleRulesTests.SAMPLING_IS_PLAIN_JAVA, "dev.seedbank.sampling.RuleBreaker",
				"org.springframework.util.Assert");
	}

	@Test
	void aSeedRuleAnnotatedForJpaFails() {
		assertReports(ModuleRulesTests.SEEDS_IS_PLAIN_JAVA, "dev.seedbank.seeds.RuleBreaker",
				"jakarta.persistence.Transient");
	}

	@Test
	void aServiceThrowingAnApiExceptionFails() {
		assertReports(ModuleRulesTests.SERVICES_NEVER_SPEAK_HTTP, "dev.seedbank.order.RuleBreaker",
				"dev.seedbank.web.ApiException");
	}

	@Test
	void anHttpAdapterOutsideAWebPackageFails() {
		assertReports(ModuleRulesTests.SERVICES_NEVER_SPEAK_HTTP, "dev.seedbank.security.RuleBreaker",
				"dev.seedbank.web.Problems");
	}

	@Test
	void aFeatureLoadingAnotherFeaturesEntityFails() {
		assertReports(ModuleRulesTests.FEATURES_MEET_ONLY_THROUGH_PUBLISHED_API, "dev.seedbank.manifest.RuleBreaker",
				"dev.seedbank.experiment.Experiment is internal to experiment");
	}

	@Test
	void twoFeaturesNeedingEachOtherFail() {
		assertReports(ModuleRulesTests.FEATURES_ARE_FREE_OF_CYCLES, "dev.seedbank.manifest.RuleBreaker",
				"dev.seedbank.experiment.RuleBreakerBack");
	}

	@Test
	void aManifestHoldingAnEntityManagerFails() {
		assertReports(ModuleRulesTests.MANIFEST_HOLDS_NO_PERSISTENCE, "dev.seedbank.manifest.RuleBreaker",
				"jakarta.persistence.EntityManager");
	}

	/** By name: the breakers are package-private, like the classes they imitate. */
	private static Class<?> type(String name) {
		try {
			return Class.forName(name);
		}
		catch (ClassNotFoundException ex) {
			throw new IllegalStateException(ex);
		}
	}

	private static void assertReports(ArchRule rule, String breaker, String reached) {
		EvaluationResult result = rule.evaluate(BREAKERS);
		assertThat(result.hasViolation()).as(rule.getDescription()).isTrue();
		assertThat(result.getFailureReport().getDetails()).as(rule.getDescription())
			.anyMatch((line) -> line.contains(breaker) && line.contains(reached));
	}

}
