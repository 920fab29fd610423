package dev.seedbank.security;

import org.springframework.security.core.AuthenticationException;

/**
 * A bearer token could not be checked because the database is unreachable: answered as
 * the 503 of a database outage, not as a 401 (the token may be valid) nor as an error
 * escaping the filter chain (a 500 trace in the log for every request).
 */
public class TokenStoreUnavailableException extends AuthenticationException {

	TokenStoreUnavailableException(Throwable cause) {
		super("The tokens cannot be checked: the database is unavailable", cause);
	}

}
