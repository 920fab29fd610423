package dev.seedbank.sampling;

import java.math.BigInteger;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatExceptionOfType;
import static org.assertj.core.api.Assertions.assertThatIllegalArgumentException;

/**
 * The rank-major copy holds exactly the lists the strided walk reads ({@link RankOrder},
 * itself checked against torch), element by element, in bulk and by digest: across block
 * boundaries, the padding that wraps the permutation (several times when n &lt; W) and
 * the truncation of drop_last.
 */
class RankListsTests {

	@ParameterizedTest(name = "n={0} W={1} dropLast={2}")
	@CsvSource({ "100000, 1024, false", "100000, 1024, true", "1024, 32, false", "1000, 32, false", "1000, 32, true",
			"50, 64, false", "7, 96, false", "20011, 33, false", "20011, 33, true", "16385, 48, false" })
	void everyRanksListIsTheStridedWalksList(int n, int w, boolean dropLast) {
		SamplerPlan plan = plan(n, w, dropLast);
		Permutation permutation = Permutation.of(Randperm.compute(plan.permutationKey().orElseThrow()));
		RankLists lists = RankLists.of(plan, permutation);
		assertThat(lists.worldSize()).isEqualTo(w);
		for (int rank = 0; rank < w; rank++) {
			RankOrder strided = plan.rank(rank, permutation);
			IndexOrder copied = lists.rank(rank);
			assertThat(copied.length()).isEqualTo(strided.length());
			ByteBuffer expected = ByteBuffer.allocate((int) (8 * strided.length()));
			ByteBuffer actual = ByteBuffer.allocate((int) (8 * copied.length()));
			strided.write(0, strided.length(), expected);
			copied.write(0, copied.length(), actual);
			assertThat(actual.array()).as("rank %d", rank).isEqualTo(expected.array());
			for (long k = 0; k < copied.length(); k += Math.max(1, copied.length() / 17)) {
				assertThat(copied.get(k)).isEqualTo(strided.get(k));
			}
			assertThat(lists.sha256(rank)).isEqualTo(strided.sha256()).isEqualTo(copied.sha256());
		}
	}

	@Test
	void aPartialWriteIsThatRangeOfTheList() {
		SamplerPlan plan = plan(100_003, 64, false);
		Permutation permutation = Permutation.of(Randperm.compute(plan.permutationKey().orElseThrow()));
		IndexOrder copied = RankLists.of(plan, permutation).rank(63);
		RankOrder strided = plan.rank(63, permutation);
		ByteBuffer buffer = ByteBuffer.allocate(8 * 1000);
		copied.write(562, 1562, buffer);
		buffer.flip().order(ByteOrder.LITTLE_ENDIAN);
		for (long k = 562; k < 1562; k++) {
			assertThat(buffer.getLong()).as("position %d", k).isEqualTo(strided.get(k));
		}
		assertThatExceptionOfType(IndexOutOfBoundsException.class).isThrownBy(() -> copied.get(copied.length()));
		assertThatExceptionOfType(IndexOutOfBoundsException.class)
			.isThrownBy(() -> copied.write(1, copied.length() + 1, ByteBuffer.allocate(8 * 2000)));
	}

	@Test
	void onlyLargeShuffledWorldsAreCopied() {
		assertThat(RankLists.applies(plan(1000, 32, false))).isTrue();
		assertThat(RankLists.applies(plan(1000, 31, false))).isFalse();
		SamplerPlan unshuffled = SamplerPlan
			.of(new SamplerParameters(1000, 64, 0, BigInteger.ONE, false, false, TorchVersion.newest()));
		assertThat(RankLists.applies(unshuffled)).isFalse();
		assertThatIllegalArgumentException().isThrownBy(() -> RankLists.of(unshuffled, null));
		assertThat(RankLists.bytesFor(plan(100_000, 1024, false))).isGreaterThan(4L * 100_000);
	}

	private static SamplerPlan plan(int n, int w, boolean dropLast) {
		return SamplerPlan
			.of(new SamplerParameters(n, w, 2, BigInteger.valueOf(11), true, dropLast, TorchVersion.newest()));
	}

}
