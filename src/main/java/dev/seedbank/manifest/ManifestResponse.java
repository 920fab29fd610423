package dev.seedbank.manifest;

import java.math.BigInteger;
import java.util.List;

import dev.seedbank.experiment.ExperimentSnapshot;
import dev.seedbank.experiment.SamplerSpecJson;
import dev.seedbank.seeds.DataSeedPolicy;
import dev.seedbank.seeds.SeedManifest;
import io.swagger.v3.oas.annotations.media.Schema;
import tools.jackson.databind.JsonNode;

import static io.swagger.v3.oas.annotations.media.Schema.RequiredMode.REQUIRED;

/**
 * An experiment's seed manifest, or one page of its ranks.
 *
 * @param experimentId the experiment
 * @param framework the framework
 * @param frameworkVersion its version
 * @param torchVersion torch's version
 * @param globalSeed the global seed
 * @param dataSeed the explicit data seed, or {@code null}
 * @param dataSeedPolicy the data seed policy
 * @param effectiveDataSeed the sampler seed in effect
 * @param explanation why that sampler seed
 * @param deviceSpecific accelerate's device_specific
 * @param datasetSize the dataset's length
 * @param shuffle the sampler's shuffle
 * @param dropLast the sampler's drop_last
 * @param worldSize the number of ranks
 * @param fromRank the first rank listed
 * @param toRank one past the last rank listed
 * @param nextFromRank where the next page starts, or {@code null} on the last page
 * @param notes framework pitfalls that apply
 * @param source where the framework rule comes from
 * @param ranks the ranks fromRank .. toRank-1
 * @param sampler the record's sampler kind and settings
 * @param seedWorkers Lightning's seed_everything(workers=True)
 */
@Schema(description = "Every rank's seeds (a page of at most " + ManifestService.MAX_RANKS_PER_PAGE
		+ " ranks) and the calls that apply them")
record ManifestResponse(@Schema(description = "The experiment's id", requiredMode = REQUIRED) String experimentId,
		@Schema(description = "torch, composer, accelerate or lightning", example = "composer",
				requiredMode = REQUIRED) String framework,
		@Schema(description = "The framework's version", example = "0.28.0",
				requiredMode = REQUIRED) String frameworkVersion,
		@Schema(description = "torch's version", example = "2.5.1", requiredMode = REQUIRED) String torchVersion,
		@Schema(description = "The run's global seed", types = "integer", format = "int64-or-uint64", example = "17",
				requiredMode = REQUIRED) BigInteger globalSeed,
		@Schema(description = "The explicit data seed, null when none was recorded", types = "integer",
				format = "int64-or-uint64", nullable = true) BigInteger dataSeed,
		@Schema(description = "How the data seed was chosen", requiredMode = REQUIRED) DataSeedPolicy dataSeedPolicy,
		@Schema(description = "The seed the DistributedSampler really uses", types = "integer",
				format = "int64-or-uint64", example = "0", requiredMode = REQUIRED) BigInteger effectiveDataSeed,
		@Schema(description = "Why the sampler seed is what it is, in words",
				requiredMode = REQUIRED) String explanation,
		@Schema(description = "accelerate's set_seed(device_specific=...)",
				requiredMode = REQUIRED) boolean deviceSpecific,
		@Schema(description = "len(dataset)", example = "1281167", requiredMode = REQUIRED) long datasetSize,
		@Schema(description = "The sampler's shuffle argument", requiredMode = REQUIRED) boolean shuffle,
		@Schema(description = "The sampler's drop_last argument", requiredMode = REQUIRED) boolean dropLast,
		@Schema(description = "Number of ranks", example = "64", requiredMode = REQUIRED) int worldSize,
		@Schema(description = "First rank in this page", example = "0", requiredMode = REQUIRED) int fromRank,
		@Schema(description = "One past the last rank in this page", example = "64",
				requiredMode = REQUIRED) int toRank,
		@Schema(description = "fromRank of the next page; null when this page ends at worldSize",
				nullable = true) Integer nextFromRank,
		@Schema(description = "Framework pitfalls that apply to this run, in words",
				requiredMode = REQUIRED) List<String> notes,
		@Schema(description = "The framework code the seeding rule comes from", requiredMode = REQUIRED) String source,
		@Schema(description = "The ranks fromRank .. toRank-1, in order",
				requiredMode = REQUIRED) List<RankSeedsResponse> ranks,
		@Schema(description = "The record's sampler: kind and settings, as the record shows them",
				implementation = Object.class, requiredMode = REQUIRED) JsonNode sampler,
		@Schema(description = "Lightning's seed_everything(workers=True): the calls install pl_worker_init_function",
				requiredMode = REQUIRED) boolean seedWorkers) {

	static ManifestResponse of(ExperimentSnapshot experiment, SeedManifest manifest, int fromRank, int toRank) {
		Integer next = (toRank < manifest.worldSize()) ? toRank : null;
		return new ManifestResponse(manifest.experimentId(), manifest.framework(), manifest.frameworkVersion(),
				manifest.torchVersion(), manifest.globalSeed(), experiment.dataSeed(), experiment.dataSeedPolicy(),
				manifest.effectiveDataSeed(), manifest.explanation(), experiment.deviceSpecific(),
				experiment.datasetSize(), manifest.shuffle(), manifest.dropLast(), manifest.worldSize(), fromRank,
				toRank, next, manifest.notes(), manifest.source(),
				manifest.ranks().stream().map(RankSeedsResponse::of).toList(),
				SamplerSpecJson.write(experiment.sampler()), experiment.seedWorkers());
	}

}
