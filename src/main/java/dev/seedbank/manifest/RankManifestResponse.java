package dev.seedbank.manifest;

import java.math.BigInteger;
import java.util.List;
import java.util.Map;

import dev.seedbank.experiment.ExperimentSnapshot;
import dev.seedbank.seeds.RankSeeds;
import io.swagger.v3.oas.annotations.media.Schema;

import static io.swagger.v3.oas.annotations.media.Schema.RequiredMode.REQUIRED;

/**
 * One rank's manifest: what a launcher needs to start that rank.
 *
 * @param experimentId the experiment
 * @param framework the framework
 * @param frameworkVersion its version
 * @param torchVersion torch's version
 * @param globalSeed the global seed
 * @param effectiveDataSeed the sampler seed in effect
 * @param worldSize the number of ranks
 * @param shuffle the sampler's shuffle
 * @param dropLast the sampler's drop_last
 * @param rank the global rank
 * @param processSeed the rank's process seed
 * @param samplerSeed the DistributedSampler's seed
 * @param samplerEpochSeed the sampler generator's seed each epoch, in words
 * @param loaderSeed the DataLoader generator's seed
 * @param calls the calls that apply the seeds
 * @param env the SEEDBANK_* variables
 * @param samplerKind the record's sampler kind
 * @param seedWorkers Lightning's seed_everything(workers=True)
 */
@Schema(description = "One rank's seeds and the calls that apply them")
record RankManifestResponse(@Schema(description = "The experiment's id", requiredMode = REQUIRED) String experimentId,
		@Schema(description = "torch, composer, accelerate or lightning", example = "composer",
				requiredMode = REQUIRED) String framework,
		@Schema(description = "The framework's version", example = "0.28.0",
				requiredMode = REQUIRED) String frameworkVersion,
		@Schema(description = "torch's version", example = "2.5.1", requiredMode = REQUIRED) String torchVersion,
		@Schema(description = "The run's global seed", types = "integer", format = "int64-or-uint64", example = "17",
				requiredMode = REQUIRED) BigInteger globalSeed,
		@Schema(description = "The seed the DistributedSampler really uses", types = "integer",
				format = "int64-or-uint64", example = "0", requiredMode = REQUIRED) BigInteger effectiveDataSeed,
		@Schema(description = "Number of ranks", example = "64", requiredMode = REQUIRED) int worldSize,
		@Schema(description = "The sampler's shuffle argument", requiredMode = REQUIRED) boolean shuffle,
		@Schema(description = "The sampler's drop_last argument", requiredMode = REQUIRED) boolean dropLast,
		@Schema(description = "Global rank, 0 .. worldSize-1", example = "3", requiredMode = REQUIRED) int rank,
		@Schema(description = "Seed the rank's process gives python, NumPy and torch", types = "integer",
				format = "int64-or-uint64", example = "20", requiredMode = REQUIRED) BigInteger processSeed,
		@Schema(description = "The DistributedSampler's seed argument", types = "integer", format = "int64-or-uint64",
				example = "0", requiredMode = REQUIRED) BigInteger samplerSeed,
		@Schema(description = "What the sampler seeds its generator with each epoch", example = "0 + epoch",
				requiredMode = REQUIRED) String samplerEpochSeed,
		@Schema(description = "Seed of the DataLoader's generator (the process seed); worker seeds derive from it",
				types = "integer", format = "int64-or-uint64", example = "20",
				requiredMode = REQUIRED) BigInteger loaderSeed,
		@Schema(description = "Python calls that apply these seeds, in order",
				requiredMode = REQUIRED) List<String> calls,
		@Schema(description = "SEEDBANK_* environment variables, as the text/plain form gives them",
				requiredMode = REQUIRED) Map<String, String> env,
		@Schema(description = "The record's sampler kind: distributed, random, accelerate, hf-datasets or streaming",
				example = "distributed", requiredMode = REQUIRED) String samplerKind,
		@Schema(description = "Lightning's seed_everything(workers=True)",
				requiredMode = REQUIRED) boolean seedWorkers) {

	static RankManifestResponse of(ExperimentSnapshot experiment, RankSeeds seeds) {
		return new RankManifestResponse(experiment.id().toString(), experiment.framework().wireName(),
				experiment.frameworkVersion().text(), experiment.torchVersion().text(), experiment.globalSeed(),
				seeds.samplerSeed(), experiment.worldSize(), experiment.shuffle(), experiment.dropLast(), seeds.rank(),
				seeds.processSeed(), seeds.samplerSeed(), seeds.samplerEpochSeed(), seeds.loaderSeed(), seeds.calls(),
				seeds.env(), experiment.sampler().kind(), experiment.seedWorkers());
	}

}
