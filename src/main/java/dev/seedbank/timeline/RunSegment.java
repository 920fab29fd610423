package dev.seedbank.timeline;

import java.time.Instant;
import java.util.UUID;

import dev.seedbank.sampling.timeline.Resume;
import dev.seedbank.sampling.timeline.Segment;
import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.GenerationType;
import jakarta.persistence.Id;
import jakarta.persistence.Table;

/**
 * A stored restart, segment 1 or later (segment 0 is the record). Append-only: every
 * column is {@code updatable = false}.
 */
@Entity
@Table(name = "run_segment")
class RunSegment {

	@Id
	@GeneratedValue(strategy = GenerationType.IDENTITY)
	private Long id;

	@Column(nullable = false, updatable = false)
	private UUID experimentId;

	@Column(nullable = false, updatable = false)
	private int segmentIndex;

	@Column(nullable = false, updatable = false)
	private int worldSize;

	@Column(nullable = false, updatable = false)
	private long startEpoch;

	@Column(nullable = false, updatable = false)
	private long startSample;

	@Enumerated(EnumType.STRING)
	@Column(nullable = false, updatable = false)
	private Resume resume;

	@Column(updatable = false)
	private Integer batchSize;

	@Column(nullable = false, updatable = false)
	private int gradientAccumulation;

	@Column(nullable = false, updatable = false)
	private Instant createdAt;

	@Column(nullable = false, updatable = false)
	private String createdBy;

	protected RunSegment() {
	}

	RunSegment(UUID experimentId, Segment segment, Instant createdAt, String createdBy) {
		this.experimentId = experimentId;
		this.segmentIndex = segment.index();
		this.worldSize = segment.worldSize();
		this.startEpoch = segment.startEpoch();
		this.startSample = segment.startSample();
		this.resume = segment.resume();
		this.batchSize = segment.batchSize();
		this.gradientAccumulation = segment.gradientAccumulation();
		this.createdAt = createdAt;
		this.createdBy = createdBy;
	}

	Segment segment() {
		return new Segment(this.segmentIndex, this.worldSize, this.startEpoch, this.startSample, this.resume,
				this.batchSize, this.gradientAccumulation);
	}

	UUID experimentId() {
		return this.experimentId;
	}

	Instant createdAt() {
		return this.createdAt;
	}

	String createdBy() {
		return this.createdBy;
	}

}
