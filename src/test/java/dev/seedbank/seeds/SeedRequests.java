package dev.seedbank.seeds;

import java.math.BigInteger;

/** Builds {@link SeedRequest}s for tests. */
final class SeedRequests {

	private SeedRequests() {
	}

	static SeedRequest of(Framework framework, String version, long globalSeed, Long dataSeed, DataSeedPolicy policy,
			int worldSize) {
		return of(framework, version, BigInteger.valueOf(globalSeed),
				(dataSeed != null) ? BigInteger.valueOf(dataSeed) : null, policy, worldSize, false);
	}

	static SeedRequest of(Framework framework, String version, BigInteger globalSeed, BigInteger dataSeed,
			DataSeedPolicy policy, int worldSize, boolean deviceSpecific) {
		return new SeedRequest(framework, FrameworkRelease.parse(version), TorchRelease.parse("2.5.1"), globalSeed,
				dataSeed, policy, worldSize, deviceSpecific);
	}

}
