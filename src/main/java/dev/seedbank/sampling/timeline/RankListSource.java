package dev.seedbank.sampling.timeline;

/** One record's rank lists, epoch by epoch. */
@FunctionalInterface
public interface RankListSource {

	/**
	 * @param epoch the epoch, 0 or more
	 * @return every rank's list of that epoch at any world size
	 */
	RankLists epoch(long epoch);

}
