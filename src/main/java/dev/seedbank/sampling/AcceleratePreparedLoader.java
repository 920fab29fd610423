package dev.seedbank.sampling;

import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.util.Optional;

/**
 * What one process reads from accelerate's prepared loader
 * ({@code accelerate.data_loader.prepare_data_loader} with
 * {@code use_seedable_sampler=True, data_seed=seed}, then {@code set_epoch(epoch)}), its
 * batches concatenated: {@link SeedableRandomSampler} (or the identity for
 * {@code shuffle=False}, torch's SequentialSampler) read through
 * {@link BatchSamplerShard}. Release rules are in {@link AccelerateVersion}.
 * <p>
 * Like {@link SamplerPlan}, the plan names the permutation it needs so that a cache can
 * share it; {@link #order(Permutation)} then reads it without copying. Sizes are
 * DistributedSampler's, up to 2^40: {@code SeedableRandomSampler} yields
 * {@code torch.randperm(n)} of an int64 n and {@code BatchSamplerShard} indexes Python
 * ints, so accelerate has no 2^31 limit of its own.
 */
public final class AcceleratePreparedLoader {

	private final AccelerateLoaderParameters parameters;

	private final PermutationKey permutationKey;

	private final BatchSamplerShard shard;

	private AcceleratePreparedLoader(AccelerateLoaderParameters parameters, PermutationKey permutationKey,
			BatchSamplerShard shard) {
		this.parameters = parameters;
		this.permutationKey = permutationKey;
		this.shard = shard;
	}

	/**
	 * @param parameters the loader's arguments
	 * @return the plan
	 * @throws InvalidSamplerArgumentException naming a parameter out of range
	 * @throws LibraryWouldRaiseException where accelerate (or torch beneath it) raises
	 */
	public static AcceleratePreparedLoader of(AccelerateLoaderParameters parameters) {
		long n = parameters.datasetSize();
		int p = parameters.numProcesses();
		int b = parameters.batchSize();
		if (n < 0 || n > SamplerPlan.MAX_DATASET_SIZE) {
			throw new InvalidSamplerArgumentException("datasetSize",
					"must be between 0 and " + SamplerPlan.MAX_DATASET_SIZE);
		}
		if (p < 1) {
			throw new InvalidSamplerArgumentException("numProcesses", "must be at least 1");
		}
		if (parameters.processIndex() < 0 || parameters.processIndex() >= p) {
			throw new InvalidSamplerArgumentException("processIndex",
					"must be in [0, " + p + ") for numProcesses " + p);
		}
		if (b < 1) {
			throw new InvalidSamplerArgumentException("batchSize",
					"must be at least 1 (torch's BatchSampler refuses " + b + ")");
		}
		if (parameters.accelerateVersion() == null || parameters.torchVersion() == null) {
			throw new IllegalArgumentException("both versions are required");
		}
		SeedableRandomSampler.refuseEmptyDataset(parameters);
		if (parameters.splitBatches() && p > 1 && b % p != 0) {
			throw new LibraryWouldRaiseException("accelerate", parameters.accelerateVersion().toString(),
					splitBatchesError(b, p));
		}
		PermutationKey key = parameters.shuffle() ? SeedableRandomSampler.permutationKey(parameters) : null;
		BatchSamplerShard shard = BatchSamplerShard.of(n, b, p, parameters.processIndex(), parameters.splitBatches(),
				parameters.evenBatches(), parameters.dropLast());
		return new AcceleratePreparedLoader(parameters, key, shard);
	}

	private static String splitBatchesError(int b, int p) {
		return (b > 1)
				? "ValueError: To use a `DataLoader` in `split_batches` mode, the batch size (" + b
						+ ") needs to be a round multiple of the number of processes (" + p + ")."
				: "ValueError: To use `BatchSamplerShard` in `split_batches` mode, the batch size (" + b
						+ ") needs to be a round multiple of the number of processes (" + p + ").";
	}

	/**
	 * @return the arguments
	 */
	public AccelerateLoaderParameters parameters() {
		return this.parameters;
	}

