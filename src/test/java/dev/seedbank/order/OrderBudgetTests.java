package dev.seedbank.order;

import java.math.BigInteger;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;

import dev.seedbank.sampling.DistributedSpec;
import dev.seedbank.sampling.HfDatasetsSpec;
import dev.seedbank.sampling.Permutation;
import dev.seedbank.sampling.RandomSamplerOrder;
import dev.seedbank.sampling.RandomSamplerParameters;
import dev.seedbank.sampling.RandomSpec;
import dev.seedbank.sampling.Randperm;
import dev.seedbank.sampling.SamplerSpec;
import dev.seedbank.sampling.TorchVersion;
import dev.seedbank.sampling.hf.DatasetsVersion;
import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatExceptionOfType;

/**
 * The orders of the kinds without a shared permutation (here RandomSampler's and
 * datasets') are held under the permutation budget by the same rules as
 * {@link PermutationBudgetTests}: larger than the whole budget is a 413 naming the
 * setting, fitting it while the room is held by computations in flight waits, then is a
 * 503 with Retry-After, and the reservations never pass the budget. Permutations are held
 * on a latch so each state is reached for certain; nothing here measures time.
 */
@Timeout(value = 5, unit = TimeUnit.MINUTES)
class OrderBudgetTests {

	private static final long N = 10_000;

	private static final TorchVersion TORCH = TorchVersion.parse("2.13.0");

	/**
	 * Room for two permutations of N samples (or one and a random order of N), not three.
	 */
	private static final long BUDGET = 2 * Permutation.bytesFor(N) + 100;

	private static final SamplerSpec RANDOM = new RandomSpec(N, null, false, true);

	private final ExecutorService clients = Executors.newCachedThreadPool();

	private PermutationCache cache;

	@AfterEach
	void stop() throws InterruptedException {
		this.clients.shutdownNow();
		if (this.cache != null) {
			this.cache.shutdown();
		}
	}

	/** The order service over a cache whose permutations wait for the gate. */
	private IndexOrderService service(Duration wait, CountDownLatch gate) {
		this.cache = new PermutationCache(new OrderSettings(BUDGET, 4, false, 1000, wait), new SimpleMeterRegistry(),
				(key) -> {
					try {
						gate.await();
					}
					catch (InterruptedException ex) {
						Thread.currentThread().interrupt();
					}
					return Randperm.permutation(key);
				});
		return new IndexOrderService(this.cache, null, new OrderSettings(BUDGET, 4, false, 1000, wait),
				new SimpleMeterRegistry());
	}

	/** Two distributed epochs computing (held at the gate) fill the budget. */
	private void holdTheRoom(IndexOrderService service) throws InterruptedException {
		DistributedSpec distributed = new DistributedSpec(N, 1, true, false);
		for (long epoch = 0; epoch < 2; epoch++) {
			long e = epoch;
			this.clients.submit(() -> service.slice(distributed, BigInteger.ONE, e, 0, TORCH).order().length());
		}
		while (this.cache.maxReservedBytes() < 2 * Permutation.bytesFor(N)) {
			Thread.sleep(5);
		}
	}

	private static long expectedLast(long seed) {
		RandomSamplerOrder order = RandomSamplerOrder
			.of(new RandomSamplerParameters(N, BigInteger.valueOf(seed), 0, null, false, true, TORCH));
		return order.get(N - 1);
	}

	@Test
	void aRandomOrderThatFitsWaitsForRoomHeldByPermutationsInFlightThenIsServed() throws Exception {
		CountDownLatch gate = new CountDownLatch(1);
		IndexOrderService service = service(Duration.ofMinutes(5), gate);
		holdTheRoom(service);
		Future<Long> random = this.clients
			.submit(() -> service.slice(RANDOM, BigInteger.valueOf(7), 0, 0, TORCH).order().get(N - 1));
		while (this.cache.waitingRequests() < 1) {
			Thread.sleep(5);
		}
		assertThat(random).isNotDone();
		gate.countDown();
		assertThat(random.get(5, TimeUnit.MINUTES)).isEqualTo(expectedLast(7));
		assertThat(this.cache.maxReservedBytes()).isLessThanOrEqualTo(BUDGET);
	}

	@Test
	void whenNoRoomComesFreeWithinTheWaitARandomOrderIsA503WithRetryAfter() throws Exception {
		CountDownLatch gate = new CountDownLatch(1);
		IndexOrderService service = service(Duration.ofMillis(50), gate);
		holdTheRoom(service);
		assertThatExceptionOfType(PermutationBudgetBusyException.class)
			.isThrownBy(() -> service.slice(RANDOM, BigInteger.valueOf(7), 0, 0, TORCH))
			.satisfies((ex) -> {
				assertThat(ex.retryAfterSeconds()).isPositive();
				assertThat(ex.getMessage()).contains("A random order over 10000 samples")
					.contains("retry after")
					.contains("MiB");
			});
		gate.countDown();
		while (true) {
			try {
				assertThat(service.slice(RANDOM, BigInteger.valueOf(7), 0, 0, TORCH).order().get(N - 1))
					.isEqualTo(expectedLast(7));
				break;
			}
			catch (PermutationBudgetBusyException ex) {
				Thread.sleep(5);
			}
		}
		assertThat(this.cache.maxReservedBytes()).isLessThanOrEqualTo(BUDGET);
	}

	@Test
	void onlyAnOrderLargerThanTheWholeBudgetIsA413NamingTheSetting() throws Exception {
		CountDownLatch gate = new CountDownLatch(1);
		IndexOrderService service = service(Duration.ofMinutes(5), gate);
		holdTheRoom(service);
		for (SamplerSpec tooLarge : List.of(new RandomSpec(N, 3 * N, false, false),
				new RandomSpec(10, 3 * N, true, false), new HfDatasetsSpec(3 * N, 4, true, DatasetsVersion.DEFAULT))) {
			assertThatExceptionOfType(PermutationTooLargeException.class)
				.isThrownBy(() -> service.slice(tooLarge, BigInteger.ONE, 0, 0, TORCH))
				.satisfies((ex) -> assertThat(ex.getMessage()).contains("order over")
					.contains("seedbank.order.cache-max-bytes"));
		}
		assertThat(this.cache.waitingRequests()).isZero();
		gate.countDown();
	}

	@Test
	void cachedOrdersAreComputedOnceAndEvictedLikePermutations() throws Exception {
		CountDownLatch open = new CountDownLatch(0);
		IndexOrderService service = service(Duration.ofMinutes(5), open);
		List<Future<Long>> answers = new ArrayList<>();
		for (int request = 0; request < 48; request++) {
			long seed = request % 6;
			answers.add(this.clients
				.submit(() -> service.slice(RANDOM, BigInteger.valueOf(seed), 0, 0, TORCH).order().get(N - 1)));
		}
		for (int request = 0; request < 48; request++) {
			assertThat(answers.get(request).get(5, TimeUnit.MINUTES)).isEqualTo(expectedLast(request % 6));
		}
		assertThat(this.cache.maxReservedBytes()).isLessThanOrEqualTo(BUDGET);
		RankSlice first = service.slice(RANDOM, BigInteger.TEN, 0, 0, TORCH);
		assertThat(service.slice(RANDOM, BigInteger.TEN, 0, 0, TORCH).order()).isSameAs(first.order());
	}

}
