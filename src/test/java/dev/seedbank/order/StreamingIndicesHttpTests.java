package dev.seedbank.order;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.charset.StandardCharsets;
import java.util.Arrays;
import java.util.List;
import java.util.stream.IntStream;
import java.util.stream.Stream;

import dev.seedbank.TestHttp;
import dev.seedbank.TestHttp.Response;
import dev.seedbank.sampling.streaming.StreamingArguments;
import dev.seedbank.sampling.streaming.StreamingEpochOrder;
import dev.seedbank.web.Digests;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;
import tools.jackson.databind.DeserializationFeature;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;
import tools.jackson.databind.node.ObjectNode;

import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.context.SpringBootTest.WebEnvironment;
import org.springframework.boot.test.web.server.LocalServerPort;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Every {@code epoch} row of {@code conformance/streaming-0.14.0.dev0-orders.jsonl}
 * (produced by the real Streaming 0.14.0.dev0 code) through
 * {@code POST /api/v1/samplers/streaming/indices}, its {@code args} posted as they are:
 * the digest header, the body's digest and every id the row holds; error rows answer 422
 * with what Streaming raises. One context for all of it.
 */
@SpringBootTest(webEnvironment = WebEnvironment.RANDOM_PORT)
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class StreamingIndicesHttpTests {

	private static final String PATH = "/api/v1/samplers/streaming/indices";

	private static final JsonMapper JSON = JsonMapper.builder()
		.enable(DeserializationFeature.USE_BIG_INTEGER_FOR_INTS)
		.build();

	/** Row 377: seven shards (two empty), py1e, two physical nodes; 27 ids. */
	private static final String ROW_377 = """
			{"shardSizes": [9, 0, 2, 0, 1, 28, 13], "shuffle": true, "shuffleAlgo": "py1e",
			 "numCanonicalNodes": 1, "seed": 1629060653, "epoch": 1, "blockSize": 3842,
			 "partitionAlgo": "relaxed", "numPhysicalNodes": 2, "ranksPerNode": 1, "workersPerRank": 2,
			 "batchSize": 32, "rank": 0, "sampleInEpoch": 0}""";

	private static final long[] ROW_377_IDS = { 4, 27, 13, 35, 5, 31, 39, 20, 9, 12, 34, 6, 48, 37, 49, 22, 24, 47, 21,
			40, 38, 28, 11, 43, 8, 42, 2 };

	@LocalServerPort
	int port;

	TestHttp http;

	@BeforeAll
	void setUp() {
		this.http = new TestHttp(this.port);
	}

	static Stream<Arguments> epochRows() {
		List<JsonNode> rows;
		try (InputStream in = StreamingIndicesHttpTests.class
			.getResourceAsStream("/conformance/streaming-0.14.0.dev0-orders.jsonl")) {
			rows = new String(in.readAllBytes(), StandardCharsets.UTF_8).lines()
				.filter((line) -> !line.isBlank())
				.map(JSON::readTree)
				.toList();
		}
		catch (IOException ex) {
			throw new UncheckedIOException(ex);
		}
		return IntStream.range(0, rows.size())
			.filter((i) -> rows.get(i).get("kind").asString().equals("epoch"))
			.mapToObj((i) -> Arguments.of(i, rows.get(i)));
	}

	@ParameterizedTest(name = "row {0}")
	@MethodSource("epochRows")
	void servesStreamingsOrder(int index, JsonNode row) {
		Response response = this.http.post(PATH, JSON.writeValueAsString(row.get("args")), "Accept",
				"application/octet-stream");
		if (row.has("error")) {
			JsonNode error = row.get("error");
			assertThat(response.status()).as("row %d: %s", index, response.text()).isEqualTo(422);
			assertThat(response.json().get("detail").asString()).as("row %d", index)
				.contains("mosaicml-streaming 0.14.0.dev0 would raise " + error.get("type").asString() + ": "
						+ error.get("message").asString());
			return;
		}
		assertThat(response.status()).as("row %d: %s", index, response.text()).isEqualTo(200);
		String sha256 = row.get("sha256").asString();
		assertThat(response.header("Seedbank-Order-Sha256")).as("row %d: digest header", index).isEqualTo(sha256);
		assertThat(response.header("Seedbank-Total-Count")).as("row %d: count header", index)
			.isEqualTo(row.get("length").asString());
		assertThat(response.header("Seedbank-Streaming-Version")).isEqualTo("0.14.0.dev0");
		assertThat(Digests.sha256Hex(response.body())).as("row %d: body digest", index).isEqualTo(sha256);
		JsonNode ids = row.has("ids") ? row.get("ids") : row.get("head");
		ByteBuffer body = ByteBuffer.wrap(response.body()).order(ByteOrder.LITTLE_ENDIAN);
		for (int k = 0; k < ids.size(); k++) {
			assertThat(body.getLong()).as("row %d: id at position %d", index, k).isEqualTo(ids.get(k).asLong());
		}
	}

	@Test
	void pagesAsJsonNpyAndRevalidates() {
		Response whole = this.http.post(PATH, ROW_377);
		assertThat(whole.status()).as(whole.text()).isEqualTo(200);
		JsonNode page = whole.json();
		assertThat(page.get("total").asLong()).isEqualTo(27);
		assertThat(page.get("indices").valueStream().mapToLong(JsonNode::asLong).toArray())
			.containsExactly(ROW_377_IDS);
		assertThat(page.get("sha256").asString())
			.isEqualTo("eaafb9f94a8de97a5b4162099db34813aeb246dff12d12114249826f015c6f7d");
		Response middle = this.http.post(PATH + "?offset=5&limit=3", ROW_377);
		assertThat(middle.json().get("indices").valueStream().mapToLong(JsonNode::asLong).toArray()).containsExactly(31,
				39, 20);
		assertThat(middle.header("Seedbank-Total-Count")).isEqualTo("27");
		Response npy = this.http.post(PATH + "?offset=25", ROW_377, "Accept", "application/x-npy");
		assertThat(npy.header("Content-Type")).startsWith("application/x-npy");
		ByteBuffer tail = ByteBuffer.wrap(npy.body(), npy.body().length - 16, 16).order(ByteOrder.LITTLE_ENDIAN);
		assertThat(new long[] { tail.getLong(), tail.getLong() }).containsExactly(42, 2);
		Response again = this.http.post(PATH, ROW_377, "If-None-Match", whole.header("ETag"));
		assertThat(again.status()).isEqualTo(304);
	}

	@Test
	void resumingChangesTheOrderAndIsNotServedFromTheFirstRunsCache() {
		String resumed = ROW_377.replace("\"sampleInEpoch\": 0", "\"sampleInEpoch\": 20");
		Response first = this.http.post(PATH, ROW_377);
		Response later = this.http.post(PATH, resumed);
		assertThat(later.status()).as(later.text()).isEqualTo(200);
		assertThat(later.header("Seedbank-Order-Sha256")).isNotEqualTo(first.header("Seedbank-Order-Sha256"));
		assertThat(later.json().get("total").asLong()).isLessThan(27);
	}

	@Test
	void acceptsFiftyThousandShards() {
		long[] shardSizes = new long[50_000];
		ObjectNode body = JSON.createObjectNode();
		var sizes = body.putArray("shardSizes");
		for (int i = 0; i < shardSizes.length; i++) {
			shardSizes[i] = 100 + (i % 7);
			sizes.add(shardSizes[i]);
		}
		body.put("shuffle", true).put("numPhysicalNodes", 2).put("ranksPerNode", 4).put("rank", 5);
		body.put("numSamples", Arrays.stream(shardSizes).sum());
		Response response = this.http.post(PATH, JSON.writeValueAsString(body), "Accept", "application/octet-stream");
		assertThat(response.status()).as(response.text()).isEqualTo(200);
		StreamingEpochOrder expected = StreamingEpochOrder.of(StreamingArguments.of(shardSizes, true, null, null, null,
				null, null, null, 2, 4, null, null, 5, null, null, null));
		assertThat(response.header("Seedbank-Total-Count")).isEqualTo(Long.toString(expected.length()));
		assertThat(response.header("Seedbank-Order-Sha256")).isEqualTo(expected.sha256());
		assertThat(Digests.sha256Hex(response.body())).isEqualTo(expected.sha256());
	}

	@Test
	void badInputIsA400NamingTheField() {
		assertInvalid("{\"shardSizes\": [3, 4], \"shuffleSeed\": 1}", "shuffleSeed");
		assertInvalid("{\"shuffle\": true}", "shardSizes");
		assertInvalid("{\"shardSizes\": [3, -4]}", "shardSizes");
		assertInvalid("{\"shardSizes\": [3, 4], \"shuffleAlgo\": \"py3x\"}", "shuffleAlgo");
		assertInvalid("{\"shardSizes\": [3, 4], \"partitionAlgo\": \"even\"}", "partitionAlgo");
		assertInvalid("{\"shardSizes\": [3, 4], \"numSamples\": 8}", "numSamples");
		assertInvalid("{\"shardSizes\": [3, 4], \"sampleInEpoch\": 2, \"dropFirst\": 3}", "dropFirst");
		assertInvalid("{\"shardSizes\": [3, 4], \"ranksPerNode\": 2, \"rank\": 2}", "rank");
		assertInvalid("{\"shardSizes\": [3, 4], \"streamingVersion\": \"0.7.0\"}", "streamingVersion");
		assertInvalid("{\"shardSizes\": [3, 4], \"shuffle\": \"yes\"}", "shuffle");
		assertInvalid("{\"shardSizes\": [3, 4], \"seed\": 1.5}", "seed");
		assertInvalid("{\"shardSizes\": [3, 4], \"sampleInEpoch\": -1}", "sampleInEpoch");
		assertInvalid("{\"shardSizes\": [3, 99999999999999999999]}", "shardSizes");
		assertInvalid("{\"shardSizes\": [3, 4]}", "limit", "?limit=-1");
		assertInvalid("{\"shardSizes\": [3, 4]}", "offset", "?offset=8");
		assertInvalid("{\"shardSizes\": [0, 0]}", "shardSizes");
		assertInvalid("{\"shardSizes\": [3, 4], \"numPhysicalNodes\": 0}", "numPhysicalNodes");
		Response hugeSeed = this.http.post(PATH, "{\"shardSizes\": [3, 4], \"seed\": " + "9".repeat(5000) + "}");
		assertThat(hugeSeed.status()).as(hugeSeed.text()).isEqualTo(400);
		Response notJson = this.http.post(PATH, "{\"shardSizes\": [3, 4]");
		assertThat(notJson.status()).as(notJson.text()).isEqualTo(400);
	}

	@Test
	void seedsOfAnySizeAreNumpysToTake() {
		Response response = this.http.post(PATH,
				"{\"shardSizes\": [30, 40], \"shuffle\": true, \"seed\": " + "7".repeat(900) + "}");
		assertThat(response.status()).as(response.text()).isEqualTo(200);
		assertThat(response.json().get("total").asLong()).isEqualTo(70);
	}

	@Test
	void whereStreamingRaisesItIsA422SayingWhat() {
		assertRaises("{\"shardSizes\": [3, 4], \"shuffle\": true, \"seed\": -1}",
				"ValueError: expected non-negative integer");
		assertRaises("{\"shardSizes\": [30, 40], \"numCanonicalNodes\": 3, \"numPhysicalNodes\": 2}",
				"Either canonical or physical nodes must be evenly divisible");
		assertRaises("{\"shardSizes\": [3, 4], \"sampleInEpoch\": 8}",
				"Resuming further into the dataset (8) than it has samples (7)");
	}

	private void assertInvalid(String body, String field) {
		assertInvalid(body, field, "");
	}

	private void assertInvalid(String body, String field, String query) {
		Response response = this.http.post(PATH + query, body);
		assertThat(response.status()).as(body + ": " + response.text()).isEqualTo(400);
		assertThat(response.header("Content-Type")).startsWith("application/problem+json");
		assertThat(response.json().get("errors").valueStream().map((error) -> error.get("field").asString()))
			.as(body + ": " + response.text())
			.anyMatch((name) -> name.equals(field) || name.startsWith(field + "["));
	}

	private void assertRaises(String body, String raised) {
		Response response = this.http.post(PATH, body);
		assertThat(response.status()).as(body + ": " + response.text()).isEqualTo(422);
		assertThat(response.json().get("type").asString()).endsWith("/library-would-raise");
		assertThat(response.json().get("detail").asString()).as(body).contains("would raise").contains(raised);
	}

}
