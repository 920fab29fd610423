package dev.seedbank.manifest;

import java.util.UUID;

import dev.seedbank.TestHttp;
import dev.seedbank.TestHttp.Response;

import static org.assertj.core.api.Assertions.assertThat;

/** Creates experiments over HTTP for the manifest tests, each under a fresh name. */
final class ManifestExperiments {

	private final TestHttp http;

	ManifestExperiments(TestHttp http) {
		this.http = http;
	}

	static String body(String framework, String frameworkVersion, String torchVersion, String globalSeed,
			String dataSeed, String policy, int worldSize, boolean deviceSpecific) {
		return """
				{"name": "manifest-%s", "framework": "%s", "frameworkVersion": "%s", "torchVersion": "%s",
				 "globalSeed": %s, "dataSeed": %s, "dataSeedPolicy": "%s", "deviceSpecific": %s,
				 "sampler": {"datasetSize": 1000, "worldSize": %d, "shuffle": true, "dropLast": false}}
				""".formatted(UUID.randomUUID(), framework, frameworkVersion, torchVersion, globalSeed, dataSeed,
				policy, deviceSpecific, worldSize);
	}

	Response post(String framework, String frameworkVersion, String torchVersion, String globalSeed, String dataSeed,
			String policy, int worldSize, boolean deviceSpecific) {
		return this.http.post("/api/v1/experiments", body(framework, frameworkVersion, torchVersion, globalSeed,
				dataSeed, policy, worldSize, deviceSpecific));
	}

	String create(String framework, String frameworkVersion, String torchVersion, String globalSeed, String dataSeed,
			String policy, int worldSize, boolean deviceSpecific) {
		Response created = post(framework, frameworkVersion, torchVersion, globalSeed, dataSeed, policy, worldSize,
				deviceSpecific);
		assertThat(created.status()).as(created.text()).isEqualTo(201);
		return created.json().get("id").asString();
	}

	String create(String framework, String frameworkVersion, long globalSeed, String policy, int worldSize) {
		return create(framework, frameworkVersion, "2.5.1", String.valueOf(globalSeed), "null", policy, worldSize,
				false);
	}

}
