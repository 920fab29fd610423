package dev.seedbank.database;

import java.time.Duration;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * How the schema migration is retried while the database cannot be reached.
 *
 * @param retryInitialBackoff the wait after the first failed attempt; each further
 * failure doubles it
 * @param retryMaxBackoff the longest wait between two attempts: once the database is
 * back, the service is ready at most this long (plus one attempt) later
 */
@ConfigurationProperties("seedbank.database")
public record DatabaseSettings(@DefaultValue("1s") Duration retryInitialBackoff,
		@DefaultValue("30s") Duration retryMaxBackoff) {

	/**
	 * @param failures attempts failed so far, at least 1
	 * @return how long to wait before the next attempt
	 */
	Duration backoff(int failures) {
		Duration wait = this.retryInitialBackoff;
		for (int i = 1; i < failures && wait.compareTo(this.retryMaxBackoff) < 0; i++) {
			wait = wait.multipliedBy(2);
		}
		return (wait.compareTo(this.retryMaxBackoff) < 0) ? wait : this.retryMaxBackoff;
	}

}
