package dev.seedbank.order;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.Function;

import dev.seedbank.sampling.Permutation;
import dev.seedbank.sampling.PermutationKey;
import dev.seedbank.sampling.Randperm;
import dev.seedbank.sampling.RandpermVariant;
import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatExceptionOfType;

/**
 * Issue 16, item 3: a permutation that fits the budget but not the room left waits for
 * room (bounded), then is a 503 with Retry-After; 413 is only for one larger than the
 * whole budget. Computations are held on latches so each state is reached for certain;
 * nothing here measures time.
 */
@Timeout(value = 5, unit = TimeUnit.MINUTES)
class PermutationBudgetTests {

	private static final long N = 10_000;

	/** Room for two permutations of N samples, not three. */
	private static final long BUDGET = 2 * Permutation.bytesFor(N) + 100;

	private final ExecutorService clients = Executors.newCachedThreadPool();

	private PermutationCache cache;

	@AfterEach
	void stop() throws InterruptedException {
		this.clients.shutdownNow();
		if (this.cache != null) {
			this.cache.shutdown();
		}
	}

	private PermutationCache cache(Duration wait, Function<PermutationKey, Permutation> computer) {
		this.cache = new PermutationCache(new OrderSettings(BUDGET, 4, true, 1000, wait), new SimpleMeterRegistry(),
				computer);
		return this.cache;
	}

	private static PermutationKey key(long seed) {
		return new PermutationKey(N, seed, RandpermVariant.CLASSIC);
	}

	/** Computes the real permutation once the gate opens for its seed. */
	private static Function<PermutationKey, Permutation> gated(CountDownLatch gate, long gatedSeed) {
		return (key) -> {
			if (key.generatorSeed() == gatedSeed || gatedSeed < 0) {
				try {
					gate.await();
				}
				catch (InterruptedException ex) {
					Thread.currentThread().interrupt();
				}
			}
			return Randperm.permutation(key);
		};
	}

	private void awaitWaiting(PermutationCache cache, int count) throws InterruptedException {
		while (cache.waitingRequests() < count) {
			Thread.sleep(5);
		}
	}

	@Test
	void aPermutationThatFitsWaitsForRoomHeldByComputationsInFlightThenIsServed() throws Exception {
		CountDownLatch gate = new CountDownLatch(1);
		PermutationCache cache = cache(Duration.ofMinutes(5), gated(gate, -1));
		Future<Long> first = this.clients.submit(() -> cache.get(key(1)).length());
		Future<Long> second = this.clients.submit(() -> cache.get(key(2)).length());
		while (!cache.contains(key(1)) || !cache.contains(key(2))) {
			Thread.sleep(5);
		}
		Future<Long> third = this.clients.submit(() -> cache.get(key(3)).get(0));
		awaitWaiting(cache, 1);
		assertThat(third).isNotDone();
		assertThat(cache.contains(key(3))).isFalse();
		gate.countDown();
		assertThat(third.get(5, TimeUnit.MINUTES)).isEqualTo(Randperm.compute(key(3))[0]);
		assertThat(first.get(5, TimeUnit.MINUTES)).isEqualTo(N);
		assertThat(second.get(5, TimeUnit.MINUTES)).isEqualTo(N);
		assertThat(cache.maxReservedBytes()).isLessThanOrEqualTo(BUDGET);
	}

	@Test
	void whenNoRoomComesFreeWithinTheWaitItIsA503WithRetryAfter() throws Exception {
		CountDownLatch gate = new CountDownLatch(1);
		PermutationCache cache = cache(Duration.ofMillis(50), gated(gate, -1));
		this.clients.submit(() -> cache.get(key(1)).length());
		this.clients.submit(() -> cache.get(key(2)).length());
		while (!cache.contains(key(1)) || !cache.contains(key(2))) {
			Thread.sleep(5);
		}
		assertThatExceptionOfType(PermutationBudgetBusyException.class).isThrownBy(() -> cache.get(key(3)))
			.satisfies((ex) -> {
				assertThat(ex.retryAfterSeconds()).isPositive();
				assertThat(ex.getMessage()).contains("retry after").contains("MiB");
			});
		assertThat(cache.contains(key(3))).isFalse();
		gate.countDown();
		// Once the computations finish, the same request evicts the coldest and is
		// served.
		assertThat(awaitServed(cache, key(3))).isEqualTo(N);
	}

