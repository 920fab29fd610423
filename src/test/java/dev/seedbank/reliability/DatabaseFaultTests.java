package dev.seedbank.reliability;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicReference;
import java.util.stream.Collectors;

import ch.qos.logback.classic.Level;
import ch.qos.logback.classic.Logger;
import ch.qos.logback.classic.spi.ILoggingEvent;
import ch.qos.logback.core.read.ListAppender;
import dev.seedbank.SeedbankApplication;
import dev.seedbank.TestHttp;
import dev.seedbank.TestHttp.Response;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.slf4j.LoggerFactory;

import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.boot.web.server.context.WebServerApplicationContext;
import org.springframework.context.ConfigurableApplicationContext;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The service on its own throw-away PostgreSQL 15 cluster, which is stopped under traffic
 * and started again: records answer 503 problems with Retry-After (never a 500, never a
 * hang), slices already asked for keep being served, readiness goes DOWN while liveness
 * stays UP, everything recovers without a restart, and no create is ever half written.
 */
class DatabaseFaultTests {

	/** One cluster per JVM, so two builds on one machine never stop each other's. */
	private static final String CLUSTER = "seedbank_fault_" + ProcessHandle.current().pid();

	private static final String RUN = "fault-" + Long.toString(System.nanoTime(), 36);

	private static int pgPort;

	private static ConfigurableApplicationContext context;

	private static TestHttp http;

	@BeforeAll
	static void start() throws Exception {
		boolean tools = Files.isExecutable(Path.of("/usr/bin/pg_createcluster"));
		if (!"true".equals(System.getenv("CI"))) {
			Assumptions.assumeTrue(tools, "needs Debian's postgresql-common and PostgreSQL 15 (pg_createcluster)");
		}
		assertThat(tools).as("pg_createcluster (postgresql-common) is installed").isTrue();
		pg(false, "pg_dropcluster", "--stop", "15", CLUSTER);
		pgPort = ChildApp.freePort();
		pg(true, "pg_createcluster", "15", CLUSTER, "-p", Integer.toString(pgPort), "--", "--auth=trust");
		pg(true, "pg_ctlcluster", "15", CLUSTER, "start");
		context = new SpringApplicationBuilder(SeedbankApplication.class).run("--server.port=0",
				"--spring.datasource.url=" + jdbcUrl(), "--spring.datasource.username=postgres",
				"--spring.datasource.password=");
		http = new TestHttp(((WebServerApplicationContext) context).getWebServer().getPort());
	}

	@AfterAll
	static void stop() throws Exception {
		if (context != null) {
			context.close();
		}
		pg(false, "pg_dropcluster", "--stop", "15", CLUSTER);
	}

