package dev.seedbank.sampling.timeline;

/**
 * The order in which the whole job consumes one epoch (API.md, "Run timeline"): for the
 * world size {@code W} the epoch started with, position {@code j*W + r} is the
 * {@code j}-th index of rank {@code r}'s list. For {@code distributed} that is torch's
 * padded permutation itself.
 */
public final class EpochStream {

	private final RankLists lists;

	private final int worldSize;

	private final long length;

	EpochStream(RankLists lists, int worldSize) {
		this.lists = lists;
		this.worldSize = worldSize;
		this.length = lists.length(worldSize) * worldSize;
	}

	/**
	 * @return the world size the stream is laid out for
	 */
	public int worldSize() {
		return this.worldSize;
	}

	/**
	 * @return how many positions the stream holds
	 */
	public long length() {
		return this.length;
	}

	/**
	 * @param position a stream position in {@code [0, length())}
	 * @return the dataset index at that position
	 */
	public long get(long position) {
		if (position < 0 || position >= this.length) {
			throw new IndexOutOfBoundsException("stream position " + position + " of " + this.length);
		}
		return this.lists.get(this.worldSize, (int) (position % this.worldSize), position / this.worldSize);
	}

	/**
	 * @return the first position that is padding
	 */
	public long paddingStart() {
		return Math.min(this.length, this.lists.paddingStart(this.worldSize));
	}

	void copy(long from, int count, int[] target, int offset) {
		this.lists.copyStream(this.worldSize, from, count, target, offset);
	}

}
