package dev.seedbank.sampling.streaming;

import java.math.BigInteger;

import dev.seedbank.sampling.numpy.NumpyGenerator;

/**
 * Streaming's {@code py1s} shuffle ({@code streaming/base/shuffle/py1s.py},
 * {@code get_shuffle_py1s}, as of 0.14.0.dev0): the {@link ShardSpans} of the epoch,
 * then, span by span in their final order, {@code arange(begin, end)} shuffled in place
 * with the epoch generator.
 */
final class Py1sShuffle {

	private Py1sShuffle() {
	}

	/**
	 * @param needed canonical nodes whose samples are read, {@code null} for all; the
	 * others only advance the generator and get no array
	 */
	static NodeSlices shuffle(long[] shardSizes, int canonicalNodes, BigInteger seed, long epoch, boolean[] needed) {
		ShardSpans spans = ShardSpans.divided(shardSizes, canonicalNodes, NumpyCalls.defaultRng(seed));
		NumpyGenerator epochRng = NumpyCalls.defaultRng(seed.add(BigInteger.valueOf(epoch)));
		spans.shuffleParts(epochRng);
		long[] starts = spans.partBoundaries();
		long[][] ids = new long[spans.parts()][];
		int last = NumpyCalls.lastNeeded(needed, spans.parts());
		for (int part = 0; part <= last; part++) {
			boolean read = needed == null || needed[part];
			if (read) {
				ids[part] = new long[(int) (starts[part + 1] - starts[part])];
			}
			int offset = 0;
			for (int span = spans.partStarts[part]; span < spans.partStarts[part + 1]; span++) {
				int size = (int) spans.size(span);
				if (read) {
					for (int i = 0; i < size; i++) {
						ids[part][offset + i] = spans.begins[span] + i;
					}
					epochRng.shuffle(ids[part], offset, offset + size);
				}
				else {
					NumpyCalls.skipShuffle(epochRng, size);
				}
				offset += size;
			}
		}
		return new NodeSlices(starts, ids);
	}

}
