package dev.seedbank.experiment;

import java.util.UUID;

import dev.seedbank.ExperimentJson;

/**
 * Request bodies for experiment tests, each with a name no other test uses; built by
 * {@link ExperimentJson}, which new tests use directly.
 */
final class ExperimentBodies {

	private ExperimentBodies() {
	}

	static String uniqueName(String prefix) {
		return prefix + "-" + UUID.randomUUID();
	}

	static String body(String name, String globalSeed, String dataSeed, String policy) {
		return ExperimentJson.exactly(name)
			.description("test")
			.globalSeed(globalSeed)
			.dataSeed(dataSeed)
			.policy(policy)
			.tags("{\"team\": \"vision\"}")
			.json();
	}

	static String body(String name) {
		return body(name, "17", "null", "LINKED");
	}

}
