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

	/**
	 * A record of any sampler kind, seeded LINKED with 17 (so its sampler seed is 17).
	 * @param name the record's name
	 * @param framework torch, composer, accelerate or lightning
	 * @param frameworkVersion its version
	 * @param sampler the {@code sampler} object, as JSON
	 * @param seedWorkers the {@code seedWorkers} field, as JSON ({@code null} leaves it
	 * out)
	 * @return the body
	 */
	static String withSampler(String name, String framework, String frameworkVersion, String sampler,
			String seedWorkers) {
		String workers = (seedWorkers != null) ? "\"seedWorkers\": " + seedWorkers + ", " : "";
		return """
				{"name": "%s", "framework": "%s", "frameworkVersion": "%s", "torchVersion": "2.5.1",
				 "globalSeed": 17, "dataSeed": null, "dataSeedPolicy": "LINKED", %s"sampler": %s}
				""".formatted(name, framework, frameworkVersion, workers, sampler);
	}

}
