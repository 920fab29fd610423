package dev.seedbank.sampling.streaming;

import java.math.BigInteger;

import dev.seedbank.sampling.numpy.NumpyGenerator;
import dev.seedbank.sampling.numpy.Pcg64;

/**
 * Streaming's {@code py1e} shuffle, {@code StreamingDataset}'s default
 * ({@code streaming/base/shuffle/py1e.py}, {@code get_shuffle_py1e}, introduced in 0.7.0,
 * as of 0.14.0.dev0). After the {@link ShardSpans} of the epoch, per canonical node: each
 * span's {@code arange} shuffled and concatenated; positions {@code 0..n-1} as float64;
 * per span one {@code integers(int(0.75 * block), int(1.25 * block))}, a cutoff
 * {@code (drawn - span) / 2} floored at 0, and {@code uniform(max(-cutoff, -offset),
 * min(cutoff, n - offset - span), span)} added to the span's positions; the node's
 * samples reordered by {@code argsort} of the positions.
 * <p>
 * Streaming holds the samples in a float64 array and casts back to int64: exact for every
 * id a Java array can index, so they stay {@code long}s here.
 */
final class Py1eShuffle {

	private Py1eShuffle() {
	}

	/**
	 * @param needed canonical nodes whose samples are read, {@code null} for all; the
	 * others only advance the generator and get no array
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
		int lastNode = NumpyCalls.lastNeeded(needed, canonicalNodes);
		for (int node = 0; node < canonicalNodes; node++) {
			int first = spans.partStarts[node];
			int last = spans.partStarts[node + 1];
			int n = 0;
			for (int span = first; span < last; span++) {
				n += (int) spans.size(span);
			}
			if (n == 0) {
				throw StreamingRelease.raise("ValueError", "The number of samples assigned to a canonical node is 0. "
						+ "This very likely indicates that the number of samples in this stream is less than the "
						+ "number of canonical nodes, which is " + canonicalNodes + ". Please check your index.json "
						+ "file and ensure that your dataset has been written out correctly. If this was intended, "
						+ "reduce num_canonical_nodes.");
			}
			if (node > lastNode) {
				continue; // only the check above can still matter
			}
			if (needed == null || needed[node]) {
				ids[node] = shuffleNode(spans, first, last, n, epochRng, low, high);
			}
			else {
				skipNode(spans, first, last, n, epochRng, low, high);
			}
		}
		return new NodeSlices(starts, ids);
	}

	private static long[] shuffleNode(ShardSpans spans, int first, int last, int n, NumpyGenerator rng, long low,
			long high) {
		long[] samples = new long[n];
		int inserted = 0;
		for (int span = first; span < last; span++) {
			int size = (int) spans.size(span);
			for (int i = 0; i < size; i++) {
				samples[inserted + i] = spans.begins[span] + i;
			}
			rng.shuffle(samples, inserted, inserted + size);
			inserted += size;
		}
		double[] positions = new double[n];
		int sampleOffset = 0;
		for (int span = first; span < last; span++) {
			int size = (int) spans.size(span);
			double[] shifts = shifts(rng, low, high, size, sampleOffset, n);
			for (int i = 0; i < size; i++) {
				positions[sampleOffset + i] = (double) (sampleOffset + i) + shifts[i];
			}
			sampleOffset += size;
		}
		int[] order = Argsort.argsort(positions);
		long[] ids = new long[n];
		for (int k = 0; k < n; k++) {
			ids[k] = samples[order[k]];
		}
		return ids;
	}

	private static void skipNode(ShardSpans spans, int first, int last, int n, NumpyGenerator rng, long low,
			long high) {
		for (int span = first; span < last; span++) {
			NumpyCalls.skipShuffle(rng, spans.size(span));
		}
		Pcg64 bits = rng.bitGenerator();
		for (int span = first; span < last; span++) {
			// The block draw, then uniform(lower, upper, size): one next_double, that is
			// one 64-bit output, per value, whatever the bounds.
			NumpyCalls.integers(rng, low, high);
			bits.advance(spans.size(span));
		}
	}

	/** One span's block draw, bounds and uniform shifts. */
	private static double[] shifts(NumpyGenerator rng, long low, long high, int size, int sampleOffset, int n) {
		long blockSize = NumpyCalls.integers(rng, low, high);
		double cutoff = (blockSize - size) / 2.0;
		if (cutoff < 0) {
			cutoff = 0;
		}
		double lower = Math.max(-cutoff, -sampleOffset);
		double upper = Math.min(cutoff, n - sampleOffset - size);
		return rng.uniform(lower, upper, size);
	}

}
