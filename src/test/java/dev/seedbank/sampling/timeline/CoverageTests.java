package dev.seedbank.sampling.timeline;

import java.util.ArrayList;
import java.util.List;
import java.util.PrimitiveIterator;
import java.math.BigInteger;
import java.util.Random;

import dev.seedbank.sampling.InvalidSamplerArgumentException;
import dev.seedbank.sampling.SamplerParameters;
import dev.seedbank.sampling.TorchVersion;
import dev.seedbank.sampling.timeline.BruteForceRun.Restart;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatExceptionOfType;

/** Coverage against a brute-force replay of the same restarts. */
class CoverageTests {

	@Test
	void twoRanksKilledMidEpochAndResumedExactlyOnOneReadEverySampleOnce() {
		SamplerParameters record = Runs.record(1000, 2, 42, false);
		Timeline timeline = Runs.start(record).append(1, 0, 437, Resume.EXACT, null, null);
		Coverage coverage = Coverage.of(timeline, 0);
		assertThat(coverage.summary()).isEqualTo(new Coverage.Summary(1000, 0, 1000, 0, 1, 0));
		assertThat(coverage.never().hasNext()).isFalse();
		assertThat(coverage.repeated().hasNext()).isFalse();
	}

	@Test
	void exactResumeAtAnyWorldSizeReadsWhatAnUninterruptedRunReadsPlusTheWrappedRound() {
		SamplerParameters record = Runs.record(1001, 2, 42, false);
		Coverage uninterrupted = Coverage.of(Runs.start(record), 0);
		// 1001 samples on 2 ranks: one padding position, repeating the stream's first
		// sample
		assertThat(uninterrupted.summary()).isEqualTo(new Coverage.Summary(1001, 0, 1000, 1, 2, 1));
		for (int w : new int[] { 1, 3, 4, 7 }) {
			Timeline timeline = Runs.start(record).append(w, 0, 437, Resume.EXACT, null, null);
			Coverage coverage = Coverage.of(timeline, 0);
			long wrapped = (w - (1002 - 437) % w) % w;
			assertThat(coverage.neverSeen()).as("world size %d", w).isZero();
			assertThat(coverage.reads()).as("world size %d", w).isEqualTo(1002 + wrapped);
			assertThat(coverage.paddingRepeats()).as("world size %d", w).isEqualTo(1 + wrapped);
			assertMatchesBruteForce(record, coverage, List.of(new Restart(w, 437, Resume.EXACT)));
		}
	}

	@Test
	void torchResumeGivesTheTrueDoubleAndNeverCounts() {
		SamplerParameters record = Runs.record(1001, 2, 42, false);
		Timeline toOne = Runs.start(record).append(1, 0, 437, Resume.TORCH, null, null);
		Coverage one = Coverage.of(toOne, 0);
		// on one rank the restarted sampler has no padding: the stream's padded repeat is
		// gone
		assertThat(one.summary()).isEqualTo(new Coverage.Summary(1001, 0, 1001, 0, 1, 0));
		assertMatchesBruteForce(record, one, List.of(new Restart(1, 437, Resume.TORCH)));
		Timeline toThree = Runs.start(record).append(3, 0, 437, Resume.TORCH, null, null);
		Coverage three = Coverage.of(toThree, 0);
		// skips floor(437/3) = 145 per rank: re-reads positions 435 and 436; pads one at
		// 3
		assertThat(three.summary()).isEqualTo(new Coverage.Summary(1001, 0, 998, 3, 2, 1));
		assertMatchesBruteForce(record, three, List.of(new Restart(3, 437, Resume.TORCH)));
	}

	@Test
	void randomHistoriesMatchTheBruteForceReplay() {
		long seed = System.nanoTime();
		Random random = new Random(seed);
		for (int run = 0; run < 200; run++) {
			SamplerParameters record = Runs.record(1 + random.nextInt(400), 1 + random.nextInt(6), random.nextInt(),
					random.nextInt(4) == 0);
			Timeline timeline = Runs.start(record);
			List<Restart> restarts = new ArrayList<>();
			long at = 0;
			for (int k = 0; k < 1 + random.nextInt(3); k++) {
				long length = timeline.streamLength(0);
				at = Math.min(length, at + random.nextInt((int) length + 1));
				Restart restart = new Restart(1 + random.nextInt(8), at,
						random.nextBoolean() ? Resume.TORCH : Resume.EXACT);
				timeline = timeline.append(restart.worldSize(), 0, at, restart.resume(), null, null);
				restarts.add(restart);
			}
			assertMatchesBruteForce(record, Coverage.of(timeline, 0), restarts,
					"java.util.Random seed " + seed + ", run " + run + ", " + record + ", " + restarts);
		}
	}

