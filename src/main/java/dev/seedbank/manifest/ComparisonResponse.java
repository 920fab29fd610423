package dev.seedbank.manifest;

import java.math.BigInteger;
import java.util.List;

import dev.seedbank.experiment.ExperimentSnapshot;
import io.swagger.v3.oas.annotations.media.Schema;

import static io.swagger.v3.oas.annotations.media.Schema.RequiredMode.REQUIRED;

/**
 * Whether two experiments see the same data order, and which seeds differ.
 *
 * @param left the left experiment's seeding
 * @param right the right experiment's seeding
 * @param sameDataOrder whether every rank gets the same indices in every epoch
 * @param explanation why, in words
 * @param differingSettings the sampler settings that differ
 * @param differingSeeds the seeds that differ
 * @param processSeedDifferenceCount how many ranks, present in both, have different
 * process seeds
 * @param processSeedDifferences the first of those ranks with both seeds
 * @param warnings pitfalls, in words
 */
@Schema(description = "Whether two experiments see the same data order, and which seeds differ")
record ComparisonResponse(@Schema(description = "The left experiment", requiredMode = REQUIRED) Side left,
		@Schema(description = "The right experiment", requiredMode = REQUIRED) Side right,
		@Schema(description = "Whether every rank gets the same indices in every epoch",
				requiredMode = REQUIRED) boolean sameDataOrder,
		@Schema(description = "Why, in words", requiredMode = REQUIRED) String explanation,
		@Schema(description = "Sampler settings that differ: datasetSize, worldSize, shuffle, dropLast, randpermVariant; "
				+ "for other kinds kind and any field of either sampler",
				requiredMode = REQUIRED) List<String> differingSettings,
		@Schema(description = "Seeds that differ: globalSeed, dataSeed, effectiveDataSeed, processSeeds",
				requiredMode = REQUIRED) List<String> differingSeeds,
		@Schema(description = "Number of ranks present in both whose process seeds differ", example = "64",
				requiredMode = REQUIRED) int processSeedDifferenceCount,
		@Schema(description = "Those ranks with both process seeds, the first " + ManifestService.MAX_LISTED_DIFFERENCES
				+ " only", requiredMode = REQUIRED) List<ProcessSeedDifference> processSeedDifferences,
		@Schema(description = "Pitfalls, e.g. different global seeds with the same data order",
				requiredMode = REQUIRED) List<String> warnings) {

	/**
	 * The seeding of one side of a comparison.
	 *
	 * @param id the experiment
	 * @param name its name
	 * @param framework its framework
	 * @param frameworkVersion the framework's version
	 * @param torchVersion torch's version
	 * @param globalSeed the global seed
	 * @param effectiveDataSeed the sampler seed
	 * @param randpermVariant the randperm algorithm for its dataset size
	 * @param samplerKind the record's sampler kind
	 */
	@Schema(name = "ComparedSide", description = "The seeding of one side of a comparison")
	record Side(@Schema(description = "The experiment's id", requiredMode = REQUIRED) String id,
			@Schema(description = "The experiment's name", requiredMode = REQUIRED) String name,
			@Schema(description = "torch, composer, accelerate or lightning", requiredMode = REQUIRED) String framework,
			@Schema(description = "The framework's version", requiredMode = REQUIRED) String frameworkVersion,
			@Schema(description = "torch's version", requiredMode = REQUIRED) String torchVersion,
			@Schema(description = "The global seed", types = "integer", format = "int64-or-uint64",
					requiredMode = REQUIRED) BigInteger globalSeed,
			@Schema(description = "The seed the DistributedSampler really uses", types = "integer",
					format = "int64-or-uint64", requiredMode = REQUIRED) BigInteger effectiveDataSeed,
			@Schema(description = "Opaque name of torch's randperm algorithm for this dataset size; equal names "
					+ "give equal permutations for equal seeds", example = "classic",
					requiredMode = REQUIRED) String randpermVariant,
			@Schema(description = "The record's sampler kind", example = "distributed",
					requiredMode = REQUIRED) String samplerKind) {

		static Side of(ExperimentSnapshot experiment) {
			return new Side(experiment.id().toString(), experiment.name(), experiment.framework().wireName(),
					experiment.frameworkVersion().text(), experiment.torchVersion().text(), experiment.globalSeed(),
					experiment.effectiveDataSeed(), RandpermVariants.of(experiment.torch(), experiment.datasetSize()),
					experiment.sampler().kind());
		}

	}

	/**
	 * A rank whose process seeds differ.
	 *
	 * @param rank the global rank
	 * @param left the left experiment's process seed
	 * @param right the right experiment's process seed
	 */
	@Schema(description = "A rank whose process seeds differ")
	record ProcessSeedDifference(@Schema(description = "Global rank", requiredMode = REQUIRED) int rank,
			@Schema(description = "The left experiment's process seed", types = "integer", format = "int64-or-uint64",
					requiredMode = REQUIRED) BigInteger left,
			@Schema(description = "The right experiment's process seed", types = "integer", format = "int64-or-uint64",
					requiredMode = REQUIRED) BigInteger right) {
	}

}
