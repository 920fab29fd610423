package dev.seedbank.timeline;

import java.time.Instant;
import java.util.UUID;

import dev.seedbank.sampling.timeline.Certificate;
import dev.seedbank.sampling.timeline.Certificates;
import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.GenerationType;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import org.hibernate.annotations.JdbcTypeCode;
import org.hibernate.type.SqlTypes;

/**
 * A stored certificate with the verdict it got when posted. Append-only: every column is
 * {@code updatable = false}.
 */
@Entity
@Table(name = "rank_certificate")
class RankCertificate {

	@Id
	@GeneratedValue(strategy = GenerationType.IDENTITY)
	private Long id;

	@Column(nullable = false, updatable = false)
	private UUID experimentId;

	@Column(nullable = false, updatable = false)
	private long epoch;

	@Column(nullable = false, updatable = false)
	private int rankIndex;

	@Column(nullable = false, updatable = false)
	private int segmentIndex;

	@JdbcTypeCode(SqlTypes.CHAR)
	@Column(nullable = false, updatable = false, length = 64)
	private String sha256;

	@Column(nullable = false, updatable = false)
	private long indexCount;

	@Column(nullable = false, updatable = false)
	private boolean matched;

	@JdbcTypeCode(SqlTypes.CHAR)
	@Column(nullable = false, updatable = false, length = 64)
	private String expectedSha256;

	@Column(nullable = false, updatable = false)
	private long expectedCount;

	@Column(nullable = false, updatable = false)
	private Instant createdAt;

	@Column(nullable = false, updatable = false)
	private String createdBy;

	protected RankCertificate() {
	}

	RankCertificate(UUID experimentId, Certificates.Verdict verdict, Instant createdAt, String createdBy) {
		Certificate c = verdict.certificate();
		this.experimentId = experimentId;
		this.epoch = c.epoch();
		this.rankIndex = c.rank();
		this.segmentIndex = c.segment();
		this.sha256 = c.sha256();
		this.indexCount = c.count();
		this.matched = verdict.match();
		this.expectedSha256 = verdict.expectedSha256();
		this.expectedCount = verdict.expectedCount();
		this.createdAt = createdAt;
		this.createdBy = createdBy;
	}

	Certificate certificate() {
		return new Certificate(this.epoch, this.rankIndex, this.segmentIndex, this.sha256, this.indexCount);
	}

	Certificates.Verdict verdict() {
		return new Certificates.Verdict(certificate(), this.matched, this.expectedSha256, this.expectedCount);
	}

	Instant createdAt() {
		return this.createdAt;
	}

	String createdBy() {
		return this.createdBy;
	}

}
