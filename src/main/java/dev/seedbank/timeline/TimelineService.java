package dev.seedbank.timeline;

import java.io.IOException;
import java.math.BigInteger;
import java.time.Clock;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import java.util.concurrent.Semaphore;

import com.github.benmanes.caffeine.cache.Cache;
import com.github.benmanes.caffeine.cache.Caffeine;
import dev.seedbank.experiment.ExperimentService;
import dev.seedbank.experiment.ExperimentSnapshot;
import dev.seedbank.order.OrderSettings;
import dev.seedbank.order.PermutationCache;
import dev.seedbank.sampling.InvalidSamplerArgumentException;
import dev.seedbank.sampling.TorchVersion;
import dev.seedbank.sampling.timeline.Certificate;
import dev.seedbank.sampling.timeline.Certificates;
import dev.seedbank.sampling.timeline.Coverage;
import dev.seedbank.sampling.timeline.DisjointnessLint;
import dev.seedbank.sampling.timeline.Resume;
import dev.seedbank.sampling.timeline.ResumeAudit;
import dev.seedbank.sampling.timeline.Segment;
import dev.seedbank.sampling.timeline.SegmentOrder;
import dev.seedbank.sampling.timeline.SegmentOutOfOrderException;
import dev.seedbank.sampling.timeline.StepProvenance;
import dev.seedbank.sampling.timeline.Timeline;
import dev.seedbank.sampling.timeline.UnknownSegmentException;

import org.springframework.dao.DataIntegrityViolationException;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * The run timeline of a record: its stored segments rebuilt into the engine's
 * {@link Timeline} on every request (a few rows), the orders, coverage, provenance,
 * certificates and audits computed by the engine, rows appended and never changed.
 */
@Service
class TimelineService {

	/** Digests are 64 hex characters; a hundred thousand of them is a few MiB. */
	private static final int MAX_DIGESTS = 100_000;

	private final ExperimentService experiments;

	private final RunSegmentRepository segments;

	private final RankCertificateRepository certificates;

	private final RankListSources sources;

	private final PermutationCache permutations;

	private final Clock clock;

	private final Semaphore coverageSlots;

	/**
	 * A segment's order for an epoch never depends on later segments (see
	 * {@link SegmentOrder}) and stored segments never change, so a digest never goes
	 * stale.
	 */
	private final Cache<OrderKey, String> digests = Caffeine.newBuilder().maximumSize(MAX_DIGESTS).build();

	TimelineService(ExperimentService experiments, RunSegmentRepository segments,
			RankCertificateRepository certificates, RankListSources sources, PermutationCache permutations,
			OrderSettings settings) {
		this.experiments = experiments;
		this.segments = segments;
		this.certificates = certificates;
		this.sources = sources;
		this.permutations = permutations;
		this.clock = Clock.systemUTC();
		this.coverageSlots = new Semaphore(Math.max(1, settings.computeThreads()), true);
	}

	/**
	 * Records a restart after the last segment.
	 * @throws InvalidSamplerArgumentException naming the bad field (400)
	 * @throws SegmentOutOfOrderException when it starts before the last segment, or
	 * another restart was recorded at the same time (409)
	 */
	@Transactional
	SegmentEntry append(UUID id, int worldSize, long startEpoch, long startSample, Resume resume, Integer batchSize,
			Integer gradientAccumulation, String createdBy) {
		History history = history(id);
		Timeline next = history.timeline()
			.append(worldSize, startEpoch, startSample, resume, batchSize, gradientAccumulation);
		RunSegment row = new RunSegment(id, next.last(), now(), createdBy);
		try {
			this.segments.saveAndFlush(row);
		}
		catch (DataIntegrityViolationException ex) {
			throw new SegmentOutOfOrderException("segment " + next.last().index()
					+ " was recorded by another request at the same time; read the history and retry");
		}
		return new SegmentEntry(row.segment(), row.createdAt(), row.createdBy());
	}

