package dev.seedbank.database;

import java.time.Duration;
import java.util.concurrent.Executors;
import java.util.concurrent.RejectedExecutionException;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;

import jakarta.persistence.EntityManagerFactory;
import jakarta.persistence.SchemaValidationException;
import org.flywaydb.core.Flyway;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import org.springframework.boot.web.server.context.WebServerApplicationContext;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.context.SmartLifecycle;

/**
 * Migrates the schema, validates it against the entities, opens the {@link SchemaGate}
 * and publishes {@link SchemaReady}; in place of Spring Boot's Flyway initializer, which
 * migrates inside the context start and fails it (the JVM exits) when the database is
 * down (issue 16.4).
 * <p>
 * The first attempt runs in {@link #start()}, before the web server starts, so with a
 * reachable database nothing changes: the server takes requests migrated and ready. When
 * it fails, the server starts anyway (liveness UP, readiness DOWN) and a background
 * thread retries with doubling, capped backoff ({@link DatabaseSettings}) until it
 * succeeds. Each failed attempt logs one WARN line; only the first of an outage carries
 * the stack trace.
 */
final class SchemaMigration implements SmartLifecycle {

	private static final Logger log = LoggerFactory.getLogger(SchemaMigration.class);

	private final Flyway flyway;

	private final SchemaGate gate;

	private final EntityManagerFactory entities;

	private final ApplicationEventPublisher events;

	private final DatabaseSettings settings;

	private final ScheduledExecutorService retries = Executors.newSingleThreadScheduledExecutor((task) -> {
		Thread thread = new Thread(task, "schema-migration");
		thread.setDaemon(true);
		return thread;
	});

	private volatile boolean running;

	private volatile boolean ready;

	private int failures;

	private long firstFailure;

	SchemaMigration(Flyway flyway, SchemaGate gate, EntityManagerFactory entities, ApplicationEventPublisher events,
			DatabaseSettings settings) {
		this.flyway = flyway;
		this.gate = gate;
		this.entities = entities;
		this.events = events;
		this.settings = settings;
	}

	/**
	 * Whether the schema is migrated and validated and every {@link SchemaReady} listener
	 * ran.
	 */
	boolean isReady() {
		return this.ready;
	}

	@Override
	public void start() {
		this.running = true;
		attempt();
	}

	@Override
	public void stop() {
		this.running = false;
		this.retries.shutdownNow();
	}

	@Override
	public boolean isRunning() {
		return this.running;
	}

	/**
	 * Before the web server starts, so a reachable database is migrated before any
	 * request.
	 */
	@Override
	public int getPhase() {
		return WebServerApplicationContext.START_STOP_LIFECYCLE_PHASE - 1;
	}

	private void attempt() {
		if (!this.running) {
			return;
		}
		try {
			this.flyway.migrate();
			this.gate.open();
			this.entities.getSchemaManager().validate();
			this.events.publishEvent(new SchemaReady());
			this.ready = true;
			if (this.failures > 0) {
				log.info("Database schema migrated and ready after {} failed attempts ({} s after the first)",
						this.failures, (System.nanoTime() - this.firstFailure) / 1_000_000_000L);
			}
		}
		catch (RuntimeException | SchemaValidationException ex) {
			failed(ex);
		}
	}

	private void failed(Exception ex) {
		if (!this.running) {
			return;
		}
		this.failures++;
		Duration wait = this.settings.backoff(this.failures);
		String summary = "Database not ready, the service runs unready (attempt " + this.failures + ", next in "
				+ wait.toMillis() + " ms): " + describe(ex);
		if (this.failures == 1) {
			this.firstFailure = System.nanoTime();
			log.warn(summary + " (first failure; later attempts log one line each)", ex);
		}
		else {
			log.warn(summary);
		}
		try {
			this.retries.schedule(this::attempt, wait.toMillis(), TimeUnit.MILLISECONDS);
		}
		catch (RejectedExecutionException stopping) {
			// stop() came first: the context is closing, nothing is left to retry for
		}
	}

	/**
	 * The exception and its innermost cause, on one line, as {@code web.OutageLog} writes
	 * them.
	 */
	private static String describe(Throwable ex) {
		Throwable root = ex;
		for (int depth = 0; root.getCause() != null && root.getCause() != root && depth < 20; depth++) {
			root = root.getCause();
		}
		String text = ex.getClass().getSimpleName();
		if (root != ex) {
			text += " caused by " + root.getClass().getSimpleName();
		}
		return (root.getMessage() != null) ? text + ": " + root.getMessage().lines().findFirst().orElse("") : text;
	}

}
