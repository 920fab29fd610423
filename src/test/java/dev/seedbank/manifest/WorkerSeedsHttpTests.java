package dev.seedbank.manifest;

import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import dev.seedbank.EndToEndTest;
import dev.seedbank.TestHttp;
import dev.seedbank.TestHttp.Response;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import tools.jackson.databind.JsonNode;

import static dev.seedbank.manifest.ManifestTests.assertProblem;
import static org.assertj.core.api.Assertions.assertThat;

class WorkerSeedsHttpTests extends EndToEndTest {

	ManifestExperiments experiments;

	@BeforeEach
	void setUp() {
		this.experiments = new ManifestExperiments(this.http);
	}

	@Test
	void everyConformanceRowOfTorch113IsServedOverHttp() throws IOException {
		List<JsonNode> rows = conformanceRows();
		assertThat(rows).hasSize(18);
		Map<String, String> experimentByLoaderSeed = new HashMap<>();
		for (JsonNode row : rows) {
			// torch seeds every rank with the global seed, and the loader with the
			// process seed: globalSeed = loaderSeed makes rank 0's loader the row's.
			String loaderSeed = row.get("loaderSeed").asString();
			String id = experimentByLoaderSeed.computeIfAbsent(loaderSeed,
					(seed) -> this.experiments.create("torch", "1.13.1", "1.13.1", seed, "null", "LINKED", 2, false));
			Response response = this.http.get("/api/v1/experiments/" + id + "/ranks/0/epochs/"
					+ row.get("epoch").asInt() + "/workers?numWorkers=" + row.get("numWorkers").asInt());
			assertThat(response.status()).as(response.text()).isEqualTo(200);
			JsonNode answer = response.json();
			String where = "loaderSeed " + loaderSeed + ", epoch " + row.get("epoch") + ", numWorkers "
					+ row.get("numWorkers");
			assertThat(answer.get("loaderSeed").asString()).as(where).isEqualTo(loaderSeed);
			assertThat(answer.get("baseSeed").isIntegralNumber()).as(where).isTrue();
			assertThat(answer.get("baseSeed").asLong()).as(where).isEqualTo(row.get("baseSeed").asLong());
			assertThat(answer.get("numpySeeded").asBoolean()).as(where).isTrue();
			assertThat(answer.get("workers")).as(where).hasSize(row.get("workers").size());
			for (int w = 0; w < row.get("workers").size(); w++) {
				JsonNode expected = row.get("workers").get(w);
				JsonNode actual = answer.get("workers").get(w);
				assertThat(actual.get("workerId").asInt()).as(where + ", worker " + w).isEqualTo(w);
				assertThat(actual.get("seed").isIntegralNumber()).as(where + ", worker " + w).isTrue();
				assertThat(actual.get("seed").bigIntegerValue()).as(where + ", worker " + w)
					.isEqualTo(expected.get("seed").bigIntegerValue());
				assertThat(actual.get("numpySeed")).as(where + ", worker " + w).isEqualTo(expected.get("numpySeed"));
			}
		}
	}

	@Test
	void torch18WorkersDoNotSeedNumpyAndTorch19WorkersDo() {
		String torch18 = this.experiments.create("torch", "1.8.1", "1.8.1", "42", "null", "LINKED", 1, false);
		String torch19 = this.experiments.create("torch", "1.9.0", "1.9.0", "42", "null", "LINKED", 1, false);
		JsonNode old = workers(torch18, 0, 1, 2).json();
		JsonNode current = workers(torch19, 0, 1, 2).json();
		assertThat(old.get("baseSeed").asLong()).isEqualTo(8314211556539077902L)
			.isEqualTo(current.get("baseSeed").asLong());
		assertThat(old.get("numpySeeded").asBoolean()).isFalse();
		assertThat(old.get("workers").findValues("numpySeed")).allMatch(JsonNode::isNull);
		assertThat(old.get("note").asString()).contains("do not seed NumPy");
		assertThat(current.get("numpySeeded").asBoolean()).isTrue();
		assertThat(current.get("workers").get(0).get("numpySeed")).hasSize(4);
		assertThat(current.get("workers").get(0).get("numpySeed").get(0).asLong()).isEqualTo(1688551022L);
		assertThat(current.get("workers").get(1).get("seed").asLong()).isEqualTo(8314211556539077903L);
	}

