package dev.seedbank.timeline;

import java.time.Instant;
import java.util.UUID;

import dev.seedbank.sampling.timeline.Certificate;
import dev.seedbank.sampling.timeline.Certificates;
import dev.seedbank.sampling.timeline.Resume;
import dev.seedbank.sampling.timeline.Segment;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.data.jpa.test.autoconfigure.DataJpaTest;
import org.springframework.boot.jdbc.test.autoconfigure.AutoConfigureTestDatabase;
import org.springframework.dao.DataIntegrityViolationException;
import org.springframework.jdbc.core.JdbcTemplate;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatExceptionOfType;

/**
 * V40 applied by Flyway on the real PostgreSQL: segments and certificates round-trip, and
 * the constraints reject rows the engine would never produce. Each test rolls back.
 */
@DataJpaTest
@AutoConfigureTestDatabase(replace = AutoConfigureTestDatabase.Replace.NONE)
class TimelineSchemaTests {

	private static final String DIGEST = "0123456789abcdef".repeat(4);

	@Autowired
	RunSegmentRepository segments;

	@Autowired
	RankCertificateRepository certificates;

	@Autowired
	JdbcTemplate jdbc;

	UUID experiment;

	@BeforeEach
	void insertAnExperiment() {
		this.experiment = UUID.randomUUID();
		Instant now = Instant.now();
		this.jdbc.update("""
				INSERT INTO experiment (id, name, framework, framework_version, torch_version, global_seed,
				    data_seed_policy, effective_data_seed, effective_data_seed_reason, device_specific, dataset_size,
				    world_size, shuffle, drop_last, status, created_at, created_by, updated_at, version)
				VALUES (?, ?, 'torch', '2.5.1', '2.5.1', 17, 'LINKED', 17, 'test', false, 1000, 2, true, false,
				    'ACTIVE', ?, 'test', ?, 0)""", this.experiment, "timeline-" + this.experiment,
				java.sql.Timestamp.from(now), java.sql.Timestamp.from(now));
	}

	@Test
	void segmentsAndCertificatesRoundTrip() {
		Segment segment = new Segment(1, 3, 2, 611, Resume.EXACT, 16, 4);
		this.segments.saveAndFlush(new RunSegment(this.experiment, segment, Instant.now(), "writer"));
		Certificates.Verdict verdict = new Certificates.Verdict(new Certificate(2, 1, 1, DIGEST, 130), false,
				"f".repeat(64), 131);
		this.certificates.saveAndFlush(new RankCertificate(this.experiment, verdict, Instant.now(), "writer"));
		assertThat(this.segments.findByExperimentIdOrderBySegmentIndexAsc(this.experiment))
			.extracting(RunSegment::segment)
			.containsExactly(segment);
		assertThat(this.certificates.findByExperimentIdOrderByIdAsc(this.experiment))
			.extracting(RankCertificate::verdict)
			.containsExactly(verdict);
	}

	@Test
	void aSegmentNumberIsUsedOncePerExperiment() {
		this.segments.saveAndFlush(new RunSegment(this.experiment, new Segment(1, 3, 2, 611, Resume.EXACT, null, 1),
				Instant.now(), "writer"));
		assertThatExceptionOfType(DataIntegrityViolationException.class)
			.isThrownBy(() -> this.segments.saveAndFlush(new RunSegment(this.experiment,
					new Segment(1, 2, 3, 0, Resume.TORCH, null, 1), Instant.now(), "writer")));
	}

	@Test
	void aSegmentNeedsAnExperiment() {
		assertThatExceptionOfType(DataIntegrityViolationException.class)
			.isThrownBy(() -> this.segments.saveAndFlush(new RunSegment(UUID.randomUUID(),
					new Segment(1, 3, 2, 611, Resume.EXACT, null, 1), Instant.now(), "writer")));
	}

	@ParameterizedTest
	@ValueSource(strings = { "0, 2, 0, 0, 'TORCH', NULL, 1", "1, 0, 0, 0, 'TORCH', NULL, 1",
			"1, 2, -1, 0, 'TORCH', NULL, 1", "1, 2, 0, -5, 'TORCH', NULL, 1", "1, 2, 0, 0, 'torch', NULL, 1",
			"1, 2, 0, 0, 'EXACT', 0, 1", "1, 2, 0, 0, 'EXACT', 8, 0" })
	void badSegmentRowsAreRejected(String values) {
		assertThatExceptionOfType(DataIntegrityViolationException.class).isThrownBy(() -> this.jdbc.update(
				"INSERT INTO run_segment (experiment_id, segment_index, world_size, start_epoch, start_sample, resume,"
						+ " batch_size, gradient_accumulation, created_at, created_by) VALUES (?, " + values
						+ ", CURRENT_TIMESTAMP, 'x')",
				this.experiment));
	}

	@ParameterizedTest
	@ValueSource(strings = { "ABCDEF0123456789ABCDEF0123456789ABCDEF0123456789ABCDEF0123456789",
			"0123456789abcdef0123456789abcdef0123456789abcdef0123456789abcde",
			"0123456789abcdef0123456789abcdef0123456789abcdef0123456789abcdeg", "" })
	void aDigestMustBe64LowerCaseHexDigits(String digest) {
		assertThatExceptionOfType(DataIntegrityViolationException.class)
			.isThrownBy(() -> insertCertificate(digest, DIGEST, 0, 10));
	}

	@ParameterizedTest
	@ValueSource(ints = { -1, -2 })
	void negativeRanksAndCountsAreRejected(int value) {
		assertThatExceptionOfType(DataIntegrityViolationException.class)
			.isThrownBy(() -> insertCertificate(DIGEST, DIGEST, (value == -1) ? -1 : 0, (value == -2) ? -1 : 10));
	}

	@Test
	void aGoodCertificateRowIsAccepted() {
		assertThat(insertCertificate(DIGEST, DIGEST, 3, 10)).isOne();
	}

	private int insertCertificate(String digest, String expected, int rank, long count) {
		return this.jdbc.update(
				"INSERT INTO rank_certificate (experiment_id, epoch, rank_index, segment_index, sha256, index_count,"
						+ " matched, expected_sha256, expected_count, created_at, created_by)"
						+ " VALUES (?, 0, ?, 0, ?, ?, true, ?, 10, CURRENT_TIMESTAMP, 'x')",
				this.experiment, rank, digest, count, expected);
	}

}
