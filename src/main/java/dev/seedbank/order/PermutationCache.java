package dev.seedbank.order;

import java.util.concurrent.CompletionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;

import com.github.benmanes.caffeine.cache.AsyncLoadingCache;
import com.github.benmanes.caffeine.cache.Caffeine;
import dev.seedbank.sampling.PermutationKey;
import dev.seedbank.sampling.Randperm;
import dev.seedbank.web.ApiException;
import dev.seedbank.web.ProblemType;
import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.Gauge;
import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.Timer;
import jakarta.annotation.PreDestroy;

import org.springframework.stereotype.Component;

/**
 * Epoch permutations, each computed once and shared by every rank and format. Concurrent
 * requests for the same permutation wait for the one computation in flight (Caffeine's
 * async loading cache), so a cluster asking for a new epoch at once costs one randperm.
 * <p>
 * Memory: the cache is bounded by bytes; a permutation larger than the whole budget is
 * refused before any allocation, and at most {@code computeThreads} permutations are
 * being built at any time, so the heap needed is bounded by (1 + computeThreads) budgets.
 */
@Component
public class PermutationCache {

	/**
	 * Caffeine weights are ints; weighing in KiB keeps a 2^31-sample permutation in
	 * range.
	 */
	private static final int WEIGHT_UNIT = 1024;

	/**
	 * Object header and length field of an int[], so empty arrays still weigh something.
	 */
	private static final long ARRAY_OVERHEAD = 16;

	private final AsyncLoadingCache<PermutationKey, int[]> permutations;

	private final ExecutorService computeExecutor;

	private final long budgetBytes;

	private final Counter computed;

	private final Counter hits;

	private final Counter misses;

	private final Timer computeTime;

	PermutationCache(OrderSettings settings, MeterRegistry registry) {
		this.budgetBytes = settings.effectiveCacheMaxBytes();
		this.computeExecutor = Executors.newFixedThreadPool(settings.computeThreads(), (runnable) -> {
			Thread thread = new Thread(runnable, "seedbank-randperm");
			thread.setDaemon(true);
			return thread;
		});
		this.permutations = Caffeine.newBuilder()
			.maximumWeight(Math.max(1, this.budgetBytes / WEIGHT_UNIT))
			.weigher((PermutationKey key, int[] value) -> weight(value.length))
			.executor(this.computeExecutor)
			.buildAsync(this::compute);
		this.computed = Counter.builder("seedbank.permutations.computed")
			.description("Epoch permutations computed")
			.register(registry);
		this.hits = Counter.builder("seedbank.permutations.cache")
			.tag("result", "hit")
			.description("Permutation cache lookups")
			.register(registry);
		this.misses = Counter.builder("seedbank.permutations.cache")
			.tag("result", "miss")
			.description("Permutation cache lookups")
			.register(registry);
		this.computeTime = Timer.builder("seedbank.permutations.compute")
			.description("Time to compute one epoch permutation")
			.register(registry);
		Gauge.builder("seedbank.permutations.cache.bytes", this, PermutationCache::weightedBytes)
			.description("Bytes of permutations held")
			.register(registry);
		Gauge.builder("seedbank.permutations.cache.budget.bytes", this, (cache) -> cache.budgetBytes)
			.description("Configured permutation budget")
			.register(registry);
	}

	/**
	 * The permutation for a key, computing it once however many callers ask at the same
	 * time.
	 * @param key what to permute
	 * @return the permutation; callers must not modify it
	 * @throws ApiException 413 when it cannot fit the configured budget
	 */
	public int[] get(PermutationKey key) {
		checkFits(key);
		if (this.permutations.getIfPresent(key) != null) {
			this.hits.increment();
		}
		else {
			this.misses.increment();
		}
		try {
			return this.permutations.get(key).join();
		}
		catch (CompletionException ex) {
			if (ex.getCause() instanceof RuntimeException runtime) {
				throw runtime;
			}
			throw ex;
		}
	}

	/**
	 * Starts computing a permutation in the background if it is neither cached nor too
	 * large.
	 * @param key what to permute
	 */
	public void prefetch(PermutationKey key) {
		if (bytes(key.n()) <= this.budgetBytes && this.permutations.getIfPresent(key) == null) {
			this.permutations.get(key);
		}
	}

	/**
	 * @return whether the permutation is cached or being computed
	 */
	public boolean contains(PermutationKey key) {
		return this.permutations.getIfPresent(key) != null;
	}

	private int[] compute(PermutationKey key) {
		try {
			int[] permutation = this.computeTime.record(() -> Randperm.compute(key));
			this.computed.increment();
			return permutation;
		}
		catch (OutOfMemoryError ex) {
			// One large array failed to allocate: the heap is smaller than the budget
			// assumes.
			throw tooLarge(key, "the heap could not hold it; lower seedbank.order.cache-max-bytes or raise -Xmx");
		}
	}

	private void checkFits(PermutationKey key) {
		if (bytes(key.n()) > this.budgetBytes) {
			throw tooLarge(key, "the permutation budget is " + mib(this.budgetBytes)
					+ " MiB; raise it with seedbank.order.cache-max-bytes (SEEDBANK_ORDER_CACHEMAXBYTES) and the heap");
		}
	}

	private static ApiException tooLarge(PermutationKey key, String why) {
		return new ApiException(ProblemType.PAYLOAD_TOO_LARGE,
				"A permutation of " + key.n() + " samples needs " + mib(bytes(key.n())) + " MiB of memory, but " + why);
	}

	private long weightedBytes() {
		return this.permutations.synchronous()
			.policy()
			.eviction()
			.map((eviction) -> eviction.weightedSize().orElse(0))
			.orElse(0L) * WEIGHT_UNIT;
	}

	private static long bytes(long n) {
		return n * Integer.BYTES + ARRAY_OVERHEAD;
	}

	private static int weight(int length) {
		return (int) Math.min(Integer.MAX_VALUE, (bytes(length) + WEIGHT_UNIT - 1) / WEIGHT_UNIT);
	}

	private static long mib(long bytes) {
		return (bytes + (1 << 20) - 1) >> 20;
	}

	@PreDestroy
	void shutdown() throws InterruptedException {
		this.computeExecutor.shutdownNow();
		this.computeExecutor.awaitTermination(5, TimeUnit.SECONDS);
	}

}
