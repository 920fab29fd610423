package dev.seedbank.timeline;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.util.Arrays;
import java.util.HexFormat;
import java.util.UUID;

import dev.seedbank.EndToEndTest;
import dev.seedbank.TestHttp.Response;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import tools.jackson.databind.JsonNode;

import static dev.seedbank.timeline.TimelineHttp.assertProblem;
import static org.assertj.core.api.Assertions.assertThat;

/** Segments recorded and read back, and each segment's per-rank order in every format. */
class TimelineSegmentsHttpTests extends EndToEndTest {

	TimelineHttp timeline;

	@BeforeEach
	void setUp() {
		this.timeline = new TimelineHttp(this.port);
	}

	@Test
	void aRecordOfAnotherSamplerKindIsRefusedNotServedTorchsLists() {
		Response record = this.timeline.http.post("/api/v1/experiments", """
				{"name": "timeline-hf-%s", "framework": "torch", "frameworkVersion": "2.5.1", "torchVersion": "2.5.1",
				 "globalSeed": 5, "dataSeed": null, "dataSeedPolicy": "LINKED",
				 "sampler": {"kind": "hf-datasets", "datasetSize": 100, "numShards": 4}}
				""".formatted(java.util.UUID.randomUUID()));
		assertThat(record.status()).as(record.text()).isEqualTo(201);
		String id = record.json().get("id").asString();
		Response segment = this.timeline.postSegment(id, """
				{"worldSize": 3, "startEpoch": 0, "startSample": 48, "resume": "exact"}""");
		assertThat(segment.status()).as(segment.text()).isEqualTo(400);
		assertThat(segment.json().get("errors").get(0).get("field").asString()).isEqualTo("sampler.kind");
		Response indices = this.timeline.indices(id, 0, 0, 0, "", "application/json");
		assertThat(indices.status()).as(indices.text()).isEqualTo(400);
	}

	@Test
	void restartsAreRecordedInOrderAndOneStartingEarlierIsAConflict() {
		String id = this.timeline.create(100, 4, 7, false);
		JsonNode history = this.timeline.http.get("/api/v1/experiments/" + id + "/segments").json();
		assertThat(history.get("segments")).hasSize(1);
		assertThat(history.get("segments").get(0).get("worldSize").asInt()).isEqualTo(4);

		Response created = this.timeline.postSegment(id, """
				{"worldSize": 3, "startEpoch": 0, "startSample": 48, "resume": "exact", "batchSize": 8}""");
		assertThat(created.status()).as(created.text()).isEqualTo(201);
		assertThat(created.header("Location")).isEqualTo("/api/v1/experiments/" + id + "/segments/1");
		JsonNode segment = created.json();
		assertThat(segment.get("segment").asInt()).isEqualTo(1);
		assertThat(segment.get("resume").asString()).isEqualTo("exact");
		assertThat(segment.get("batchSize").asInt()).isEqualTo(8);
		assertThat(segment.get("gradientAccumulation").asInt()).isEqualTo(1);
		assertThat(this.timeline.http.get(created.header("Location")).json()).isEqualTo(segment);

		Response early = this.timeline.postSegment(id, """
				{"worldSize": 2, "startEpoch": 0, "startSample": 40, "resume": "torch"}""");
		assertThat(early.status()).as(early.text()).isEqualTo(409);
		assertThat(early.json().get("type").asString()).isEqualTo("https://seedbank.dev/problems/segment-out-of-order");
		this.timeline.segment(id, 2, 1, 0, "torch", "");
		JsonNode segments = this.timeline.http.get("/api/v1/experiments/" + id + "/segments").json().get("segments");
		assertThat(segments.findValuesAsString("resume")).containsExactly("exact", "exact", "torch");
		assertThat(segments.findValues("startSample").stream().map(JsonNode::asLong)).containsExactly(0L, 48L, 0L);
		assertProblem(this.timeline.http.get("/api/v1/experiments/" + id + "/segments/3"), 404, null);
	}

	@ParameterizedTest(name = "{0}")
	@CsvSource(delimiter = '|', value = {
			"worldSize | {\"worldSize\": 0, \"startEpoch\": 0, \"startSample\": 8, \"resume\": \"exact\"}",
			"resume | {\"worldSize\": 2, \"startEpoch\": 0, \"startSample\": 8, \"resume\": \"sideways\"}",
			"resume | {\"worldSize\": 2, \"startEpoch\": 0, \"startSample\": 8}",
			"startSample | {\"worldSize\": 2, \"startEpoch\": 0, \"startSample\": 101, \"resume\": \"exact\"}",
			"startSample | {\"worldSize\": 2, \"startEpoch\": 0, \"startSample\": -1, \"resume\": \"exact\"}",
			"startEpoch | {\"worldSize\": 2, \"startSample\": 8, \"resume\": \"exact\"}",
			"batchSize | {\"worldSize\": 2, \"startEpoch\": 0, \"startSample\": 8, \"resume\": \"exact\", \"batchSize\": 0}",
			"gradientAccumulation | {\"worldSize\": 2, \"startEpoch\": 0, \"startSample\": 8, \"resume\": \"torch\", \"gradientAccumulation\": 0}",
			"worldsize | {\"worldsize\": 2, \"startEpoch\": 0, \"startSample\": 8, \"resume\": \"torch\"}" })
	void badInputIsA400NamingTheFieldAndStoresNothing(String field, String body) {
		String id = this.timeline.create(100, 4, 7, false);
		assertProblem(this.timeline.postSegment(id, body), 400, field);
		assertThat(this.timeline.http.get("/api/v1/experiments/" + id + "/segments").json().get("segments")).hasSize(1);
	}

