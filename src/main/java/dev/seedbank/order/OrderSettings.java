package dev.seedbank.order;

import java.time.Duration;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * How index orders are cached and served.
 *
 * @param cacheMaxBytes bytes of permutations, and of the other kinds' cached orders, kept
 * in memory or being computed; 0 means a quarter of the maximum heap. A permutation costs
 * 4 bytes per sample (5 above 2^32).
 * @param computeThreads permutations computed at once; more would only compete for memory
 * bandwidth and heap
 * @param prefetchNextEpoch compute epoch e+1 in the background when epoch e of a recorded
 * experiment is first asked for
 * @param maxJsonIndices the largest JSON page; binary formats stream without a cap
 * @param budgetWait how long a permutation that fits the budget waits for room held by
 * computations in flight before the request is a 503 with {@code Retry-After}
 */
@ConfigurationProperties("seedbank.order")
public record OrderSettings(@DefaultValue("0") long cacheMaxBytes, @DefaultValue("2") int computeThreads,
		@DefaultValue("true") boolean prefetchNextEpoch, @DefaultValue("1000000") int maxJsonIndices,
		@DefaultValue("20s") Duration budgetWait) {

	/**
	 * @return the permutation budget in bytes
	 */
	public long effectiveCacheMaxBytes() {
		return (this.cacheMaxBytes > 0) ? this.cacheMaxBytes : Runtime.getRuntime().maxMemory() / 4;
	}

}
