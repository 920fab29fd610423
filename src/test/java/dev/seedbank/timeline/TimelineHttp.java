package dev.seedbank.timeline;

import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.util.UUID;

import dev.seedbank.TestHttp;
import dev.seedbank.TestHttp.Response;
import tools.jackson.databind.JsonNode;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The run timeline over real HTTP: records, segments and orders as a launcher would ask
 * for them. The stateless DistributedSampler endpoint, checked element by element against
 * torch elsewhere, is the reference for every list.
 */
final class TimelineHttp {

	final TestHttp http;

	TimelineHttp(int port) {
		this.http = new TestHttp(port);
	}

	String create(long datasetSize, int worldSize, long seed, boolean dropLast) {
		String body = """
				{"name": "timeline-%s", "framework": "torch", "frameworkVersion": "2.5.1", "torchVersion": "2.5.1",
				 "globalSeed": %d, "dataSeed": null, "dataSeedPolicy": "LINKED",
				 "sampler": {"datasetSize": %d, "worldSize": %d, "dropLast": %s}}
				""".formatted(UUID.randomUUID(), seed, datasetSize, worldSize, dropLast);
		Response response = this.http.post("/api/v1/experiments", body);
		assertThat(response.status()).as(response.text()).isEqualTo(201);
		return response.json().get("id").asString();
	}

	Response postSegment(String id, String json) {
		return this.http.post("/api/v1/experiments/" + id + "/segments", json);
	}

	JsonNode segment(String id, int worldSize, long epoch, long startSample, String resume, String extra) {
		Response response = postSegment(id, """
				{"worldSize": %d, "startEpoch": %d, "startSample": %d, "resume": "%s"%s}""".formatted(worldSize, epoch,
				startSample, resume, extra));
		assertThat(response.status()).as(response.text()).isEqualTo(201);
		return response.json();
	}

	Response indices(String id, int segment, long epoch, int rank, String query, String accept) {
		return this.http.get("/api/v1/experiments/" + id + "/segments/" + segment + "/epochs/" + epoch + "/ranks/"
				+ rank + "/indices" + query, "Accept", accept);
	}

	long[] order(String id, int segment, long epoch, int rank) {
		Response response = indices(id, segment, epoch, rank, "", "application/octet-stream");
		assertThat(response.status()).as(response.text()).isEqualTo(200);
		return longs(response.body());
	}

	/** What torch's DistributedSampler yields, from the stateless endpoint. */
	long[] torch(long datasetSize, int worldSize, int rank, long epoch, long seed, boolean dropLast) {
		Response response = this.http.get(
				"/api/v1/samplers/distributed/indices?datasetSize=" + datasetSize + "&worldSize=" + worldSize + "&rank="
						+ rank + "&epoch=" + epoch + "&seed=" + seed + "&dropLast=" + dropLast + "&torchVersion=2.5.1",
				"Accept", "application/octet-stream");
		assertThat(response.status()).as(response.text()).isEqualTo(200);
		return longs(response.body());
	}

	/** The epoch's stream at a world size: position j*W + r is rank r's j-th index. */
	long[] stream(long datasetSize, int worldSize, long epoch, long seed, boolean dropLast) {
		long[][] lists = new long[worldSize][];
		for (int r = 0; r < worldSize; r++) {
			lists[r] = torch(datasetSize, worldSize, r, epoch, seed, dropLast);
		}
		long[] stream = new long[lists[0].length * worldSize];
		for (int p = 0; p < stream.length; p++) {
			stream[p] = lists[p % worldSize][p / worldSize];
		}
		return stream;
	}

	JsonNode coverage(String id, long epoch) {
		Response response = this.http.get("/api/v1/experiments/" + id + "/epochs/" + epoch + "/coverage");
		assertThat(response.status()).as(response.text()).isEqualTo(200);
		return response.json();
	}

	static long[] longs(byte[] body) {
		ByteBuffer buffer = ByteBuffer.wrap(body).order(ByteOrder.LITTLE_ENDIAN);
		long[] values = new long[body.length / Long.BYTES];
		for (int i = 0; i < values.length; i++) {
			values[i] = buffer.getLong();
		}
		return values;
	}

	static void assertProblem(Response response, int status, String field) {
		assertThat(response.status()).as(response.text()).isEqualTo(status);
		assertThat(response.header("Content-Type")).startsWith("application/problem+json");
		if (field != null) {
			assertThat(response.json().get("errors").findValuesAsString("field")).as(response.text()).contains(field);
		}
	}

}
