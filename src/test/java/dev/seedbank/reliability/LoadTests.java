package dev.seedbank.reliability;

import java.security.MessageDigest;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HexFormat;
import java.util.List;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicLong;

import dev.seedbank.TestHttp;
import dev.seedbank.TestHttp.Response;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.context.SpringBootTest.WebEnvironment;
import org.springframework.boot.test.web.server.LocalServerPort;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Throughput and latency on loopback with a plain Java client, each run bounded in time
 * ({@code -Dseedbank.load.seconds}, default 8), and a 64-rank stampede on a new epoch in
 * a 512 MiB JVM.
 */
@SpringBootTest(webEnvironment = WebEnvironment.RANDOM_PORT)
class LoadTests {

	private static final int CLIENTS = 8;

	private static final long SECONDS = Long.getLong("seedbank.load.seconds", 8);

	@LocalServerPort
	int port;

	TestHttp http;

	@BeforeEach
	void setUp() {
		this.http = new TestHttp(this.port);
	}

	@Test
	@Timeout(value = 60, unit = TimeUnit.SECONDS)
	void cachedSlices() throws Exception {
		String path = "/api/v1/samplers/distributed/indices?datasetSize=10000&worldSize=8&rank=3&epoch=2&seed=17";
		assertThat(this.http.get(path).status()).isEqualTo(200);
		load("cached slice (N=10,000, W=8, JSON, 1,250 indices)", path);
	}

	@Test
	@Timeout(value = 60, unit = TimeUnit.SECONDS)
	void recordReads() throws Exception {
		Response created = this.http.post("/api/v1/experiments", """
				{"name": "load-%d", "framework": "torch", "frameworkVersion": "2.5.1", "torchVersion": "2.5.1",
				 "globalSeed": 17, "dataSeedPolicy": "LINKED", "sampler": {"datasetSize": 1000, "worldSize": 4},
				 "tags": {"team": "vision"}}
				""".formatted(System.nanoTime()));
		assertThat(created.status()).isEqualTo(201);
		load("record GET", created.header("Location"));
	}

	@Test
	@Timeout(value = 180, unit = TimeUnit.SECONDS)
	void sixtyFourRanksAskingForANewEpochAtOnceComputeItOnceInA512MiBHeap() throws Exception {
		int ranks = 64;
		long n = 20_000_000;
		try (ChildApp app = ChildApp.start("512m")) {
			double before = computed(app);
			ExecutorService pool = Executors.newFixedThreadPool(ranks);
			try {
				CountDownLatch go = new CountDownLatch(1);
				List<Future<Response>> answers = new ArrayList<>();
				for (int rank = 0; rank < ranks; rank++) {
					String path = "/api/v1/samplers/distributed/indices?datasetSize=" + n + "&worldSize=" + ranks
							+ "&rank=" + rank + "&epoch=3&seed=2024";
					answers.add(pool.submit(() -> {
						go.await();
						return app.get(path, "Accept", "application/octet-stream");
					}));
				}
				long start = System.nanoTime();
				go.countDown();
				long perRank = n / ranks;
				for (Future<Response> answer : answers) {
					Response response = answer.get(150, TimeUnit.SECONDS);
					assertThat(response.status()).as(response.text()).isEqualTo(200);
					assertThat(response.body()).hasSize((int) (perRank * Long.BYTES));
					assertThat(response.header("Seedbank-Total-Count")).isEqualTo(Long.toString(perRank));
					assertThat(sha256(response.body())).isEqualTo(response.header("Seedbank-Order-Sha256"));
				}
				double seconds = (System.nanoTime() - start) / 1e9;
				double computedNow = computed(app) - before;
				System.out.printf("stampede: %d ranks, N=%,d, -Xmx512m: all 200 with %,d indices each in %.2f s; "
						+ "permutations computed: %.0f%n", ranks, n, perRank, seconds, computedNow);
				assertThat(computedNow).isEqualTo(1.0);
			}
			finally {
				pool.shutdownNow();
			}
			assertThat(app.process.isAlive()).isTrue();
			assertThat(app.log()).doesNotContain("OutOfMemoryError");
		}
	}

	private static double computed(ChildApp app) {
		String metrics = app.get("/actuator/prometheus").text();
		return Arrays.stream(metrics.split("\n"))
			.filter((line) -> line.startsWith("seedbank_permutations_computed_total"))
			.mapToDouble((line) -> Double.parseDouble(line.substring(line.lastIndexOf(' ') + 1)))
			.sum();
	}

	private void load(String what, String path) throws Exception {
		ExecutorService pool = Executors.newFixedThreadPool(CLIENTS);
		AtomicLong errors = new AtomicLong();
		try {
			run(pool, path, 1, errors);
			errors.set(0);
			long start = System.nanoTime();
			List<long[]> latencies = run(pool, path, SECONDS, errors);
			double seconds = (System.nanoTime() - start) / 1e9;
			long[] all = latencies.stream().flatMapToLong(Arrays::stream).sorted().toArray();
			System.out.printf(
					"load: %s, %d clients for %.1f s: %,d requests, %,.0f requests/s, p50 %.2f ms, "
							+ "p99 %.2f ms, errors %d%n",
					what, CLIENTS, seconds, all.length, all.length / seconds, all[all.length / 2] / 1e6,
					all[(int) (all.length * 0.99)] / 1e6, errors.get());
			assertThat(all).isNotEmpty();
			assertThat(errors.get()).isZero();
		}
		finally {
			pool.shutdownNow();
		}
	}

	/** Each client sends requests one after another until the time is up. */
	private List<long[]> run(ExecutorService pool, String path, long seconds, AtomicLong errors) throws Exception {
		long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(seconds);
		List<Future<long[]>> clients = new ArrayList<>();
		for (int i = 0; i < CLIENTS; i++) {
			clients.add(pool.submit(() -> {
				long[] latencies = new long[1024];
				int count = 0;
				while (System.nanoTime() < deadline) {
					long t0 = System.nanoTime();
					try {
						if (this.http.get(path).status() != 200) {
							errors.incrementAndGet();
						}
					}
					catch (IllegalStateException ex) {
						errors.incrementAndGet();
					}
					if (count == latencies.length) {
						latencies = Arrays.copyOf(latencies, count * 2);
					}
					latencies[count++] = System.nanoTime() - t0;
				}
				return Arrays.copyOf(latencies, count);
			}));
		}
		List<long[]> results = new ArrayList<>();
		for (Future<long[]> client : clients) {
			results.add(client.get(seconds + 30, TimeUnit.SECONDS));
		}
		return results;
	}

	private static String sha256(byte[] bytes) throws Exception {
		return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(bytes));
	}

}
