package dev.seedbank.order;

import java.lang.ref.Cleaner;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionException;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicLong;
import java.util.function.Function;
import java.util.function.Supplier;

import dev.seedbank.sampling.Permutation;
import dev.seedbank.sampling.PermutationKey;
import dev.seedbank.sampling.Randperm;
import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.Gauge;
import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.Timer;
import jakarta.annotation.PreDestroy;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.stereotype.Component;

/**
 * Epoch permutations, each computed once and shared by every rank and format: concurrent
 * requests for one permutation wait for the one computation in flight (single flight), so
 * a cluster asking for a new epoch at once costs one randperm.
 * <p>
 * Memory: every permutation on the heap holds a reservation of its bytes, and
 * reservations never exceed the budget ({@code seedbank.order.cache-max-bytes}): cached
 * ones, ones being computed, and evicted ones that a response is still streaming (their
 * reservation ends when the garbage collector finds them unreachable, through a
 * {@link Cleaner}). A permutation larger than the whole budget is a 413 before any
 * allocation. One that fits the budget but not the room left first evicts the least
 * recently used finished permutations; when the rest is held by computations in flight or
 * responses in progress it waits for them, up to {@code seedbank.order.budget-wait}, then
 * is a 503 with {@code Retry-After}: transient pressure, never a client error (issue 16).
 * <p>
 * The orders of the kinds that do not read a shared permutation (RandomSampler's lists,
 * datasets' shuffles, Streaming's partitions) are held here too, by {@link #order}, under
 * the same budget and the same rules: one budget bounds everything seedbank keeps of an
 * order.
 */
@Component
public class PermutationCache {

	/** Ends the reservation of an evicted permutation once nothing references it. */
	private static final Cleaner CLEANER = Cleaner.create();

	/**
	 * While requests wait for room held by evicted permutations, a collection is asked
	 * for after each eviction, else at most once per this interval (a response may still
	 * be streaming the evicted permutation).
	 */
	private static final long GC_INTERVAL_NANOS = TimeUnit.SECONDS.toNanos(2);

	/**
	 * How long a copy waits for room that evicted entries free once collected: one
	 * collection of a few GB. It never waits for room that is in use.
	 */
	private static final long COPY_WAIT_NANOS = TimeUnit.SECONDS.toNanos(1);

	private final Object lock = new Object();

	/**
	 * Permutations by {@link PermutationKey}, orders by their callers' keys. Written
	 * under {@link #lock}; read without it on the hit path.
	 */
	private final Map<Object, Entry> entries = new ConcurrentHashMap<>();

	private final AtomicLong clock = new AtomicLong();

	private final Function<PermutationKey, Permutation> computer;

	private final ExecutorService computeExecutor;

	private final long budgetBytes;

	private final long budgetWaitNanos;

	/** Bytes of the permutations cached or being computed; guarded by {@link #lock}. */
	private long reserved;

	/** The most {@link #reserved} ever reached, for tests; guarded by {@link #lock}. */
	private long maxReserved;

	/**
	 * Bytes of evicted permutations not yet collected (part of {@link #reserved});
	 * guarded by {@link #lock}.
	 */
	private long evicted;

	private long lastGc = System.nanoTime();

	/** Whether a permutation was evicted since the last collection asked for. */
	private boolean evictedSinceGc;

	/** Requests waiting for room now; guarded by {@link #lock}. */
	private int waiting;

	private final Counter computed;

	private final Counter hits;

	private final Counter misses;

	private final Counter waits;

	private final Counter busy;

	private final Timer computeTime;

	@Autowired
	PermutationCache(OrderSettings settings, MeterRegistry registry) {
		this(settings, registry, Randperm::permutation);
	}

