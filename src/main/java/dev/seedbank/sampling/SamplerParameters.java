package dev.seedbank.sampling;

import java.math.BigInteger;

/**
 * The arguments of {@code DistributedSampler(dataset, num_replicas, rank, shuffle, seed,
 * drop_last)} plus {@code set_epoch(epoch)}, for one torch release; the rank is chosen
 * later, so every rank shares one plan.
 * <p>
 * {@code seed} and {@code epoch} are Python ints: torch stores both unchecked and only
 * {@code seed + epoch} reaches {@code manual_seed}, and only with shuffle.
 *
 * @param datasetSize {@code len(dataset)}
 * @param worldSize {@code num_replicas}
 * @param epoch the value given to {@code set_epoch}, any integer
 * @param seed {@code seed}, any integer
 * @param shuffle {@code shuffle}
 * @param dropLast {@code drop_last}
 * @param torchVersion the torch release whose behaviour to reproduce
 */
public record SamplerParameters(long datasetSize, int worldSize, BigInteger epoch, BigInteger seed, boolean shuffle,
		boolean dropLast, TorchVersion torchVersion) {

	/**
	 * The same with an epoch that fits a long.
	 * @param datasetSize {@code len(dataset)}
	 * @param worldSize {@code num_replicas}
	 * @param epoch the value given to {@code set_epoch}
	 * @param seed {@code seed}
	 * @param shuffle {@code shuffle}
	 * @param dropLast {@code drop_last}
	 * @param torchVersion the torch release whose behaviour to reproduce
	 */
	public SamplerParameters(long datasetSize, int worldSize, long epoch, BigInteger seed, boolean shuffle,
			boolean dropLast, TorchVersion torchVersion) {
		this(datasetSize, worldSize, BigInteger.valueOf(epoch), seed, shuffle, dropLast, torchVersion);
	}

}
