package dev.seedbank.sampling.timeline;

import java.math.BigInteger;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Random;
import java.util.Set;

import dev.seedbank.reference.ReferencePython;
import dev.seedbank.sampling.InvalidSamplerArgumentException;
import dev.seedbank.sampling.Randperm;
import dev.seedbank.sampling.SamplerParameters;
import dev.seedbank.sampling.TorchVersion;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatExceptionOfType;

/** Overlap of differently seeded ranks, against sets and against real torch. */
class DisjointnessLintTests {

	private static final TorchVersion TORCH = TorchVersion.parse("2.13.0");

	@Test
	void oneSeedForAllRanksIsDisjointUnlessTorchPads() {
		assertThat(lint(1000, 4, 3, List.of(5L, 5L, 5L, 5L), false)).isEqualTo(new DisjointnessLint.Report(0, 0, true));
		// 10 samples on 4 ranks: padded to 12, ranks 2 and 3 repeat what ranks 0 and 1
		// read
		assertThat(lint(10, 4, 3, List.of(5L, 5L, 5L, 5L), false)).isEqualTo(new DisjointnessLint.Report(2, 0, false));
		// dropping the tail instead leaves 2 samples unread
		assertThat(lint(10, 4, 3, List.of(5L, 5L, 5L, 5L), true)).isEqualTo(new DisjointnessLint.Report(0, 2, true));
	}

	@Test
	void differentSeedsOverlapAsSetsOfEachRanksListSay() {
		Random random = new Random(11);
		for (int run = 0; run < 20; run++) {
			int n = 1 + random.nextInt(2000);
			int w = 1 + random.nextInt(8);
			List<Long> seeds = new ArrayList<>();
			for (int r = 0; r < w; r++) {
				seeds.add((long) random.nextInt(1000));
			}
			boolean dropLast = random.nextBoolean();
			int[] ranksReading = new int[n];
			for (int r = 0; r < w; r++) {
				Set<Long> read = new HashSet<>();
				SamplerParameters p = new SamplerParameters(n, w, 0, BigInteger.valueOf(seeds.get(r)), true, dropLast,
						TORCH);
				for (long index : Runs.list(p, 3, w, r)) {
					if (read.add(index)) {
						ranksReading[(int) index]++;
					}
				}
			}
			long overlapping = java.util.Arrays.stream(ranksReading).filter((c) -> c > 1).count();
			long never = java.util.Arrays.stream(ranksReading).filter((c) -> c == 0).count();
			assertThat(lint(n, w, 3, seeds, dropLast)).as("run %d: n %d w %d seeds %s", run, n, w, seeds)
				.isEqualTo(new DisjointnessLint.Report(overlapping, never, overlapping == 0));
		}
	}

	@Test
	void realTorchSamplersSeededPerRankOverlapTheSame() {
		String script = """
				import sys
				from torch.utils.data import DistributedSampler
				for line in sys.stdin:
				    n, w, epoch, *seeds = map(int, line.split())
				    ranks = [0] * n
				    for r, seed in enumerate(seeds):
				        s = DistributedSampler(range(n), num_replicas=w, rank=r, shuffle=True, seed=seed)
				        s.set_epoch(epoch)
				        for i in set(s):
				            ranks[i] += 1
				    print(sum(c > 1 for c in ranks), sum(c == 0 for c in ranks), flush=True)
				""";
		List<String> torch = ReferencePython.venv()
			.run(script, "100000 8 2 0 1 2 3 4 5 6 7\n9999 3 0 17 17 18\n50000 4 5 9 9 9 9\n");
		assertThat(torch).hasSize(3);
		assertThat(report(lint(100_000, 8, 2, List.of(0L, 1L, 2L, 3L, 4L, 5L, 6L, 7L), false))).isEqualTo(torch.get(0));
		assertThat(report(lint(9999, 3, 0, List.of(17L, 17L, 18L), false))).isEqualTo(torch.get(1));
		assertThat(report(lint(50_000, 4, 5, List.of(9L, 9L, 9L, 9L), false))).isEqualTo(torch.get(2));
	}

	@Test
	void oneSeedPerRankIsRequired() {
		assertThatExceptionOfType(InvalidSamplerArgumentException.class)
			.isThrownBy(() -> lint(10, 3, 0, List.of(1L, 2L), false))
			.satisfies((ex) -> assertThat(ex.parameter()).isEqualTo("seeds"));
		assertThatExceptionOfType(InvalidSamplerArgumentException.class)
			.isThrownBy(() -> lint(10, 0, 0, List.of(), false))
			.satisfies((ex) -> assertThat(ex.parameter()).isEqualTo("worldSize"));
	}

	private static String report(DisjointnessLint.Report report) {
		return report.overlapping() + " " + report.neverSeen();
	}

	private static DisjointnessLint.Report lint(long n, int w, long epoch, List<Long> seeds, boolean dropLast) {
		return DisjointnessLint.check(n, w, epoch, true, dropLast, seeds.stream().map(BigInteger::valueOf).toList(),
				TORCH, Randperm::permutation);
	}

}
