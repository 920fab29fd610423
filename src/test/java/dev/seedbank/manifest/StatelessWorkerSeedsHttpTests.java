package dev.seedbank.manifest;

import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.util.List;

import dev.seedbank.EndToEndTest;
import dev.seedbank.TestHttp.Response;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * {@code GET /seeds/workers}: worker seeds without a record, against torch 1.13.1's
 * golden workers, the experiment form of the same loader, and its 400s and 422s. Real
 * torch 2.13 and Lightning 2.6.6 workers are in {@code StatelessWorkerSeedsLiveTests}.
 */
class StatelessWorkerSeedsHttpTests extends EndToEndTest {

	static final String WORKERS = "/api/v1/seeds/workers?";

	@Test
	void everyConformanceRowOfTorch113IsServedWithoutARecord() throws IOException {
		List<JsonNode> rows = WorkerSeedsHttpTests.conformanceRows();
		assertThat(rows).hasSize(18);
		for (JsonNode row : rows) {
			String where = "loaderSeed " + row.get("loaderSeed") + ", epoch " + row.get("epoch") + ", numWorkers "
					+ row.get("numWorkers");
			Response response = this.http.get(WORKERS + "loaderSeed=" + row.get("loaderSeed").asString() + "&epoch="
					+ row.get("epoch") + "&numWorkers=" + row.get("numWorkers") + "&torchVersion=1.13.1");
			assertThat(response.status()).as(response.text()).isEqualTo(200);
			JsonNode answer = response.json();
			assertThat(answer.get("experimentId").isNull()).as(where).isTrue();
			assertThat(answer.get("baseSeed").asLong()).as(where).isEqualTo(row.get("baseSeed").asLong());
			assertThat(answer.get("workers")).as(where).hasSize(row.get("workers").size());
			for (int w = 0; w < row.get("workers").size(); w++) {
				JsonNode expected = row.get("workers").get(w);
				JsonNode actual = answer.get("workers").get(w);
				assertThat(actual.get("workerId").asInt()).as(where + ", worker " + w).isEqualTo(w);
				assertThat(actual.get("seed").bigIntegerValue()).as(where + ", worker " + w)
					.isEqualTo(expected.get("seed").bigIntegerValue());
				assertThat(actual.get("randomSeed").bigIntegerValue()).as(where + ", worker " + w + ": random.seed")
					.isEqualTo(expected.get("seed").bigIntegerValue());
				assertThat(actual.get("numpySeed")).as(where + ", worker " + w).isEqualTo(expected.get("numpySeed"));
			}
		}
	}

	@Test
	void everyLightningLoaderRowIsServedWithAndWithoutSeedWorkers() throws IOException {
		List<JsonNode> rows;
		try (InputStream in = getClass().getResourceAsStream("/lightning/lightning-2.6.6-loader-worker-seeds.jsonl")) {
			JsonMapper json = JsonMapper.builder().build();
			rows = new String(in.readAllBytes(), StandardCharsets.UTF_8).lines().map(json::readTree).toList();
		}
		assertThat(rows).hasSize(20);
		for (JsonNode row : rows) {
			String query = WORKERS
					+ "loaderSeed=%s&epoch=%s&numWorkers=%s&rank=%s&shuffle=%s&datasetSize=%s".formatted(
							row.get("loaderSeed"), row.get("epoch"), row.get("numWorkers"), row.get("rank"),
							row.get("shuffle"), row.get("datasetSize"))
					+ "&framework=lightning&torchVersion=" + row.get("torchVersion").asString();
			for (boolean seedWorkers : List.of(false, true)) {
				Response response = this.http.get(query + "&seedWorkers=" + seedWorkers + "&frameworkVersion="
						+ row.get("lightningVersion").asString());
				assertThat(response.status()).as(query + ": " + response.text()).isEqualTo(200);
				JsonNode answer = response.json();
				assertThat(answer.get("baseSeed").asLong()).as(query).isEqualTo(row.get("baseSeed").asLong());
				JsonNode expected = row.get(seedWorkers ? "lightningWorkers" : "torchWorkers");
				assertThat(answer.get("workers")).as(query).hasSize(expected.size());
				for (int w = 0; w < expected.size(); w++) {
					for (String field : List.of("workerId", "seed", "randomSeed", "numpySeed")) {
						assertThat(answer.get("workers").get(w).get(field))
							.as("%s seedWorkers=%s, worker %d, %s", query, seedWorkers, w, field)
							.isEqualTo(expected.get(w).get(field));
					}
				}
			}
		}
	}

