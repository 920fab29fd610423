package dev.seedbank.order;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.List;
import java.util.UUID;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;

import dev.seedbank.EndToEndTest;
import dev.seedbank.TestHttp;
import dev.seedbank.TestHttp.Response;
import io.micrometer.core.instrument.MeterRegistry;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;

import org.springframework.beans.factory.annotation.Autowired;

import static org.assertj.core.api.Assertions.assertThat;

class ExperimentIndicesTests extends EndToEndTest {

	@Autowired
	MeterRegistry registry;

	@Test
	void aRecordedExperimentServesTheStatelessOrderForItsEffectiveDataSeed() {
		String id = create(1000, 4, "LINKED", 123, "null");
		for (int epoch = 0; epoch < 3; epoch++) {
			for (int rank = 0; rank < 4; rank++) {
				Response recorded = this.http.get(indices(id, epoch, rank), "Accept", "application/octet-stream");
				Response stateless = this.http.get(
						"/api/v1/samplers/distributed/indices?datasetSize=1000&worldSize=4" + "&rank=" + rank
								+ "&epoch=" + epoch + "&seed=123&torchVersion=2.5.1",
						"Accept", "application/octet-stream");
				assertThat(recorded.status()).isEqualTo(200);
				assertThat(recorded.body()).isEqualTo(stateless.body());
				assertThat(recorded.header("Seedbank-Order-Sha256"))
					.isEqualTo(stateless.header("Seedbank-Order-Sha256"));
			}
		}
	}

	@Test
	void frameworkDefaultMeansSeedZeroWhateverTheGlobalSeed() {
		String a = create(100, 2, "FRAMEWORK_DEFAULT", 17, "null");
		String b = create(100, 2, "FRAMEWORK_DEFAULT", 42, "null");
		assertThat(this.http.get(indices(a, 1, 0)).header("Seedbank-Order-Sha256"))
			.isEqualTo(this.http.get(indices(b, 1, 0)).header("Seedbank-Order-Sha256"));
		String linked = create(100, 2, "LINKED", 42, "null");
		assertThat(this.http.get(indices(linked, 1, 0)).header("Seedbank-Order-Sha256"))
			.isNotEqualTo(this.http.get(indices(b, 1, 0)).header("Seedbank-Order-Sha256"));
	}

	@Test
	void verifyByDigestAndByPageReportsTheFirstMismatch() {
		String id = create(50, 2, "LINKED", 5, "null");
		Response page = this.http.get(indices(id, 0, 1));
		JsonNode json = page.json();
		String sha = json.get("sha256").asString();
		List<Long> seen = new ArrayList<>();
		json.get("indices").forEach((node) -> seen.add(node.asLong()));

		JsonNode byDigest = verify(id, "{\"sha256\": \"" + sha + "\", \"count\": 25}");
		assertThat(byDigest.get("match").asBoolean()).isTrue();
		assertThat(byDigest.get("expectedCount").asLong()).isEqualTo(25);
		assertThat(verify(id, "{\"sha256\": \"" + "0".repeat(64) + "\", \"count\": 25}").get("match").asBoolean())
			.isFalse();
		assertThat(verify(id, "{\"sha256\": \"" + sha + "\", \"count\": 24}").get("match").asBoolean()).isFalse();

		assertThat(verify(id, "{\"offset\": 3, \"indices\": " + seen.subList(3, 10) + "}").get("match").asBoolean())
			.isTrue();
		List<Long> wrong = new ArrayList<>(seen.subList(3, 10));
		wrong.set(4, wrong.get(4) + 1);
		JsonNode mismatch = verify(id, "{\"offset\": 3, \"indices\": " + wrong + "}");
		assertThat(mismatch.get("match").asBoolean()).isFalse();
		assertThat(mismatch.get("firstMismatch").get("position").asLong()).isEqualTo(7);
		assertThat(mismatch.get("firstMismatch").get("expected").asLong()).isEqualTo(seen.get(7));
		assertThat(mismatch.get("firstMismatch").get("actual").asLong()).isEqualTo(seen.get(7) + 1);
		JsonNode pastEnd = verify(id, "{\"offset\": 24, \"indices\": [" + seen.get(24) + ", 3]}");
		assertThat(pastEnd.get("firstMismatch").get("position").asLong()).isEqualTo(25);
		assertThat(pastEnd.get("firstMismatch").get("expected").isNull()).isTrue();

		Response both = this.http.post(verifyPath(id), "{\"sha256\": \"" + sha + "\", \"indices\": [1]}");
		assertThat(both.status()).isEqualTo(400);
		Response neither = this.http.post(verifyPath(id), "{}");
		assertThat(neither.status()).isEqualTo(400);
	}

