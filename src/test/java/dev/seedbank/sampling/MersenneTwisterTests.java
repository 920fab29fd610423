package dev.seedbank.sampling;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Golden vectors from real torch 1.13.1 (Debian python3-torch, /usr/bin/python3):
 *
 * <pre>
 * g = torch.Generator().manual_seed(s)
 * torch.empty(6, dtype=torch.int64).random_(generator=g).tolist()
 * </pre>
 *
 * {@code random_()} on int64 draws {@code random64()} and keeps its low 63 bits
 * ({@code aten/src/ATen/core/TransformationHelper.h}, {@code uniform_int}), so each value
 * checks two consecutive words. Randperm vectors come from
 * {@code torch.randperm(n, generator=torch.Generator().manual_seed(s)).tolist()}.
 */
class MersenneTwisterTests {

	@Test
	void random64MatchesTorch() {
		assertRandom64(0L, 900450186894289455L, 3969543146641149120L, 1895649597198586619L, 827948490035658087L,
				7815051614634499795L, 2691271404617651954L);
		assertRandom64(1L, 7692698082559361259L, 4064269471072392264L, 2109959069025161L, 5577051506714156677L,
				2707168392203228096L, 1703346441743126657L);
		assertRandom64(5489L, 5805627399050534646L, 7485539959361970041L, 2342493223442167775L, 7625438616492552161L,
				2441597211547797803L, 1799302827895858725L);
		assertRandom64(4294967295L, 1800993050274709794L, 7607120784305990727L, 5331760257347419712L,
				5165154706003526138L, 330928644418928416L, 8660855838641975931L);
	}

	@Test
	void firstWordIsTheReferenceMt19937Output() {
		// std::mt19937 default seed 5489: first output 3499211612 (C++ standard,
		// [rand.predef]: the 10000th is 4123659995).
		MersenneTwister random = new MersenneTwister(5489);
		assertThat(Integer.toUnsignedLong(random.nextInt())).isEqualTo(3499211612L);
		for (int i = 2; i < 10000; i++) {
			random.nextInt();
		}
		assertThat(Integer.toUnsignedLong(random.nextInt())).isEqualTo(4123659995L);
	}

	@Test
	void randpermMatchesTorch() {
		assertRandperm(0, new int[] { 4, 5, 13, 19, 7, 14, 3, 6, 9, 17, 11, 2, 16, 18, 10, 12, 15, 8, 1, 0 });
		assertRandperm(7, new int[] { 3, 5, 15, 29, 20, 16, 14, 12, 21, 26, 13, 18, 6, 30, 4, 19, 31, 25, 8, 27, 9, 17,
				11, 24, 1, 22, 7, 28, 2, 23, 10, 0, 32 });
		assertRandperm(123456789, new int[] { 1, 13, 2, 6, 4, 14, 16, 8, 12, 0, 11, 7, 15, 9, 10, 5, 3 });
		assertRandperm(5489, new int[] { 2, 7, 8, 4, 0, 6, 1, 9, 3, 5 });
	}

	private static void assertRandom64(long seed, long... expected) {
		MersenneTwister random = new MersenneTwister(seed);
		for (int i = 0; i < expected.length; i++) {
			assertThat(random.nextLong() & Long.MAX_VALUE).as("seed %d, value at position %d", seed, i)
				.isEqualTo(expected[i]);
		}
	}

	private static void assertRandperm(long seed, int[] expected) {
		int[] actual = ClassicRandperm.permute(expected.length, new MersenneTwister(seed));
		for (int i = 0; i < expected.length; i++) {
			assertThat(actual[i]).as("seed %d, value at position %d", seed, i).isEqualTo(expected[i]);
		}
	}

}
