package dev.seedbank.security;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import org.springframework.beans.factory.InitializingBean;
import org.springframework.core.env.Environment;
import org.springframework.dao.DataAccessException;
import org.springframework.stereotype.Component;

/**
 * Stores the bootstrap ADMIN token before the server takes requests. Without
 * {@code SEEDBANK_BOOTSTRAP_TOKEN}, the embedded default (H2) generates one and logs it,
 * like Spring Security's generated password; on PostgreSQL only stored tokens work.
 */
@Component
class BootstrapToken implements InitializingBean {

	private static final Logger log = LoggerFactory.getLogger(BootstrapToken.class);

	/** As long as a generated token's random part; shorter secrets are guessable. */
	static final int MIN_LENGTH = 32;

	private final TokenService tokens;

	private final SecuritySettings settings;

	private final Environment environment;

	BootstrapToken(TokenService tokens, SecuritySettings settings, Environment environment) {
		this.tokens = tokens;
		this.settings = settings;
		this.environment = environment;
	}

	@Override
	public void afterPropertiesSet() {
		if (this.settings.hasBootstrapToken()) {
			String token = this.settings.bootstrapToken().strip();
			if (token.length() < MIN_LENGTH) {
				// A warning, not a refusal: test and bench scripts start throwaway
				// servers with short tokens.
				log.warn("The bootstrap token is shorter than {} characters and may be guessed; "
						+ "generate one with: openssl rand -base64 32", MIN_LENGTH);
			}
			store(token);
			log.info("Bootstrap ADMIN token '{}' set from seedbank.security.bootstrap-token",
					TokenService.BOOTSTRAP_NAME);
		}
		else if (embeddedDefault()) {
			String token = TokenSecrets.generate();
			store(token);
			log.warn("\n\nUsing generated bootstrap ADMIN token: {}\n\n"
					+ "This token is for development use only and changes at every start. "
					+ "Set SEEDBANK_BOOTSTRAP_TOKEN to choose one.\n", token);
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
	}

	private boolean embeddedDefault() {
		String url = this.environment.getProperty("spring.datasource.url", "");
		return url.startsWith("jdbc:h2:");
	}

}
