package dev.seedbank.manifest;

import dev.seedbank.ExperimentJson;
import dev.seedbank.TestHttp;
import dev.seedbank.TestHttp.Response;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Creates experiments over HTTP for the manifest tests, each under a fresh name; bodies
 * by {@link ExperimentJson}.
 */
final class ManifestExperiments {

	private final TestHttp http;

	ManifestExperiments(TestHttp http) {
		this.http = http;
	}

	static String body(String framework, String frameworkVersion, String torchVersion, String globalSeed,
			String dataSeed, String policy, int worldSize, boolean deviceSpecific) {
		return ExperimentJson.named("manifest")
			.framework(framework, frameworkVersion)
			.torchVersion(torchVersion)
			.globalSeed(globalSeed)
			.dataSeed(dataSeed)
			.policy(policy)
			.deviceSpecific(deviceSpecific)
			.worldSize(worldSize)
			.json();
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
