package dev.seedbank.sampling;

/**
 * accelerate's {@code BatchSamplerShard} over torch's {@code BatchSampler}
 * (src/accelerate/data_loader.py, 1.1.0 to 1.15.0), for a fixed batch size B, as
 * positions into the sampler's order.
 * <p>
 * Both iteration paths read as one stream: stream position {@code p < n} is the sampler's
 * {@code p}-th index, and with {@code even_batches} the positions past the end wrap to
 * its start, {@code p >= n} reading index {@code (p - n) mod m}. That is what the
 * wrap-around does: {@code initial_data} holds the first {@code m} indices
 * ({@code m = min(n, P*B)} without split: the first P batches; {@code m = min(n, B)} with
 * split: the first batch), doubled until long enough, and the fill draws from it in
 * order.
 * <ul>
 * <li>Without {@code split_batches} process i takes whole batches {@code r*P + i}: batch
 * r of its list starts at stream position {@code (r*P + i)*B}. A round is yielded only
 * when its last batch is full. After the last full round, {@code even_batches} completes
 * the round from the wrapped stream, so every process gets {@code ceil(n / (P*B))}
 * batches of B; without it each process keeps its own remaining (possibly short) batch;
 * with {@code drop_last} the incomplete round is dropped.</li>
 * <li>With {@code split_batches} (B a multiple of P) every batch is cut into P slices of
 * {@code b = B/P}: batch r of process i starts at {@code r*B + i*b}. The last short batch
 * is padded from the first batch with {@code even_batches}, cut short without it, and
 * dropped with {@code drop_last}.</li>
 * </ul>
 * With one process {@code prepare_data_loader} keeps torch's BatchSampler, which is the
 * no-split formula with P = 1 and no padding: the sampler's order, cut to whole batches
 * with {@code drop_last}.
 */
final class BatchSamplerShard {

	private final long n;

	private final long batchSize;

	private final long numProcesses;

	private final long processIndex;

	private final boolean split;

	private final long processBatch;

	private final long wrap;

	private final long length;

	private BatchSamplerShard(long n, long batchSize, long numProcesses, long processIndex, boolean split, boolean even,
			boolean dropLast) {
		this.n = n;
		this.batchSize = batchSize;
		this.numProcesses = numProcesses;
		this.processIndex = processIndex;
		this.split = split;
		this.processBatch = split ? batchSize / numProcesses : batchSize;
		this.wrap = Math.min(n, split ? batchSize : numProcesses * batchSize);
		this.length = split ? splitLength(even, dropLast) : noSplitLength(even, dropLast);
	}

	/**
	 * @param n the dataset's length
	 * @param batchSize the DataLoader's batch size, at least 1
	 * @param numProcesses at least 1
	 * @param processIndex in [0, numProcesses)
	 * @param split {@code split_batches}; the batch size must be a multiple of P
	 * @param even {@code even_batches}
	 * @param dropLast the DataLoader's {@code drop_last}
	 * @return what {@code prepare_data_loader} iterates for that process
	 */
	static BatchSamplerShard of(long n, int batchSize, int numProcesses, int processIndex, boolean split, boolean even,
			boolean dropLast) {
		if (numProcesses == 1) {
			return new BatchSamplerShard(n, batchSize, 1, 0, false, false, dropLast);
		}
		return new BatchSamplerShard(n, batchSize, numProcesses, processIndex, split, even, dropLast);
	}

	private long noSplitLength(boolean even, boolean dropLast) {
		long round = this.numProcesses * this.batchSize;
		if (dropLast) {
			return (this.n / this.batchSize / this.numProcesses) * this.batchSize;
		}
		if (even) {
			return ceilDiv(this.n, round) * this.batchSize;
		}
		long fullRounds = this.n / round;
		long tailStart = (fullRounds * this.numProcesses + this.processIndex) * this.batchSize;
		return fullRounds * this.batchSize + clamp(this.n - tailStart, this.batchSize);
	}

	private long splitLength(boolean even, boolean dropLast) {
		long fullBatches = this.n / this.batchSize;
		if (dropLast || this.n % this.batchSize == 0) {
			return fullBatches * this.processBatch;
		}
		if (even) {
			return (fullBatches + 1) * this.processBatch;
		}
		long sliceStart = fullBatches * this.batchSize + this.processIndex * this.processBatch;
		return fullBatches * this.processBatch + clamp(this.n - sliceStart, this.processBatch);
	}

	private static long clamp(long value, long max) {
		return Math.max(0, Math.min(value, max));
	}

	private static long ceilDiv(long a, long b) {
		return (a + b - 1) / b;
	}

	/**
	 * @return how many indices the process yields, its batches concatenated
	 */
	long length() {
		return this.length;
	}

	/**
	 * @return the size of the process's batches (its last may be shorter)
	 */
	long processBatch() {
		return this.processBatch;
	}

	/**
	 * @param r a batch of the process
	 * @return the stream position of its first index
	 */
	long batchStart(long r) {
		return this.split ? r * this.batchSize + this.processIndex * this.processBatch
				: (r * this.numProcesses + this.processIndex) * this.batchSize;
	}

	/**
	 * @param p a stream position
	 * @return the position in the sampler's order it reads
	 */
	long samplerPosition(long p) {
		return (p < this.n) ? p : (p - this.n) % this.wrap;
	}

}
