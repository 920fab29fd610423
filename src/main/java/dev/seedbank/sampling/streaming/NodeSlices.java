package dev.seedbank.sampling.streaming;

/**
 * A shuffle's output cut at canonical-node boundaries: node {@code c} holds positions
 * [starts[c], starts[c + 1]); a node nobody reads has no array. One slice for the
 * algorithms that shuffle all to all.
 */
final class NodeSlices {

	private final long[] starts;

	private final long[][] ids;

	NodeSlices(long[] starts, long[][] ids) {
		this.starts = starts;
		this.ids = ids;
	}

	static NodeSlices whole(long[] ids) {
		return new NodeSlices(new long[] { 0, ids.length }, new long[][] { ids });
	}

	/**
	 * @param position a position of the epoch in a node that was computed
	 * @param node a guess at its node, e.g. the previous lookup's
	 * @return the node holding it
	 */
	int nodeOf(long position, int node) {
		if (node >= 0 && node < this.ids.length && position >= this.starts[node] && position < this.starts[node + 1]) {
			return node;
		}
		int low = 0;
		int high = this.ids.length - 1;
		while (low < high) {
			int middle = (low + high) >>> 1;
			if (this.starts[middle + 1] > position) {
				high = middle;
			}
			else {
				low = middle + 1;
			}
		}
		return low;
	}

	long get(int node, long position) {
		return this.ids[node][(int) (position - this.starts[node])];
	}

	/** The whole permutation; every node must have been computed. */
	long[] concatenate() {
		long[] all = new long[Math.toIntExact(this.starts[this.starts.length - 1])];
		for (int node = 0; node < this.ids.length; node++) {
			System.arraycopy(this.ids[node], 0, all, (int) this.starts[node], this.ids[node].length);
		}
		return all;
	}

}
