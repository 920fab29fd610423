package dev.seedbank.sampling.streaming;

import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.util.Arrays;

import dev.seedbank.sampling.IndexOrder;

/**
 * The sample ids one global rank's DataLoader yields in one epoch of a
 * {@code StreamingDataset} (Streaming 0.14.0.dev0, single local stream, {@code random}
 * batching): {@code generate_work_random_batching}
 * ({@code streaming/base/batching/random.py}) partitions the epoch, maps every entry
 * through the shuffle, and each worker reads its own slice skipping {@code -1}; torch's
 * loader then returns the workers' batches round-robin, dropping workers that have run
 * out. Zero-size shards are dropped first, as {@code resample_streams} drops them.
 * <p>
 * Only the rank's own ids are kept, and only the canonical nodes it reads are shuffled in
 * full; the other nodes only advance the generator.
 */
public final class StreamingEpochOrder implements IndexOrder {

	private final int[] ids;

	private final int[] workerLengths;

	private final int batchSize;

	private final long[] partitionShape;

	private StreamingEpochOrder(int[] ids, int[] workerLengths, int batchSize, long[] partitionShape) {
		this.ids = ids;
		this.workerLengths = workerLengths;
		this.batchSize = batchSize;
		this.partitionShape = partitionShape;
	}

	/**
	 * @param arguments the dataset, run and rank
	 * @return the rank's order
	 * @throws dev.seedbank.sampling.LibraryWouldRaiseException where Streaming or NumPy
	 * raises
	 */
	public static StreamingEpochOrder of(StreamingArguments arguments) {
		long[] units = shuffleUnits(arguments.shardSizes());
		long numSamples = 0;
		for (long unit : units) {
			numSamples += unit;
		}
		int workers = arguments.workersPerRank();
		int batch = arguments.batchSize();
		Partition partition = arguments.partitionAlgo()
			.partition(numSamples, arguments.numCanonicalNodes(), arguments.numPhysicalNodes(),
					arguments.ranksPerNode(), workers, batch, arguments.sampleInEpoch(),
					(arguments.initialPhysicalNodes() != null) ? (long) arguments.initialPhysicalNodes() : null);
		long[] shape = partition.shape();
		long node = arguments.rank() / arguments.ranksPerNode();
		long rankOfNode = arguments.rank() % arguments.ranksPerNode();
		int[][] perWorker = new int[workers][];
		int total = 0;
		for (int worker = 0; worker < workers; worker++) {
			perWorker[worker] = workerSlice(partition, shape, node, rankOfNode, worker);
			total += perWorker[worker].length;
		}
		int[] ids = interleave(perWorker, total, batch);
		if (arguments.shuffle()) {
			ShuffleAlgorithm algorithm = arguments.shuffleAlgo();
			boolean[] needed = algorithm.worksByNode() ? neededNodes(ids, numSamples, arguments.numCanonicalNodes())
					: null;
			NodeSlices shuffle = algorithm.shuffle(units, arguments.numCanonicalNodes(), arguments.seed(),
					arguments.epoch(), arguments.blockSize(), needed);
			int slice = 0;
			for (int k = 0; k < ids.length; k++) {
				slice = shuffle.nodeOf(ids[k], slice);
				ids[k] = (int) shuffle.get(slice, ids[k]);
			}
		}
		int[] lengths = new int[workers];
		for (int worker = 0; worker < workers; worker++) {
			lengths[worker] = perWorker[worker].length;
		}
		return new StreamingEpochOrder(ids, lengths, batch, shape);
	}

	/**
	 * {@code resample_streams} for one unweighted stream: the shards without the empty
	 * ones.
	 */
	private static long[] shuffleUnits(long[] shardSizes) {
		return Arrays.stream(shardSizes).filter((size) -> size > 0).toArray();
	}

