package dev.seedbank.security;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import dev.seedbank.database.SchemaReady;

import org.springframework.context.event.EventListener;
import org.springframework.core.env.Environment;
import org.springframework.dao.DataAccessException;
import org.springframework.stereotype.Component;

/**
 * Stores the bootstrap ADMIN token once the schema is migrated ({@link SchemaReady}):
 * before the server takes requests when the database is up at start, later when it comes
 * up (issue 16.4). Until it is stored, {@link TokenService} accepts it from memory, so a
 * service started without its database still answers what needs none. Without
 * {@code SEEDBANK_BOOTSTRAP_TOKEN}, the embedded default (H2) generates one and logs it,
 * like Spring Security's generated password; on PostgreSQL only stored tokens work.
 */
@Component
class BootstrapToken {

	private static final Logger log = LoggerFactory.getLogger(BootstrapToken.class);

	/** As long as a generated token's random part; shorter secrets are guessable. */
	static final int MIN_LENGTH = 32;

	private final TokenService tokens;

	private final SecuritySettings settings;

	private final boolean generated;

	/**
	 * The token to store, or {@code null} for none; generated once, however often stored.
	 */
	private final String token;

	BootstrapToken(TokenService tokens, SecuritySettings settings, Environment environment) {
		this.tokens = tokens;
		this.settings = settings;
		this.generated = !settings.hasBootstrapToken()
				&& environment.getProperty("spring.datasource.url", "").startsWith("jdbc:h2:");
		this.token = settings.hasBootstrapToken() ? settings.bootstrapToken().strip()
				: this.generated ? TokenSecrets.generate() : null;
		if (this.token != null) {
			tokens.acceptBootstrapUntilStored(this.token);
		}
	}

	@EventListener(SchemaReady.class)
	void store() {
		if (this.settings.hasBootstrapToken()) {
			if (this.token.length() < MIN_LENGTH) {
				// A warning, not a refusal: test and bench scripts start throwaway
				// servers with short tokens.
				log.warn("The bootstrap token is shorter than {} characters and may be guessed; "
						+ "generate one with: openssl rand -base64 32", MIN_LENGTH);
			}
			store(this.token);
			log.info("Bootstrap ADMIN token '{}' set from seedbank.security.bootstrap-token",
					TokenService.BOOTSTRAP_NAME);
		}
		else if (this.generated) {
			store(this.token);
			log.warn("\n\nUsing generated bootstrap ADMIN token: {}\n\n"
					+ "This token is for development use only and changes at every start. "
					+ "Set SEEDBANK_BOOTSTRAP_TOKEN to choose one.\n", this.token);
		}
		else {
			log.info("No bootstrap token (SEEDBANK_BOOTSTRAP_TOKEN is not set); only tokens stored in the "
					+ "database authenticate");
		}
	}

	/** Replicas starting together may race to insert the row: the loser updates it. */
	private void store(String token) {
		try {
			this.tokens.setBootstrap(token);
		}
		catch (DataAccessException ex) {
			this.tokens.setBootstrap(token);
		}
		this.tokens.bootstrapStored();
	}

}