	PermutationCache(OrderSettings settings, MeterRegistry registry, Function<PermutationKey, Permutation> computer) {
		this.computer = computer;
		this.budgetBytes = settings.effectiveCacheMaxBytes();
		this.budgetWaitNanos = settings.budgetWait().toNanos();
		this.computeExecutor = Executors.newFixedThreadPool(settings.computeThreads(), (runnable) -> {
			Thread thread = new Thread(runnable, "seedbank-randperm");
			thread.setDaemon(true);
			return thread;
		});
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
		this.waits = Counter.builder("seedbank.permutations.budget.waits")
			.description("Requests that waited for room in the permutation budget")
			.register(registry);
		this.busy = Counter.builder("seedbank.permutations.budget.busy")
			.description("Requests answered 503 after waiting for room in the permutation budget")
			.register(registry);
		this.computeTime = Timer.builder("seedbank.permutations.compute")
			.description("Time to compute one epoch permutation")
			.register(registry);
		Gauge.builder("seedbank.permutations.cache.bytes", this, PermutationCache::reservedBytes)
			.description("Bytes of permutations held or being computed")
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
	 * @throws PermutationTooLargeException when it is larger than the whole budget
	 * @throws PermutationBudgetBusyException when it fits the budget but no room came
	 * free in time
	 */
	public Permutation get(PermutationKey key) {
		return (Permutation) hold(key, Permutation.bytesFor(key.n()), "A permutation of " + key.n() + " samples",
				() -> this.computer.apply(key));
	}

	/**
	 * An order that reads no shared permutation, computed once and kept under the
	 * permutation budget like a permutation.
	 * @param <T> the order's type
	 * @param key everything the order depends on (equal keys, equal orders)
	 * @param bytes the heap the order takes, at its computation's peak, known before it
	 * runs
	 * @param what names it in a problem, e.g. "A random order of 5 samples"
	 * @param computation computes it
	 * @return the order; callers must not modify it
	 * @throws PermutationTooLargeException when it is larger than the whole budget
	 * @throws PermutationBudgetBusyException when it fits the budget but no room came
	 * free in time
	 */
	@SuppressWarnings("unchecked")
	public <T> T order(Object key, long bytes, String what, Supplier<T> computation) {
		if (key instanceof PermutationKey) {
			throw new IllegalArgumentException("permutations are asked for with get");
		}
		return (T) hold(key, bytes, what, computation);
	}

	/**
	 * Like {@link #order}, for a copy that only saves time: it is never a 413 or 503 and
	 * never waits for room in use. It may evict finished entries other than {@code keep},
	 * and then waits for their collection, at most {@link #COPY_WAIT_NANOS}: without that
	 * wait a copy that needs an evicted permutation's room would never find it free.
	 * @param <T> the copy's type
	 * @param key everything the copy depends on
	 * @param bytes the heap it takes
	 * @param keep the permutation it is copied from, which must not make room, or
	 * {@code null}
	 * @param computation makes it
	 * @return the copy, or {@code null} when it is not kept and there is no room for it
	 * now or the heap could not hold it
	 */
	@SuppressWarnings("unchecked")
	public <T> T orderIfRoom(Object key, long bytes, PermutationKey keep, Supplier<T> computation) {
		if (key instanceof PermutationKey) {
			throw new IllegalArgumentException("permutations are asked for with get");
		}
		if (bytes > this.budgetBytes) {
			return null;
		}
		Entry entry = this.entries.get(key);
		if (entry == null) {
			entry = reserve(key, bytes, "A copy of " + bytes + " bytes", computation, COPY_WAIT_NANOS, keep, true);
			if (entry == null) {
				return null;
			}
		}
		entry.lastUse = this.clock.incrementAndGet();
		try {
			return (T) entry.future.join();
		}
		catch (CompletionException ex) {
			if (ex.getCause() instanceof PermutationBudgetBusyException) {
				return null;
			}
			if (ex.getCause() instanceof RuntimeException runtime) {
				throw runtime;
			}
			throw ex;
		}
	}

	private Object hold(Object key, long bytes, String what, Supplier<?> computation) {
		if (bytes > this.budgetBytes) {
			throw new PermutationTooLargeException(what, bytes, this.budgetBytes);
		}
		Entry entry = this.entries.get(key);
		if (entry != null) {
			this.hits.increment();
		}
		else {
			this.misses.increment();
			entry = reserve(key, bytes, what, computation, this.budgetWaitNanos, null, false);
			if (entry == null) {
				this.busy.increment();
				throw new PermutationBudgetBusyException(what, bytes, this.budgetBytes, retryAfterSeconds());
			}
		}
		entry.lastUse = this.clock.incrementAndGet();
		try {
			return entry.future.join();
		}
		catch (CompletionException ex) {
			if (ex.getCause() instanceof RuntimeException runtime) {
				throw runtime;
			}
			throw ex;
		}
	}

	/**
	 * Starts computing a permutation in the background if it is not cached and there is
	 * room without waiting, evicting finished permutations other than {@code keep}.
	 * @param key what to permute
	 * @param keep a permutation in use that must not make room, or {@code null}
	 */
	public void prefetch(PermutationKey key, PermutationKey keep) {
		long bytes = Permutation.bytesFor(key.n());
		if (bytes <= this.budgetBytes && !this.entries.containsKey(key)) {
			reserve(key, bytes, "A permutation of " + key.n() + " samples", () -> this.computer.apply(key), 0, keep,
					false);
		}
	}

	/**
	 * @return whether the permutation is cached or being computed
	 */
	public boolean contains(Object key) {
		return this.entries.containsKey(key);
	}

	/**
	 * The entry for a key: one in flight or cached, else a new one with its bytes
	 * reserved and its computation submitted; {@code null} when no room came free within
	 * the wait.
	 */
	private Entry reserve(Object key, long bytes, String what, Supplier<?> computation, long waitNanos,
			PermutationKey keep, boolean onlyFreedRoom) {
		synchronized (this.lock) {
			long deadline = System.nanoTime() + waitNanos;
			boolean counted = false;
			while (true) {
				Entry existing = this.entries.get(key);
				if (existing != null) {
					return existing;
				}
				if (this.reserved + bytes <= this.budgetBytes) {
					break;
				}
				// Room that evicted permutations free once collected is counted as
				// coming:
				// evict more only when that is not enough.
				if (this.reserved - this.evicted + bytes > this.budgetBytes && evictColdest(keep)) {
					continue;
				}
				long remaining = deadline - System.nanoTime();
				if (remaining <= 0 || (onlyFreedRoom && this.reserved - this.evicted + bytes > this.budgetBytes)) {
					return null;
				}
				requestCollection();
				if (!counted) {
					this.waits.increment();
					counted = true;
				}
				this.waiting++;
				try {
					// Evicted permutations free their room without a notification when
					// the collector finds them: look again after at most an interval.
					long slice = (this.evicted > 0) ? Math.min(remaining, GC_INTERVAL_NANOS) : remaining;
					TimeUnit.NANOSECONDS.timedWait(this.lock, slice);
				}
				catch (InterruptedException ex) {
					Thread.currentThread().interrupt();
					return null;
				}
				finally {
					this.waiting--;
				}
			}
			this.reserved += bytes;
			this.maxReserved = Math.max(this.maxReserved, this.reserved);
			Entry entry = new Entry(bytes);
			this.entries.put(key, entry);
			this.computeExecutor.execute(() -> compute(key, entry, what, computation));
			return entry;
		}
	}

	/** Removes the least recently used finished permutation; false when there is none. */
	private boolean evictColdest(PermutationKey keep) {
		Map.Entry<Object, Entry> coldest = null;
		for (Map.Entry<Object, Entry> candidate : this.entries.entrySet()) {
			Entry entry = candidate.getValue();
			if (entry.future.isDone() && !candidate.getKey().equals(keep)
					&& (coldest == null || entry.lastUse < coldest.getValue().lastUse)) {
				coldest = candidate;
			}
		}
		if (coldest == null) {
			return false;
		}
		// Its reservation ends when the cleaner registered in compute() runs.
		this.entries.remove(coldest.getKey(), coldest.getValue());
		this.evicted += coldest.getValue().bytes;
		this.evictedSinceGc = true;
		return true;
	}

	/**
	 * Evicted permutations hold room until collected; nothing else may allocate while
	 * requests wait, so ask for a collection (rate-limited). Guarded by {@link #lock}.
	 */
	private void requestCollection() {
		long now = System.nanoTime();
		if (this.evicted > 0 && (this.evictedSinceGc || now - this.lastGc >= GC_INTERVAL_NANOS)) {
			this.lastGc = now;
			this.evictedSinceGc = false;
			System.gc();
		}
	}

	private void collected(long bytes) {
		synchronized (this.lock) {
			this.evicted -= bytes;
			this.reserved -= bytes;
			this.lock.notifyAll();
		}
	}

	private void compute(Object key, Entry entry, String what, Supplier<?> computation) {
		try {
			Object value = this.computeTime.record(computation);
			long bytes = entry.bytes;
			CLEANER.register(value, () -> collected(bytes));
			if (key instanceof PermutationKey) {
				this.computed.increment();
			}
			entry.future.complete(value);
		}
		catch (OutOfMemoryError ex) {
			// The heap is smaller than the budget assumes, or filled by something else:
			// transient, like waiting for room.
			fail(key, entry,
					new PermutationBudgetBusyException(what, entry.bytes, retryAfterSeconds(),
							"the heap could not hold it now; if this persists, lower "
									+ "seedbank.order.cache-max-bytes or raise -Xmx"));
		}
		catch (RuntimeException ex) {
			fail(key, entry, ex);
		}
		finally {
			synchronized (this.lock) {
				// A finished permutation can be evicted to make room.
				this.lock.notifyAll();
			}
		}
	}

	private void fail(Object key, Entry entry, RuntimeException ex) {
		synchronized (this.lock) {
			release(key, entry);
		}
		entry.future.completeExceptionally(ex);
	}

	/** A failed computation's reservation. Guarded by {@link #lock}. */
	private void release(Object key, Entry entry) {
		if (this.entries.remove(key, entry)) {
			this.reserved -= entry.bytes;
			this.lock.notifyAll();
		}
	}

	/** When a computation in flight has likely finished: its mean time, at least 1 s. */
	private long retryAfterSeconds() {
		double mean = this.computeTime.mean(TimeUnit.SECONDS);
		return Math.max(1, (long) Math.ceil(mean));
	}

	private long reservedBytes() {
		synchronized (this.lock) {
			return this.reserved;
		}
	}

	/** For tests: the most bytes ever reserved at once. */
	long maxReservedBytes() {
		synchronized (this.lock) {
			return this.maxReserved;
		}
	}

	/** For tests: requests waiting for room now. */
	int waitingRequests() {
		synchronized (this.lock) {
			return this.waiting;
		}
	}

	long budgetBytes() {
		return this.budgetBytes;
	}

	static long mib(long bytes) {
		return (bytes + (1 << 20) - 1) >> 20;
	}

	@PreDestroy
	void shutdown() throws InterruptedException {
		this.computeExecutor.shutdownNow();
		this.computeExecutor.awaitTermination(5, TimeUnit.SECONDS);
	}

	/** A permutation or order cached or in flight, with its reservation. */
	private static final class Entry {

		final CompletableFuture<Object> future = new CompletableFuture<>();

		final long bytes;

		volatile long lastUse;

		Entry(long bytes) {
			this.bytes = bytes;
		}

	}

}