	/** {@code work[node, rank, worker].flatten()} without the {@code -1} entries. */
	private static int[] workerSlice(Partition partition, long[] shape, long node, long rank, int worker) {
		long batches = shape[3];
		long batchSize = shape[4];
		int[] slice = new int[Math.toIntExact(batches * batchSize)];
		int count = 0;
		for (long b = 0; b < batches; b++) {
			for (long s = 0; s < batchSize; s++) {
				long id = partition.get(node, rank, worker, b, s);
				if (id != -1) {
					slice[count++] = (int) id;
				}
			}
		}
		return Arrays.copyOf(slice, count);
	}

	/** Torch's round-robin over the workers' batches, skipping exhausted workers. */
	private static int[] interleave(int[][] perWorker, int total, int batch) {
		int[] ids = new int[total];
		int written = 0;
		for (long from = 0; written < total; from += batch) {
			for (int[] worker : perWorker) {
				if (from < worker.length) {
					int length = (int) Math.min(batch, worker.length - from);
					System.arraycopy(worker, (int) from, ids, written, length);
					written += length;
				}
			}
		}
		return ids;
	}

	/**
	 * Canonical node c holds positions [N * c // ncn, N * (c + 1) // ncn) of the shuffle.
	 */
	private static boolean[] neededNodes(int[] positions, long numSamples, int canonicalNodes) {
		long[] ends = new long[canonicalNodes];
		for (int c = 0; c < canonicalNodes; c++) {
			ends[c] = OrigPartition.multiplyDivide(numSamples, c + 1, canonicalNodes);
		}
		boolean[] needed = new boolean[canonicalNodes];
		int last = -1;
		for (int position : positions) {
			if (last >= 0 && position < ends[last] && (last == 0 || position >= ends[last - 1])) {
				continue;
			}
			int low = 0;
			int high = canonicalNodes - 1;
			while (low < high) {
				int middle = (low + high) >>> 1;
				if (ends[middle] > position) {
					high = middle;
				}
				else {
					low = middle + 1;
				}
			}
			int node = low;
			needed[node] = true;
			last = node;
		}
		return needed;
	}

	/**
	 * @return how many ids the rank yields
	 */
	public long length() {
		return this.ids.length;
	}

	/**
	 * @param k position in the rank's order
	 * @return the sample id there
	 */
	public long get(long k) {
		if (k < 0 || k >= this.ids.length) {
			throw new IndexOutOfBoundsException("position " + k + " of " + this.ids.length);
		}
		return this.ids[(int) k];
	}

	/**
	 * Writes positions [from, to) as little-endian int64 into a buffer with room for
	 * them.
	 * @param from first position
	 * @param to position after the last
	 * @param target the buffer
	 */
	public void write(long from, long to, ByteBuffer target) {
		if (from < 0 || to > this.ids.length || from > to) {
			throw new IndexOutOfBoundsException("[" + from + ", " + to + ") of " + this.ids.length);
		}
		ByteBuffer out = target.order(ByteOrder.LITTLE_ENDIAN);
		for (int k = (int) from; k < to; k++) {
			out.putLong(this.ids[k]);
		}
	}

	/**
	 * @return the shape of the epoch's work array: (physical nodes, ranks per node,
	 * workers per rank, batches per worker, batch size)
	 */
	public long[] partitionShape() {
		return this.partitionShape.clone();
	}

	/**
	 * @return the DataLoader workers of the rank
	 */
	public int workers() {
		return this.workerLengths.length;
	}

	/**
	 * @param worker a worker of the rank
	 * @return the ids that worker yields, in its order
	 */
	public long[] workerIds(int worker) {
		long[] out = new long[this.workerLengths[worker]];
		int position = 0;
		int read = 0;
		for (long from = 0; read < out.length; from += this.batchSize) {
			for (int w = 0; w < this.workerLengths.length; w++) {
				if (from < this.workerLengths[w]) {
					int length = (int) Math.min(this.batchSize, this.workerLengths[w] - from);
					if (w == worker) {
						for (int i = 0; i < length; i++) {
							out[read++] = this.ids[position + i];
						}
					}
					position += length;
				}
			}
		}
		return out;
	}

}
