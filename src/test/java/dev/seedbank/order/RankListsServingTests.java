package dev.seedbank.order;

import java.math.BigInteger;
import java.nio.ByteBuffer;
import java.time.Duration;

import dev.seedbank.sampling.IndexOrder;
import dev.seedbank.sampling.Permutation;
import dev.seedbank.sampling.RankLists;
import dev.seedbank.sampling.RankOrder;
import dev.seedbank.sampling.Randperm;
import dev.seedbank.sampling.SamplerParameters;
import dev.seedbank.sampling.SamplerPlan;
import dev.seedbank.sampling.TorchVersion;
import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * When a world's lists are copied rank-major ({@link RankLists}): not for one group of
 * ranks, once a second group asks, and only when the budget has room beside the
 * permutation. Every answer, copied or strided, is the strided walk's list and digest.
 */
class RankListsServingTests {

	private static final int N = 100_003;

	private static final int W = 64;

	private static final TorchVersion TORCH = TorchVersion.parse("2.13.0");

	private static final SamplerParameters EPOCH = new SamplerParameters(N, W, 3, BigInteger.valueOf(5), true, false,
			TORCH);

	private final SimpleMeterRegistry registry = new SimpleMeterRegistry();

	private PermutationCache cache;

	@AfterEach
	void stop() throws InterruptedException {
		this.cache.shutdown();
	}

	private IndexOrderService service(long budget) {
		OrderSettings settings = new OrderSettings(budget, 2, false, 1000, Duration.ofSeconds(5));
		this.cache = new PermutationCache(settings, this.registry);
		return new IndexOrderService(this.cache, null, settings, this.registry);
	}

	private double copies() {
		return this.registry.get("seedbank.permutations.rank-lists").counter().count();
	}

	@Test
	void aWorldIsCopiedOnceASecondGroupOfRanksAsks() {
		IndexOrderService service = service(0);
		assertServed(service, 0);
		assertServed(service, 5);
		assertThat(copies()).as("one group of 16 ranks").isZero();
		assertServed(service, 16);
		assertThat(copies()).isEqualTo(1);
		for (int rank : new int[] { 0, 5, 17, 63 }) {
			assertServed(service, rank);
		}
		assertThat(copies()).as("the copy is kept").isEqualTo(1);
	}

	@Test
	void withoutRoomBesideThePermutationRanksAreServedFromThePermutation() {
		IndexOrderService service = service(Permutation.bytesFor(N) + RankLists.bytesFor(SamplerPlan.of(EPOCH)) / 2);
		for (int rank = 0; rank < W; rank += 7) {
			assertServed(service, rank);
		}
		assertThat(copies()).isZero();
	}

	/**
	 * A job start right after another epoch: the copy's room is the older permutation's,
	 * evicted but not yet collected. The copy waits for that collection rather than
	 * leaving the whole start on strided reads.
	 */
	@Test
	void aCopyTakesTheRoomOfAnEvictedPermutationOnceItIsCollected() {
		long permutation = Permutation.bytesFor(N);
		IndexOrderService service = service(2 * permutation + RankLists.bytesFor(SamplerPlan.of(EPOCH)) / 2);
		SamplerParameters earlier = new SamplerParameters(N, W, 2, BigInteger.valueOf(5), true, false, TORCH);
		service.slice(earlier, 0);
		assertServed(service, 0);
		assertServed(service, 16);
		assertThat(copies()).isEqualTo(1);
		assertThat(this.cache.contains(SamplerPlan.of(earlier).permutationKey().orElseThrow())).isFalse();
	}

	@Test
	void smallWorldsAreNeverCopied() {
		IndexOrderService service = service(0);
		SamplerParameters small = new SamplerParameters(N, 31, 3, BigInteger.valueOf(5), true, false, TORCH);
		for (int rank = 0; rank < 31; rank++) {
			service.slice(small, rank);
		}
		assertThat(copies()).isZero();
	}

	/** The service's answer for a rank is the strided walk's list, byte for byte. */
	private static void assertServed(IndexOrderService service, int rank) {
		SamplerPlan plan = SamplerPlan.of(EPOCH);
		RankOrder strided = plan.rank(rank, Randperm.permutation(plan.permutationKey().orElseThrow()));
		RankSlice slice = service.slice(EPOCH, rank);
		IndexOrder served = slice.order();
		ByteBuffer expected = ByteBuffer.allocate((int) (8 * strided.length()));
		ByteBuffer actual = ByteBuffer.allocate((int) (8 * served.length()));
		strided.write(0, strided.length(), expected);
		served.write(0, served.length(), actual);
		assertThat(actual.array()).as("rank %d", rank).isEqualTo(expected.array());
		assertThat(slice.sha256()).isEqualTo(strided.sha256());
	}

}
