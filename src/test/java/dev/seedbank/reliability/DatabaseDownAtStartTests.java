package dev.seedbank.reliability;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.UUID;
import java.util.concurrent.TimeUnit;
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
import org.springframework.boot.context.event.ApplicationPreparedEvent;
import org.springframework.boot.web.server.context.WebServerApplicationContext;
import org.springframework.context.ApplicationListener;
import org.springframework.context.ConfigurableApplicationContext;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Issue 16.4: the service starts while its PostgreSQL is down (a throw-away cluster that
 * is created but not started), stays alive and unready, answers what needs no database,
 * and becomes ready once the database comes up: the schema is migrated, the bootstrap
 * token written, with no restart. It used to exit after the connection timeout, which
 * Kubernetes would turn into a crash loop.
 */
class DatabaseDownAtStartTests {

	/** One cluster per JVM, so two builds on one machine never touch each other's. */
	private static final String CLUSTER = "seedbank_down_" + ProcessHandle.current().pid();

	/** The README's first stateless example and what torch 2.5.1 yields for it. */
	private static final String STATELESS = "/api/v1/samplers/distributed/indices?datasetSize=10&worldSize=2&rank=0"
			+ "&epoch=0&seed=0&torchVersion=2.5.1";

	private static final String MIGRATION_LOGGER = "dev.seedbank.database.SchemaMigration";

	private static int pgPort;

	private static ConfigurableApplicationContext context;

	private static final ListAppender<ILoggingEvent> logged = new ListAppender<>();

	@BeforeAll
	static void createTheClusterButDoNotStartIt() throws Exception {
		boolean tools = Files.isExecutable(Path.of("/usr/bin/pg_createcluster"));
		if (!"true".equals(System.getenv("CI"))) {
			Assumptions.assumeTrue(tools, "needs Debian's postgresql-common and PostgreSQL 15 (pg_createcluster)");
		}
		assertThat(tools).as("pg_createcluster (postgresql-common) is installed").isTrue();
		pg(false, "pg_dropcluster", "--stop", "15", CLUSTER);
		pgPort = ChildApp.freePort();
		pg(true, "pg_createcluster", "15", CLUSTER, "-p", Integer.toString(pgPort), "--", "--auth=trust");
	}

	@AfterAll
	static void stop() throws Exception {
		((Logger) LoggerFactory.getLogger(org.slf4j.Logger.ROOT_LOGGER_NAME)).detachAppender(logged);
		if (context != null) {
			context.close();
		}
		pg(false, "pg_dropcluster", "--stop", "15", CLUSTER);
	}

	@Test
	@Timeout(value = 180, unit = TimeUnit.SECONDS)
	void startsWithoutTheDatabaseAndBecomesReadyWhenItComesUp() throws Exception {
		logged.start();
		long starting = System.nanoTime();
		// Attached once Boot has set logging up (which drops appenders), before the
		// refresh.
		context = new SpringApplicationBuilder(SeedbankApplication.class)
			.listeners((ApplicationListener<ApplicationPreparedEvent>) (
					prepared) -> ((Logger) LoggerFactory.getLogger(org.slf4j.Logger.ROOT_LOGGER_NAME))
						.addAppender(logged))
			.run("--server.port=0", "--spring.datasource.url=jdbc:postgresql://127.0.0.1:" + pgPort + "/postgres",
					"--spring.datasource.username=postgres", "--spring.datasource.password=",
					"--seedbank.database.retry-initial-backoff=200ms", "--seedbank.database.retry-max-backoff=1s");
		System.out.printf("database down at start: context started in %.1f s%n", (System.nanoTime() - starting) / 1e9);
		TestHttp http = new TestHttp(((WebServerApplicationContext) context).getWebServer().getPort());

		assertThat(http.get("/actuator/health/liveness").status()).as("liveness while the database is down")
			.isEqualTo(200);
		assertThat(http.get("/actuator/health/readiness").status()).as("readiness while the database is down")
			.isEqualTo(503);
		assertUnavailable(http.get("/api/v1/experiments/" + UUID.randomUUID()));
		assertUnavailable(http.post("/api/v1/experiments", body("down"), "Idempotency-Key", "down"));
		assertUnavailable(http.get("/api/v1/experiments?namePrefix=down"));
		assertUnavailable(http.withToken("sb_a-token-only-the-database-could-check-0123")
			.get("/api/v1/samplers/distributed/indices?datasetSize=10&worldSize=2&rank=0"));
		Response stateless = http.get(STATELESS);
		assertThat(stateless.status()).as("a stateless slice needs no database: %s", stateless.text()).isEqualTo(200);
		assertThat(stateless.json().get("indices").toString()).isEqualTo("[4,7,3,0,6]");
		// However fast the machine, wait for two retries from the background thread.
		Instant retried = Instant.now().plus(Duration.ofSeconds(60));
		while (List.copyOf(logged.list)
			.stream()
			.filter((e) -> e.getLoggerName().equals(MIGRATION_LOGGER))
			.count() < 3) {
			assertThat(Instant.now()).as("two background retries within 60 s").isBefore(retried);
			Thread.sleep(100);
		}
		assertThat(http.get("/actuator/health/readiness").status()).isEqualTo(503);
		assertThat(context.isRunning()).isTrue();
		assertLogWhileDown(List.copyOf(logged.list));

		long restart = System.nanoTime();
		pg(true, "pg_ctlcluster", "15", CLUSTER, "start");
		Instant deadline = Instant.now().plus(Duration.ofSeconds(60));
		while (http.get("/actuator/health/readiness").status() != 200) {
			assertThat(Instant.now()).as("ready within 60 s of the database starting").isBefore(deadline);
			Thread.sleep(100);
		}
		System.out.printf("database down at start: ready %.1f s after the database started%n",
				(System.nanoTime() - restart) / 1e9);

		Response created = http.post("/api/v1/experiments", body("after"), "Idempotency-Key", "after");
		assertThat(created.status()).as("create with the bootstrap token: %s", created.text()).isEqualTo(201);
		Response read = http.get(created.header("Location"));
		assertThat(read.status()).isEqualTo(200);
		assertThat(read.json().get("name").asString()).isEqualTo("down-at-start/after");
		assertThat(http.get("/api/v1/tokens").status()).as("the bootstrap token was written: ADMIN endpoints work")
			.isEqualTo(200);
		assertThat(http.get("/actuator/health/liveness").status()).isEqualTo(200);
		assertThat(List.copyOf(logged.list)).as("WARN+ lines of the whole run, recovery included")
			.filteredOn((event) -> event.getLevel().isGreaterOrEqual(Level.WARN))
			.extracting(ILoggingEvent::getLoggerName)
			.containsOnly(MIGRATION_LOGGER, "dev.seedbank.web.OutageLog");
	}

