package dev.seedbank.manifest;

import dev.seedbank.sampling.RandpermVariant;
import dev.seedbank.sampling.TorchVersion;

/**
 * Names the {@code torch.randperm} algorithm a torch release uses for a dataset size, so
 * that two experiments compare equal only when their permutations can be equal. The rule
 * is the sampling engine's ({@link RandpermVariant#of}); the names are what compare
 * shows.
 */
final class RandpermVariants {

	private RandpermVariants() {
	}

	/**
	 * @param torchVersion the torch release
	 * @param datasetSize the number of indices permuted
	 * @return {@code inside-out} or {@code classic}
	 */
	static String of(TorchVersion torchVersion, long datasetSize) {
		RandpermVariant variant = RandpermVariant.of(torchVersion, datasetSize);
		return (variant == RandpermVariant.INSIDE_OUT) ? "inside-out" : "classic";
	}

}
