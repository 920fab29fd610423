package dev.seedbank.security;

import java.time.Instant;
import java.util.UUID;

/**
 * What may be shown about a token: everything but its secret and hash.
 *
 * @param id the token's id
 * @param name who uses it; becomes {@code createdBy} of what it creates
 * @param role what it may do
 * @param createdAt creation time
 * @param createdBy the admin who created it
 * @param expiresAt when it stops working, or {@code null}
 * @param revokedAt when it was revoked, or {@code null}
 */
public record TokenInfo(UUID id, String name, Role role, Instant createdAt, String createdBy, Instant expiresAt,
		Instant revokedAt) {

	/**
	 * @param now the time to check
	 * @return whether the token authenticates then: neither revoked nor expired
	 */
	public boolean activeAt(Instant now) {
		return this.revokedAt == null && (this.expiresAt == null || now.isBefore(this.expiresAt));
	}

}
