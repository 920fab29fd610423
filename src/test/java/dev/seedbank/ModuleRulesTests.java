package dev.seedbank;

import java.util.List;

import com.tngtech.archunit.core.domain.Dependency;
import com.tngtech.archunit.core.domain.JavaClass;
import com.tngtech.archunit.core.domain.JavaClasses;
import com.tngtech.archunit.core.importer.ClassFileImporter;
import com.tngtech.archunit.core.importer.ImportOption;
import com.tngtech.archunit.lang.ArchCondition;
import com.tngtech.archunit.lang.ArchRule;
import com.tngtech.archunit.lang.ConditionEvents;
import com.tngtech.archunit.lang.SimpleConditionEvent;
import jakarta.persistence.Entity;
import org.junit.jupiter.api.Test;

import org.springframework.web.bind.annotation.RestController;

import static com.tngtech.archunit.base.DescribedPredicate.not;
import static com.tngtech.archunit.core.domain.JavaClass.Predicates.resideInAPackage;
import static com.tngtech.archunit.core.domain.properties.CanBeAnnotated.Predicates.annotatedWith;
import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.classes;
import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.noClasses;
import static com.tngtech.archunit.library.dependencies.SlicesRuleDefinition.slices;
import static org.assertj.core.api.Assertions.assertThat;

/**
 * The module boundaries of STYLE.md, checked on every main class by
 * {@code ./mvnw verify}. A rule is a constant so {@link ModuleRuleFixturesTests} can show
 * each one failing on a class that breaks it.
 * <p>
 * Modules: the engine ({@code sampling}, {@code seeds}: plain Java), the features
 * ({@link #FEATURES}), and the shared HTTP layer {@code web} with the OpenAPI document in
 * {@code web.openapi}.
 */
class ModuleRulesTests {

	/** Packages holding a feature: its service, its records, its endpoints. */
	static final List<String> FEATURES = List.of("experiment", "order", "manifest", "security", "timeline");

	/** The torch engine could be lifted out as a library tomorrow: JDK only. */
	static final ArchRule SAMPLING_IS_PLAIN_JAVA = classes().that()
		.resideInAPackage("dev.seedbank.sampling..")
		.should()
		.onlyDependOnClassesThat()
		.resideInAnyPackage("java..", "dev.seedbank.sampling..")
		.because("the engine imports no Spring, JPA, Jackson, web or feature type, nor seeds (STYLE.md habit 2)");

	/** Seed policies and worker-seed math sit on the engine and nothing else. */
	static final ArchRule SEEDS_IS_PLAIN_JAVA = classes().that()
		.resideInAPackage("dev.seedbank.seeds..")
		.should()
		.onlyDependOnClassesThat()
		.resideInAnyPackage("java..", "dev.seedbank.seeds..", "dev.seedbank.sampling..")
		.because("seed rules import no Spring, JPA, Jackson, web or feature type (STYLE.md habit 2)");

	/**
	 * Services throw domain exceptions; only the web layer knows problem types. No class
	 * is exempt by name: what writes HTTP lives in a {@code web} package.
	 */
	static final ArchRule SERVICES_NEVER_SPEAK_HTTP = noClasses().that(not(resideInAPackage("dev.seedbank..web..")))
		.and(not(annotatedWith(RestController.class)))
		.should()
		.dependOnClassesThat()
		.resideInAPackage("dev.seedbank.web..")
		.because("a service throws its own exception and web/ProblemHandler maps it (COMMON.md)");

	/**
	 * A feature is used through its top-level package: never another feature's entity,
	 * repository or subpackage (its {@code web} endpoints and bodies).
	 */
	static final ArchRule FEATURES_MEET_ONLY_THROUGH_PUBLISHED_API = classes().that()
		.resideInAPackage("dev.seedbank..")
		.should(reachOtherFeaturesOnlyThroughTheirApi());

	/** Features depend downwards; two features never need each other. */
	static final ArchRule FEATURES_ARE_FREE_OF_CYCLES = slices()
		.matching("dev.seedbank.(" + String.join("|", FEATURES) + ")..")
		.should()
		.beFreeOfCycles();

	/** Manifests are computed, never stored: they hold no persistence of their own. */
	static final ArchRule MANIFEST_HOLDS_NO_PERSISTENCE = noClasses().that()
		.resideInAPackage("dev.seedbank.manifest..")
		.should()
		.dependOnClassesThat()
		.resideInAnyPackage("jakarta.persistence..", "org.springframework.data..")
		.because("manifests read experiments through ExperimentService and its snapshot (STYLE.md habit 3)");

	private static JavaClasses main;

	static synchronized JavaClasses mainClasses() {
		if (main == null) {
			main = new ClassFileImporter().withImportOption(ImportOption.Predefined.DO_NOT_INCLUDE_TESTS)
				.importPackages("dev.seedbank");
		}
		return main;
	}

	@Test
	void samplingIsPlainJava() {
		SAMPLING_IS_PLAIN_JAVA.check(mainClasses());
	}

	@Test
	void seedsIsPlainJava() {
		SEEDS_IS_PLAIN_JAVA.check(mainClasses());
	}

	@Test
	void servicesNeverSpeakHttp() {
		SERVICES_NEVER_SPEAK_HTTP.check(mainClasses());
	}

	@Test
	void featuresMeetOnlyThroughPublishedApi() {
		FEATURES_MEET_ONLY_THROUGH_PUBLISHED_API.check(mainClasses());
	}

	@Test
	void featuresAreFreeOfCycles() {
		FEATURES_ARE_FREE_OF_CYCLES.check(mainClasses());
	}

	@Test
	void manifestHoldsNoPersistence() {
		MANIFEST_HOLDS_NO_PERSISTENCE.check(mainClasses());
	}

	/**
	 * The feature a class belongs to, or {@code null} for the engine and shared layers.
	 */
	static String featureOf(JavaClass type) {
		String name = type.getPackageName();
		for (String feature : FEATURES) {
			String root = "dev.seedbank." + feature;
			if (name.equals(root) || name.startsWith(root + ".")) {
				return feature;
			}
		}
		return null;
	}

	/**
	 * A feature's internals: entities, repositories, and everything below its package.
	 */
	static boolean internal(JavaClass type) {
		JavaClass base = type.getBaseComponentType();
		String feature = featureOf(base);
		if (feature == null) {
			return false;
		}
		JavaClass outermost = base;
		while (outermost.getEnclosingClass().isPresent()) {
			outermost = outermost.getEnclosingClass().get();
		}
		return !base.getPackageName().equals("dev.seedbank." + feature) || outermost.isAnnotatedWith(Entity.class)
				|| outermost.getAllRawInterfaces()
					.stream()
					.anyMatch((parent) -> parent.getPackageName().startsWith("org.springframework.data.repository")
							|| parent.getPackageName().startsWith("org.springframework.data.jpa.repository"));
	}

	private static ArchCondition<JavaClass> reachOtherFeaturesOnlyThroughTheirApi() {
		return new ArchCondition<>("reach other features only through their published API") {
			@Override
			public void check(JavaClass origin, ConditionEvents events) {
				String own = featureOf(origin);
				for (Dependency dependency : origin.getDirectDependenciesFromSelf()) {
					JavaClass target = dependency.getTargetClass().getBaseComponentType();
					String other = featureOf(target);
					if (other != null && !other.equals(own) && internal(target)) {
						events.add(SimpleConditionEvent.violated(dependency,
								dependency.getDescription() + ": " + target.getName() + " is internal to " + other));
					}
				}
			}
		};
	}

}
