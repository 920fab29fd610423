package dev.seedbank.sampling;

import java.math.BigInteger;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatExceptionOfType;

/**
 * Permutations above one array: the storage switches at {@link PermutationLayout}'s
 * thresholds, here lowered (one array up to 100 samples, 64-sample chunks, 8 low bits) so
 * the chunked 4-byte and 5-byte paths run on a few thousand samples, and every element
 * must equal the one-array result of the same randperm, for both torch loops.
 */
class WidePermutationTests {

	/** Chunked above 100 samples, 4 bytes a sample (32 low bits). */
	private static final PermutationLayout FOUR_BYTES = new PermutationLayout(100, 6, 32);

	/** Chunked above 100 samples, high bytes from 257 samples (8 low bits). */
	private static final PermutationLayout FIVE_BYTES = new PermutationLayout(100, 6, 8);

	@ParameterizedTest
	@CsvSource({ "101, 0, CLASSIC", "1000, 17, CLASSIC", "4097, 4294967295, CLASSIC", "101, 0, INSIDE_OUT",
			"1000, 17, INSIDE_OUT", "4097, 4294967295, INSIDE_OUT", "257, 3, INSIDE_OUT", "256, 3, CLASSIC" })
	void chunkedAndFiveByteStorageEqualTheOneArrayPermutation(long n, long seed, RandpermVariant variant) {
		PermutationKey key = new PermutationKey(n, seed, variant);
		int[] expected = Randperm.compute(key);
		for (PermutationLayout layout : new PermutationLayout[] { FOUR_BYTES, FIVE_BYTES }) {
			Permutation wide = Randperm.permutation(key, layout);
			assertThat(wide).isInstanceOf(WidePermutation.class);
			assertThat(wide.length()).isEqualTo(n);
			for (int i = 0; i < n; i++) {
				assertThat(wide.get(i)).as("element %d in %s", i, layout).isEqualTo(expected[i]);
			}
		}
	}

	@Test
	void theFiveByteStorageIsChosenOnlyWhenTheLowBitsCannotHoldEveryElement() {
		assertThat(Permutation.bytesFor(256, FIVE_BYTES)).isLessThan(256 * 5);
		assertThat(Permutation.bytesFor(257, FIVE_BYTES)).isGreaterThanOrEqualTo(257 * 5);
		assertThat(Permutation.bytesFor(100, FIVE_BYTES)).isEqualTo(100 * 4 + 16);
		assertThat(Permutation.allocate(257, FIVE_BYTES)).isInstanceOf(WidePermutation.class);
		assertThatExceptionOfType(IllegalArgumentException.class)
			.isThrownBy(() -> Permutation.allocate(256, FIVE_BYTES).set(0, 1L << 8));
	}

	@Test
	void productionThresholds() {
		long n = (1L << 31) + 11;
		assertThat(Permutation.bytesFor(PermutationLayout.MAX_ARRAY_LENGTH))
			.isEqualTo(4 * PermutationLayout.MAX_ARRAY_LENGTH + 16);
		assertThat(Permutation.bytesFor(n)).isBetween(4 * n, 4 * n + 4096);
		assertThat(Permutation.bytesFor(1L << 32)).isBetween(4L << 32, (4L << 32) + 4096);
		assertThat(Permutation.bytesFor((1L << 32) + 1)).isBetween(5 * ((1L << 32) + 1), 5 * ((1L << 32) + 1) + 4096);
		assertThat(PermutationLayout.DEFAULT.maxLength()).isEqualTo(1L << 40);
		assertThat(RandpermVariant.of(TorchVersion.parse("2.6.0"), n)).isEqualTo(RandpermVariant.INSIDE_OUT);
		assertThat(RandpermVariant.of(TorchVersion.parse("2.5.1"), n)).isEqualTo(RandpermVariant.CLASSIC);
	}

	@Test
	void elementsAboveTwoToThe31AreReadUnsignedAndAboveTwoToThe32FromTheHighByte() {
		WidePermutation fourBytes = new WidePermutation(20, 4, 32, false);
		fourBytes.set(17, 0xFFFF_FFFFL);
		fourBytes.set(3, 1L << 31);
		assertThat(fourBytes.get(17)).isEqualTo(4294967295L);
		assertThat(fourBytes.get(3)).isEqualTo(2147483648L);
		assertThatExceptionOfType(IllegalArgumentException.class).isThrownBy(() -> fourBytes.set(4, 1L << 32));
		WidePermutation fiveBytes = new WidePermutation(20, 4, 32, true);
		fiveBytes.set(16, (1L << 40) - 1);
		fiveBytes.set(19, (1L << 32) + 7);
		assertThat(fiveBytes.get(16)).isEqualTo(1099511627775L);
		assertThat(fiveBytes.get(19)).isEqualTo(4294967303L);
		assertThat(fiveBytes.get(15)).isZero();
	}

	@Test
	void aRankOrderOverChunkedStorageEqualsTheOneArrayOrder() {
		for (boolean dropLast : new boolean[] { false, true }) {
			SamplerPlan plan = SamplerPlan
				.of(new SamplerParameters(3001, 7, 2, BigInteger.valueOf(-5), true, dropLast, TorchVersion.newest()));
			PermutationKey key = plan.permutationKey().orElseThrow();
			int[] ints = Randperm.compute(key);
			Permutation wide = Randperm.permutation(key, FIVE_BYTES);
			for (int rank = 0; rank < 7; rank++) {
				RankOrder expected = plan.rank(rank, ints);
				RankOrder actual = plan.rank(rank, wide);
				ByteBuffer a = ByteBuffer.allocate((int) (8 * actual.length()));
				ByteBuffer e = ByteBuffer.allocate((int) (8 * expected.length()));
				actual.write(0, actual.length(), a);
				expected.write(0, expected.length(), e);
				assertThat(a.array()).isEqualTo(e.array());
				assertThat(actual.get(actual.length() - 1)).isEqualTo(expected.get(expected.length() - 1));
				assertThat(actual.sha256()).isEqualTo(expected.sha256());
				a.flip().order(ByteOrder.LITTLE_ENDIAN);
				assertThat(a.getLong()).isEqualTo(expected.get(0));
			}
		}
	}

	@Test
	void datasetSizesAboveTwoToThe31ArePlannedUpToTwoToThe40() {
		long n = (1L << 31) + 11;
		SamplerPlan plan = SamplerPlan
			.of(new SamplerParameters(n, 8, 0, BigInteger.ZERO, true, false, TorchVersion.parse("2.13.0")));
		assertThat(plan.permutationKey().orElseThrow().n()).isEqualTo(n);
		assertThat(plan.permutationKey().orElseThrow().variant()).isEqualTo(RandpermVariant.INSIDE_OUT);
		assertThat(plan.numSamples()).isEqualTo((n + 7) / 8);
		SamplerPlan largest = SamplerPlan
			.of(new SamplerParameters(1L << 40, 1, 0, BigInteger.ZERO, false, false, TorchVersion.newest()));
		assertThat(largest.rank(0, (Permutation) null).get((1L << 40) - 1)).isEqualTo((1L << 40) - 1);
		assertThatExceptionOfType(InvalidSamplerArgumentException.class).isThrownBy(() -> SamplerPlan
			.of(new SamplerParameters((1L << 40) + 1, 1, 0, BigInteger.ZERO, true, false, TorchVersion.newest())));
		assertThatExceptionOfType(InvalidSamplerArgumentException.class)
			.isThrownBy(() -> Randperm.compute(plan.permutationKey().orElseThrow()));
	}

}