	/**
	 * @return segment 0 (the record) and every restart
	 */
	@Transactional(readOnly = true)
	List<SegmentEntry> segments(UUID id) {
		return history(id).entries();
	}

	@Transactional(readOnly = true)
	SegmentEntry segment(UUID id, int k) {
		History history = history(id);
		return history.entries().get(checkSegment(history, k));
	}

	/**
	 * @return what rank {@code rank} of segment {@code k} reads in {@code epoch}
	 * @throws UnknownSegmentException for a segment the history lacks (404)
	 */
	ServedOrder order(UUID id, int k, long epoch, int rank) {
		History history = history(id);
		checkSegment(history, k);
		Timeline timeline = history.timeline();
		SegmentOrder order = SegmentOrder.of(timeline, k, epoch, rank);
		String sha256 = this.digests.get(new OrderKey(id, k, epoch, rank), (key) -> order.sha256());
		return new ServedOrder(order, sha256, timeline.readBeforeNextSegment(k, epoch, rank),
				this.sources.torchVersion(history.record()));
	}

	/**
	 * Computes an epoch's coverage and hands it to {@code use} (which may stream its
	 * lists) while holding one of a few slots: each coverage is a byte per sample, so
	 * concurrent requests for big datasets wait instead of multiplying the heap they
	 * need.
	 */
	void coverage(UUID id, long epoch, CoverageUse use) throws IOException {
		checkEpoch(epoch);
		Timeline timeline = history(id).timeline();
		try {
			this.coverageSlots.acquire();
		}
		catch (InterruptedException ex) {
			Thread.currentThread().interrupt();
			throw new IllegalStateException("Interrupted while waiting to compute a coverage", ex);
		}
		try {
			use.accept(Coverage.of(timeline, epoch));
		}
		finally {
			this.coverageSlots.release();
		}
	}

	/** What to do with a coverage while it is held. */
	@FunctionalInterface
	interface CoverageUse {

		void accept(Coverage coverage) throws IOException;

	}

	/**
	 * @param maxIndices the most indices an answer may hold
	 * @throws InvalidSamplerArgumentException naming {@code batchSize} when a step of
	 * some segment would hold more
	 */
	StepProvenance.StepSamples step(UUID id, long epoch, long step, Integer batchSize, Integer gradientAccumulation,
			int maxIndices) {
		checkEpoch(epoch);
		Timeline timeline = history(id).timeline();
		for (Segment s : timeline.segments()) {
			Integer b = (batchSize != null) ? batchSize : s.batchSize();
			long a = (gradientAccumulation != null) ? gradientAccumulation : s.gradientAccumulation();
			if (b != null && b > 0 && a > 0 && (double) b * a * s.worldSize() > maxIndices) {
				throw new InvalidSamplerArgumentException("batchSize",
						"a step of segment " + s.index() + " holds " + b + " * " + a + " indices on each of "
								+ s.worldSize() + " ranks, over the " + maxIndices + " one answer may hold");
			}
		}
		return StepProvenance.of(timeline, epoch, step, batchSize, gradientAccumulation);
	}

	/**
	 * Judges and stores a rank's certificate.
	 * @throws InvalidSamplerArgumentException naming the bad field (400); nothing is
	 * stored then
	 */
	StoredCertificate certify(UUID id, long epoch, int rank, Integer segment, String sha256, long count,
			String createdBy) {
		History history = history(id);
		Certificates judge = new Certificates(history.timeline());
		Certificate certificate = judge.certificate(epoch, rank, segment, sha256, count);
		Certificates.Verdict verdict = judge.judge(certificate);
		RankCertificate row = this.certificates.saveAndFlush(new RankCertificate(id, verdict, now(), createdBy));
		return new StoredCertificate(row.verdict(), row.createdAt(), row.createdBy());
	}

