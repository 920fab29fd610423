package dev.seedbank.manifest;

import dev.seedbank.seeds.FrameworkVersion;

/**
 * Names the {@code torch.randperm} algorithm a torch release uses for a dataset size, so
 * that two experiments compare equal only when their permutations can be equal.
 * <p>
 * From torch 2.6.0, the CPU {@code randperm} shuffles with a different algorithm for
 * {@code n} at or above {@link #INSIDE_OUT_MIN_SIZE}; below it, and in every earlier
 * release, the classic swap loop runs. The sampling engine owns the exact rule; this is
 * the same boundary, kept here so compare does not wait for the engine. The names are
 * opaque: only their equality matters.
 */
final class RandpermVariants {

	/** The first torch release with the second algorithm. */
	static final FrameworkVersion INSIDE_OUT_SINCE = new FrameworkVersion(2, 6, 0);

	/**
	 * The smallest {@code n} that takes the second algorithm in torch 2.6.0 and later.
	 */
	static final long INSIDE_OUT_MIN_SIZE = 214_748_364L;

	private RandpermVariants() {
	}

	/**
	 * @param torchVersion the torch release, e.g. {@code 2.6.0}
	 * @param datasetSize the number of indices permuted
	 * @return {@code inside-out} or {@code classic}
	 */
	static String of(String torchVersion, long datasetSize) {
		boolean insideOut = FrameworkVersion.parse(torchVersion).isAtLeast(INSIDE_OUT_SINCE)
				&& datasetSize >= INSIDE_OUT_MIN_SIZE;
		return insideOut ? "inside-out" : "classic";
	}

}
