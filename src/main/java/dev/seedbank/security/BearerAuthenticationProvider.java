package dev.seedbank.security;

import org.springframework.dao.DataAccessResourceFailureException;
import org.springframework.dao.TransientDataAccessException;
import org.springframework.security.authentication.AbstractAuthenticationToken;
import org.springframework.security.authentication.AuthenticationProvider;
import org.springframework.security.core.Authentication;
import org.springframework.security.oauth2.server.resource.InvalidBearerTokenException;
import org.springframework.security.oauth2.server.resource.authentication.BearerTokenAuthenticationToken;
import org.springframework.transaction.CannotCreateTransactionException;

/**
 * Checks a bearer token: a JWT (three dot-separated parts) goes to the OAuth2 resource
 * server when one is configured, anything else is looked up as a seedbank API token.
 * Failure messages never contain the token.
 */
class BearerAuthenticationProvider implements AuthenticationProvider {

	private final TokenService tokens;

	private final AuthenticationProvider jwt;

	/**
	 * @param tokens the API tokens
	 * @param jwt checks JWTs, or {@code null} when no issuer is configured
	 */
	BearerAuthenticationProvider(TokenService tokens, AuthenticationProvider jwt) {
		this.tokens = tokens;
		this.jwt = jwt;
	}

	@Override
	public Authentication authenticate(Authentication authentication) {
		String secret = ((BearerTokenAuthenticationToken) authentication).getToken();
		if (this.jwt != null && secret.chars().filter((c) -> c == '.').count() == 2) {
			return this.jwt.authenticate(authentication);
		}
		try {
			return this.tokens.authenticate(secret)
				.map(ApiTokenAuthentication::new)
				.orElseThrow(() -> new InvalidBearerTokenException("The bearer token is unknown, expired or revoked"));
		}
		catch (DataAccessResourceFailureException | TransientDataAccessException
				| CannotCreateTransactionException ex) {
			// What web/ProblemHandler answers 503 for; here it would escape the filter
			// chain.
			throw new TokenStoreUnavailableException(ex);
		}
	}

	@Override
	public boolean supports(Class<?> authentication) {
		return BearerTokenAuthenticationToken.class.isAssignableFrom(authentication);
	}

	/** An authenticated API token: its name is the principal; it holds no secret. */
	static final class ApiTokenAuthentication extends AbstractAuthenticationToken {

		private final String name;

		ApiTokenAuthentication(TokenInfo token) {
			super(token.role().authorities());
			this.name = token.name();
			setAuthenticated(true);
		}

		@Override
		public Object getCredentials() {
			return null;
		}

		@Override
		public Object getPrincipal() {
			return this.name;
		}

	}

}
