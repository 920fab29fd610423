package dev.seedbank.sampling;

import java.math.BigInteger;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.ValueSource;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/**
 * The release table: what changed at 1.6, 1.7, 1.8 and 2.6, each boundary from both
 * sides.
 */
class TorchVersionBehaviourTests {

	@Test
	void torch15SeedsTheGeneratorWithTheEpochAloneSoSeedZeroMatchesLaterReleases() {
		long[] old = order("1.5.0", 10, 3, 0, 2, BigInteger.ZERO, true, false);
		long[] newer = order("1.13.1", 10, 3, 0, 2, BigInteger.ZERO, true, false);
		assertThat(old).containsExactly(newer);
	}

	@Test
	void seedArgumentArrivesIn16() {
		assertThatThrownBy(() -> plan("1.5.1", 10, 2, 0, BigInteger.ONE, true, false))
			.isInstanceOf(TorchWouldRaiseException.class)
			.hasMessageContaining("unexpected keyword argument 'seed'")
			.hasMessageContaining("1.5.1");
		assertThat(order("1.6.0", 10, 2, 0, 0, BigInteger.ONE, true, false))
			.containsExactly(order("2.5.1", 10, 2, 0, 0, BigInteger.ONE, true, false));
	}

	@Test
	void dropLastArgumentArrivesIn17() {
		assertThatThrownBy(() -> plan("1.6.0", 10, 3, 0, BigInteger.ZERO, true, true))
			.isInstanceOf(TorchWouldRaiseException.class)
			.hasMessageContaining("'drop_last'");
		assertThat(plan("1.7.0", 10, 3, 0, BigInteger.ZERO, true, true).numSamples()).isEqualTo(3);
		assertThat(plan("1.7.0", 10, 3, 0, BigInteger.ZERO, true, false).numSamples()).isEqualTo(4);
	}

	@Test
	void before18APadLongerThanTheListFailsTorchsAssertionAndFrom18ItRepeats() {
		// N = 3, W = 8: total 8, pad 5 > 3.
		assertThatThrownBy(() -> plan("1.7.1", 3, 8, 0, BigInteger.ZERO, false, false))
			.isInstanceOf(TorchWouldRaiseException.class)
			.hasMessageContaining("AssertionError");
		long[] all = new long[8];
		for (int rank = 0; rank < 8; rank++) {
			all[rank] = order("1.8.0", 3, 8, rank, 0, BigInteger.ZERO, false, false)[0];
		}
		assertThat(all).containsExactly(0, 1, 2, 0, 1, 2, 0, 1);
		// A pad no longer than the list is the same single copy in both eras.
		assertThat(order("1.7.1", 10, 4, 3, 1, BigInteger.ZERO, true, false))
			.containsExactly(order("1.8.0", 10, 4, 3, 1, BigInteger.ZERO, true, false));
	}

	@Test
	void insideOutRandpermOnlyFrom26AndOnlyAtOrAboveTheThreshold() {
		long threshold = RandpermVariant.INSIDE_OUT_THRESHOLD;
		assertThat(RandpermVariant.of(TorchVersion.parse("2.5.1"), threshold)).isEqualTo(RandpermVariant.CLASSIC);
		assertThat(RandpermVariant.of(TorchVersion.parse("2.6.0"), threshold - 1)).isEqualTo(RandpermVariant.CLASSIC);
		assertThat(RandpermVariant.of(TorchVersion.parse("2.6.0"), threshold)).isEqualTo(RandpermVariant.INSIDE_OUT);
		assertThat(RandpermVariant.of(TorchVersion.parse("2.11.0"), Integer.MAX_VALUE))
			.isEqualTo(RandpermVariant.INSIDE_OUT);
	}

	@Test
	void aLoweredThresholdSwitchesTheAlgorithmAndChangesTheOrder() {
		TorchVersion v26 = TorchVersion.parse("2.6.0");
		assertThat(RandpermVariant.of(v26, 100, 50)).isEqualTo(RandpermVariant.INSIDE_OUT);
		assertThat(RandpermVariant.of(v26, 49, 50)).isEqualTo(RandpermVariant.CLASSIC);
		assertThat(RandpermVariant.of(TorchVersion.parse("2.5.1"), 100, 50)).isEqualTo(RandpermVariant.CLASSIC);
		int[] insideOut = Randperm.compute(new PermutationKey(100, 7, RandpermVariant.INSIDE_OUT));
		int[] classic = Randperm.compute(new PermutationKey(100, 7, RandpermVariant.CLASSIC));
		assertThat(insideOut).isNotEqualTo(classic);
		assertThat(insideOut).containsExactlyInAnyOrder(classic);
	}

