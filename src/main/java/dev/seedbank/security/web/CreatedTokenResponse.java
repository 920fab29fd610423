package dev.seedbank.security.web;

import java.time.Instant;
import java.util.UUID;

import dev.seedbank.security.Role;
import io.swagger.v3.oas.annotations.media.Schema;
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
@Schema(description = "A new token, the only response that ever carries its secret")
record CreatedTokenResponse(@Schema(description = "The token's id") UUID id,
		@Schema(description = "Who uses it") String name, @Schema(description = "What it may do") Role role,
		@Schema(description = "The bearer token; store it now, it cannot be read again") String token,
		@Schema(description = "When it stops working, or null", nullable = true) Instant expiresAt,
		@Schema(description = "Creation time") Instant createdAt) {

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
