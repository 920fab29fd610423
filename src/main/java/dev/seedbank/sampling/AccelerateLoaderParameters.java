package dev.seedbank.sampling;

import java.math.BigInteger;

/**
 * The arguments of {@code prepare_data_loader(DataLoader(range(datasetSize),
 * batch_size=batchSize, shuffle=shuffle, drop_last=dropLast), num_processes=numProcesses,
 * process_index=processIndex, split_batches=splitBatches, even_batches=evenBatches,
 * use_seedable_sampler=True, data_seed=seed)} followed by {@code set_epoch(epoch)}.
 *
 * @param datasetSize the dataset's length
 * @param numProcesses {@code num_processes}
 * @param processIndex {@code process_index}
 * @param batchSize the DataLoader's {@code batch_size}
 * @param epoch the value given to {@code set_epoch}
 * @param seed {@code data_seed}; may be {@code null} without shuffle, where nothing is
 * seeded
 * @param shuffle the DataLoader's {@code shuffle}
 * @param dropLast the DataLoader's {@code drop_last}
 * @param evenBatches {@code even_batches}
 * @param splitBatches {@code split_batches}
 * @param accelerateVersion the accelerate release
 * @param torchVersion the torch release, which decides the randperm algorithm
 */
public record AccelerateLoaderParameters(long datasetSize, int numProcesses, int processIndex, int batchSize,
		long epoch, BigInteger seed, boolean shuffle, boolean dropLast, boolean evenBatches, boolean splitBatches,
		AccelerateVersion accelerateVersion, TorchVersion torchVersion) {
}