	@Test
	void persistentWorkersKeepTheFirstEpochsBaseSeed() {
		String id = this.experiments.create("torch", "1.13.1", "1.13.1", "42", "null", "LINKED", 1, false);
		Response persistent = this.http
			.get("/api/v1/experiments/" + id + "/ranks/0/epochs/2/workers?numWorkers=1&persistentWorkers=true");
		assertThat(persistent.json().get("persistentWorkers").asBoolean()).isTrue();
		assertThat(persistent.json().get("epoch").asInt()).isEqualTo(2);
		assertThat(persistent.json().get("baseSeed").asLong()).isEqualTo(6909045637428952499L);
		assertThat(workers(id, 0, 2, 1).json().get("baseSeed").asLong()).isEqualTo(4279532810384561223L);
	}

	@Test
	void composerWorkersFollowTheRanksLoaderSeed() {
		String id = this.experiments.create("composer", "0.28.0", "1.13.1", "40", "null", "LINKED", 4, false);
		JsonNode rank2 = workers(id, 2, 0, 1).json();
		assertThat(rank2.get("loaderSeed").asInt()).isEqualTo(42);
		assertThat(rank2.get("baseSeed").asLong()).isEqualTo(6909045637428952499L);
		assertThat(rank2.get("rank").asInt()).isEqualTo(2);
	}

	@ParameterizedTest(name = "{0}")
	@CsvSource(delimiter = '|', textBlock = """
			no workers            | 0/workers?numWorkers=0       | numWorkers
			negative workers      | 0/workers?numWorkers=-1      | numWorkers
			too many workers      | 0/workers?numWorkers=1025    | numWorkers
			workers not a number  | 0/workers?numWorkers=two     | numWorkers
			workers missing       | 0/workers                    | numWorkers
			negative epoch        | -1/workers?numWorkers=1      | epoch
			epoch over the cap    | 1000001/workers?numWorkers=1 | epoch
			""")
	void badWorkerQueriesAre400sNamingTheParameter(String label, String tail, String field) {
		String id = this.experiments.create("torch", "2.5.1", 17, "LINKED", 2);
		assertProblem(this.http.get("/api/v1/experiments/" + id + "/ranks/0/epochs/" + tail), 400, field);
	}

	@Test
	void theZeroWorkersProblemSaysTheMainProcessLoads() {
		String id = this.experiments.create("torch", "2.5.1", 17, "LINKED", 2);
		Response response = workers(id, 0, 0, 0);
		assertThat(response.json().get("detail").asString()).contains("main process");
	}

	@Test
	void aRankOutsideTheWorldOrAnUnknownExperimentIsAProblem() {
		String id = this.experiments.create("torch", "2.5.1", 17, "LINKED", 2);
		assertProblem(workers(id, 2, 0, 1), 400, "rank");
		assertThat(workers(UUID.randomUUID().toString(), 0, 0, 1).status()).isEqualTo(404);
	}

	@Test
	void theHighestEpochIsAnsweredQuickly() {
		String id = this.experiments.create("torch", "2.5.1", 17, "LINKED", 1);
		long start = System.nanoTime();
		Response response = workers(id, 0, 1_000_000, 1);
		assertThat(response.status()).as(response.text()).isEqualTo(200);
		assertThat((System.nanoTime() - start) / 1_000_000).as("milliseconds").isLessThan(5_000);
	}

	private Response workers(String id, int rank, int epoch, int numWorkers) {
		return this.http.get("/api/v1/experiments/" + id + "/ranks/" + rank + "/epochs/" + epoch
				+ "/workers?numWorkers=" + numWorkers);
	}

	static List<JsonNode> conformanceRows() throws IOException {
		try (InputStream in = WorkerSeedsHttpTests.class
			.getResourceAsStream("/conformance/torch-1.13-dataloader-workers.jsonl")) {
			String text = new String(in.readAllBytes(), StandardCharsets.UTF_8);
			return text.lines().filter((line) -> !line.isBlank()).map(TestHttp.json()::readTree).toList();
		}
	}

}
