package dev.seedbank.seeds;

import java.math.BigInteger;

/**
 * The seeding-relevant facts of an experiment, as the launcher declared them.
 *
 * @param framework the training framework
 * @param frameworkVersion its version, e.g. {@code 0.28.0}
 * @param torchVersion torch's version, {@code null} only in a malformed request
 * @param globalSeed the run's global seed
 * @param dataSeed the explicit data seed, or {@code null}
 * @param policy how the data seed is chosen
 * @param worldSize number of ranks
 * @param deviceSpecific accelerate's {@code set_seed(device_specific=...)}
 */
public record SeedRequest(Framework framework, FrameworkRelease frameworkVersion, TorchRelease torchVersion,
		BigInteger globalSeed, BigInteger dataSeed, DataSeedPolicy policy, int worldSize, boolean deviceSpecific) {
}
