package dev.seedbank.experiment;

import java.time.Instant;
import java.util.UUID;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.GenerationType;
import jakarta.persistence.Id;
import jakarta.persistence.Table;

/** One change to an experiment: its creation, or one field a PATCH changed. */
@Entity
@Table(name = "experiment_audit")
class ExperimentAudit {

	@Id
	@GeneratedValue(strategy = GenerationType.IDENTITY)
	private Long id;

	@Column(nullable = false, updatable = false)
	private UUID experimentId;

	@Column(nullable = false, updatable = false)
	private String field;

	@Column(updatable = false)
	private String oldValue;

	@Column(updatable = false)
	private String newValue;

	@Column(nullable = false, updatable = false)
	private String changedBy;

	@Column(nullable = false, updatable = false)
	private Instant changedAt;

	protected ExperimentAudit() {
	}

	ExperimentAudit(UUID experimentId, String field, String oldValue, String newValue, String changedBy,
			Instant changedAt) {
		this.experimentId = experimentId;
		this.field = field;
		this.oldValue = oldValue;
		this.newValue = newValue;
		this.changedBy = changedBy;
		this.changedAt = changedAt;
	}

	AuditEntry entry() {
		return new AuditEntry(this.field, this.oldValue, this.newValue, this.changedBy, this.changedAt);
	}

}
