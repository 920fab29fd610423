package dev.seedbank.sampling.timeline;

import java.util.Arrays;

import dev.seedbank.sampling.InvalidSamplerArgumentException;
import dev.seedbank.sampling.SamplerParameters;
import dev.seedbank.sampling.timeline.ResumeAudit.Result;
import dev.seedbank.sampling.timeline.ResumeAudit.Verdict;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatExceptionOfType;

/**
 * A checkpoint at sample 400 of epoch 3 resumed on 2 ranks: rank 1 should read its list
 * from 200; each deliberately wrong resume is named.
 */
class ResumeAuditTests {

	private final SamplerParameters record = Runs.record(1000, 2, 7, false);

	private final RankListSource source = Runs.source(this.record);

	@Test
	void theRightOrderIsOk() {
		assertThat(audit(slice(3, 200))).isEqualTo(new Result(Verdict.OK, 3L, 200L));
	}

	@Test
	void theNextEpochsPermutationIsAWrongEpoch() {
		assertThat(audit(slice(4, 200))).isEqualTo(new Result(Verdict.WRONG_EPOCH, 4L, 200L));
		assertThat(audit(slice(4, 0))).isEqualTo(new Result(Verdict.WRONG_EPOCH, 4L, 0L));
		assertThat(audit(slice(4, 77))).isEqualTo(new Result(Verdict.WRONG_EPOCH, 4L, 77L));
		assertThat(audit(slice(0, 200))).isEqualTo(new Result(Verdict.WRONG_EPOCH, 0L, 200L));
	}

	@Test
	void replayingFromTheStartIsARestartedEpoch() {
		assertThat(audit(slice(3, 0))).isEqualTo(new Result(Verdict.RESTARTED_EPOCH, 3L, 0L));
		assertThat(audit(slice(0, 0))).isEqualTo(new Result(Verdict.RESTARTED_EPOCH, 0L, 0L));
	}

	@Test
	void theRightEpochElsewhereIsAWrongOffsetAndSaysWhere() {
		assertThat(audit(slice(3, 321))).isEqualTo(new Result(Verdict.WRONG_OFFSET, 3L, 321L));
		// 2 * 200: the old world size's share skipped on the new one's list
		assertThat(audit(slice(3, 100))).isEqualTo(new Result(Verdict.WRONG_OFFSET, 3L, 100L));
	}

	@Test
	void indicesFromNowhereAreUnknown() {
		long[] list = slice(3, 200);
		long[] shuffled = { list[3], list[1], list[2], list[0], list[4] };
		assertThat(audit(shuffled)).isEqualTo(new Result(Verdict.UNKNOWN, null, null));
		assertThat(audit(new long[] { -1, 5000 })).isEqualTo(new Result(Verdict.UNKNOWN, null, null));
	}

	@Test
	void anExactSegmentsOrderIsOkToo() {
		Timeline timeline = Runs.start(this.record).append(3, 3, 401, Resume.EXACT, null, null);
		SegmentOrder expected = SegmentOrder.of(timeline, 1, 3, 2);
		long[] observed = Arrays.copyOf(Runs.order(expected), 6);
		assertThat(ResumeAudit.audit(this.source, 3, 401, 3, 2, observed, expected).verdict()).isEqualTo(Verdict.OK);
		assertThat(ResumeAudit.audit(this.source, 3, 401, 3, 2, observed, null).verdict()).isNotEqualTo(Verdict.OK);
	}

	@Test
	void emptyObservationsAndBadRanksAreRejected() {
		assertThatExceptionOfType(InvalidSamplerArgumentException.class)
			.isThrownBy(() -> ResumeAudit.audit(this.source, 3, 400, 2, 1, new long[0], null))
			.satisfies((ex) -> assertThat(ex.parameter()).isEqualTo("observed"));
		assertThatExceptionOfType(InvalidSamplerArgumentException.class)
			.isThrownBy(() -> ResumeAudit.audit(this.source, 3, 400, 2, 2, new long[] { 1 }, null))
			.satisfies((ex) -> assertThat(ex.parameter()).isEqualTo("rank"));
	}

	private long[] slice(long epoch, int from) {
		return Arrays.copyOfRange(Runs.list(this.record, epoch, 2, 1), from, from + 8);
	}

	private Result audit(long[] observed) {
		return ResumeAudit.audit(this.source, 3, 400, 2, 1, observed, null);
	}

}
