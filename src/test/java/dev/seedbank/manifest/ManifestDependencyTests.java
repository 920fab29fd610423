package dev.seedbank.manifest;

import com.tngtech.archunit.core.domain.JavaClasses;
import com.tngtech.archunit.core.importer.ClassFileImporter;
import com.tngtech.archunit.core.importer.ImportOption;
import org.junit.jupiter.api.Test;

import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.noClasses;

/**
 * The manifest endpoints read experiments through the service and its snapshot only
 * (STYLE.md, habit 3): never the entity, a repository or JPA.
 */
class ManifestDependencyTests {

	@Test
	void manifestReadsExperimentsOnlyThroughTheServiceAndItsSnapshot() {
		JavaClasses classes = new ClassFileImporter().withImportOption(ImportOption.Predefined.DO_NOT_INCLUDE_TESTS)
			.importPackages("dev.seedbank.manifest");
		noClasses().that()
			.resideInAPackage("dev.seedbank.manifest..")
			.should()
			.dependOnClassesThat()
			.haveNameMatching("dev\\.seedbank\\.experiment\\.(Experiment|.*Repository|IdempotencyRecord)")
			.orShould()
			.dependOnClassesThat()
			.resideInAnyPackage("jakarta.persistence..", "org.springframework.data..")
			.check(classes);
	}

}
