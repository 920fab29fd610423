package dev.seedbank.experiment.web;

import java.math.BigInteger;
import java.time.Instant;
import java.util.Map;
import java.util.UUID;

import dev.seedbank.experiment.ExperimentSnapshot;
import dev.seedbank.experiment.ExperimentStatus;
import dev.seedbank.seeds.DataSeedPolicy;
import io.swagger.v3.oas.annotations.media.Schema;

/**
 * An experiment record as the API shows it.
 *
 * @param id the record's id
 * @param name unique name
 * @param description free text
 * @param framework framework
 * @param frameworkVersion its version
 * @param torchVersion torch's version
 * @param globalSeed the run's global seed
 * @param dataSeed the explicit data seed
 * @param dataSeedPolicy how the data seed was chosen
 * @param effectiveDataSeed the seed the sampler really uses
 * @param effectiveDataSeedReason why, in words
 * @param deviceSpecific accelerate's device_specific
 * @param sampler the sampler's arguments
 * @param tags labels
 * @param status ACTIVE or ARCHIVED
 * @param createdAt creation time
 * @param createdBy creator
 * @param updatedAt last change
 * @param version the record's version, also its ETag
 */
@Schema(description = "An experiment record")
public record ExperimentResponse(UUID id, String name, String description, String framework, String frameworkVersion,
		String torchVersion, @Schema(type = "integer", format = "int64-or-uint64") BigInteger globalSeed,
		@Schema(type = "integer", format = "int64-or-uint64", nullable = true) BigInteger dataSeed,
		DataSeedPolicy dataSeedPolicy,
		@Schema(type = "integer", format = "int64-or-uint64",
				description = "The seed the DistributedSampler really uses") BigInteger effectiveDataSeed,
		@Schema(description = "Why the effective data seed is what it is") String effectiveDataSeedReason,
		boolean deviceSpecific, SamplerSettings sampler, Map<String, String> tags, ExperimentStatus status,
		Instant createdAt, String createdBy, Instant updatedAt, long version) {

	static ExperimentResponse of(ExperimentSnapshot e) {
		return new ExperimentResponse(e.id(), e.name(), e.description(), e.framework(), e.frameworkVersion(),
				e.torchVersion(), e.globalSeed(), e.dataSeed(), e.dataSeedPolicy(), e.effectiveDataSeed(),
				e.effectiveDataSeedReason(), e.deviceSpecific(),
				new SamplerSettings(e.datasetSize(), e.worldSize(), e.shuffle(), e.dropLast()), e.tags(), e.status(),
				e.createdAt(), e.createdBy(), e.updatedAt(), e.version());
	}

}
