package dev.seedbank.manifest;

import java.math.BigInteger;
import java.util.List;
import java.util.Map;

import dev.seedbank.seeds.RankSeeds;
import io.swagger.v3.oas.annotations.media.Schema;

import static io.swagger.v3.oas.annotations.media.Schema.RequiredMode.REQUIRED;

/**
 * One rank's seeds inside a manifest.
 *
 * @param rank the global rank
 * @param processSeed the seed of python, NumPy and torch in that rank's process
 * @param samplerSeed the DistributedSampler's seed
 * @param samplerEpochSeed the sampler generator's seed each epoch, in words
 * @param loaderSeed the DataLoader generator's seed
 * @param calls the calls that apply the seeds, in order
 * @param env the SEEDBANK_* variables
 */
@Schema(description = "One rank's seeds and the calls that apply them")
record RankSeedsResponse(
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
				requiredMode = REQUIRED) Map<String, String> env) {

	static RankSeedsResponse of(RankSeeds seeds) {
		return new RankSeedsResponse(seeds.rank(), seeds.processSeed(), seeds.samplerSeed(), seeds.samplerEpochSeed(),
				seeds.loaderSeed(), seeds.calls(), seeds.env());
	}

}
