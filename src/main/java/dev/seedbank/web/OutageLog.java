package dev.seedbank.web;

import java.util.concurrent.atomic.AtomicLong;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * What a 503 for an unreachable database logs (issue 16.7): one WARN line per request,
 * and the stack trace only with the first failure of an outage, an outage being failures
 * with less than {@link #QUIET_NANOS} between them. Hibernate's per-statement SQL error
 * lines and Spring's "overridden by rollback exception" traces, which repeated the same
 * failure for every request, are turned down in {@code application.yml}.
 */
final class OutageLog {

	private static final Logger log = LoggerFactory.getLogger(OutageLog.class);

	/** A failure after this long without one starts a new outage. */
	static final long QUIET_NANOS = 30_000_000_000L;

	private static final AtomicLong lastFailure = new AtomicLong(System.nanoTime() - 2 * QUIET_NANOS);

	private OutageLog() {
	}

	static void unavailable(String request, Throwable ex) {
		long now = System.nanoTime();
		long previous = lastFailure.getAndSet(now);
		String summary = "Database unavailable, answered 503: " + request + ": " + describe(ex);
		if (now - previous > QUIET_NANOS) {
			log.warn(summary + " (first failure of this outage; later ones log one line each)", ex);
		}
		else {
			log.warn(summary);
		}
	}

	/** The exception and its innermost cause, on one line. */
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
