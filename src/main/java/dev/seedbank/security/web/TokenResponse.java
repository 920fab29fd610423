package dev.seedbank.security.web;

import java.time.Instant;
import java.util.UUID;

import dev.seedbank.security.Role;
import io.swagger.v3.oas.annotations.media.Schema;
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
@Schema(description = "A token as listed: never its secret")
record TokenResponse(@Schema(description = "The token's id, for revoking it") UUID id,
		@Schema(description = "Who uses it") String name, @Schema(description = "What it may do") Role role,
		@Schema(description = "When it stops working, or null", nullable = true) Instant expiresAt,
		@Schema(description = "Creation time") Instant createdAt,
		@Schema(description = "The admin who created it") String createdBy,
		@Schema(description = "When it was revoked, or null", nullable = true) Instant revokedAt,
		@Schema(description = "Whether it authenticates now") boolean active) {

	static TokenResponse of(TokenInfo token) {
		return new TokenResponse(token.id(), token.name(), token.role(), token.expiresAt(), token.createdAt(),
				token.createdBy(), token.revokedAt(), token.activeAt(Instant.now()));
	}

}