	@Test
	void anUnknownExperimentIs404() {
		String unknown = UUID.randomUUID().toString();
		assertProblem(this.timeline.postSegment(unknown, """
				{"worldSize": 2, "startEpoch": 0, "startSample": 0, "resume": "exact"}"""), 404, null);
		assertProblem(this.timeline.http.get("/api/v1/experiments/" + unknown + "/segments"), 404, null);
		assertProblem(this.timeline.indices(unknown, 0, 0, 0, "", "application/json"), 404, null);
	}

	@Test
	void eachSegmentServesItsOrderInEveryFormatWithTheWholeOrdersDigest() throws Exception {
		String id = this.timeline.create(103, 4, 21, false);
		this.timeline.segment(id, 3, 0, 40, "exact", "");
		long[] stream = this.timeline.stream(103, 4, 0, 21, false);
		assertThat(stream).hasSize(104);
		long[] expected = new long[22];
		for (int i = 0; i < expected.length; i++) {
			expected[i] = stream[(40 + 1 + 3 * i) % stream.length];
		}
		byte[] binary = le(expected);
		String sha256 = HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(binary));

		Response octet = this.timeline.indices(id, 1, 0, 1, "", "application/octet-stream");
		assertThat(octet.body()).isEqualTo(binary);
		assertThat(octet.header("Seedbank-Order-Sha256")).isEqualTo(sha256);
		assertThat(octet.header("Seedbank-Total-Count")).isEqualTo("22");
		assertThat(octet.header("Seedbank-Torch-Version")).isEqualTo("2.5.1");
		assertThat(octet.header("Seedbank-Read-Before-Next-Segment")).isEqualTo("22");

		JsonNode json = this.timeline.indices(id, 1, 0, 1, "", "application/json").json();
		assertThat(json.get("indices").valueStream().mapToLong(JsonNode::asLong).toArray()).isEqualTo(expected);
		assertThat(json.get("sha256").asString()).isEqualTo(sha256);

		Response npy = this.timeline.indices(id, 1, 0, 1, "", "application/x-npy");
		assertThat(new String(npy.body(), 1, 5, StandardCharsets.US_ASCII)).isEqualTo("NUMPY");
		assertThat(Arrays.copyOfRange(npy.body(), npy.body().length - binary.length, npy.body().length))
			.isEqualTo(binary);

		Response page = this.timeline.indices(id, 1, 0, 1, "?offset=5&limit=7", "application/json");
		assertThat(page.json().get("indices").valueStream().mapToLong(JsonNode::asLong).toArray())
			.isEqualTo(Arrays.copyOfRange(expected, 5, 12));
		assertThat(page.header("Seedbank-Order-Sha256")).isEqualTo(sha256);
		Response cached = this.timeline.http.get(
				"/api/v1/experiments/" + id + "/segments/1/epochs/0/ranks/1/indices?offset=5&limit=7", "If-None-Match",
				page.header("ETag"));
		assertThat(cached.status()).isEqualTo(304);
		assertProblem(this.timeline.indices(id, 1, 0, 1, "?offset=23", "application/json"), 400, "offset");

		for (int r = 0; r < 4; r++) {
			assertThat(this.timeline.order(id, 0, 0, r)).isEqualTo(this.timeline.torch(103, 4, r, 0, 21, false));
		}
		assertThat(
				this.timeline.indices(id, 0, 0, 0, "", "application/json").header("Seedbank-Read-Before-Next-Segment"))
			.isEqualTo("10");
		for (int r = 0; r < 3; r++) {
			assertThat(this.timeline.order(id, 1, 1, r)).isEqualTo(this.timeline.torch(103, 3, r, 1, 21, false));
		}
		assertProblem(this.timeline.indices(id, 1, 0, 3, "", "application/json"), 400, "rank");
		assertProblem(this.timeline.indices(id, 2, 0, 0, "", "application/json"), 404, null);
		this.timeline.segment(id, 2, 1, 0, "torch", "");
		assertProblem(this.timeline.indices(id, 2, 0, 0, "", "application/json"), 400, "epoch");
	}

	static byte[] le(long[] values) {
		java.nio.ByteBuffer buffer = java.nio.ByteBuffer.allocate(values.length * Long.BYTES)
			.order(java.nio.ByteOrder.LITTLE_ENDIAN);
		for (long v : values) {
			buffer.putLong(v);
		}
		return buffer.array();
	}

}
