package dev.seedbank.experiment;

import java.time.Instant;
import java.util.UUID;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.PostLoad;
import jakarta.persistence.Table;
import jakarta.persistence.Transient;

import org.springframework.data.domain.Persistable;

/**
 * The first response to a create that carried an {@code Idempotency-Key}.
 * <p>
 * {@link Persistable}, so that saving a new record is always an INSERT: with an assigned
 * id and no version, Spring Data took every record for an existing one and merged it, and
 * a merge that found the row a concurrent create had just committed overwrote it (issue
 * 16.1: three experiments, one key row). An INSERT of a taken key fails on the primary
 * key instead, and the whole create rolls back.
 */
@Entity
@Table(name = "idempotency_key")
class IdempotencyRecord implements Persistable<String> {

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

	@Transient
	private boolean stored;

	protected IdempotencyRecord() {
	}

	IdempotencyRecord(String key, String requestSha256, UUID experimentId, String responseBody, Instant createdAt) {
		this.key = key;
		this.requestSha256 = requestSha256;
		this.experimentId = experimentId;
		this.responseBody = responseBody;
		this.createdAt = createdAt;
	}

	@Override
	public String getId() {
		return this.key;
	}

	@Override
	public boolean isNew() {
		return !this.stored;
	}

	@PostLoad
	void loaded() {
		this.stored = true;
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
