package dev.seedbank.sampling.streaming;

import java.math.BigInteger;

import dev.seedbank.sampling.numpy.NumpyGenerator;

/**
 * Streaming's {@code py1br} shuffle ({@code streaming/base/shuffle/py1br.py},
 * {@code get_shuffle_py1br}, as of 0.14.0.dev0): the {@link ShardSpans} of the epoch laid
 * out unshuffled, one stagger per canonical node ({@code integers(0, int(0.75 * block),
 * ncn)}), then per node blocks of {@code integers(int(0.75 * block), int(1.25 * block))}
 * samples, staggered and clamped to the node, each shuffled in place after all of the
 * node's blocks are drawn.
 */
final class Py1brShuffle {

	private Py1brShuffle() {
	}

	/**
	 * @param needed canonical nodes whose samples are read, {@code null} for all
	 */
	static NodeSlices shuffle(long[] shardSizes, int canonicalNodes, BigInteger seed, long epoch, long blockSize,
			boolean[] needed) {
		ShardSpans spans = ShardSpans.divided(shardSizes, canonicalNodes, NumpyCalls.defaultRng(seed));
		NumpyGenerator epochRng = NumpyCalls.defaultRng(seed.add(BigInteger.valueOf(epoch)));
		spans.shuffleParts(epochRng);
		long[] starts = spans.partBoundaries();
		long[][] ids = new long[canonicalNodes][];
		long low = NumpyCalls.scaledBlock(0.75, blockSize);
		long high = NumpyCalls.scaledBlock(1.25, blockSize);
		long[] stagger = NumpyCalls.integers(epochRng, 0, low, canonicalNodes);
		int nodeStop = 0;
		int lastNode = NumpyCalls.lastNeeded(needed, canonicalNodes);
		for (int node = 0; node <= lastNode; node++) {
			boolean read = needed == null || needed[node];
			int nodeStart = nodeStop;
			long[] nodeIds = read ? new long[(int) (starts[node + 1] - starts[node])] : null;
			ids[node] = nodeIds;
			for (int span = spans.partStarts[node]; span < spans.partStarts[node + 1]; span++) {
				int size = (int) spans.size(span);
				if (read) {
					for (int i = 0; i < size; i++) {
						nodeIds[nodeStop - nodeStart + i] = spans.begins[span] + i;
					}
				}
				nodeStop += size;
			}
			long[] blocks = new long[16];
			int count = 0;
			long blocksEnd = nodeStart;
			while (blocksEnd < nodeStop) {
				long size = NumpyCalls.integers(epochRng, low, high);
				long start = Math.max(blocksEnd - stagger[node], nodeStart);
				long stop = Math.min(blocksEnd + size - stagger[node], nodeStop);
				if (count + 2 > blocks.length) {
					blocks = java.util.Arrays.copyOf(blocks, blocks.length * 2);
				}
				blocks[count++] = start;
				blocks[count++] = stop;
				blocksEnd += stop - start;
			}
			for (int b = 0; b < count; b += 2) {
				if (read) {
					int from = (int) (blocks[b] - nodeStart);
					epochRng.shuffle(nodeIds, from, (int) Math.max(from, blocks[b + 1] - nodeStart));
				}
				else {
					NumpyCalls.skipShuffle(epochRng, blocks[b + 1] - blocks[b]);
				}
			}
		}
		return new NodeSlices(starts, ids);
	}

}
