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
	 * others only advance the generator and are left zero
	 */
	static long[] shuffle(long[] shardSizes, int canonicalNodes, BigInteger seed, long epoch, boolean[] needed) {
		ShardSpans spans = ShardSpans.divided(shardSizes, canonicalNodes, NumpyCalls.defaultRng(seed));
		NumpyGenerator epochRng = NumpyCalls.defaultRng(seed.add(BigInteger.valueOf(epoch)));
		spans.shuffleParts(epochRng);
		long[] ids = new long[Math.toIntExact(spans.totalSamples)];
		int offset = 0;
		for (int part = 0; part < spans.parts(); part++) {
			boolean read = needed == null || needed[part];
			for (int span = spans.partStarts[part]; span < spans.partStarts[part + 1]; span++) {
				int size = (int) spans.size(span);
				if (read) {
					for (int i = 0; i < size; i++) {
						ids[offset + i] = spans.begins[span] + i;
					}
					epochRng.shuffle(ids, offset, offset + size);
				}
				else {
					NumpyCalls.skipShuffle(epochRng, size);
				}
				offset += size;
			}
		}
		return ids;
	}

}
