package dev.seedbank.sampling;

import java.math.BigInteger;
import java.util.List;

import dev.seedbank.reference.ReferencePython;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * RandomSampler's and accelerate's orders past one array: {@link PermutationLayout}'s
 * thresholds lowered as in {@link WidePermutationTests} (one array up to 100 samples,
 * 64-sample chunks, 4 or 5 bytes a value), every element must equal the one-array order
 * of the same arguments. The one draw the one-array path never makes, {@code random64()}
 * for {@code n >= 2^32}, is checked against real torch.
 */
class WideKindOrdersTests {

	private static final PermutationLayout FOUR_BYTES = new PermutationLayout(100, 6, 32);

	private static final PermutationLayout FIVE_BYTES = new PermutationLayout(100, 6, 8);

	private static final TorchVersion TORCH = TorchVersion.parse("2.13.0");

	@ParameterizedTest
	@CsvSource(nullValues = "null",
			value = { "1000, 3, 0, null, false, false", "1000, 3, 2, null, false, true",
					"1000, -7, 1, 2500, false, false", "1000, 5, 0, 300, false, true", "1000, 5, 0, 2000, false, false",
					"50, 9, 0, 3000, false, false", "50, 9, 3, 3000, true, false", "1000, 11, 0, 4000, true, true",
					"101, 0, 0, null, false, false" })
	void randomSamplerListsInWideStorageEqualTheOneArrayLists(long n, long seed, long epoch, Long numSamples,
			boolean replacement, boolean dataLoader) {
		RandomSamplerParameters parameters = new RandomSamplerParameters(n, BigInteger.valueOf(seed), epoch, numSamples,
				replacement, dataLoader, TORCH);
		RandomSamplerOrder expected = RandomSamplerOrder.of(parameters);
		for (PermutationLayout layout : new PermutationLayout[] { FOUR_BYTES, FIVE_BYTES }) {
			RandomSamplerOrder wide = RandomSamplerOrder.of(parameters, layout);
			assertThat(wide.bytes()).as("chunked storage in %s", layout).isGreaterThan(expected.bytes());
			assertSameOrder(wide, expected, layout);
			assertThat(wide.loaderBaseSeed()).isEqualTo(expected.loaderBaseSeed());
		}
	}

	/**
	 * The inside-out loop only runs from 214,748,364 samples through the public
	 * arguments; here it is forced, and the lists must be whole randperms then one cut,
	 * as torch's {@code RandomSampler.__iter__} concatenates them.
	 */
	@ParameterizedTest
	@CsvSource({ "1000, 1000", "1000, 2500", "1000, 300", "300, 1000" })
	void insideOutListsAreWholeRandpermsThenOneCut(long n, long numSamples) {
		for (PermutationLayout layout : new PermutationLayout[] { FOUR_BYTES, FIVE_BYTES }) {
			MersenneTwister generator = new MersenneTwister(42);
			Permutation wide = WideRandomSamplerLists.withoutReplacement(n, numSamples, RandpermVariant.INSIDE_OUT,
					generator, layout);
			MersenneTwister reference = new MersenneTwister(42);
			long k = 0;
			while (k < numSamples) {
				int[] randperm = InsideOutRandperm.permute((int) n, reference);
				for (int i = 0; i < n && k < numSamples; i++, k++) {
					assertThat(wide.get(k)).as("value at position %d in %s", k, layout).isEqualTo(randperm[i]);
				}
			}
			if (numSamples % n == 0) {
				InsideOutRandperm.permute((int) n, reference);
			}
			assertThat(generator.nextInt()).as("the generator after the lists").isEqualTo(reference.nextInt());
		}
	}

