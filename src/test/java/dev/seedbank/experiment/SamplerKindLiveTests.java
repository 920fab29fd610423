package dev.seedbank.experiment;

import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Random;

import dev.seedbank.TestHttp;
import dev.seedbank.TestHttp.Response;
import dev.seedbank.reference.ReferencePython;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;

import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.context.SpringBootTest.WebEnvironment;
import org.springframework.boot.test.web.server.LocalServerPort;

import static dev.seedbank.experiment.ExperimentBodies.uniqueName;
import static org.assertj.core.api.Assertions.assertThat;

/**
 * What records compose from several engines, against the real packages in the reference
 * venv (torch 2.13.0, accelerate 1.15.0, lightning 2.6.6): the worker seeds of a
 * {@code seedWorkers} record whose loader shares its generator with its RandomSampler,
 * read back from real workers, and an accelerate record without a data seed
 * ({@code FRAMEWORK_DEFAULT}), against a real prepared loader after {@code set_seed}.
 */
@SpringBootTest(webEnvironment = WebEnvironment.RANDOM_PORT)
class SamplerKindLiveTests {

	@LocalServerPort
	int port;

	TestHttp http;

	@BeforeEach
	void setUp() {
		this.http = new TestHttp(this.port);
	}

	@Test
	void lightningWorkersOfASharedGeneratorLoaderAreWhatRealWorkersGet() throws IOException {
		ReferencePython python = ReferencePython.venv();
		long seed = new Random().nextLong() >>> 33;
		System.out.println("live records worker check: loader seed " + seed);
		int workers = 3;
		int epochs = 3;
		int rank = 0;
		String id = create("lightning", "2.6.6", seed, "LINKED", "true",
				"{\"kind\": \"random\", \"datasetSize\": 40, \"dataLoader\": true}");
		StringBuilder input = new StringBuilder("40 " + seed + " " + workers + " " + epochs + " " + rank + "\n");
		for (int epoch = 0; epoch < epochs; epoch++) {
			Response response = this.http.get("/api/v1/experiments/" + id + "/ranks/" + rank + "/epochs/" + epoch
					+ "/workers?numWorkers=" + workers);
			assertThat(response.status()).as(response.text()).isEqualTo(200);
			JsonNode answer = response.json();
			for (JsonNode worker : answer.get("workers")) {
				input.append(epoch)
					.append(' ')
					.append(worker.get("workerId").asInt())
					.append(' ')
					.append(answer.get("baseSeed").asLong())
					.append(' ')
					.append(worker.get("seed").bigIntegerValue())
					.append(' ')
					.append(worker.get("randomSeed").bigIntegerValue());
				worker.get("numpySeed").forEach((word) -> input.append(' ').append(word.asLong()));
				input.append('\n');
			}
		}
		List<String> real = python.run(script("seed_workers_check.py"), input.toString());
		assertThat(real).hasSize(epochs * workers);
		for (String line : real) {
			assertThat(line).as("epoch worker baseOk torchOk randomOk numpyOk").endsWith(" 1 1 1 1");
		}
	}

	@Test
	void anAccelerateRecordWithoutDataSeedIsTheLoaderSetSeedLeaves() throws IOException {
		ReferencePython python = ReferencePython.venv();
		long seed = new Random().nextLong() >>> 33;
		System.out.println("live records accelerate check: global seed " + seed);
		String id = create("accelerate", "1.15.0", seed, "FRAMEWORK_DEFAULT", null,
				"{\"kind\": \"accelerate\", \"datasetSize\": 203, \"numProcesses\": 3, \"batchSize\": 8}");
		StringBuilder input = new StringBuilder();
		List<String> served = new ArrayList<>();
		for (int epoch = 0; epoch < 2; epoch++) {
			for (int process = 0; process < 3; process++) {
				input.append("203 3 ")
					.append(process)
					.append(" 8 ")
					.append(epoch)
					.append(' ')
					.append(seed)
					.append('\n');
				Response response = this.http
					.get("/api/v1/experiments/" + id + "/epochs/" + epoch + "/ranks/" + process + "/indices");
				assertThat(response.status()).as(response.text()).isEqualTo(200);
				served.add(response.header("Seedbank-Total-Count") + " " + response.header("Seedbank-Order-Sha256"));
			}
		}
		assertThat(python.run(script("accelerate_default_seed.py"), input.toString())).isEqualTo(served);
	}

	private String create(String framework, String version, long seed, String policy, String seedWorkers,
			String sampler) {
		String body = ExperimentBodies
			.withSampler(uniqueName("live-" + framework), framework, version, sampler, seedWorkers)
			.replace("\"torchVersion\": \"2.5.1\"", "\"torchVersion\": \"2.13.0\"")
			.replace("\"globalSeed\": 17", "\"globalSeed\": " + seed)
			.replace("\"dataSeedPolicy\": \"LINKED\"", "\"dataSeedPolicy\": \"" + policy + "\"");
		Response created = this.http.post("/api/v1/experiments", body);
		assertThat(created.status()).as(created.text()).isEqualTo(201);
		return created.json().get("id").asString();
	}

	private static String script(String name) throws IOException {
		try (InputStream in = SamplerKindLiveTests.class.getResourceAsStream("/records/" + name)) {
			return new String(in.readAllBytes(), StandardCharsets.UTF_8);
		}
	}

}
