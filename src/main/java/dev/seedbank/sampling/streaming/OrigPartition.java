package dev.seedbank.sampling.streaming;

/**
 * Streaming's {@code orig} partition ({@code streaming/base/partition/orig.py},
 * {@code get_partitions_orig}, as of 0.14.0.dev0), computed element by element: every
 * numpy step (the canonical-node id matrix with its short-row and padding repeats, the
 * column-major flattening, {@code drop_first}, the rank interleave padded with repeated
 * real ids, the {@code -1} rounding per worker and batch) is an index formula here.
 */
final class OrigPartition implements Partition {

	private final long numSamples;

	private final long canonicalNodes;

	private final long physicalNodes;

	private final long ranksPerNode;

	private final long workersPerRank;

	private final long batchSize;

	private final long dropFirst;

	private final long samplesPerCanonicalNode;

	private final long paddedSamplesPerCanonicalNode;

	private final long padding;

	/** First column of the slice that fills the padding columns (numpy slice bounds). */
	private final long paddingSourceStart;

	/**
	 * Width of that slice: {@code padding}, or 1 when numpy broadcasts a single column.
	 */
	private final long paddingSourceWidth;

	/** Samples per physical node after {@code drop_first}, before rank padding. */
	private final long samplesPerNode;

	private final long rankPaddingStart;

	private final boolean rankPaddingTiles;

	private final long samplesPerRank;

	private final long batchesPerWorker;

	OrigPartition(long numSamples, long canonicalNodes, long physicalNodes, long ranksPerNode, long workersPerRank,
			long batchSize, long dropFirst) {
		if (numSamples < dropFirst) {
			throw StreamingRelease.raise("ValueError",
					"Resuming further into the dataset (" + dropFirst + ") than it has samples (" + numSamples + ")");
		}
		if ((canonicalNodes < physicalNodes && physicalNodes % canonicalNodes != 0)
				|| (physicalNodes < canonicalNodes && canonicalNodes % physicalNodes != 0)) {
			throw StreamingRelease.raise("ValueError",
					"Either canonical or physical nodes must be evenly divisible by the other, otherwise striping "
							+ "slices of shards over nodes may lead to each node downloading all shards");
		}
		this.numSamples = numSamples;
		this.canonicalNodes = canonicalNodes;
		this.physicalNodes = physicalNodes;
		this.ranksPerNode = ranksPerNode;
		this.workersPerRank = workersPerRank;
		this.batchSize = batchSize;
		// orig.py rounds drop_first down to a multiple of the physical nodes, with a
		// warning.
		this.dropFirst = dropFirst - dropFirst % physicalNodes;
		this.samplesPerCanonicalNode = (numSamples + canonicalNodes - 1) / canonicalNodes;
		long nodeRatio = 0;
		long pad = 0;
		if (canonicalNodes < physicalNodes) {
			nodeRatio = physicalNodes / canonicalNodes;
			long overflow = this.samplesPerCanonicalNode % nodeRatio;
			if (overflow != 0) {
				pad = nodeRatio - overflow;
			}
		}
		this.padding = pad;
		this.paddedSamplesPerCanonicalNode = this.samplesPerCanonicalNode + pad;
		if (pad != 0 && numSamples > canonicalNodes) {
			// ids[:, -padding:] = ids[:, -2*padding - ratio + 1 : -padding - ratio + 1]
			long columns = this.paddedSamplesPerCanonicalNode;
			long start = NumpySlice.bound(-2 * pad - nodeRatio + 1, columns);
			long stop = NumpySlice.bound(-pad - nodeRatio + 1, columns);
			long width = Math.max(0, stop - start);
			if (width != pad && width != 1) {
				throw StreamingRelease.raise("ValueError", "could not broadcast input array from shape ("
						+ canonicalNodes + "," + width + ") into shape (" + canonicalNodes + "," + pad + ")");
			}
			this.paddingSourceStart = start;
			this.paddingSourceWidth = width;
		}
		else {
			this.paddingSourceStart = 0;
			this.paddingSourceWidth = 0;
		}
		this.samplesPerNode = (canonicalNodes * this.paddedSamplesPerCanonicalNode - this.dropFirst) / physicalNodes;
		long overflow = this.samplesPerNode % ranksPerNode;
		long padded = this.samplesPerNode;
		long paddingStart = 0;
		boolean tiles = false;
		if (overflow != 0) {
			long underflow = ranksPerNode - overflow;
			tiles = ranksPerNode + underflow - 1 > this.samplesPerNode;
			paddingStart = this.samplesPerNode - ranksPerNode - underflow + 1;
			padded += underflow;
		}
		this.rankPaddingStart = paddingStart;
		this.rankPaddingTiles = tiles;
		this.samplesPerRank = padded / ranksPerNode;
		long perRound = workersPerRank * batchSize;
		this.batchesPerWorker = (this.samplesPerRank + perRound - 1) / perRound;
	}

	@Override
	public long[] shape() {
		return new long[] { this.physicalNodes, this.ranksPerNode, this.workersPerRank, this.batchesPerWorker,
				this.batchSize };
	}

	@Override
	public long get(long node, long rank, long worker, long batch, long sample) {
		long position = (batch * this.workersPerRank + worker) * this.batchSize + sample;
		if (position >= this.samplesPerRank) {
			return -1;
		}
		return nodeSample(node, position * this.ranksPerNode + rank);
	}

	/** Column {@code column} of the (physical nodes, samples per node) matrix, padded. */
	private long nodeSample(long node, long column) {
		if (column < this.samplesPerNode) {
			return droppedSample(node, column);
		}
		long extra = column - this.samplesPerNode;
		if (this.rankPaddingTiles) {
			return droppedSample(node, extra % this.samplesPerNode);
		}
		return droppedSample(node, this.rankPaddingStart + extra);
	}

	private long droppedSample(long node, long column) {
		long flat = this.dropFirst + column * this.physicalNodes + node;
		return canonicalSample(flat % this.canonicalNodes, flat / this.canonicalNodes);
	}

	/** Element (row, column) of the (canonical nodes, padded samples per node) matrix. */
	private long canonicalSample(long row, long column) {
		if (this.numSamples <= this.canonicalNodes) {
			return (row * this.paddedSamplesPerCanonicalNode + column) % this.numSamples;
		}
		long source = column;
		if (column >= this.samplesPerCanonicalNode) {
			long k = column - this.samplesPerCanonicalNode;
			source = this.paddingSourceStart + ((this.paddingSourceWidth == 1) ? 0 : k);
		}
		long rowStart = multiplyDivide(row, this.numSamples, this.canonicalNodes);
		long value = source + rowStart;
		if (source == this.samplesPerCanonicalNode - 1) {
			long rowStop = multiplyDivide(row + 1, this.numSamples, this.canonicalNodes);
			if (rowStop - rowStart < this.samplesPerCanonicalNode) {
				value -= 1;
			}
		}
		return value;
	}

	/** {@code a * b // c} without overflow for the magnitudes a dataset has. */
	static long multiplyDivide(long a, long b, long c) {
		long high = Math.multiplyHigh(a, b);
		if (high == 0 && a * b >= 0) {
			return a * b / c;
		}
		return java.math.BigInteger.valueOf(a)
			.multiply(java.math.BigInteger.valueOf(b))
			.divide(java.math.BigInteger.valueOf(c))
			.longValueExact();
	}

}