	@Test
	void theAnswerIsTheExperimentFormOfTheSameLoader() {
		ManifestExperiments experiments = new ManifestExperiments(this.http);
		String id = experiments.create("torch", "2.5.1", "2.5.1", "123456789", "null", "LINKED", 2, false);
		JsonNode recorded = this.http.get("/api/v1/experiments/" + id + "/ranks/0/epochs/3/workers?numWorkers=3")
			.json();
		JsonNode stateless = this.http
			.get(WORKERS + "loaderSeed=" + recorded.get("loaderSeed").asString()
					+ "&epoch=3&numWorkers=3&torchVersion=2.5.1")
			.json();
		assertThat(stateless.propertyNames()).containsExactlyInAnyOrderElementsOf(recorded.propertyNames());
		for (String field : List.of("epoch", "loaderSeed", "persistentWorkers", "numpySeeded", "baseSeed", "note",
				"workers")) {
			assertThat(stateless.get(field)).as(field).isEqualTo(recorded.get(field));
		}
	}

	@Test
	void persistentWorkersKeepTheFirstBaseSeedWithAndWithoutShuffle() {
		for (String shuffle : List.of("false", "true&datasetSize=100")) {
			String path = WORKERS + "loaderSeed=9&numWorkers=2&persistentWorkers=true&shuffle=" + shuffle + "&epoch=";
			long first = this.http.get(path + "0").json().get("baseSeed").asLong();
			assertThat(this.http.get(path + "4").json().get("baseSeed").asLong()).as(shuffle).isEqualTo(first);
		}
		String moving = WORKERS + "loaderSeed=9&numWorkers=2&shuffle=true&datasetSize=100&epoch=";
		assertThat(this.http.get(moving + "1").json().get("baseSeed"))
			.isNotEqualTo(this.http.get(moving + "0").json().get("baseSeed"));
	}

	@Test
	void aShufflingLoadersFirstBaseSeedIsDrawnBeforeItsSamplerDraws() {
		String path = WORKERS + "loaderSeed=77&numWorkers=1&epoch=0";
		assertThat(this.http.get(path + "&shuffle=true&datasetSize=50").json().get("baseSeed"))
			.isEqualTo(this.http.get(path).json().get("baseSeed"));
		assertThat(this.http.get(WORKERS + "loaderSeed=77&numWorkers=1&epoch=1&shuffle=true&datasetSize=50")
			.json()
			.get("baseSeed"))
			.isNotEqualTo(this.http.get(WORKERS + "loaderSeed=77&numWorkers=1&epoch=1").json().get("baseSeed"));
	}

	@Test
	void lightningSeedWorkersReseedsEveryWorkerByRank() {
		String path = WORKERS + "loaderSeed=5&epoch=0&numWorkers=2&framework=lightning&seedWorkers=true&rank=";
		JsonNode rank0 = this.http.get(path + "0").json();
		JsonNode rank1 = this.http.get(path + "1").json();
		JsonNode plain = this.http.get(WORKERS + "loaderSeed=5&epoch=0&numWorkers=2&framework=lightning").json();
		assertThat(rank0.get("baseSeed")).isEqualTo(plain.get("baseSeed"));
		assertThat(rank0.get("workers").get(0).get("seed")).isNotEqualTo(plain.get("workers").get(0).get("seed"));
		assertThat(rank0.get("workers").get(0).get("seed")).isNotEqualTo(rank1.get("workers").get(0).get("seed"));
		assertThat(rank0.get("workers").get(0).get("randomSeed")).isNotEqualTo(rank0.get("workers").get(0).get("seed"));
		assertThat(rank0.get("note").asString()).contains("pl_worker_init_function");
		assertThat(this.http.get(path + "0&frameworkVersion=2.4.0").json().get("workers").get(0).get("numpySeed"))
			.as("Lightning 2.4 gives np.random.seed one word")
			.hasSize(1);
	}

