package dev.seedbank.manifest;

import java.util.UUID;

import dev.seedbank.EndToEndTest;
import dev.seedbank.TestHttp.Response;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;

import static dev.seedbank.manifest.ManifestTests.assertProblem;
import static org.assertj.core.api.Assertions.assertThat;

class CompareTests extends EndToEndTest {

	private static final String PITFALL = "different global seeds, same data order: both use the default data seed 0";

	ManifestExperiments experiments;

	@BeforeEach
	void setUp() {
		this.experiments = new ManifestExperiments(this.http);
	}

	@Test
	void twoComposer027RunsOnTheDefaultDataSeedSeeTheSameOrderAndAreWarnedAbout() {
		String left = this.experiments.create("composer", "0.27.0", 17, "FRAMEWORK_DEFAULT", 4);
		String right = this.experiments.create("composer", "0.27.0", 42, "FRAMEWORK_DEFAULT", 4);
		Response response = compare(left, right);
		assertThat(response.status()).as(response.text()).isEqualTo(200);
		JsonNode comparison = response.json();
		assertThat(comparison.get("sameDataOrder").asBoolean()).isTrue();
		assertThat(comparison.get("warnings").valueStream().map(JsonNode::asString))
			.anyMatch((warning) -> warning.startsWith(PITFALL));
		assertThat(comparison.get("differingSeeds").valueStream().map(JsonNode::asString)).containsExactly("globalSeed",
				"processSeeds");
		assertThat(comparison.get("differingSettings")).isEmpty();
		assertThat(comparison.get("processSeedDifferenceCount").asInt()).isEqualTo(4);
		JsonNode rank3 = comparison.get("processSeedDifferences").get(3);
		assertThat(rank3.get("rank").asInt()).isEqualTo(3);
		assertThat(rank3.get("left").isIntegralNumber()).isTrue();
		assertThat(rank3.get("left").asInt()).isEqualTo(20);
		assertThat(rank3.get("right").asInt()).isEqualTo(45);
		assertThat(comparison.get("left").get("id").asString()).isEqualTo(left);
		assertThat(comparison.get("left").get("effectiveDataSeed").asInt()).isZero();
		assertThat(comparison.get("left").get("randpermVariant").asString()).isEqualTo("classic");
	}

	@Test
	void linkedComposerRunsWithDifferentGlobalSeedsSeeDifferentOrders() {
		String left = this.experiments.create("composer", "0.28.0", 17, "LINKED", 4);
		String right = this.experiments.create("composer", "0.28.0", 42, "LINKED", 4);
		JsonNode comparison = compare(left, right).json();
		assertThat(comparison.get("sameDataOrder").asBoolean()).isFalse();
		assertThat(comparison.get("warnings")).isEmpty();
		assertThat(comparison.get("differingSeeds").valueStream().map(JsonNode::asString)).contains("globalSeed",
				"effectiveDataSeed", "processSeeds");
		assertThat(comparison.get("explanation").asString()).startsWith("Different data order");
	}

	@Test
	void anExperimentComparedWithItselfDiffersInNothing() {
		String id = this.experiments.create("torch", "2.5.1", 17, "LINKED", 2);
		JsonNode comparison = compare(id, id).json();
		assertThat(comparison.get("sameDataOrder").asBoolean()).isTrue();
		assertThat(comparison.get("differingSeeds")).isEmpty();
		assertThat(comparison.get("processSeedDifferenceCount").asInt()).isZero();
		assertThat(comparison.get("processSeedDifferences")).isEmpty();
	}

	@Test
	void compareIsNotTakenForAnExperimentId() {
		Response missing = this.http.get("/api/v1/experiments/compare");
		assertProblem(missing, 400, "left");
		assertThat(missing.json().get("detail").asString()).doesNotContain("UUID");
	}

	@Test
	void unknownOrMalformedIdsAreProblems() {
		String id = this.experiments.create("torch", "2.5.1", 17, "LINKED", 2);
		Response unknown = compare(id, UUID.randomUUID().toString());
		assertThat(unknown.status()).isEqualTo(404);
		assertThat(unknown.header("Content-Type")).startsWith("application/problem+json");
		assertProblem(compare(id, "nope"), 400, "right");
	}

	private Response compare(String left, String right) {
		return this.http.get("/api/v1/experiments/compare?left=" + left + "&right=" + right);
	}

}
