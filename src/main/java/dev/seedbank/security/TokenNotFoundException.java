package dev.seedbank.security;

import java.util.UUID;

/** No token has the id a request named; the web layer answers 404. */
public class TokenNotFoundException extends RuntimeException {

	private final UUID id;

	public TokenNotFoundException(UUID id) {
		super("No token with id " + id, null, false, false);
		this.id = id;
	}

	public UUID id() {
		return this.id;
	}

}
