package dev.seedbank.security.web;

import java.time.Instant;
import java.util.UUID;

import dev.seedbank.security.Role;
import dev.seedbank.security.TokenInfo;

/**
 * A token as listed: never its secret.
 *
 * @param id the token's id, for revoking it
 * @param name who uses it
 * @param role what it may do
 * @param expiresAt when it stops working, or {@code null}
 * @param createdAt creation time
 * @param createdBy the admin who created it
 * @param revokedAt when it was revoked, or {@code null}
 * @param active whether it authenticates now
 */
record TokenResponse(UUID id, String name, Role role, Instant expiresAt, Instant createdAt, String createdBy,
		Instant revokedAt, boolean active) {

	static TokenResponse of(TokenInfo token) {
		return new TokenResponse(token.id(), token.name(), token.role(), token.expiresAt(), token.createdAt(),
				token.createdBy(), token.revokedAt(), token.activeAt(Instant.now()));
	}

}