	@ParameterizedTest
	@CsvSource({ "1000, 3, 0, 7, true, false, true, false", "1000, 4, 3, 16, true, true, false, false",
			"777, 5, 2, 10, true, false, true, true", "1000, 2, 1, 8, false, false, true, false" })
	void accelerateOrdersOverWideStorageEqualTheOneArrayOrders(long n, int processes, int process, int batchSize,
			boolean shuffle, boolean dropLast, boolean evenBatches, boolean splitBatches) {
		AcceleratePreparedLoader loader = AcceleratePreparedLoader
			.of(new AccelerateLoaderParameters(n, processes, process, batchSize, 3, BigInteger.valueOf(1234), shuffle,
					dropLast, evenBatches, splitBatches, AccelerateVersion.NEWEST, TORCH));
		IndexOrder expected = loader.order();
		for (PermutationLayout layout : new PermutationLayout[] { FOUR_BYTES, FIVE_BYTES }) {
			Permutation wide = loader.permutationKey().map((key) -> Randperm.permutation(key, layout)).orElse(null);
			if (shuffle) {
				assertThat(wide).isInstanceOf(WidePermutation.class);
			}
			assertSameOrder(loader.order(wide), expected, layout);
		}
	}

	@Test
	void accelerateAndRandomSamplerArePlannedUpToTwoToThe40() {
		long n = (1L << 31) + 11;
		AcceleratePreparedLoader loader = AcceleratePreparedLoader.of(new AccelerateLoaderParameters(n, 8, 7, 4, 0,
				BigInteger.ONE, true, false, true, false, AccelerateVersion.NEWEST, TORCH));
		assertThat(loader.permutationKey().orElseThrow().n()).isEqualTo(n);
		assertThat(loader.permutationKey().orElseThrow().variant()).isEqualTo(RandpermVariant.INSIDE_OUT);
		AcceleratePreparedLoader unshuffled = AcceleratePreparedLoader.of(new AccelerateLoaderParameters(1L << 40, 1, 0,
				4, 0, BigInteger.ONE, false, false, true, false, AccelerateVersion.NEWEST, TORCH));
		assertThat(unshuffled.order((Permutation) null).get((1L << 40) - 1)).isEqualTo((1L << 40) - 1);
		RandomSamplerOrder small = RandomSamplerOrder
			.of(new RandomSamplerParameters(1L << 40, BigInteger.ONE, 0, 5L, true, false, TORCH));
		assertThat(small.length()).isEqualTo(5);
		assertThat(small.get(4)).isBetween(0L, (1L << 40) - 1);
	}

	/**
	 * {@code n >= 2^32} with replacement: torch's randint draws {@code random64() % n}
	 * (DistributionsHelper.h), two outputs a value; 64 values of real torch 2.13.0 at
	 * epoch 1, so the skip of epoch 0's draws counts them too.
	 */
	@Test
	void replacementAboveTwoToThe32DrawsRandom64LikeTorch() {
		String script = """
				import sys, torch
				from torch.utils.data import RandomSampler
				for line in sys.stdin:
				    n, seed, num_samples = (int(v) for v in line.split())
				    g = torch.Generator().manual_seed(seed)
				    sampler = RandomSampler(range(n), replacement=True, num_samples=num_samples, generator=g)
				    for _ in sampler:
				        pass
				    print(" ".join(str(int(i)) for i in sampler), flush=True)
				""";
		long n = (1L << 32) + 12345;
		List<String> lines = ReferencePython.venv().run(script, n + " 77 64\n");
		RandomSamplerOrder order = RandomSamplerOrder
			.of(new RandomSamplerParameters(n, BigInteger.valueOf(77), 1, 64L, true, false, TORCH));
		String[] torch = lines.get(0).split(" ");
		assertThat(order.length()).isEqualTo(torch.length);
		for (int k = 0; k < torch.length; k++) {
			assertThat(order.get(k)).as("value at position %d", k).isEqualTo(Long.parseLong(torch[k]));
		}
	}

	private static void assertSameOrder(IndexOrder actual, IndexOrder expected, PermutationLayout layout) {
		assertThat(actual.length()).isEqualTo(expected.length());
		for (long k = 0; k < expected.length(); k++) {
			assertThat(actual.get(k)).as("value at position %d in %s", k, layout).isEqualTo(expected.get(k));
		}
		assertThat(actual.sha256()).isEqualTo(expected.sha256());
	}

}
