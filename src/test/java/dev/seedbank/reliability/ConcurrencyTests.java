package dev.seedbank.reliability;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.UUID;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.function.IntFunction;

import dev.seedbank.TestHttp;
import dev.seedbank.TestHttp.Response;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.context.SpringBootTest.WebEnvironment;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.jdbc.core.JdbcTemplate;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Fifty clients at once on the same record: idempotent creates replay one record, a name
 * is taken exactly once, and one stale ETag wins exactly one PATCH.
 */
@SpringBootTest(webEnvironment = WebEnvironment.RANDOM_PORT)
@Timeout(value = 60, unit = TimeUnit.SECONDS)
class ConcurrencyTests {

	private static final int CLIENTS = 50;

	@LocalServerPort
	int port;

	@Autowired
	JdbcTemplate jdbc;

	TestHttp http;

	@BeforeEach
	void setUp() {
		this.http = new TestHttp(this.port);
		// Warm the create path, so a cold JIT does not stretch the burst towards Hikari's
		// 3 s connection timeout.
		assertThat(this.http.post("/api/v1/experiments", body("concurrent-warm-" + UUID.randomUUID())).status())
			.isEqualTo(201);
	}

	@Test
	void fiftyCreatesWithOneIdempotencyKeyAndOneBodyMakeOneRecord() throws Exception {
		String name = "concurrent-idem-" + UUID.randomUUID();
		String key = UUID.randomUUID().toString();
		List<Response> responses = all("same key",
				(i) -> this.http.post("/api/v1/experiments", body(name), "Idempotency-Key", key));
		assertThat(responses).extracting(Response::status).containsOnly(201);
		assertThat(responses).extracting(Response::text).containsOnly(responses.get(0).text());
		assertThat(responses).extracting((r) -> r.header("Location")).containsOnly(responses.get(0).header("Location"));
		assertThat(responses.stream().filter((r) -> r.header("Idempotent-Replayed") == null)).hasSize(1);
		assertThat(records(name)).isEqualTo(1);
	}

	/**
	 * Issue 16.1: with one key and twenty different bodies, three creates once won and
	 * two of their key rows were merged over by the third (an assigned id without
	 * {@code Persistable} made {@code save} a merge).
	 */
	@Test
	void twentyCreatesWithOneIdempotencyKeyAndDifferentBodiesLetExactlyOneWin() throws Exception {
		String prefix = "concurrent-idem-bodies-" + UUID.randomUUID();
		String key = UUID.randomUUID().toString();
		List<Response> responses = all(20, "same key, 20 bodies",
				(i) -> this.http.post("/api/v1/experiments", body(prefix + "-" + i), "Idempotency-Key", key));
		assertThat(responses).filteredOn((r) -> r.status() == 201).hasSize(1);
		assertThat(responses).filteredOn((r) -> r.status() != 201).hasSize(19).allSatisfy((r) -> {
			assertThat(r.status()).as(r.text()).isEqualTo(422);
			assertThat(r.json().get("type").asString()).endsWith("/idempotency-key-reused");
		});
		Response winner = responses.stream().filter((r) -> r.status() == 201).findFirst().orElseThrow();
		String winnerName = winner.json().get("name").asString();
		Response again = this.http.post("/api/v1/experiments", body(winnerName), "Idempotency-Key", key);
		assertThat(again.status()).isEqualTo(201);
		assertThat(again.header("Idempotent-Replayed")).isEqualTo("true");
		assertThat(again.text()).isEqualTo(winner.text());
		assertThat(this.jdbc.queryForObject("SELECT count(*) FROM experiment WHERE name LIKE ?", Long.class,
				prefix + "-%"))
			.as("experiments made under the key")
			.isEqualTo(1);
		assertThat(
				this.jdbc.queryForObject(
						"SELECT count(*) FROM experiment e WHERE e.name LIKE ? AND NOT EXISTS "
								+ "(SELECT 1 FROM idempotency_key k WHERE k.experiment_id = e.id)",
						Long.class, prefix + "-%"))
			.as("experiments without their key row")
			.isZero();
	}

