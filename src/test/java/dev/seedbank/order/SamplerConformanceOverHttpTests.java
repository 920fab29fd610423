package dev.seedbank.order;

import java.io.BufferedReader;
import java.io.InputStreamReader;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.charset.StandardCharsets;
import java.util.stream.Stream;

import dev.seedbank.TestHttp;
import dev.seedbank.TestHttp.Response;
import dev.seedbank.web.Digests;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.TestInstance;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;
import tools.jackson.databind.DeserializationFeature;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.context.SpringBootTest.WebEnvironment;
import org.springframework.boot.test.web.server.LocalServerPort;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Every golden row of the stateless samplers through HTTP, as a launcher fetches it (raw
 * little-endian int64): torch 2.13.0's RandomSampler ({@code conformance/torch-2.13}),
 * accelerate 1.15.0's prepared loader with its {@code skip_first_batches} resume as an
 * offset ({@code accelerate/}) and datasets 5.0.1's shuffle and shard ({@code hf/}).
 * Digest header, count header, the body's own digest, then element by element where the
 * row holds indices; a row that raises is a 422 naming the library's error.
 */
@SpringBootTest(webEnvironment = WebEnvironment.RANDOM_PORT)
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class SamplerConformanceOverHttpTests {

	private static final JsonMapper JSON = JsonMapper.builder()
		.enable(DeserializationFeature.USE_BIG_INTEGER_FOR_INTS)
		.build();

	@LocalServerPort
	int port;

	TestHttp http;

	@BeforeAll
	void setUp() {
		this.http = new TestHttp(this.port);
	}

	static Stream<Arguments> randomRows() {
		return rows("/conformance/torch-2.13/torch-2.13-random-sampler.jsonl").map((row) -> Arguments
			.of("/api/v1/samplers/random/indices?datasetSize=%s&seed=%s&epoch=%s&numSamples=%s&replacement=%s&dataLoader=%s&torchVersion=%s"
				.formatted(text(row, "datasetSize"), text(row, "seed"), text(row, "epoch"), text(row, "numSamples"),
						text(row, "replacement"), text(row, "dataLoader"), text(row, "torchVersion")),
					row));
	}

	static Stream<Arguments> accelerateRows() {
		return rows("/accelerate/accelerate-1.15.0-prepared-loader.jsonl").map((row) -> Arguments
			.of(("/api/v1/samplers/accelerate/indices?datasetSize=%s&numProcesses=%s&processIndex=%s&batchSize=%s"
					+ "&epoch=%s&seed=%s&shuffle=%s&dropLast=%s&evenBatches=%s&splitBatches=%s"
					+ "&accelerateVersion=%s&torchVersion=%s")
				.formatted(text(row, "datasetSize"), text(row, "numProcesses"), text(row, "processIndex"),
						text(row, "batchSize"), text(row, "epoch"), text(row, "seed"), text(row, "shuffle"),
						text(row, "dropLast"), text(row, "evenBatches"), text(row, "splitBatches"),
						text(row, "accelerateVersion"), text(row, "torchVersion")),
					row));
	}

	static Stream<Arguments> hfRows() {
		return rows("/hf/hf_datasets.jsonl").map((row) -> Arguments
			.of("/api/v1/samplers/hf-datasets/indices?datasetSize=%s&seed=%s&numShards=%s&shardIndex=%s&contiguous=%s"
				.formatted(text(row, "datasetSize"), text(row, "seed"), text(row, "numShards"), text(row, "shardIndex"),
						text(row, "contiguous")),
					row));
	}

	@ParameterizedTest(name = "{0}")
	@MethodSource("randomRows")
	void randomSamplerRowsAnswerAsTorch(String path, JsonNode row) {
		Response response = binary(path);
		assertOrder(response, row, "head");
		assertThat(response.header("Seedbank-Torch-Version")).isEqualTo(text(row, "torchVersion"));
	}

	@ParameterizedTest(name = "{0}")
	@MethodSource("accelerateRows")
	void accelerateRowsAnswerAsAccelerate(String path, JsonNode row) {
		Response response = binary(path);
		if (row.has("raises")) {
			assertRaised(response, row);
			return;
		}
		assertOrder(response, row, row.has("indices") ? "indices" : "head");
		assertThat(response.header("Seedbank-Accelerate-Version")).isEqualTo(text(row, "accelerateVersion"));
		assertThat(response.header("Seedbank-Torch-Version")).isEqualTo(text(row, "torchVersion"));
		// skip_first_batches(loader, k) yields the list from k whole batches of the
		// process on: B, or B / P with split_batches.
		long batch = row.get("batchSize").asLong()
				/ (row.get("splitBatches").asBoolean() ? row.get("numProcesses").asLong() : 1);
		long offset = Math.min(row.get("skipBatches").asLong() * batch, row.get("length").asLong());
		Response resumed = binary(path + "&offset=" + offset);
		assertThat(resumed.status()).as(resumed.text()).isEqualTo(200);
		assertThat(resumed.body().length / Long.BYTES).as("resumed length").isEqualTo(row.get("resumedLength").asInt());
		assertThat(Digests.sha256Hex(resumed.body())).as("resumed digest").isEqualTo(text(row, "resumedSha256"));
		assertThat(resumed.header("Seedbank-Order-Sha256")).isEqualTo(text(row, "sha256"));
	}

	@ParameterizedTest(name = "{0}")
	@MethodSource("hfRows")
	void hfDatasetsRowsAnswerAsDatasets(String path, JsonNode row) {
		Response response = binary(path);
		if (row.has("raises")) {
			assertRaised(response, row);
			return;
		}
		assertOrder(response, row, "indices");
		assertThat(response.header("Seedbank-Datasets-Version")).isEqualTo("5.0.1");
	}

	private Response binary(String path) {
		return this.http.get(path, "Accept", "application/octet-stream");
	}

	private static void assertOrder(Response response, JsonNode row, String listField) {
		assertThat(response.status()).as(response.text()).isEqualTo(200);
		assertThat(response.header("Seedbank-Order-Sha256")).isEqualTo(text(row, "sha256"));
		assertThat(response.header("Seedbank-Total-Count")).isEqualTo(text(row, "length"));
		assertThat(Digests.sha256Hex(response.body())).isEqualTo(text(row, "sha256"));
		JsonNode expected = row.get(listField);
		ByteBuffer body = ByteBuffer.wrap(response.body()).order(ByteOrder.LITTLE_ENDIAN);
		for (int k = 0; k < expected.size(); k++) {
			assertThat(body.getLong()).as("index at position %d", k).isEqualTo(expected.get(k).asLong());
		}
	}

	private static void assertRaised(Response response, JsonNode row) {
		assertThat(response.status()).as(response.text()).isEqualTo(422);
		assertThat(response.json().get("type").asString())
			.endsWith(response.json().get("detail").asString().startsWith("torch ") ? "/torch-would-raise"
					: "/library-would-raise");
		assertThat(response.json().get("detail").asString()).as("detail").contains(text(row, "raises"));
	}

	private static Stream<JsonNode> rows(String resource) {
		BufferedReader reader = new BufferedReader(new InputStreamReader(
				SamplerConformanceOverHttpTests.class.getResourceAsStream(resource), StandardCharsets.UTF_8));
		return reader.lines().filter((line) -> !line.isBlank()).map(JSON::readTree).toList().stream();
	}

	/** A field as the query spells it: strings unquoted, numbers and booleans as JSON. */
	static String text(JsonNode row, String field) {
		JsonNode node = row.get(field);
		return (node == null || node.isNull()) ? "" : node.isString() ? node.asString() : node.toString();
	}

}