	private static void assertUnavailable(Response response) {
		assertThat(response.status()).as("%s", response.text()).isEqualTo(503);
		assertThat(response.header("Content-Type")).startsWith("application/problem+json");
		assertThat(response.header("Retry-After")).isEqualTo("5");
		assertThat(response.json().get("type").asString()).endsWith("/unavailable");
		assertThat(response.text()).doesNotContainPattern("Exception|\\tat |org\\.springframework|org\\.hibernate");
	}

	/**
	 * One WARN line per migration attempt and one stack trace for the outage; nothing at
	 * ERROR, and no other logger repeats the failure.
	 */
	private static void assertLogWhileDown(List<ILoggingEvent> events) {
		List<ILoggingEvent> noisy = events.stream()
			.filter((event) -> event.getLevel().isGreaterOrEqual(Level.WARN))
			.toList();
		Map<String, Long> byLogger = new TreeMap<>(
				noisy.stream().collect(Collectors.groupingBy(ILoggingEvent::getLoggerName, Collectors.counting())));
		List<ILoggingEvent> attempts = noisy.stream()
			.filter((event) -> event.getLoggerName().equals(MIGRATION_LOGGER))
			.toList();
		System.out.printf("database down at start: WARN+ lines by logger %s; %d with a stack trace%n", byLogger,
				noisy.stream().filter((event) -> event.getThrowableProxy() != null).count());
		attempts.forEach((event) -> System.out.printf("  %s%n", event.getFormattedMessage()));
		assertThat(noisy).as("ERROR lines").noneMatch((event) -> event.getLevel() == Level.ERROR);
		assertThat(attempts).as("one line per failed attempt, retried in the background").hasSizeGreaterThan(2);
		assertThat(attempts.stream().filter((event) -> event.getThrowableProxy() != null).count())
			.as("stack traces of the migration attempts")
			.isEqualTo(1);
		assertThat(byLogger.keySet()).as("loggers repeating the failure")
			.containsOnly(MIGRATION_LOGGER, "dev.seedbank.web.OutageLog");
	}

	private static String body(String name) {
		return """
				{"name": "down-at-start/%s", "framework": "torch", "frameworkVersion": "2.5.1", "torchVersion": "2.5.1",
				 "globalSeed": 17, "dataSeedPolicy": "LINKED", "sampler": {"datasetSize": 1000, "worldSize": 4}}
				""".formatted(name);
	}

	private static void pg(boolean check, String... command) throws IOException, InterruptedException {
		Process process = new ProcessBuilder(command).redirectErrorStream(true).start();
		String output = new String(process.getInputStream().readAllBytes());
		assertThat(process.waitFor(60, TimeUnit.SECONDS)).isTrue();
		if (check) {
			assertThat(process.exitValue()).as("%s: %s", String.join(" ", command), output).isZero();
		}
	}

}