	@Test
	void fiftyCreatesOfOneNameWithDifferentKeysMakeOneRecordAndFortyNineConflicts() throws Exception {
		String name = "concurrent-name-" + UUID.randomUUID();
		List<Response> responses = all("same name", (i) -> this.http.post("/api/v1/experiments", body(name),
				"Idempotency-Key", UUID.randomUUID().toString()));
		assertThat(responses).filteredOn((r) -> r.status() == 201).hasSize(1);
		assertThat(responses).filteredOn((r) -> r.status() != 201).hasSize(CLIENTS - 1).allSatisfy((r) -> {
			assertThat(r.status()).as(r.text()).isEqualTo(409);
			assertThat(r.header("Content-Type")).startsWith("application/problem+json");
			assertThat(r.json().get("type").asString()).endsWith("/name-taken");
		});
		assertThat(records(name)).isEqualTo(1);
	}

	@Test
	void fiftyPatchesWithOneIfMatchLetExactlyOneThrough() throws Exception {
		Response created = this.http.post("/api/v1/experiments", body("concurrent-patch-" + UUID.randomUUID()));
		String location = created.header("Location");
		String etag = created.header("ETag");
		List<Response> responses = all("same If-Match", (i) -> this.http.patch(location,
				"{\"description\": \"writer " + i + "\", \"tags\": {\"writer\": \"" + i + "\"}}", "If-Match", etag));
		assertThat(responses).filteredOn((r) -> r.status() == 200).hasSize(1);
		assertThat(responses).filteredOn((r) -> r.status() != 200).hasSize(CLIENTS - 1).allSatisfy((r) -> {
			assertThat(r.status()).as(r.text()).isEqualTo(412);
			assertThat(r.json().get("type").asString()).endsWith("/precondition-failed");
		});
		Response winner = responses.stream().filter((r) -> r.status() == 200).findFirst().orElseThrow();
		Response read = this.http.get(location);
		assertThat(read.json().get("version").asLong()).isEqualTo(1);
		assertThat(read.json().get("description").asString()).isEqualTo(winner.json().get("description").asString());
		assertThat(read.json().get("tags").get("writer").asString())
			.isEqualTo(winner.json().get("tags").get("writer").asString());
	}

	/** Runs the requests at once (all released by one latch) and prints the statuses. */
	private List<Response> all(String what, IntFunction<Response> request) throws Exception {
		return all(CLIENTS, what, request);
	}

	private List<Response> all(int clients, String what, IntFunction<Response> request) throws Exception {
		ExecutorService pool = Executors.newFixedThreadPool(clients);
		try {
			CountDownLatch ready = new CountDownLatch(clients);
			CountDownLatch go = new CountDownLatch(1);
			List<Future<Response>> futures = new ArrayList<>();
			for (int i = 0; i < clients; i++) {
				int client = i;
				futures.add(pool.submit(() -> {
					ready.countDown();
					go.await();
					return request.apply(client);
				}));
			}
			ready.await();
			long start = System.nanoTime();
			go.countDown();
			List<Response> responses = new ArrayList<>();
			for (Future<Response> future : futures) {
				responses.add(future.get(30, TimeUnit.SECONDS));
			}
			Map<Integer, Integer> histogram = new TreeMap<>();
			responses.forEach((r) -> histogram.merge(r.status(), 1, Integer::sum));
			System.out.printf("concurrency: %d parallel requests, %s: statuses %s in %d ms%n", clients, what, histogram,
					(System.nanoTime() - start) / 1_000_000);
			return responses;
		}
		finally {
			pool.shutdownNow();
		}
	}

	private long records(String name) {
		return this.http.get("/api/v1/experiments?name=" + name).json().get("totalElements").asLong();
	}

	private static String body(String name) {
		return """
				{"name": "%s", "framework": "torch", "frameworkVersion": "2.5.1", "torchVersion": "2.5.1",
				 "globalSeed": 17, "dataSeedPolicy": "LINKED",
				 "sampler": {"datasetSize": 1000, "worldSize": 4}, "tags": {"team": "vision"}}
				""".formatted(name);
	}

}
