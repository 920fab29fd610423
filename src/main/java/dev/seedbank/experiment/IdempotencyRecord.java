package dev.seedbank.experiment;

import java.time.Instant;
import java.util.UUID;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.Table;

/** The first response to a create that carried an {@code Idempotency-Key}. */
@Entity
@Table(name = "idempotency_key")
class IdempotencyRecord {

	@Id
	@Column(name = "idempotency_key")
	private String key;

	@Column(nullable = false)
	private String requestSha256;

	@Column(nullable = false)
	private UUID experimentId;

	@Column(nullable = false)
	private String responseBody;

	@Column(nullable = false)
	private Instant createdAt;

	protected IdempotencyRecord() {
	}

	IdempotencyRecord(String key, String requestSha256, UUID experimentId, String responseBody, Instant createdAt) {
		this.key = key;
		this.requestSha256 = requestSha256;
		this.experimentId = experimentId;
		this.responseBody = responseBody;
		this.createdAt = createdAt;
	}

	String requestSha256() {
		return this.requestSha256;
	}

	UUID experimentId() {
		return this.experimentId;
	}

	String responseBody() {
		return this.responseBody;
	}

}