	@ParameterizedTest(name = "{1}: {0}")
	@CsvSource(delimiter = '|',
			textBlock = """
					epoch=0&numWorkers=2                                               | loaderSeed
					loaderSeed=1&numWorkers=2                                          | epoch
					loaderSeed=1&epoch=0                                               | numWorkers
					loaderSeed=1&epoch=0&numWorkers=0                                  | numWorkers
					loaderSeed=1&epoch=0&numWorkers=1025                               | numWorkers
					loaderSeed=1&epoch=-1&numWorkers=2                                 | epoch
					loaderSeed=1&epoch=1000001&numWorkers=2                            | epoch
					loaderSeed=1.5&epoch=0&numWorkers=2                                | loaderSeed
					loaderSeed=1&epoch=0&numWorkers=2&rank=-1                          | rank
					loaderSeed=1&epoch=0&numWorkers=2&framework=jax                    | framework
					loaderSeed=1&epoch=0&numWorkers=2&seedWorkers=true                 | seedWorkers
					loaderSeed=1&epoch=0&numWorkers=2&framework=composer&seedWorkers=true | seedWorkers
					loaderSeed=1&epoch=0&numWorkers=2&framework=lightning&seedWorkers=true&frameworkVersion=2.3.3 | frameworkVersion
					loaderSeed=1&epoch=0&numWorkers=2&framework=lightning&seedWorkers=true&frameworkVersion=next  | frameworkVersion
					loaderSeed=1&epoch=0&numWorkers=2&shuffle=true                     | datasetSize
					loaderSeed=1&epoch=0&numWorkers=2&shuffle=true&datasetSize=-1      | datasetSize
					loaderSeed=1&epoch=0&numWorkers=2&shuffle=true&datasetSize=9&torchVersion=1.10.2 | torchVersion
					loaderSeed=1&epoch=0&numWorkers=2&torchVersion=1.4.0               | torchVersion
					loaderSeed=1&epoch=0&numWorkers=2&persistentWorkers=sometimes      | persistentWorkers
					""")
	void badParametersAre400ProblemsNamingThem(String query, String parameter) {
		Response response = this.http.get(WORKERS + query);
		assertThat(response.status()).as(response.text()).isEqualTo(400);
		assertThat(response.header("Content-Type")).startsWith("application/problem+json");
		assertThat(response.json().get("errors").findValuesAsString("field")).containsExactly(parameter);
		assertThat(response.text()).doesNotContain("Exception");
	}

	@ParameterizedTest(name = "{1}")
	@CsvSource(delimiter = '|',
			textBlock = """
					loaderSeed=18446744073709551616&epoch=0&numWorkers=2                      | ValueError: Overflow when unpacking long long
					loaderSeed=-9223372036854775809&epoch=0&numWorkers=2&torchVersion=1.13.1  | RuntimeError: Overflow when unpacking long
					loaderSeed=1&epoch=0&numWorkers=2&shuffle=true&datasetSize=0              | num_samples should be a positive integer value
					""")
	void whatTorchWouldRaiseIsA422(String query, String raised) {
		Response response = this.http.get(WORKERS + query);
		assertThat(response.status()).as(response.text()).isEqualTo(422);
		assertThat(response.json().get("detail").asString()).contains(raised);
	}

}
