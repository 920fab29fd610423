package dev.seedbank.seeds;

import com.tngtech.archunit.core.domain.JavaClasses;
import com.tngtech.archunit.core.importer.ClassFileImporter;
import com.tngtech.archunit.core.importer.ImportOption;
import org.junit.jupiter.api.Test;

import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.noClasses;

/**
 * The seeds engine is plain Java (STYLE.md, habit 2): no Spring, no Jakarta, nothing from
 * the feature packages above it.
 */
class SeedsDependencyTests {

	@Test
	void seedsDependsOnNoFrameworkAndNoFeaturePackage() {
		JavaClasses classes = new ClassFileImporter().withImportOption(ImportOption.Predefined.DO_NOT_INCLUDE_TESTS)
			.importPackages("dev.seedbank.seeds");
		noClasses().that()
			.resideInAPackage("dev.seedbank.seeds..")
			.should()
			.dependOnClassesThat()
			.resideInAnyPackage("org.springframework..", "jakarta..", "dev.seedbank.experiment..",
					"dev.seedbank.manifest..", "dev.seedbank.order..", "dev.seedbank.web..")
			.check(classes);
	}

}
