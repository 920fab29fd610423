package dev.seedbank.security;

import java.time.Instant;
import java.util.UUID;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.Id;
import jakarta.persistence.Table;

/** An API token: its name, role and the SHA-256 of its secret. */
@Entity
@Table(name = "api_token")
class ApiToken {

	@Id
	private UUID id;

	@Column(nullable = false)
	private String name;

	@Enumerated(EnumType.STRING)
	@Column(nullable = false)
	private Role role;

	@Column(name = "token_sha256", nullable = false)
	private String tokenSha256;

	@Column(nullable = false, updatable = false)
	private Instant createdAt;

	@Column(nullable = false, updatable = false)
	private String createdBy;

	private Instant expiresAt;

	private Instant revokedAt;

	protected ApiToken() {
	}

	ApiToken(UUID id, String name, Role role, String tokenSha256, Instant createdAt, String createdBy,
			Instant expiresAt) {
		this.id = id;
		this.name = name;
		this.role = role;
		this.tokenSha256 = tokenSha256;
		this.createdAt = createdAt;
		this.createdBy = createdBy;
		this.expiresAt = expiresAt;
	}

	TokenInfo info() {
		return new TokenInfo(this.id, this.name, this.role, this.createdAt, this.createdBy, this.expiresAt,
				this.revokedAt);
	}

	String tokenSha256() {
		return this.tokenSha256;
	}

	void revoke(Instant now) {
		if (this.revokedAt == null) {
			this.revokedAt = now;
		}
	}

	/** Makes this the bootstrap token: a new secret, ADMIN, no expiry, not revoked. */
	void reset(String tokenSha256) {
		this.tokenSha256 = tokenSha256;
		this.role = Role.ADMIN;
		this.expiresAt = null;
		this.revokedAt = null;
	}

}
