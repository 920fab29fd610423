package dev.seedbank.timeline;

import java.util.Arrays;
import java.util.stream.IntStream;

import dev.seedbank.EndToEndTest;
import dev.seedbank.TestHttp.Response;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;

import static dev.seedbank.timeline.TimelineHttp.assertProblem;
import static org.assertj.core.api.Assertions.assertThat;

/**
 * Resumes replayed over HTTP and counted: what every rank of every segment reads, cut
 * where the next segment starts, against an uninterrupted run built from torch's own
 * lists (the stateless endpoint).
 */
class TimelineCoverageHttpTests extends EndToEndTest {

	TimelineHttp timeline;

	@BeforeEach
	void setUp() {
		this.timeline = new TimelineHttp(this.port);
	}

	@Test
	void aResizeFromFourRanksToThreeWithExactReadsEverySampleAsOftenAsAnUninterruptedRun() {
		// 1002 samples on 4 ranks: 251 each, the last 2 stream positions are padding.
		String id = this.timeline.create(1002, 4, 11, false);
		this.timeline.segment(id, 3, 0, 404, "exact", "");
		int[] resumed = new int[1002];
		for (int r = 0; r < 4; r++) {
			long[] list = this.timeline.order(id, 0, 0, r);
			count(resumed, Arrays.copyOf(list, 101));
		}
		for (int r = 0; r < 3; r++) {
			long[] list = this.timeline.order(id, 1, 0, r);
			assertThat(list).hasSize(200);
			count(resumed, list);
		}
		int[] uninterrupted = new int[1002];
		for (int r = 0; r < 4; r++) {
			count(uninterrupted, this.timeline.torch(1002, 4, r, 0, 11, false));
		}
		for (int i = 0; i < 1002; i++) {
			assertThat(resumed[i]).as("reads of sample %d", i).isEqualTo(uninterrupted[i]);
		}
		JsonNode coverage = this.timeline.coverage(id, 0);
		assertThat(coverage.get("neverSeen").asLong()).isZero();
		assertThat(coverage.get("seenOnce").asLong()).isEqualTo(1000);
		assertThat(coverage.get("seenMoreThanOnce").asLong()).isEqualTo(2);
		assertThat(coverage.get("maxSeen").asInt()).isEqualTo(2);
		assertThat(coverage.get("paddingRepeats").asLong()).isEqualTo(2);
		long[] repeated = IntStream.range(0, 1002).filter((i) -> uninterrupted[i] > 1).asLongStream().toArray();
		assertThat(list(id, 0, "repeated", "application/octet-stream")).isEqualTo(repeated);
		assertThat(list(id, 0, "never", "application/octet-stream")).isEmpty();
		// After the resize the run reads plain 3-rank lists: 334 each, no padding.
		JsonNode next = this.timeline.coverage(id, 1);
		assertThat(next.get("seenOnce").asLong()).isEqualTo(1002);
		assertThat(next.get("paddingRepeats").asLong()).isZero();
	}