	@Test
	@Timeout(value = 120, unit = TimeUnit.SECONDS)
	void stoppingTheDatabaseIsA503AndStartingItAgainRecoversWithoutARestart() throws Exception {
		String known = http.post("/api/v1/experiments", body(RUN + "-known")).header("Location");
		String cachedSlice = known + "/epochs/0/ranks/1/indices";
		String statelessSlice = "/api/v1/samplers/distributed/indices?datasetSize=100000&worldSize=4&rank=2&seed=7";
		String cachedDigest = http.get(cachedSlice, "Accept", "application/octet-stream")
			.header("Seedbank-Order-Sha256");
		String statelessDigest = http.get(statelessSlice).header("Seedbank-Order-Sha256");
		Map<String, String> endpoints = new TreeMap<>(
				Map.of("read", known, "search", "/api/v1/experiments?namePrefix=" + RUN, "slice-experiment",
						cachedSlice, "slice-stateless", statelessSlice));

		AtomicReference<String> phase = new AtomicReference<>("up");
		AtomicBoolean running = new AtomicBoolean(true);
		AtomicInteger sequence = new AtomicInteger();
		AtomicInteger names = new AtomicInteger();
		ConcurrentLinkedQueue<Outcome> outcomes = new ConcurrentLinkedQueue<>();
		Map<String, String> creates = new ConcurrentHashMap<>();
		ExecutorService workers = Executors.newFixedThreadPool(4);
		for (int w = 0; w < 4; w++) {
			workers.submit(() -> {
				List<String> kinds = new ArrayList<>(endpoints.keySet());
				kinds.add("create");
				while (running.get()) {
					String kind = kinds.get(sequence.getAndIncrement() % kinds.size());
					String before = phase.get();
					long start = System.nanoTime();
					Response response;
					String name = null;
					if (kind.equals("create")) {
						name = RUN + "-" + names.incrementAndGet();
						response = http.post("/api/v1/experiments", body(name), "Idempotency-Key", name);
					}
					else {
						response = kind.startsWith("slice")
								? http.get(endpoints.get(kind), "Accept", "application/octet-stream")
								: http.get(endpoints.get(kind));
					}
					String after = phase.get();
					Outcome outcome = new Outcome(before.equals(after) ? before : before + ">" + after, kind,
							(System.nanoTime() - start) / 1_000_000, response);
					outcomes.add(outcome);
					if (name != null) {
						creates.put(name, Integer.toString(response.status()));
					}
				}
				return null;
			});
		}

		Thread.sleep(2000);
		ListAppender<ILoggingEvent> logged = new ListAppender<>();
		logged.start();
		Logger root = (Logger) LoggerFactory.getLogger(org.slf4j.Logger.ROOT_LOGGER_NAME);
		root.addAppender(logged);
		phase.set("stopping");
		pg(true, "pg_ctlcluster", "15", CLUSTER, "stop", "-m", "fast");
		phase.set("down");
		Thread.sleep(7000);
		Response readinessDown = http.get("/actuator/health/readiness");
		Response livenessDown = http.get("/actuator/health/liveness");
		phase.set("starting");
		long restart = System.nanoTime();
		pg(true, "pg_ctlcluster", "15", CLUSTER, "start");
		phase.set("recovering");
		while (http.get("/actuator/health/readiness").status() != 200) {
			assertThat((System.nanoTime() - restart) / 1e9).as("seconds to ready again").isLessThan(30);
			Thread.sleep(100);
		}
		double recoverySeconds = (System.nanoTime() - restart) / 1e9;
		phase.set("recovered");
		Thread.sleep(2000);
		root.detachAppender(logged);
		running.set(false);
		workers.shutdown();
		assertThat(workers.awaitTermination(30, TimeUnit.SECONDS)).isTrue();

		Map<String, Map<String, Integer>> histogram = new TreeMap<>();
		for (Outcome outcome : outcomes) {
			histogram.computeIfAbsent(outcome.phase() + " " + outcome.kind(), (k) -> new TreeMap<>())
				.merge(Integer.toString(outcome.response().status()), 1, Integer::sum);
		}
		System.out.printf("database faults: statuses by phase and endpoint:%n");
		histogram.forEach((key, counts) -> System.out.printf("  %-34s %s%n", key, counts));
		long slowest503 = outcomes.stream()
			.filter((o) -> o.response().status() == 503)
			.mapToLong(Outcome::millis)
			.max()
			.orElse(0);
		System.out.printf(
				"database faults: readiness while down %d, liveness %d; slowest 503 %d ms; "
						+ "ready again %.1f s after the restart%n",
				readinessDown.status(), livenessDown.status(), slowest503, recoverySeconds);

		for (Outcome outcome : outcomes) {
			Response response = outcome.response();
			assertThat(response.status()).as("%s %s: %s", outcome.phase(), outcome.kind(), response.text())
				.isIn(200, 201, 503);
			assertThat(response.text()).doesNotContainPattern("Exception|\\tat |org\\.springframework|org\\.hibernate");
			if (response.status() == 503) {
				assertThat(response.header("Content-Type")).startsWith("application/problem+json");
				assertThat(response.header("Retry-After")).isEqualTo("5");
				assertThat(response.json().get("type").asString()).endsWith("/unavailable");
			}
		}
		assertThat(slowest503).as("a request fails fast instead of hanging").isLessThan(10_000);
		List<Outcome> down = outcomes.stream().filter((o) -> o.phase().equals("down")).toList();
		assertThat(down).extracting(Outcome::kind).contains("create", "read", "search", "slice-experiment");
		for (Outcome outcome : down) {
			switch (outcome.kind()) {
				case "slice-experiment" ->
					assertThat(outcome.response().header("Seedbank-Order-Sha256")).isEqualTo(cachedDigest);
				case "slice-stateless" ->
					assertThat(outcome.response().header("Seedbank-Order-Sha256")).isEqualTo(statelessDigest);
				default -> assertThat(outcome.response().status()).isEqualTo(503);
			}
		}
		assertLogNoise(logged.list, outcomes);
		assertThat(readinessDown.status()).isEqualTo(503);
		assertThat(livenessDown.status()).isEqualTo(200);

		assertThat(http.post("/api/v1/experiments", body(RUN + "-after")).status()).isEqualTo(201);
		assertThat(http.get(known).status()).isEqualTo(200);
		assertThat(http.get(endpoints.get("search")).status()).isEqualTo(200);
		assertThat(http.get(cachedSlice).status()).isEqualTo(200);

		Set<String> created = creates.entrySet()
			.stream()
			.filter((entry) -> entry.getValue().equals("201"))
			.map(Map.Entry::getKey)
			.collect(Collectors.toSet());
		Map<String, int[]> rows = rows();
		rows.forEach((name, counts) -> assertThat(counts).as("tag and key rows of %s", name).containsExactly(2, 1));
		assertThat(rows.keySet()).containsAll(created);
		Set<String> inDoubt = rows.keySet()
			.stream()
			.filter((name) -> !created.contains(name))
			.collect(Collectors.toSet());
		assertThat(inDoubt).as("stored although not answered 201").allMatch((name) -> "503".equals(creates.get(name)));

		Map<String, Integer> retried = new TreeMap<>();
		creates.forEach((name, status) -> {
			if (!status.equals("201")) {
				Response again = http.post("/api/v1/experiments", body(name), "Idempotency-Key", name);
				retried.merge(again.status() + ((again.header("Idempotent-Replayed") != null) ? " replayed" : ""), 1,
						Integer::sum);
				assertThat(again.status()).isEqualTo(201);
			}
		});
		Map<String, int[]> after = rows();
		after.forEach((name, counts) -> assertThat(counts).containsExactly(2, 1));
		assertThat(after.keySet()).isEqualTo(creates.keySet());
		System.out.printf(
				"database faults: %d creates sent, %d answered 201, %d committed but answered 503; "
						+ "retried with the same Idempotency-Key: %s; %d records, each with its 2 tags and its key%n",
				creates.size(), created.size(), inDoubt.size(), retried, after.size());
	}

