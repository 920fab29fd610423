package dev.seedbank.sampling.timeline;

import java.util.Arrays;

import dev.seedbank.sampling.InvalidSamplerArgumentException;
import dev.seedbank.sampling.SamplerParameters;
import dev.seedbank.sampling.timeline.StepProvenance.StepSamples;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatExceptionOfType;

/** Optimizer steps counted across a kill and an exact resume on one rank. */
class StepProvenanceTests {

	private final SamplerParameters record = Runs.record(1000, 2, 7, false);

	// 2 ranks, batch 8, accumulation 2: 16 indices per rank per step. Killed at sample
	// 437:
	// rank 0 read 219, rank 1 218, so segment 0 holds 14 steps; segment 1 (1 rank, batch
	// 16) reads the other 563 in 36.
	private final Timeline timeline = Timeline.start(Runs.source(this.record), Segment.record(2, 8, 2))
		.append(1, 0, 437, Resume.EXACT, 16, null);

	@Test
	void aStepOfTheFirstSegmentIsEachRanksListSlice() {
		StepSamples step = StepProvenance.of(this.timeline, 0, 3, null, null);
		assertThat(step.segment()).isZero();
		for (int r = 0; r < 2; r++) {
			long[] list = Runs.list(this.record, 0, 2, r);
			assertThat(step.ranks().get(r).indices()).as("rank %d", r)
				.containsExactly(Arrays.copyOfRange(list, 48, 64));
		}
	}

	@Test
	void theStepCutByTheKillHoldsWhatEachRankReadBeforeIt() {
		StepSamples step = StepProvenance.of(this.timeline, 0, 13, null, null);
		assertThat(step.segment()).isZero();
		assertThat(step.ranks().get(0).indices())
			.containsExactly(Arrays.copyOfRange(Runs.list(this.record, 0, 2, 0), 208, 219));
		assertThat(step.ranks().get(1).indices())
			.containsExactly(Arrays.copyOfRange(Runs.list(this.record, 0, 2, 1), 208, 218));
	}

	@Test
	void stepsAfterTheResumeReadTheOldStreamOnTheNewRank() {
		long[] stream = Runs.stream(this.record, 0, 2);
		StepSamples first = StepProvenance.of(this.timeline, 0, 14, null, null);
		assertThat(first.segment()).isOne();
		assertThat(first.ranks()).hasSize(1);
		assertThat(first.ranks().get(0).indices()).containsExactly(Arrays.copyOfRange(stream, 437, 453));
		StepSamples last = StepProvenance.of(this.timeline, 0, 49, null, null);
		assertThat(last.ranks().get(0).indices()).containsExactly(Arrays.copyOfRange(stream, 437 + 35 * 16, 1000));
	}

	@Test
	void aStepPastTheEpochOrWithoutABatchSizeIsRejected() {
		assertThatExceptionOfType(InvalidSamplerArgumentException.class)
			.isThrownBy(() -> StepProvenance.of(this.timeline, 0, 50, null, null))
			.satisfies((ex) -> assertThat(ex.parameter()).isEqualTo("step"))
			.withMessageContaining("50");
		Timeline unknown = Runs.start(this.record);
		assertThatExceptionOfType(InvalidSamplerArgumentException.class)
			.isThrownBy(() -> StepProvenance.of(unknown, 0, 0, null, null))
			.satisfies((ex) -> assertThat(ex.parameter()).isEqualTo("batchSize"));
		StepSamples given = StepProvenance.of(unknown, 0, 1, 10, 1);
		assertThat(given.ranks().get(1).indices())
			.containsExactly(Arrays.copyOfRange(Runs.list(this.record, 0, 2, 1), 10, 20));
		assertThatExceptionOfType(InvalidSamplerArgumentException.class)
			.isThrownBy(() -> StepProvenance.of(unknown, 0, 50, 10, 1))
			.satisfies((ex) -> assertThat(ex.parameter()).isEqualTo("step"));
	}

}
