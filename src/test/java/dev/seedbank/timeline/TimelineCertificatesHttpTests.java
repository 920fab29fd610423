package dev.seedbank.timeline;

import java.security.MessageDigest;
import java.util.Arrays;
import java.util.HashSet;
import java.util.HexFormat;
import java.util.Set;
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

/**
 * Certificates judged and stored, resume audits that catch the known wrong resumes, and
 * the disjointness lint checked against torch's own lists.
 */
class TimelineCertificatesHttpTests extends EndToEndTest {

	TimelineHttp timeline;

	@BeforeEach
	void setUp() {
		this.timeline = new TimelineHttp(this.port);
	}

	@Test
	void certificatesAreJudgedStoredAndTotalledPerEpoch() throws Exception {
		String id = this.timeline.create(200, 4, 3, false);
		this.timeline.segment(id, 2, 0, 100, "exact", "");
		long[] rank0 = this.timeline.order(id, 1, 0, 0);
		JsonNode good = certify(id, 0, 0, sha256(rank0), rank0.length, ", \"segment\": 1");
		assertThat(good.get("match").asBoolean()).isTrue();
		assertThat(good.get("expectedSha256").asString()).isEqualTo(sha256(rank0));
		assertThat(good.get("expectedCount").asLong()).isEqualTo(50);
		long[] rank1 = this.timeline.order(id, 1, 0, 1);
		JsonNode latest = certify(id, 0, 1, sha256(rank1), rank1.length, "");
		assertThat(latest.get("segment").asInt()).as("the latest segment by default").isEqualTo(1);
		assertThat(latest.get("match").asBoolean()).isTrue();
		// A resume that read the next epoch's permutation from the same place
		long[] nextEpoch = Arrays.copyOfRange(this.timeline.torch(200, 2, 0, 1, 3, false), 50, 100);
		JsonNode wrong = certify(id, 0, 0, sha256(nextEpoch), nextEpoch.length, "");
		assertThat(wrong.get("match").asBoolean()).isFalse();
		long[] epoch1 = this.timeline.order(id, 1, 1, 0);
		certify(id, 1, 0, sha256(epoch1), epoch1.length, "");

		JsonNode report = this.timeline.http.get("/api/v1/experiments/" + id + "/certificates").json();
		assertThat(report.get("certificates").findValues("match").stream().map(JsonNode::asBoolean))
			.containsExactly(true, true, false, true);
		JsonNode epoch0 = report.get("epochs").get(0);
		assertThat(epoch0.get("finishingSegment").asInt()).isEqualTo(1);
		assertThat(epoch0.get("certified").asInt()).isEqualTo(2);
		assertThat(epoch0.get("matched").asInt()).as("rank 1").isEqualTo(1);
		assertThat(epoch0.get("mismatched").asInt()).as("rank 0, judged by its latest").isEqualTo(1);
		assertThat(epoch0.get("missing").asInt()).isZero();
		assertThat(epoch0.get("ranks").get("mismatched").get(0).get("rank").asInt()).isZero();
		JsonNode epochOne = report.get("epochs").get(1);
		assertThat(epochOne.get("matched").asInt()).isEqualTo(1);
		assertThat(epochOne.get("missing").asInt()).isEqualTo(1);
		assertThat(epochOne.get("ranks").get("missing").get(0).get("rank").asInt()).isEqualTo(1);
	}

	@ParameterizedTest(name = "{0}")
	@CsvSource(delimiter = '|', value = { "sha256 | 0 | {\"sha256\": \"xyz\", \"count\": 5}",
			"sha256 | 0 | {\"sha256\": \"0123456789abcdef0123456789abcdef0123456789abcdef0123456789abcde\", \"count\": 5}",
			"sha256 | 0 | {\"count\": 5}",
			"count | 0 | {\"sha256\": \"0123456789abcdef0123456789abcdef0123456789abcdef0123456789abcdef\"}",
			"count | 0 | {\"sha256\": \"0123456789abcdef0123456789abcdef0123456789abcdef0123456789abcdef\", \"count\": -1}",
			"rank | 2 | {\"sha256\": \"0123456789abcdef0123456789abcdef0123456789abcdef0123456789abcdef\", \"count\": 5}",
			"segment | 0 | {\"sha256\": \"0123456789abcdef0123456789abcdef0123456789abcdef0123456789abcdef\", \"count\": 5, \"segment\": 2}" })
	void aBadCertificateIsA400NamingTheFieldAndStoresNothing(String field, int rank, String body) {
		String id = this.timeline.create(200, 4, 3, false);
		this.timeline.segment(id, 2, 0, 100, "exact", "");
		Response response = this.timeline.http
			.post("/api/v1/experiments/" + id + "/epochs/0/ranks/" + rank + "/certificates", body);
		assertProblem(response, 400, field);
		assertThat(this.timeline.http.get("/api/v1/experiments/" + id + "/certificates").json().get("certificates"))
			.isEmpty();
	}