	/** The permutation's length, retrying 503s; keeps no reference to it. */
	private static long awaitServed(PermutationCache cache, PermutationKey key) throws InterruptedException {
		while (true) {
			try {
				return cache.get(key).length();
			}
			catch (PermutationBudgetBusyException ex) {
				Thread.sleep(5);
			}
		}
	}

	@Test
	void onlyAPermutationLargerThanTheWholeBudgetIsA413EvenWhileTheRoomIsHeld() throws Exception {
		CountDownLatch gate = new CountDownLatch(1);
		PermutationCache cache = cache(Duration.ofMinutes(5), gated(gate, -1));
		this.clients.submit(() -> cache.get(key(1)).length());
		while (!cache.contains(key(1))) {
			Thread.sleep(5);
		}
		long tooLarge = 3 * N;
		assertThatExceptionOfType(PermutationTooLargeException.class)
			.isThrownBy(() -> cache.get(new PermutationKey(tooLarge, 1, RandpermVariant.CLASSIC)))
			.satisfies((ex) -> assertThat(ex.getMessage()).contains("seedbank.order.cache-max-bytes"));
		assertThat(cache.waitingRequests()).isZero();
		gate.countDown();
	}

	@Test
	void concurrentRequestsOverMorePermutationsThanFitAllSucceedWithinTheBudget() throws Exception {
		AtomicInteger computations = new AtomicInteger();
		PermutationCache cache = cache(Duration.ofMinutes(5), (key) -> {
			computations.incrementAndGet();
			return Randperm.permutation(key);
		});
		List<Future<Long>> answers = new ArrayList<>();
		for (int request = 0; request < 64; request++) {
			long seed = request % 8;
			answers.add(this.clients.submit(() -> cache.get(key(seed)).get(N - 1)));
		}
		for (int request = 0; request < 64; request++) {
			long seed = request % 8;
			assertThat(answers.get(request).get(5, TimeUnit.MINUTES))
				.isEqualTo(Randperm.compute(key(seed))[(int) N - 1]);
		}
		assertThat(cache.maxReservedBytes()).isLessThanOrEqualTo(BUDGET);
		assertThat(computations.get()).isGreaterThanOrEqualTo(8);
	}

	@Test
	void concurrentRequestsForOnePermutationComputeItOnce() throws Exception {
		CountDownLatch gate = new CountDownLatch(1);
		AtomicInteger computations = new AtomicInteger();
		PermutationCache cache = cache(Duration.ofMinutes(5), (key) -> {
			computations.incrementAndGet();
			return gated(gate, -1).apply(key);
		});
		List<Future<Permutation>> answers = new ArrayList<>();
		for (int request = 0; request < 32; request++) {
			answers.add(this.clients.submit(() -> cache.get(key(9))));
		}
		while (!cache.contains(key(9))) {
			Thread.sleep(5);
		}
		gate.countDown();
		Permutation first = answers.get(0).get(5, TimeUnit.MINUTES);
		for (Future<Permutation> answer : answers) {
			assertThat(answer.get(5, TimeUnit.MINUTES)).isSameAs(first);
		}
		assertThat(computations.get()).isEqualTo(1);
	}

	@Test
	void aPrefetchNeverWaitsAndNeverEvictsThePermutationInUse() throws Exception {
		PermutationCache cache = cache(Duration.ofMinutes(5), Randperm::permutation);
		cache.get(key(1)).length();
		cache.get(key(2)).length();
		cache.prefetch(key(3), key(2));
		while (cache.contains(key(1))) {
			Thread.sleep(5);
		}
		assertThat(cache.contains(key(2))).isTrue();
		assertThat(awaitServed(cache, key(3))).isEqualTo(N);
		assertThat(cache.maxReservedBytes()).isLessThanOrEqualTo(BUDGET);
	}

	@Test
	void anEvictedPermutationStillInUseKeepsItsRoomUntilItIsReleased() throws Exception {
		PermutationCache cache = cache(Duration.ofMillis(50), Randperm::permutation);
		Permutation held = cache.get(key(1));
		cache.get(key(2)).length();
		// key(3) evicts key(1), whose array this test still holds: no room until
		// released.
		assertThatExceptionOfType(PermutationBudgetBusyException.class).isThrownBy(() -> cache.get(key(3)));
		assertThat(cache.contains(key(1))).isFalse();
		assertThat(held.get(N - 1)).isEqualTo(Randperm.compute(key(1))[(int) N - 1]);
		held = null;
		assertThat(awaitServed(cache, key(3))).isEqualTo(N);
		assertThat(cache.maxReservedBytes()).isLessThanOrEqualTo(BUDGET);
	}

}
