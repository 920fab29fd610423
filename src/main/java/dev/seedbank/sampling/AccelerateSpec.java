package dev.seedbank.sampling;

import java.math.BigInteger;
import java.util.Objects;
import java.util.function.Function;

/**
 * accelerate's prepared loader with {@code use_seedable_sampler=True}; the rank is the
 * process index.
 *
 * @param datasetSize the dataset's length
 * @param numProcesses {@code num_processes}
 * @param batchSize the DataLoader's {@code batch_size}
 * @param shuffle the DataLoader's {@code shuffle}
 * @param dropLast the DataLoader's {@code drop_last}
 * @param evenBatches {@code even_batches}
 * @param splitBatches {@code split_batches}
 * @param accelerateVersion the accelerate release
 */
public record AccelerateSpec(long datasetSize, int numProcesses, int batchSize, boolean shuffle, boolean dropLast,
		boolean evenBatches, boolean splitBatches, AccelerateVersion accelerateVersion) implements SamplerSpec {

	public AccelerateSpec {
		Objects.requireNonNull(accelerateVersion, "accelerateVersion");
		AcceleratePreparedLoader
			.of(new AccelerateLoaderParameters(datasetSize, numProcesses, 0, batchSize, 0, BigInteger.ZERO, shuffle,
					dropLast, evenBatches, splitBatches, accelerateVersion, TorchVersion.newest()));
	}

	@Override
	public String kind() {
		return "accelerate";
	}

	@Override
	public long ranks() {
		return this.numProcesses;
	}

	/**
	 * @param seed {@code data_seed}
	 * @param epoch the value given to {@code set_epoch}
	 * @param torchVersion the torch release
	 * @return the prepared loader of that process
	 */
	public AcceleratePreparedLoader loader(BigInteger seed, long epoch, int rank, TorchVersion torchVersion) {
		return AcceleratePreparedLoader.of(new AccelerateLoaderParameters(this.datasetSize, this.numProcesses, rank,
				this.batchSize, epoch, seed, this.shuffle, this.dropLast, this.evenBatches, this.splitBatches,
				this.accelerateVersion, torchVersion));
	}

	@Override
	public IndexOrder order(BigInteger seed, long epoch, int rank, TorchVersion torchVersion,
			Function<PermutationKey, Permutation> permutations) {
		AcceleratePreparedLoader loader = loader(seed, epoch, rank, torchVersion);
		return loader.order(loader.permutationKey().map(permutations).orElse(null));
	}

}
