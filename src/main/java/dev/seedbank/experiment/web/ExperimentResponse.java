package dev.seedbank.experiment.web;

import java.math.BigInteger;
import java.time.Instant;
import java.util.Map;
import java.util.UUID;

import dev.seedbank.experiment.ExperimentSnapshot;
import dev.seedbank.experiment.SamplerSpecJson;
import dev.seedbank.experiment.ExperimentStatus;
import dev.seedbank.seeds.DataSeedPolicy;
import io.swagger.v3.oas.annotations.media.Schema;
import tools.jackson.databind.JsonNode;

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
 * @param sampler the sampler's kind and arguments
 * @param seedWorkers Lightning's seed_everything(workers=True)
 * @param tags labels
 * @param status ACTIVE or ARCHIVED
 * @param createdAt creation time
 * @param createdBy creator
 * @param updatedAt last change
 * @param version the record's version, also its ETag
 */
@Schema(description = "An experiment record")
public record ExperimentResponse(@Schema(description = "The record's id") UUID id,
		@Schema(description = "Unique name", example = "resnet50-sweep-a/seed-17") String name,
		@Schema(description = "Free text", nullable = true) String description,
		@Schema(description = "torch, composer, accelerate or lightning", example = "composer") String framework,
		@Schema(description = "The framework's version", example = "0.28.0") String frameworkVersion,
		@Schema(description = "torch's version", example = "2.5.1") String torchVersion,
		@Schema(description = "The run's global seed. " + CreateExperimentRequest.SEED_RANGE, types = "integer",
				format = "int64-or-uint64", example = "17") BigInteger globalSeed,
		@Schema(description = "The explicit data seed, null when none was recorded", types = "integer",
				format = "int64-or-uint64", nullable = true) BigInteger dataSeed,
		@Schema(description = "How the data seed was chosen") DataSeedPolicy dataSeedPolicy,
		@Schema(description = "The seed the sampler really uses: DistributedSampler's seed, the RandomSampler generator's seed, "
				+ "accelerate's data_seed, Dataset.shuffle's seed or Streaming's shuffle_seed", types = "integer",
				format = "int64-or-uint64", example = "0") BigInteger effectiveDataSeed,
		@Schema(description = "Why the effective data seed is what it is") String effectiveDataSeedReason,
		@Schema(description = "accelerate's set_seed(device_specific=...)") boolean deviceSpecific,
		@Schema(description = "The sampler's kind and every argument of that kind (null where the library's "
				+ "default applies); versions as recorded", implementation = SamplerSettings.class) JsonNode sampler,
		@Schema(description = "Lightning's seed_everything(workers=True)") boolean seedWorkers,
		@Schema(description = "Labels", example = "{\"team\": \"vision\"}") Map<String, String> tags,
		@Schema(description = "ACTIVE or ARCHIVED; records are archived, never deleted") ExperimentStatus status,
		@Schema(description = "When it was recorded") Instant createdAt,
		@Schema(description = "The token's owner that recorded it, or anonymous") String createdBy,
		@Schema(description = "When description, tags or status last changed") Instant updatedAt,
		@Schema(description = "The record's version, also its ETag (\"v\" + version)", example = "0") long version) {

	static ExperimentResponse of(ExperimentSnapshot e) {
		return new ExperimentResponse(e.id(), e.name(), e.description(), e.framework().wireName(),
				e.frameworkVersion().text(), e.torchVersion().text(), e.globalSeed(), e.dataSeed(), e.dataSeedPolicy(),
				e.effectiveDataSeed(), e.effectiveDataSeedReason(), e.deviceSpecific(),
				SamplerSpecJson.write(e.sampler()), e.seedWorkers(), e.tags(), e.status(), e.createdAt(), e.createdBy(),
				e.updatedAt(), e.version());
	}

}