	@Test
	void theAuditSaysWhereAResumedRanksFirstIndicesBelong() {
		String id = this.timeline.create(1000, 4, 9, false);
		long[] epoch0 = this.timeline.torch(1000, 4, 0, 0, 9, false);
		long[] epoch1 = this.timeline.torch(1000, 4, 0, 1, 9, false);
		long[] epoch2 = this.timeline.torch(1000, 4, 0, 2, 9, false);
		// The checkpoint: epoch 1, 400 samples in, so rank 0 of 4 resumes at 100.
		assertAudit(id, 4, 0, Arrays.copyOfRange(epoch1, 100, 110), "ok", 1, 100);
		assertAudit(id, 4, 0, Arrays.copyOfRange(epoch2, 100, 110), "wrong-epoch", 2, 100);
		assertAudit(id, 4, 0, Arrays.copyOfRange(epoch1, 0, 10), "restarted-epoch", 1, 0);
		assertAudit(id, 4, 0, Arrays.copyOfRange(epoch0, 0, 10), "restarted-epoch", 0, 0);
		assertAudit(id, 4, 0, Arrays.copyOfRange(epoch1, 50, 60), "wrong-offset", 1, 50);
		JsonNode unknown = audit(id, 4, 0, new long[] { 5, 5, 5 });
		assertThat(unknown.get("verdict").asString()).isEqualTo("unknown");
		assertThat(unknown.get("matchedEpoch").isNull()).isTrue();
		// An exact restart on 3 ranks does not start at the torch rule's offset, but the
		// recorded segment says where it does.
		this.timeline.segment(id, 3, 1, 400, "exact", "");
		long[] exact = this.timeline.order(id, 1, 1, 0);
		assertAudit(id, 3, 0, Arrays.copyOf(exact, 10), "ok", 1, 133);

		String path = "/api/v1/experiments/" + id + "/resume-audit";
		assertProblem(this.timeline.http.post(path, """
				{"epoch": 1, "startSample": 400, "worldSize": 4, "rank": 0, "observed": []}"""), 400, "observed");
		assertProblem(this.timeline.http.post(path, """
				{"epoch": 1, "startSample": 400, "worldSize": 4, "rank": 4, "observed": [1]}"""), 400, "rank");
		assertProblem(this.timeline.http.post(path, """
				{"startSample": 400, "worldSize": 4, "rank": 0, "observed": [1]}"""), 400, "epoch");
		assertProblem(this.timeline.http.post("/api/v1/experiments/" + UUID.randomUUID() + "/resume-audit", """
				{"epoch": 1, "startSample": 400, "worldSize": 4, "rank": 0, "observed": [1]}"""), 404, null);
	}

	@Test
	void theLintCountsWhatDifferentlySeededRanksShareAndMiss() {
		JsonNode same = lint("[5, 5, 5, 5]");
		assertThat(same.get("disjoint").asBoolean()).isTrue();
		assertThat(same.get("overlapping").asLong()).isZero();
		assertThat(same.get("neverSeen").asLong()).isZero();
		int[] ranksReading = new int[1000];
		for (int r = 0; r < 4; r++) {
			Set<Long> distinct = new HashSet<>();
			for (long i : this.timeline.torch(1000, 4, r, 2, r + 1, false)) {
				distinct.add(i);
			}
			distinct.forEach((i) -> ranksReading[i.intValue()]++);
		}
		JsonNode differing = lint("[1, 2, 3, 4]");
		assertThat(differing.get("disjoint").asBoolean()).isFalse();
		assertThat(differing.get("overlapping").asLong())
			.isEqualTo(Arrays.stream(ranksReading).filter((c) -> c > 1).count());
		assertThat(differing.get("neverSeen").asLong())
			.isEqualTo(Arrays.stream(ranksReading).filter((c) -> c == 0).count());
		assertThat(differing.get("neverSeen").asLong()).isPositive();

		assertProblem(this.timeline.http.post("/api/v1/lint/distributed", """
				{"datasetSize": 1000, "worldSize": 4, "seeds": [1, 2, 3]}"""), 400, "seeds");
		assertProblem(this.timeline.http.post("/api/v1/lint/distributed", """
				{"datasetSize": 1000, "worldSize": 0, "seeds": [1]}"""), 400, "worldSize");
		assertProblem(this.timeline.http.post("/api/v1/lint/distributed", """
				{"datasetSize": 1000, "worldSize": 1, "seeds": [18446744073709551616]}"""), 400, "seeds[0]");
	}

	private JsonNode lint(String seeds) {
		Response response = this.timeline.http.post("/api/v1/lint/distributed", """
				{"datasetSize": 1000, "worldSize": 4, "epoch": 2, "shuffle": true, "dropLast": false,
				 "torchVersion": "2.5.1", "seeds": %s}""".formatted(seeds));
		assertThat(response.status()).as(response.text()).isEqualTo(200);
		return response.json();
	}

	private void assertAudit(String id, int worldSize, int rank, long[] observed, String verdict, long epoch,
			long offset) {
		JsonNode result = audit(id, worldSize, rank, observed);
		assertThat(result.get("verdict").asString()).as(result.toString()).isEqualTo(verdict);
		assertThat(result.get("matchedEpoch").asLong()).as(result.toString()).isEqualTo(epoch);
		assertThat(result.get("matchedOffset").asLong()).as(result.toString()).isEqualTo(offset);
	}

	private JsonNode audit(String id, int worldSize, int rank, long[] observed) {
		Response response = this.timeline.http.post("/api/v1/experiments/" + id + "/resume-audit", """
				{"epoch": 1, "startSample": 400, "worldSize": %d, "rank": %d, "observed": %s}""".formatted(worldSize,
				rank, Arrays.toString(observed)));
		assertThat(response.status()).as(response.text()).isEqualTo(200);
		return response.json();
	}

	private JsonNode certify(String id, long epoch, int rank, String sha256, long count, String extra) {
		Response response = this.timeline.http.post(
				"/api/v1/experiments/" + id + "/epochs/" + epoch + "/ranks/" + rank + "/certificates",
				"{\"sha256\": \"%s\", \"count\": %d%s}".formatted(sha256, count, extra));
		assertThat(response.status()).as(response.text()).isEqualTo(201);
		return response.json();
	}

	private static String sha256(long[] indices) throws Exception {
		return HexFormat.of()
			.formatHex(MessageDigest.getInstance("SHA-256").digest(TimelineSegmentsHttpTests.le(indices)));
	}

}
