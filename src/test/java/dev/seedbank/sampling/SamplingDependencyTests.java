package dev.seedbank.sampling;

import com.tngtech.archunit.core.importer.ClassFileImporter;
import com.tngtech.archunit.core.importer.ImportOption;
import org.junit.jupiter.api.Test;

import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.noClasses;

/** The engine is plain Java: it could be lifted out as a library tomorrow. */
class SamplingDependencyTests {

	@Test
	void samplingImportsNoFrameworkAndNoFeaturePackage() {
		noClasses().that()
			.resideInAPackage("dev.seedbank.sampling..")
			.should()
			.dependOnClassesThat()
			.resideInAnyPackage("org.springframework..", "jakarta..", "tools.jackson..", "dev.seedbank.experiment..",
					"dev.seedbank.order..", "dev.seedbank.manifest..", "dev.seedbank.web..", "dev.seedbank.seeds..")
			.check(new ClassFileImporter().withImportOption(ImportOption.Predefined.DO_NOT_INCLUDE_TESTS)
				.importPackages("dev.seedbank.sampling"));
	}

}
