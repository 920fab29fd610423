package dev.seedbank.sampling;

import java.math.BigInteger;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.List;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatExceptionOfType;

/** The bulk writer and the chunked digest agree with element-by-element reads. */
class RankOrderTests {

	private final SamplerPlan plan = SamplerPlan
		.of(new SamplerParameters(20_011, 7, 3, BigInteger.valueOf(-5), true, false, TorchVersion.parse("2.4.1")));

	private final int[] permutation = Randperm.compute(this.plan.permutationKey().orElseThrow());

	@Test
	void bulkWriterAgreesWithGetAcrossChunkAndPaddingBoundaries() {
		RankOrder order = this.plan.rank(6, this.permutation);
		assertThat(order.length()).isEqualTo(2859);
		ByteBuffer buffer = ByteBuffer.allocate(8 * 2359);
		order.write(500, 2859, buffer);
		buffer.flip().order(ByteOrder.LITTLE_ENDIAN);
		for (int position = 500; position < 2859; position++) {
			assertThat(buffer.getLong()).as("position %d", position).isEqualTo(order.get(position));
		}
	}

	@Test
	void digestMatchesAPlainPerElementDigest() throws NoSuchAlgorithmException {
		RankOrder order = this.plan.rank(2, this.permutation);
		ByteBuffer bytes = ByteBuffer.allocate((int) (8 * order.length())).order(ByteOrder.LITTLE_ENDIAN);
		for (long position = 0; position < order.length(); position++) {
			bytes.putLong(order.get(position));
		}
		String expected = HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(bytes.array()));
		assertThat(order.sha256()).isEqualTo(expected);
	}

	@Test
	void aGroupDigestIsEachRanksOwnDigest() {
		// 20,011 samples over 7 ranks: the last ranks' lists wrap around to pad; rank 6
		// is
		// the one whose positions cross the end of the permutation.
		List<RankOrder> orders = new ArrayList<>();
		for (int rank = 0; rank < 7; rank++) {
			orders.add(this.plan.rank(rank, this.permutation));
		}
		String[] digests = RankOrder.sha256(orders);
		assertThat(digests).hasSize(7).doesNotHaveDuplicates();
		for (int rank = 0; rank < 7; rank++) {
			assertThat(digests[rank]).as("rank %d", rank).isEqualTo(orders.get(rank).sha256());
		}
	}

	@Test
	void aGroupDigestWithoutShuffleAndAcrossChunksIsEachRanksOwnDigest() {
		SamplerPlan identity = SamplerPlan
			.of(new SamplerParameters(50_003, 16, 0, BigInteger.ONE, false, false, TorchVersion.newest()));
		List<RankOrder> orders = List.of(identity.rank(0, (Permutation) null), identity.rank(15, (Permutation) null));
		String[] digests = RankOrder.sha256(orders);
		assertThat(digests[0]).isEqualTo(orders.get(0).sha256());
		assertThat(digests[1]).isEqualTo(orders.get(1).sha256());
	}

	@Test
	void aPermutationOfAnotherPlanIsRefused() {
		assertThatExceptionOfType(IllegalArgumentException.class).isThrownBy(() -> this.plan.rank(4, new int[3]));
		assertThatExceptionOfType(IllegalArgumentException.class)
			.isThrownBy(() -> this.plan.rank(4, (Permutation) null));
	}

	@Test
	void wrapsAroundWhenTheWorldIsLargerThanTheDataset() {
		SamplerPlan small = SamplerPlan
			.of(new SamplerParameters(3, 1000, 0, BigInteger.ZERO, false, false, TorchVersion.newest()));
		assertThat(small.rank(998, (Permutation) null).length()).isEqualTo(1);
		assertThat(small.rank(998, (Permutation) null).get(0)).isEqualTo(998 % 3);
	}

}