	/**
	 * Issue 16.7: each 503 of the outage logs one WARN line, and the outage one stack
	 * trace; it used to be an ERROR trace per request plus Hibernate's two lines.
	 */
	private static void assertLogNoise(List<ILoggingEvent> events, ConcurrentLinkedQueue<Outcome> outcomes) {
		List<ILoggingEvent> noisy = List.copyOf(events)
			.stream()
			.filter((event) -> event.getLevel().isGreaterOrEqual(Level.WARN))
			.toList();
		Map<String, Long> byLogger = new TreeMap<>(
				noisy.stream().collect(Collectors.groupingBy(ILoggingEvent::getLoggerName, Collectors.counting())));
		long answered503 = outcomes.stream().filter((o) -> o.response().status() == 503).count();
		long traces = noisy.stream().filter((event) -> event.getThrowableProxy() != null).count();
		System.out.printf("database faults: %d answers 503; WARN+ lines by logger %s; %d stack traces%n", answered503,
				byLogger, traces);
		assertThat(noisy).as("ERROR lines").noneMatch((event) -> event.getLevel() == Level.ERROR);
		assertThat(traces).as("stack traces for the one outage").isEqualTo(1);
		long perRequest = byLogger.getOrDefault("dev.seedbank.web.OutageLog", 0L);
		assertThat(perRequest).as("one WARN line per 503").isPositive().isLessThanOrEqualTo(answered503);
		assertThat(byLogger.keySet()).as("loggers repeating the failure").containsOnly("dev.seedbank.web.OutageLog");
	}

	private static Map<String, int[]> rows() throws SQLException {
		Map<String, int[]> rows = new HashMap<>();
		try (Connection connection = DriverManager.getConnection(jdbcUrl(), "postgres", "");
				ResultSet result = connection.createStatement()
					.executeQuery("SELECT e.name, (SELECT count(*) FROM experiment_tag t WHERE t.experiment_id = e.id),"
							+ " (SELECT count(*) FROM idempotency_key k WHERE k.experiment_id = e.id)"
							+ " FROM experiment e WHERE e.name LIKE '" + RUN + "-%' AND e.name NOT IN ('" + RUN
							+ "-known', '" + RUN + "-after')")) {
			while (result.next()) {
				rows.put(result.getString(1), new int[] { result.getInt(2), result.getInt(3) });
			}
		}
		return rows;
	}

	private static String body(String name) {
		return """
				{"name": "%s", "framework": "torch", "frameworkVersion": "2.5.1", "torchVersion": "2.5.1",
				 "globalSeed": 17, "dataSeedPolicy": "LINKED",
				 "sampler": {"datasetSize": 100000, "worldSize": 4}, "tags": {"team": "reliability", "run": "%s"}}
				""".formatted(name, RUN);
	}

	private static String jdbcUrl() {
		return "jdbc:postgresql://127.0.0.1:" + pgPort + "/postgres";
	}

	private static void pg(boolean check, String... command) throws IOException, InterruptedException {
		Process process = new ProcessBuilder(command).redirectErrorStream(true).start();
		String output = new String(process.getInputStream().readAllBytes());
		assertThat(process.waitFor(60, TimeUnit.SECONDS)).isTrue();
		if (check) {
			assertThat(process.exitValue()).as("%s: %s", String.join(" ", command), output).isZero();
		}
	}

	private record Outcome(String phase, String kind, long millis, Response response) {
	}

}