	@Test
	void aTorchResumeCountsTheSamplesSeenTwiceAndNeverInAnyFormat() {
		// 1000 samples on 4 ranks with drop_last; killed after 401 samples, resumed on 3
		// ranks that each skip floor(401 / 3) = 133 of their own 333-long list.
		String id = this.timeline.create(1000, 4, 5, true);
		this.timeline.segment(id, 3, 0, 401, "torch", "");
		int[] counts = new int[1000];
		for (int r = 0; r < 4; r++) {
			long[] list = this.timeline.torch(1000, 4, r, 0, 5, true);
			int rank = r;
			int read = (int) IntStream.range(0, list.length).filter((j) -> 4 * j + rank < 401).count();
			count(counts, Arrays.copyOf(list, read));
		}
		for (int r = 0; r < 3; r++) {
			long[] torch = this.timeline.torch(1000, 3, r, 0, 5, true);
			long[] served = this.timeline.order(id, 1, 0, r);
			assertThat(served).isEqualTo(Arrays.copyOfRange(torch, 133, torch.length));
			count(counts, served);
		}
		long[] never = IntStream.range(0, 1000).filter((i) -> counts[i] == 0).asLongStream().toArray();
		long[] repeated = IntStream.range(0, 1000).filter((i) -> counts[i] > 1).asLongStream().toArray();
		// 399 and 400 read twice (the skip rounds down); the last sample dropped at 3
		// ranks
		assertThat(never).hasSize(1);
		assertThat(repeated).hasSize(2);
		JsonNode coverage = this.timeline.coverage(id, 0);
		assertThat(coverage.get("neverSeen").asLong()).isEqualTo(1);
		assertThat(coverage.get("seenOnce").asLong()).isEqualTo(997);
		assertThat(coverage.get("seenMoreThanOnce").asLong()).isEqualTo(2);
		assertThat(coverage.get("paddingRepeats").asLong()).isZero();
		assertThat(list(id, 0, "never", "application/octet-stream")).isEqualTo(never);
		assertThat(list(id, 0, "repeated", "application/octet-stream")).isEqualTo(repeated);
		byte[] npy = get(id, 0, "?list=repeated", "application/x-npy").body();
		assertThat(TimelineHttp.longs(Arrays.copyOfRange(npy, npy.length - 16, npy.length))).isEqualTo(repeated);
		JsonNode json = get(id, 0, "?list=never", "application/json").json();
		assertThat(json.get("indices").get(0).asLong()).isEqualTo(never[0]);
		assertThat(json.get("total").asLong()).isEqualTo(1);
		assertProblem(get(id, 0, "?list=sometimes", "application/json"), 400, "list");
		assertProblem(get(id, -1, "", "application/json"), 400, "epoch");
	}

	@Test
	void stepsAreCountedFromTheEpochsStartOverTheSegmentsThatReadIt() {
		String id = this.timeline.create(1002, 4, 11, false);
		this.timeline.segment(id, 3, 0, 404, "exact", ", \"batchSize\": 10");
		String steps = "/api/v1/experiments/" + id + "/epochs/0/steps/";
		assertProblem(this.timeline.http.get(steps + "0/samples"), 400, "batchSize");
		JsonNode first = this.timeline.http.get(steps + "0/samples?batchSize=10").json();
		assertThat(first.get("segment").asInt()).isZero();
		for (int r = 0; r < 4; r++) {
			assertThat(indices(first, r)).isEqualTo(Arrays.copyOf(this.timeline.torch(1002, 4, r, 0, 11, false), 10));
		}
		// segment 0 read 101 per rank: steps 0..10, the last one cut at position 101
		JsonNode cut = this.timeline.http.get(steps + "10/samples?batchSize=10").json();
		assertThat(indices(cut, 0)).hasSize(1);
		JsonNode resumed = this.timeline.http.get(steps + "11/samples?batchSize=10").json();
		assertThat(resumed.get("segment").asInt()).isEqualTo(1);
		assertThat(resumed.get("ranks")).hasSize(3);
		for (int r = 0; r < 3; r++) {
			assertThat(indices(resumed, r)).isEqualTo(Arrays.copyOf(this.timeline.order(id, 1, 0, r), 10));
		}
		assertThat(this.timeline.http.get(steps + "30/samples?batchSize=10").status()).isEqualTo(200);
		assertProblem(this.timeline.http.get(steps + "31/samples?batchSize=10"), 400, "step");
		assertProblem(this.timeline.http.get(steps + "0/samples?batchSize=0"), 400, "batchSize");
	}

	private static long[] indices(JsonNode step, int rank) {
		return step.get("ranks").get(rank).get("indices").valueStream().mapToLong(JsonNode::asLong).toArray();
	}

	private Response get(String id, long epoch, String query, String accept) {
		return this.timeline.http.get("/api/v1/experiments/" + id + "/epochs/" + epoch + "/coverage" + query, "Accept",
				accept);
	}

	private long[] list(String id, long epoch, String which, String accept) {
		Response response = get(id, epoch, "?list=" + which, accept);
		assertThat(response.status()).as(response.text()).isEqualTo(200);
		assertThat(response.header("Seedbank-Total-Count")).isNotNull();
		return TimelineHttp.longs(response.body());
	}

	private static void count(int[] counts, long[] indices) {
		for (long i : indices) {
			counts[(int) i]++;
		}
	}

}