	@ParameterizedTest
	@ValueSource(strings = { "1.4.0", "0.4.1", "1.13.7", "2.5.9", "2.12.2", "banana", "", "2", "1.13.1.1" })
	void unknownAndMalformedVersionsAreRejected(String text) {
		assertThatThrownBy(() -> TorchVersion.parse(text)).isInstanceOf(InvalidSamplerArgumentException.class)
			.extracting((ex) -> ((InvalidSamplerArgumentException) ex).parameter())
			.isEqualTo("torchVersion");
	}

	@ParameterizedTest
	@CsvSource({ "2.5.1+cu121, 2.5.1, false", "1.13.0a0, 1.13.0, false", "v2.4, 2.4.0, false", "2.13.0, 2.13.0, false",
			"2.14.0, 2.14.0, true", "3.0.0, 3.0.0, true", "2.11.0, 2.11.0, false" })
	void versionsParseWithSuffixesAndNewerOnesAreFlagged(String text, String parsed, boolean newer) {
		TorchVersion version = TorchVersion.parse(text);
		assertThat(version).hasToString(parsed);
		assertThat(version.isNewerThanKnown()).isEqualTo(newer);
	}

	@Test
	void argumentsOutOfRangeNameTheParameter() {
		assertParameter(() -> plan("2.5.1", -1, 2, 0, BigInteger.ZERO, true, false), "datasetSize");
		assertParameter(() -> plan("2.5.1", (1L << 40) + 1, 2, 0, BigInteger.ZERO, true, false), "datasetSize");
		assertParameter(() -> plan("2.5.1", 10, 0, 0, BigInteger.ZERO, true, false), "worldSize");
		assertParameter(
				() -> SamplerPlan
					.of(new SamplerParameters(10, 2, null, BigInteger.ZERO, true, false, TorchVersion.newest())),
				"epoch");
		assertParameter(() -> plan("2.5.1", 10, 2, 0, null, true, false), "seed");
		assertParameter(() -> plan("2.5.1", 10, 2, 0, BigInteger.ZERO, true, false).rank(2, (Permutation) null),
				"rank");
		assertParameter(() -> plan("2.5.1", 10, 2, 0, BigInteger.ZERO, false, false).rank(-1, (Permutation) null),
				"rank");
	}

	@Test
	void seedPlusEpochAboveTorchsRangeRaisesAsTorchDoes() {
		assertThat(plan("2.5.1", 10, 2, 0, TorchSeed.MAX, true, false).permutationKey()).isPresent();
		assertThatThrownBy(() -> plan("2.5.1", 10, 2, 1, TorchSeed.MAX, true, false))
			.isInstanceOf(TorchWouldRaiseException.class)
			.hasMessageContaining("RuntimeError: Overflow when unpacking long");
		assertThatThrownBy(() -> plan("2.13.0", 10, 2, -1, TorchSeed.MIN, true, false))
			.isInstanceOf(TorchWouldRaiseException.class)
			.hasMessageContaining("ValueError: Overflow when unpacking long long");
	}

	private static void assertParameter(Runnable call, String parameter) {
		assertThatThrownBy(call::run).isInstanceOf(InvalidSamplerArgumentException.class)
			.extracting((ex) -> ((InvalidSamplerArgumentException) ex).parameter())
			.isEqualTo(parameter);
	}

	static SamplerPlan plan(String version, long n, int w, long epoch, BigInteger seed, boolean shuffle,
			boolean dropLast) {
		return SamplerPlan.of(new SamplerParameters(n, w, epoch, seed, shuffle, dropLast, TorchVersion.parse(version)));
	}

	static long[] order(String version, long n, int w, int rank, long epoch, BigInteger seed, boolean shuffle,
			boolean dropLast) {
		SamplerPlan plan = plan(version, n, w, epoch, seed, shuffle, dropLast);
		RankOrder order = plan.rank(rank, plan.permutationKey().map(Randperm::compute).orElse(null));
		long[] indices = new long[(int) order.length()];
		for (int k = 0; k < indices.length; k++) {
			indices[k] = order.get(k);
		}
		return indices;
	}

}
