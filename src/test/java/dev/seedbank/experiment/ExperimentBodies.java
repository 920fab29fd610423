package dev.seedbank.experiment;

import java.util.UUID;

/** Request bodies for experiment tests, each with a name no other test uses. */
final class ExperimentBodies {

	private ExperimentBodies() {
	}

	static String uniqueName(String prefix) {
		return prefix + "-" + UUID.randomUUID();
	}

	static String body(String name, String globalSeed, String dataSeed, String policy) {
		return """
				{"name": "%s", "description": "test", "framework": "torch", "frameworkVersion": "2.5.1",
				 "torchVersion": "2.5.1", "globalSeed": %s, "dataSeed": %s, "dataSeedPolicy": "%s",
				 "sampler": {"datasetSize": 1000, "worldSize": 4, "shuffle": true, "dropLast": false},
				 "tags": {"team": "vision"}}
				""".formatted(name, globalSeed, dataSeed, policy);
	}

	static String body(String name) {
		return body(name, "17", "null", "LINKED");
	}

}
