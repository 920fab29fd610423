package dev.seedbank.sampling.streaming;

import dev.seedbank.sampling.numpy.NumpyGenerator;

/**
 * The shard spans {@code py1s}, {@code py1br} and {@code py1e} share
 * ({@code streaming/base/shuffle/py1s.py}, {@code divide_spans}, as of 0.14.0.dev0):
 * (begin, end) per shard in shard order, shuffled once per run with {@code seed}, cut
 * into canonical-node parts that end at {@code total * (p + 1) // parts} (a span across a
 * boundary is split in two), each part's span list shuffled per epoch. Zero-size shards
 * keep their slot in the shuffles.
 */
final class ShardSpans {

	final long totalSamples;

	/** Span p is [begins[p], ends[p]). */
	final long[] begins;

	final long[] ends;

	/** Part c holds spans [partStarts[c], partStarts[c + 1]). */
	final int[] partStarts;

	private ShardSpans(long totalSamples, long[] begins, long[] ends, int[] partStarts) {
		this.totalSamples = totalSamples;
		this.begins = begins;
		this.ends = ends;
		this.partStarts = partStarts;
	}

	/**
	 * Spans after the run shuffle and {@code divide_spans}.
	 * @param shardSizes samples per shard
	 * @param parts canonical nodes
	 * @param runRng {@code default_rng(seed)}
	 * @return the divided spans
	 */
	static ShardSpans divided(long[] shardSizes, int parts, NumpyGenerator runRng) {
		int shards = shardSizes.length;
		long[] shardBegins = new long[shards];
		long total = 0;
		for (int s = 0; s < shards; s++) {
			shardBegins[s] = total;
			total += shardSizes[s];
		}
		int[] order = new int[shards];
		for (int s = 0; s < shards; s++) {
			order[s] = s;
		}
		runRng.shuffle(order);
		long[] begins = new long[shards + parts];
		long[] ends = new long[shards + parts];
		int[] partStarts = new int[parts + 1];
		int out = 0;
		int index = 0;
		long soFar = 0;
		long head = (shards > 0) ? shardBegins[order[0]] : 0;
		for (int part = 0; part < parts; part++) {
			long partEnd = OrigPartition.multiplyDivide(total, part + 1, parts);
			while (index < shards) {
				long end = shardBegins[order[index]] + shardSizes[order[index]];
				long size = end - head;
				if (partEnd < soFar + size) {
					if (soFar < partEnd) {
						long split = partEnd - soFar;
						begins[out] = head;
						ends[out++] = head + split;
						head += split;
						soFar += split;
					}
					break;
				}
				begins[out] = head;
				ends[out++] = end;
				soFar += size;
				index++;
				if (index < shards) {
					head = shardBegins[order[index]];
				}
			}
			partStarts[part + 1] = out;
		}
		return new ShardSpans(total, begins, ends, partStarts);
	}

	/**
	 * The epoch's shuffle of each part's span list, part by part.
	 * @param epochRng {@code default_rng(seed + epoch)}
	 */
	void shuffleParts(NumpyGenerator epochRng) {
		int spans = this.partStarts[this.partStarts.length - 1];
		int[] order = new int[spans];
		for (int p = 0; p < spans; p++) {
			order[p] = p;
		}
		for (int part = 0; part + 1 < this.partStarts.length; part++) {
			epochRng.shuffle(order, this.partStarts[part], this.partStarts[part + 1]);
		}
		long[] begins = new long[spans];
		long[] ends = new long[spans];
		for (int p = 0; p < spans; p++) {
			begins[p] = this.begins[order[p]];
			ends[p] = this.ends[order[p]];
		}
		System.arraycopy(begins, 0, this.begins, 0, spans);
		System.arraycopy(ends, 0, this.ends, 0, spans);
	}

	/**
	 * @return sample positions where each part starts, and the total at the end: part
	 * {@code c} ends at {@code total * (c + 1) // parts}
	 */
	long[] partBoundaries() {
		long[] starts = new long[this.partStarts.length];
		for (int part = 0; part + 1 < this.partStarts.length; part++) {
			long size = 0;
			for (int span = this.partStarts[part]; span < this.partStarts[part + 1]; span++) {
				size += size(span);
			}
			starts[part + 1] = starts[part] + size;
		}
		return starts;
	}

	int parts() {
		return this.partStarts.length - 1;
	}

	long size(int span) {
		return this.ends[span] - this.begins[span];
	}

}
