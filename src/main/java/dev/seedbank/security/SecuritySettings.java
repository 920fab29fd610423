package dev.seedbank.security;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * How callers authenticate.
 *
 * @param bootstrapToken an ADMIN token set at start-up
 * ({@code SEEDBANK_BOOTSTRAP_TOKEN}), 32 characters or more (else a warning); blank for
 * none
 * @param anonymousRead whether GETs of records, index slices and manifests need no token
 * @param jwt how JWTs map to roles when an OAuth2 issuer is configured
 */
@ConfigurationProperties("seedbank.security")
record SecuritySettings(String bootstrapToken, @DefaultValue("false") boolean anonymousRead, @DefaultValue Jwt jwt) {

	boolean hasBootstrapToken() {
		return this.bootstrapToken != null && !this.bootstrapToken.isBlank();
	}

	/** Never prints the bootstrap token. */
	@Override
	public String toString() {
		return "SecuritySettings[bootstrapToken=" + (hasBootstrapToken() ? "<set>" : "<none>") + ", anonymousRead="
				+ this.anonymousRead + ", jwt=" + this.jwt + "]";
	}

	/**
	 * JWT settings, used only when
	 * {@code spring.security.oauth2.resourceserver.jwt.issuer-uri} is set.
	 *
	 * @param rolesClaim the claim holding role names ({@code READER}, {@code WRITER},
	 * {@code ADMIN}), a list or a space-separated string
	 */
	record Jwt(@DefaultValue("roles") String rolesClaim) {
	}

}