	/**
	 * @return the permutation to compute, empty with {@code shuffle=False}
	 */
	public Optional<PermutationKey> permutationKey() {
		return Optional.ofNullable(this.permutationKey);
	}

	/**
	 * @return the size of the process's batches: B, or B / P with split batches
	 */
	public long processBatchSize() {
		return this.shard.processBatch();
	}

	/**
	 * Where {@code skip_first_batches(loader, numBatches)} resumes: its loader yields
	 * exactly the list from this position (only the last batch can be short, so skipped
	 * batches are whole).
	 * @param numBatches batches to skip, at least 0
	 * @return the offset into {@link #order(Permutation)}
	 * @throws InvalidSamplerArgumentException for a negative count, or a resume outside
	 * epoch 0 on a release older than {@link AccelerateVersion#SKIP_KEEPS_EPOCH}
	 */
	public long skipFirstBatchesOffset(long numBatches) {
		if (numBatches < 0) {
			throw new InvalidSamplerArgumentException("numBatches", "must not be negative");
		}
		if (numBatches > 0 && this.parameters.epoch() != 0 && this.parameters.shuffle()
				&& !this.parameters.accelerateVersion().isAtLeast(AccelerateVersion.SKIP_KEEPS_EPOCH)) {
			throw new InvalidSamplerArgumentException("accelerateVersion", "skip_first_batches of accelerate "
					+ this.parameters.accelerateVersion() + " may reset the sampler to epoch 0 "
					+ "(fixed by huggingface/accelerate#4071); seedbank reproduces a resume outside epoch 0 from "
					+ AccelerateVersion.SKIP_KEEPS_EPOCH);
		}
		long offset = Math.multiplyHigh(numBatches, this.shard.processBatch()) != 0 ? Long.MAX_VALUE
				: numBatches * this.shard.processBatch();
		return Math.min(offset, this.shard.length());
	}

	/**
	 * @param permutation the permutation of {@link #permutationKey()}, or {@code null}
	 * without shuffle
	 * @return the process's indices
	 */
	public IndexOrder order(int[] permutation) {
		return order(Permutation.of(permutation));
	}

	/**
	 * @param permutation the permutation of {@link #permutationKey()}, or {@code null}
	 * without shuffle
	 * @return the process's indices
	 */
	public IndexOrder order(Permutation permutation) {
		if ((this.permutationKey == null) != (permutation == null)
				|| (permutation != null && permutation.length() != this.permutationKey.n())) {
			throw new IllegalArgumentException("the permutation does not belong to this plan");
		}
		return new ShardOrder(permutation, this.shard);
	}

	/**
	 * @return the process's indices, computing the permutation
	 */
	public IndexOrder order() {
		return order(permutationKey().map(Randperm::permutation).orElse(null));
	}

	private record ShardOrder(Permutation permutation, BatchSamplerShard shard) implements IndexOrder {

		@Override
		public long length() {
			return this.shard.length();
		}

		@Override
		public long get(long k) {
			if (k < 0 || k >= length()) {
				throw new IndexOutOfBoundsException("position " + k + " of " + length());
			}
			long q = this.shard.processBatch();
			return read(this.shard.samplerPosition(this.shard.batchStart(k / q) + k % q));
		}

		private long read(long position) {
			return (this.permutation != null) ? this.permutation.get(position) : position;
		}

		@Override
		public void write(long from, long to, ByteBuffer target) {
			if (from < 0 || to > length() || from > to) {
				throw new IndexOutOfBoundsException("[" + from + ", " + to + ") of " + length());
			}
			ByteBuffer out = target.order(ByteOrder.LITTLE_ENDIAN);
			long q = this.shard.processBatch();
			long k = from;
			while (k < to) {
				long r = k / q;
				long t = k % q;
				long start = this.shard.batchStart(r);
				long end = Math.min(q, t + (to - k));
				for (; t < end; t++) {
					out.putLong(read(this.shard.samplerPosition(start + t)));
				}
				k = r * q + end;
			}
		}

	}

}
