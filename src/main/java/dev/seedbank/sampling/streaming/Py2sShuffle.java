package dev.seedbank.sampling.streaming;

import java.math.BigInteger;

import dev.seedbank.sampling.numpy.NumpyGenerator;

/**
 * Streaming's {@code py2s} shuffle ({@code streaming/base/shuffle/py2s.py},
 * {@code get_shuffle_py2s}, as of 0.14.0.dev0): shards as (index, {@code arange})
 * objects; {@code default_rng(seed)} shuffles the shard list, then each shard's samples
 * in that order; the list is cut into canonical-node parts as {@link ShardSpans} cuts
 * spans (splitting an already shuffled sample array); {@code default_rng(seed + epoch)}
 * then, part by part, shuffles the part's list and each piece's samples; all
 * concatenated.
 * <p>
 * Here the shards' samples live in one buffer in the run order, and a piece is a slice of
 * it, which is what numpy's views are.
 */
final class Py2sShuffle {

	private Py2sShuffle() {
	}

	static NodeSlices shuffle(long[] shardSizes, int canonicalNodes, BigInteger seed, long epoch) {
		int shards = shardSizes.length;
		long[] shardBegins = new long[shards];
		long total = 0;
		for (int s = 0; s < shards; s++) {
			shardBegins[s] = total;
			total += shardSizes[s];
		}
		NumpyGenerator fixedRng = NumpyCalls.defaultRng(seed);
		int[] order = new int[shards];
		for (int s = 0; s < shards; s++) {
			order[s] = s;
		}
		fixedRng.shuffle(order);
		long[] buffer = new long[Math.toIntExact(total)];
		int[] pieceStarts = new int[shards + canonicalNodes];
		int[] pieceEnds = new int[shards + canonicalNodes];
		int offset = 0;
		for (int s = 0; s < shards; s++) {
			int size = (int) shardSizes[order[s]];
			for (int i = 0; i < size; i++) {
				buffer[offset + i] = shardBegins[order[s]] + i;
			}
			fixedRng.shuffle(buffer, offset, offset + size);
			offset += size;
		}
		// _partition: the same cut as divide_spans, over slices of the buffer.
		int[] partStarts = new int[canonicalNodes + 1];
		int out = 0;
		int index = 0;
		long soFar = 0;
		int head = 0;
		int shardEnd = (shards > 0) ? (int) shardSizes[order[0]] : 0;
		for (int part = 0; part < canonicalNodes; part++) {
			long partEnd = OrigPartition.multiplyDivide(total, part + 1, canonicalNodes);
			while (index < shards) {
				long size = shardEnd - head;
				if (partEnd < soFar + size) {
					if (soFar < partEnd) {
						int split = (int) (partEnd - soFar);
						pieceStarts[out] = head;
						pieceEnds[out++] = head + split;
						head += split;
						soFar += split;
					}
					break;
				}
				pieceStarts[out] = head;
				pieceEnds[out++] = shardEnd;
				soFar += size;
				index++;
				head = shardEnd;
				if (index < shards) {
					shardEnd += (int) shardSizes[order[index]];
				}
			}
			partStarts[part + 1] = out;
		}
		NumpyGenerator epochRng = NumpyCalls.defaultRng(seed.add(BigInteger.valueOf(epoch)));
		int[] pieces = new int[out];
		for (int p = 0; p < out; p++) {
			pieces[p] = p;
		}
		long[] ids = new long[buffer.length];
		int written = 0;
		for (int part = 0; part < canonicalNodes; part++) {
			epochRng.shuffle(pieces, partStarts[part], partStarts[part + 1]);
			for (int p = partStarts[part]; p < partStarts[part + 1]; p++) {
				int start = pieceStarts[pieces[p]];
				int end = pieceEnds[pieces[p]];
				epochRng.shuffle(buffer, start, end);
				System.arraycopy(buffer, start, ids, written, end - start);
				written += end - start;
			}
		}
		return NodeSlices.whole(ids);
	}

}
