package dev.seedbank.experiment;

import java.math.BigInteger;
import java.time.Instant;
import java.util.Map;
import java.util.UUID;

import dev.seedbank.sampling.SamplerSpec;
import dev.seedbank.sampling.TorchVersion;
import dev.seedbank.seeds.DataSeedPolicy;
import dev.seedbank.seeds.Framework;
import dev.seedbank.seeds.FrameworkRelease;
import dev.seedbank.seeds.TorchRelease;

/**
 * An immutable copy of an experiment record: what other features (index orders,
 * manifests) and the web layer read, so the entity never leaves this package.
 *
 * @param id the record's id
 * @param name unique name
 * @param description free text, may be {@code null}
 * @param framework the training framework
 * @param frameworkVersion the framework's version, as the client spelled it
 * @param torchVersion torch's version, as the client spelled it
 * @param globalSeed the run's global seed
 * @param dataSeed the explicit data seed, or {@code null}
 * @param dataSeedPolicy how the data seed was chosen
 * @param effectiveDataSeed the seed the sampler really uses
 * @param effectiveDataSeedReason why, in words
 * @param deviceSpecific accelerate's {@code device_specific}
 * @param datasetSize samples in the dataset
 * @param worldSize number of ranks
 * @param shuffle the sampler's {@code shuffle}
 * @param dropLast the sampler's {@code drop_last}
 * @param sampler the sampler's kind and settings; what every order is computed from (the
 * four fields above summarise it for the other kinds: length, ranks, whether it shuffles)
 * @param seedWorkers Lightning's {@code seed_everything(workers=True)}
 * @param tags labels
 * @param status active or archived
 * @param createdAt creation time
 * @param createdBy who created it
 * @param updatedAt last change of a mutable field
 * @param version optimistic-lock version, the ETag
 */
public record ExperimentSnapshot(UUID id, String name, String description, Framework framework,
		FrameworkRelease frameworkVersion, TorchRelease torchVersion, BigInteger globalSeed, BigInteger dataSeed,
		DataSeedPolicy dataSeedPolicy, BigInteger effectiveDataSeed, String effectiveDataSeedReason,
		boolean deviceSpecific, long datasetSize, int worldSize, boolean shuffle, boolean dropLast, SamplerSpec sampler,
		boolean seedWorkers, Map<String, String> tags, ExperimentStatus status, Instant createdAt, String createdBy,
		Instant updatedAt, long version) {

	/**
	 * @return torch's release, as the engine takes it
	 */
	public TorchVersion torch() {
		return this.torchVersion.version();
	}

}