	@Test
	void unknownExperimentIs404AndBadRankIs400() {
		assertThat(this.http.get(indices(UUID.randomUUID().toString(), 0, 0)).status()).isEqualTo(404);
		String id = create(10, 2, "LINKED", 1, "null");
		Response rank = this.http.get(indices(id, 0, 2));
		assertThat(rank.status()).isEqualTo(400);
		assertThat(rank.json().get("errors").findValuesAsString("field")).containsExactly("rank");
	}

	@Test
	void aStampedeOnANewEpochComputesThePermutationOnce() throws Exception {
		String id = create(2_000_000, 16, "LINKED", 99, "null");
		double before = computed();
		ExecutorService pool = Executors.newFixedThreadPool(16);
		try {
			List<Future<Response>> responses = new ArrayList<>();
			for (int rank = 0; rank < 16; rank++) {
				String path = indices(id, 7, rank);
				responses
					.add(pool.submit(() -> new TestHttp(this.port).get(path, "Accept", "application/octet-stream")));
			}
			for (Future<Response> response : responses) {
				assertThat(response.get().status()).isEqualTo(200);
				assertThat(response.get().body()).hasSize(125_000 * 8);
				// The 16 ranks' digests are computed together, in one pass: each is its
				// own body's.
				assertThat(response.get().header("Seedbank-Order-Sha256")).isEqualTo(
						HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(response.get().body())));
			}
		}
		finally {
			pool.shutdown();
		}
		// Epoch 7 once, and epoch 8 prefetched in the background at most once.
		assertThat(computed() - before).isBetween(1.0, 2.0);
		assertThat(this.http.get("/actuator/prometheus").text()).contains("seedbank_permutations_computed_total")
			.contains("seedbank_indices_served_bytes_total");
	}

	@Test
	void numpyLoadsTheNpyFile() throws IOException, InterruptedException {
		String id = create(1000, 3, "LINKED", 7, "null");
		Response npy = this.http.get(indices(id, 2, 1), "Accept", "application/x-npy");
		Response json = this.http.get(indices(id, 2, 1));
		Path file = Files.createTempFile("seedbank", ".npy");
		Files.write(file, npy.body());
		Process python = new ProcessBuilder("/usr/bin/python3", "-c",
				"import numpy, sys; a = numpy.load(sys.argv[1]); print(a.dtype.str, a.shape, ','.join(map(str, a.tolist())))",
				file.toString())
			.redirectErrorStream(true)
			.start();
		String output = new String(python.getInputStream().readAllBytes()).trim();
		assertThat(python.waitFor()).as(output).isZero();
		List<String> values = new ArrayList<>();
		json.json().get("indices").forEach((node) -> values.add(node.asString()));
		assertThat(output).isEqualTo("<i8 (" + values.size() + ",) " + String.join(",", values));
		Files.delete(file);
	}

	private double computed() {
		return this.registry.get("seedbank.permutations.computed").counter().count();
	}

	private JsonNode verify(String id, String body) {
		Response response = this.http.post(verifyPath(id), body);
		assertThat(response.status()).as(response.text()).isEqualTo(200);
		return response.json();
	}

	private static String verifyPath(String id) {
		return "/api/v1/experiments/" + id + "/epochs/0/ranks/1/verify";
	}

	private static String indices(String id, int epoch, int rank) {
		return "/api/v1/experiments/" + id + "/epochs/" + epoch + "/ranks/" + rank + "/indices";
	}

	private String create(long datasetSize, int worldSize, String policy, long globalSeed, String dataSeed) {
		String body = """
				{"name": "indices-%s", "framework": "torch", "frameworkVersion": "2.5.1", "torchVersion": "2.5.1",
				 "globalSeed": %d, "dataSeed": %s, "dataSeedPolicy": "%s",
				 "sampler": {"datasetSize": %d, "worldSize": %d}}
				""".formatted(UUID.randomUUID(), globalSeed, dataSeed, policy, datasetSize, worldSize);
		Response response = this.http.post("/api/v1/experiments", body);
		assertThat(response.status()).as(response.text()).isEqualTo(201);
		return response.json().get("id").asString();
	}

}
