package dev.seedbank.order;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * How index orders are cached and served.
 *
 * @param cacheMaxBytes bytes of permutations kept in memory; 0 means a quarter of the
 * maximum heap. A permutation costs 4 bytes per sample.
 * @param computeThreads permutations computed at once; more would only compete for memory
 * bandwidth and heap
 * @param prefetchNextEpoch compute epoch e+1 in the background when epoch e of a recorded
 * experiment is first asked for
 * @param maxJsonIndices the largest JSON page; binary formats stream without a cap
 */
@ConfigurationProperties("seedbank.order")
public record OrderSettings(@DefaultValue("0") long cacheMaxBytes, @DefaultValue("2") int computeThreads,
		@DefaultValue("true") boolean prefetchNextEpoch, @DefaultValue("1000000") int maxJsonIndices) {

	/**
	 * @return the permutation budget in bytes
	 */
	public long effectiveCacheMaxBytes() {
		return (this.cacheMaxBytes > 0) ? this.cacheMaxBytes : Runtime.getRuntime().maxMemory() / 4;
	}

}
