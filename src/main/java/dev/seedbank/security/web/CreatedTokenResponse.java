package dev.seedbank.security.web;

import java.time.Instant;
import java.util.UUID;

import dev.seedbank.security.Role;
import dev.seedbank.security.TokenService.CreatedToken;

/**
 * A new token, the only response that ever carries its secret.
 *
 * @param id the token's id
 * @param name who uses it
 * @param role what it may do
 * @param token the bearer token; store it now, it cannot be read again
 * @param expiresAt when it stops working, or {@code null}
 * @param createdAt creation time
 */
record CreatedTokenResponse(UUID id, String name, Role role, String token, Instant expiresAt, Instant createdAt) {

	static CreatedTokenResponse of(CreatedToken created) {
		return new CreatedTokenResponse(created.info().id(), created.info().name(), created.info().role(),
				created.secret(), created.info().expiresAt(), created.info().createdAt());
	}

	/** Records print every component; this one must not print the secret. */
	@Override
	public String toString() {
		return "CreatedTokenResponse[id=" + this.id + ", name=" + this.name + ", role=" + this.role + "]";
	}

}