	@Test
	void listsStreamTheNeverAndRepeatedIndicesInOrder() {
		SamplerParameters record = Runs.record(50, 4, 1, false);
		Timeline timeline = Runs.start(record).append(3, 0, 30, Resume.TORCH, null, null);
		Coverage coverage = Coverage.of(timeline, 0);
		List<Long> never = drain(coverage.never());
		List<Long> repeated = drain(coverage.repeated());
		assertThat(never).hasSize((int) coverage.neverSeen()).isSorted().allMatch((i) -> coverage.count(i) == 0);
		assertThat(repeated).hasSize((int) coverage.seenMoreThanOnce())
			.isSorted()
			.allMatch((i) -> coverage.count(i) > 1);
	}

	@Test
	void epochsAfterTheRestartAreThePlainListsAtTheNewWorldSize() {
		SamplerParameters record = Runs.record(1001, 2, 42, false);
		Timeline timeline = Runs.start(record).append(3, 0, 437, Resume.TORCH, null, null);
		Coverage next = Coverage.of(timeline, 1);
		// 1001 on 3 ranks: 334 each, one padding position
		assertThat(next.summary()).isEqualTo(new Coverage.Summary(1001, 0, 1000, 1, 2, 1));
	}

	@Test
	void countsSaturateAt255() {
		SamplerParameters record = Runs.record(1, 1, 0, false);
		Timeline timeline = Runs.start(record).append(300, 0, 0, Resume.TORCH, null, null);
		Coverage coverage = Coverage.of(timeline, 0);
		assertThat(coverage.maxSeen()).isEqualTo(255);
		assertThat(coverage.reads()).isEqualTo(300);
		assertThat(coverage.paddingRepeats()).isEqualTo(299);
	}

	private static void assertMatchesBruteForce(SamplerParameters record, Coverage coverage, List<Restart> restarts) {
		assertMatchesBruteForce(record, coverage, restarts, restarts.toString());
	}

	private static void assertMatchesBruteForce(SamplerParameters record, Coverage coverage, List<Restart> restarts,
			String description) {
		int[] expected = BruteForceRun.counts(record, 0, restarts);
		int n = expected.length - 1;
		for (int i = 0; i < n; i++) {
			assertThat(coverage.count(i)).as("sample %d of %s", i, description).isEqualTo(Math.min(255, expected[i]));
		}
		assertThat(coverage.paddingRepeats()).as("padding of %s", description).isEqualTo(expected[n]);
	}

	private static List<Long> drain(PrimitiveIterator.OfLong iterator) {
		List<Long> out = new ArrayList<>();
		iterator.forEachRemaining((long i) -> out.add(i));
		return out;
	}

	/**
	 * The lists of a dataset past one array are read to its last sample (positions are
	 * longs end to end), but its coverage, one counter a sample in one array, is refused
	 * by name before anything is allocated.
	 */
	@Test
	void aDatasetPastOneArrayIsListedButItsCoverageIsRefusedByName() {
		long n = (1L << 31) + 11;
		SamplerParameters record = new SamplerParameters(n, 8, 0, BigInteger.ONE, false, false,
				TorchVersion.parse("2.13.0"));
		Timeline timeline = Runs.start(record);
		RankLists lists = timeline.source().epoch(0);
		assertThat(lists.get(1, 0, n - 1)).isEqualTo(n - 1);
		assertThat(lists.get(8, 7, (n + 7) / 8 - 1)).isEqualTo((((n + 7) / 8 - 1) * 8 + 7) % n);
		assertThatExceptionOfType(InvalidSamplerArgumentException.class).isThrownBy(() -> Coverage.of(timeline, 0))
			.satisfies((ex) -> assertThat(ex.parameter()).isEqualTo("datasetSize"));
	}

}
