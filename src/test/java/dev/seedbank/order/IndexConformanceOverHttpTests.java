package dev.seedbank.order;

import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.util.List;
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
 * Every torch 1.13.1 conformance row through the stateless HTTP endpoint, as a launcher
 * would fetch it: raw little-endian int64, the digest header and the body's own digest.
 */
@SpringBootTest(webEnvironment = WebEnvironment.RANDOM_PORT)
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class IndexConformanceOverHttpTests {

	@LocalServerPort
	int port;

	TestHttp http;

	@BeforeAll
	void setUp() {
		this.http = new TestHttp(this.port);
	}

	static Stream<Arguments> rows() {
		JsonMapper json = JsonMapper.builder().enable(DeserializationFeature.USE_BIG_INTEGER_FOR_INTS).build();
		List<String> lines = new java.io.BufferedReader(
				new java.io.InputStreamReader(
						IndexConformanceOverHttpTests.class
							.getResourceAsStream("/conformance/torch-1.13-distributed-sampler.jsonl"),
						java.nio.charset.StandardCharsets.UTF_8))
			.lines()
			.toList();
		return lines.stream().map(json::readTree).map((row) -> Arguments.of(query(row), row));
	}

	@ParameterizedTest(name = "{0}")
	@MethodSource("rows")
	void servesTorchsOrder(String query, JsonNode row) {
		Response response = this.http.get("/api/v1/samplers/distributed/indices?" + query, "Accept",
				"application/octet-stream");
		assertThat(response.status()).as(response.text()).isEqualTo(200);
		assertThat(response.header("Seedbank-Order-Sha256")).isEqualTo(row.get("sha256").asString());
		assertThat(response.header("Seedbank-Total-Count")).isEqualTo(row.get("length").asString());
		assertThat(Digests.sha256Hex(response.body())).isEqualTo(row.get("sha256").asString());
		JsonNode indices = row.get("indices");
		if (indices != null) {
			ByteBuffer body = ByteBuffer.wrap(response.body()).order(ByteOrder.LITTLE_ENDIAN);
			for (int k = 0; k < indices.size(); k++) {
				assertThat(body.getLong()).as("index at position %d", k).isEqualTo(indices.get(k).asLong());
			}
		}
	}

	static String query(JsonNode row) {
		return "datasetSize=%s&worldSize=%s&rank=%s&epoch=%s&seed=%s&shuffle=%s&dropLast=%s&torchVersion=%s".formatted(
				row.get("datasetSize"), row.get("worldSize"), row.get("rank"), row.get("epoch"), row.get("seed"),
				row.get("shuffle"), row.get("dropLast"), row.get("torchVersion").asString());
	}

}