	/**
	 * @return every stored certificate, oldest first, and per epoch who certified
	 */
	CertificateReport certificates(UUID id) {
		History history = history(id);
		List<RankCertificate> rows = this.certificates.findByExperimentIdOrderByIdAsc(id);
		List<StoredCertificate> stored = rows.stream()
			.map((row) -> new StoredCertificate(row.verdict(), row.createdAt(), row.createdBy()))
			.toList();
		List<Certificates.EpochSummary> epochs = new Certificates(history.timeline())
			.summarize(rows.stream().map(RankCertificate::certificate).toList());
		return new CertificateReport(stored, epochs);
	}

	/**
	 * Where a resumed rank's first indices belong. A recorded segment that restarted at
	 * exactly this epoch, sample and world size gives the order it should read (an
	 * {@code exact} one is not at the torch rule's offset).
	 */
	ResumeAudit.Result audit(UUID id, long epoch, long startSample, int worldSize, int rank, long[] observed) {
		History history = history(id);
		Timeline timeline = history.timeline();
		SegmentOrder expected = null;
		for (Segment s : timeline.segments()) {
			if (s.index() > 0 && s.startEpoch() == epoch && s.startSample() == startSample && s.worldSize() == worldSize
					&& rank >= 0 && rank < worldSize) {
				expected = SegmentOrder.of(timeline, s.index(), epoch, rank);
			}
		}
		return ResumeAudit.audit(timeline.source(), epoch, startSample, worldSize, rank, observed, expected);
	}

	DisjointnessLint.Report lint(long datasetSize, int worldSize, long epoch, boolean shuffle, boolean dropLast,
			List<BigInteger> seeds, TorchVersion version) {
		return DisjointnessLint.check(datasetSize, worldSize, epoch, shuffle, dropLast, seeds, version,
				this.permutations::get);
	}

	/** PostgreSQL keeps microseconds: what is answered now is what is read back later. */
	private Instant now() {
		return this.clock.instant().truncatedTo(ChronoUnit.MICROS);
	}

	private History history(UUID id) {
		ExperimentSnapshot record = this.experiments.get(id);
		List<RunSegment> rows = this.segments.findByExperimentIdOrderBySegmentIndexAsc(id);
		List<Segment> list = new ArrayList<>();
		List<SegmentEntry> entries = new ArrayList<>();
		Segment zero = Segment.record(record.worldSize(), null, 1);
		list.add(zero);
		entries.add(new SegmentEntry(zero, record.createdAt(), record.createdBy()));
		for (RunSegment row : rows) {
			list.add(row.segment());
			entries.add(new SegmentEntry(row.segment(), row.createdAt(), row.createdBy()));
		}
		return new History(record, Timeline.of(this.sources.of(record), list), entries);
	}

	private static int checkSegment(History history, int k) {
		int n = history.entries().size();
		if (k < 0 || k >= n) {
			throw new UnknownSegmentException("No segment " + k + " in experiment " + history.record().id()
					+ ": its history holds segments 0 to " + (n - 1));
		}
		return k;
	}

	private static void checkEpoch(long epoch) {
		if (epoch < 0) {
			throw new InvalidSamplerArgumentException("epoch", "must not be negative");
		}
	}

	private record History(ExperimentSnapshot record, Timeline timeline, List<SegmentEntry> entries) {
	}

	private record OrderKey(UUID experiment, int segment, long epoch, int rank) {
	}

	/**
	 * @param segment the segment
	 * @param createdAt when it was recorded (for segment 0, when the experiment was)
	 * @param createdBy who recorded it
	 */
	record SegmentEntry(Segment segment, Instant createdAt, String createdBy) {
	}

	/**
	 * @param order the indices
	 * @param sha256 the order digest of the whole order
	 * @param readBeforeNextSegment how many of them the rank read before the next segment
	 * started
	 * @param torchVersion the release whose behaviour the order follows
	 */
	record ServedOrder(SegmentOrder order, String sha256, long readBeforeNextSegment, TorchVersion torchVersion) {
	}

	record StoredCertificate(Certificates.Verdict verdict, Instant createdAt, String createdBy) {
	}

	record CertificateReport(List<StoredCertificate> certificates, List<Certificates.EpochSummary> epochs) {
	}

}
