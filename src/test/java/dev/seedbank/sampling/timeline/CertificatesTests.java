package dev.seedbank.sampling.timeline;

import java.util.List;

import dev.seedbank.sampling.InvalidSamplerArgumentException;
import dev.seedbank.sampling.SamplerParameters;
import dev.seedbank.sampling.timeline.Certificates.EpochSummary;
import dev.seedbank.sampling.timeline.Certificates.RankRef;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatExceptionOfType;

/**
 * A 2-rank run killed in epoch 0 and resumed exactly on 1 rank; its rank certifies epochs
 * 0 and 1, once honestly and once after deliberately wrong resumes.
 */
class CertificatesTests {

	private final SamplerParameters record = Runs.record(1000, 2, 7, false);

	private final Timeline timeline = Runs.start(this.record).append(1, 0, 437, Resume.EXACT, null, null);

	private final Certificates certificates = new Certificates(this.timeline);

	@Test
	void whatTheSegmentServesMatches() {
		SegmentOrder order = SegmentOrder.of(this.timeline, 1, 0, 0);
		Certificate honest = this.certificates.certificate(0, 0, null, order.sha256().toUpperCase(), order.length());
		assertThat(honest.segment()).isOne();
		assertThat(honest.sha256()).isEqualTo(order.sha256());
		Certificates.Verdict verdict = this.certificates.judge(honest);
		assertThat(verdict.match()).isTrue();
		assertThat(verdict.expectedSha256()).isEqualTo(order.sha256());
		assertThat(verdict.expectedCount()).isEqualTo(563);
	}

	@Test
	void theNextEpochsPermutationAndARestartedEpochDoNotMatch() {
		SegmentOrder nextEpoch = SegmentOrder.of(this.timeline, 1, 1, 0);
		Certificate wrongEpoch = this.certificates.certificate(0, 0, 1, nextEpoch.sha256(), 563);
		assertThat(this.certificates.judge(wrongEpoch).match()).isFalse();
		SegmentOrder restarted = SegmentOrder.of(Runs.start(this.record).append(1, 0, 0, Resume.EXACT, null, null), 1,
				0, 0);
		Certificate replayed = this.certificates.certificate(0, 0, 1, restarted.sha256(), restarted.length());
		assertThat(this.certificates.judge(replayed).match()).isFalse();
		SegmentOrder right = SegmentOrder.of(this.timeline, 1, 0, 0);
		Certificate wrongCount = this.certificates.certificate(0, 0, 1, right.sha256(), 562);
		assertThat(this.certificates.judge(wrongCount).match()).isFalse();
	}

	@Test
	void summaryPerEpochJudgesEachRanksLatestCertificate() {
		String epoch0 = SegmentOrder.of(this.timeline, 1, 0, 0).sha256();
		String epoch1 = SegmentOrder.of(this.timeline, 1, 1, 0).sha256();
		List<Certificate> stored = List.of(this.certificates.certificate(0, 0, 1, epoch1, 563),
				this.certificates.certificate(0, 0, 1, epoch0, 563),
				this.certificates.certificate(2, 0, 1, epoch1, 1000));
		List<EpochSummary> summary = this.certificates.summarize(stored);
		assertThat(summary).hasSize(3);
		assertThat(summary.get(0)).isEqualTo(
				new EpochSummary(0, 1, List.of(new RankRef(1, 0)), List.of(new RankRef(1, 0)), List.of(), List.of()));
		assertThat(summary.get(1))
			.isEqualTo(new EpochSummary(1, 1, List.of(), List.of(), List.of(), List.of(new RankRef(1, 0))));
		assertThat(summary.get(2)).isEqualTo(
				new EpochSummary(2, 1, List.of(new RankRef(1, 0)), List.of(), List.of(new RankRef(1, 0)), List.of()));
	}

	@Test
	void badCertificatesAreRejected() {
		assertParameter("sha256", () -> this.certificates.certificate(0, 0, 1, "abc", 1));
		assertParameter("sha256", () -> this.certificates.certificate(0, 0, 1, "g".repeat(64), 1));
		assertParameter("count", () -> this.certificates.certificate(0, 0, 1, "a".repeat(64), -1));
		assertParameter("rank", () -> this.certificates.certificate(0, 1, 1, "a".repeat(64), 1));
		assertParameter("segment", () -> this.certificates.certificate(0, 0, 2, "a".repeat(64), 1));
		Timeline later = this.timeline.append(2, 3, 0, Resume.TORCH, null, null);
		assertParameter("epoch", () -> new Certificates(later).certificate(2, 0, null, "a".repeat(64), 1));
	}

	private static void assertParameter(String parameter, Runnable call) {
		assertThatExceptionOfType(InvalidSamplerArgumentException.class).isThrownBy(call::run)
			.satisfies((ex) -> assertThat(ex.parameter()).isEqualTo(parameter));
	}

}
