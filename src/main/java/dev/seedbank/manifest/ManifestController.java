package dev.seedbank.manifest;

import java.util.List;
import java.util.UUID;

import dev.seedbank.experiment.ExperimentService;
import dev.seedbank.experiment.ExperimentSnapshot;
import dev.seedbank.sampling.ReleaseVersion;
import dev.seedbank.sampling.DistributedSpec;
import dev.seedbank.sampling.RandomSpec;
import dev.seedbank.sampling.TorchVersion;
import dev.seedbank.seeds.EpochWorkerSeeds;
import dev.seedbank.seeds.LightningWorkerSeeds;
import dev.seedbank.seeds.RankSeeds;
import dev.seedbank.seeds.SamplerCalls;
import dev.seedbank.seeds.SeedManifest;
import dev.seedbank.seeds.SeedManifests;
import dev.seedbank.seeds.SeedRequest;
import dev.seedbank.seeds.WorkerSeeds;
import dev.seedbank.web.ApiException;
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.Parameter;
import io.swagger.v3.oas.annotations.media.Content;
import io.swagger.v3.oas.annotations.media.Schema;
import io.swagger.v3.oas.annotations.responses.ApiResponse;
import io.swagger.v3.oas.annotations.tags.Tag;

import org.springframework.http.MediaType;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

/**
 * Seed manifests and DataLoader worker seeds of recorded experiments: HTTP over the seeds
 * engine.
 */
@RestController
@RequestMapping("/api/v1/experiments/{id}")
@Tag(name = "Seeds", description = "Seed manifests, DataLoader worker seeds and seed comparisons")
class ManifestController {

	/** Most ranks in one manifest response; a world of 10^6 ranks is read in pages. */
	static final int MAX_RANKS_PER_PAGE = 4096;

	/** Most DataLoader workers answered; no real loader comes near it. */
	static final int MAX_WORKERS = 1024;

	/**
	 * Highest epoch answered: the base seed of epoch e is the (e+1)-th draw of the loader
	 * generator, so the cost grows with e (tens of milliseconds at the cap).
	 */
	static final int MAX_EPOCH = 1_000_000;

	private final ExperimentService experiments;

	ManifestController(ExperimentService experiments) {
		this.experiments = experiments;
	}

	@GetMapping(path = "/manifest", produces = MediaType.APPLICATION_JSON_VALUE)
	@Operation(summary = "Every rank's seeds",
			description = "The seed manifest: for each rank the process seed, the sampler seed (seed + epoch each "
					+ "epoch), the DataLoader generator seed and the framework calls that apply them, with the data "
					+ "seed policy's explanation, framework notes and the source of the rule. At most "
					+ MAX_RANKS_PER_PAGE + " ranks per response: fromRank and toRank select a page, and "
					+ "nextFromRank names the next one (null on the last page).")
	ManifestResponse manifest(
			@Parameter(description = "The experiment's id",
					example = "3f2b6c1e-8a4d-4e7f-9b0a-1c2d3e4f5a6b") @PathVariable UUID id,
			@Parameter(description = "First rank of the page",
					example = "0") @RequestParam(defaultValue = "0") int fromRank,
			@Parameter(description = "One past the last rank of the page; default fromRank + " + MAX_RANKS_PER_PAGE
					+ ", at most worldSize", example = "64") @RequestParam(required = false) Integer toRank) {
		ExperimentSnapshot experiment = this.experiments.get(id);
		int end = (toRank != null) ? toRank
				: (int) Math.min(experiment.worldSize(), (long) fromRank + MAX_RANKS_PER_PAGE);
		// fromRank first: a negative one would otherwise be reported as too long a page.
		if (fromRank < 0) {
			throw ApiException.invalid("fromRank", "must be in [0, " + experiment.worldSize() + ")");
		}
		if ((long) end - fromRank > MAX_RANKS_PER_PAGE) {
			throw ApiException.invalid("toRank", "a page holds at most " + MAX_RANKS_PER_PAGE
					+ " ranks; ask for toRank at most " + ((long) fromRank + MAX_RANKS_PER_PAGE));
		}
		SeedRequest request = ExperimentSeeds.request(experiment);
		SeedManifest plain = SeedManifests.forRanks(id.toString(), request, experiment.shuffle(), experiment.dropLast(),
				fromRank, end);
		boolean distributed = experiment.sampler() instanceof DistributedSpec;
		// The distributed notes speak of DistributedSampler and its default seed; another
		// kind keeps only what holds for it.
		List<String> notes = distributed ? plain.notes()
				: experiment.effectiveDataSeed().equals(experiment.globalSeed()) ? List.of()
						: List.of("The sampler seed " + experiment.effectiveDataSeed()
								+ " differs from the global seed " + experiment.globalSeed()
								+ ": changing the global seed alone does not change the data order.");
		SeedManifest manifest = new SeedManifest(plain.experimentId(), plain.framework(), plain.frameworkVersion(),
				plain.torchVersion(), plain.globalSeed(), experiment.effectiveDataSeed(),
				experiment.effectiveDataSeedReason(), plain.shuffle(), plain.dropLast(), plain.worldSize(), notes,
				plain.source(), plain.ranks().stream().map((seeds) -> ofRecord(experiment, request, seeds)).toList());
		return ManifestResponse.of(experiment, manifest, fromRank, end);
	}

	@GetMapping(path = "/ranks/{rank}/manifest", produces = MediaType.APPLICATION_JSON_VALUE)
	@Operation(summary = "One rank's seeds",
			description = "The seeds and calls of one rank. With Accept: text/plain the same seeds come as KEY=VALUE "
					+ "lines (SEEDBANK_EXPERIMENT_ID, SEEDBANK_GLOBAL_SEED, SEEDBANK_PROCESS_SEED, SEEDBANK_DATA_SEED, "
					+ "SEEDBANK_LOADER_SEED, SEEDBANK_WORLD_SIZE, SEEDBANK_RANK, ...), unquoted integers and simple "
					+ "words, for `source` or `docker run --env-file`.",
			responses = @ApiResponse(responseCode = "200", description = "The rank's seeds",
					content = {
							@Content(mediaType = MediaType.APPLICATION_JSON_VALUE,
									schema = @Schema(implementation = RankManifestResponse.class)),
							@Content(mediaType = MediaType.TEXT_PLAIN_VALUE,
									schema = @Schema(type = "string",
											example = "SEEDBANK_EXPERIMENT_ID=3f2b6c1e-8a4d-4e7f-9b0a-1c2d3e4f5a6b\n"
													+ "SEEDBANK_GLOBAL_SEED=17\nSEEDBANK_PROCESS_SEED=20\n")) }))
	RankManifestResponse rankManifest(
			@Parameter(description = "The experiment's id",
					example = "3f2b6c1e-8a4d-4e7f-9b0a-1c2d3e4f5a6b") @PathVariable UUID id,
			@Parameter(description = "Global rank, 0 .. worldSize-1", example = "3") @PathVariable int rank) {
		ExperimentSnapshot experiment = this.experiments.get(id);
		return RankManifestResponse.of(experiment, rankSeeds(experiment, rank));
	}

	@GetMapping(path = "/ranks/{rank}/manifest", produces = MediaType.TEXT_PLAIN_VALUE)
	@Operation(hidden = true)
	String rankManifestEnv(@PathVariable UUID id, @PathVariable int rank) {
		return rankSeeds(this.experiments.get(id), rank).envLines();
	}

	@GetMapping(path = "/ranks/{rank}/epochs/{epoch}/workers", produces = MediaType.APPLICATION_JSON_VALUE)
	@Operation(summary = "DataLoader worker seeds of one rank and epoch",
			description = "The seeds torch gives each DataLoader worker of the rank's loader (generator seeded with "
					+ "the rank's loaderSeed, map-style dataset, DistributedSampler): base_seed is the loader "
					+ "generator's draw for that iter(loader), worker w seeds random and torch with base_seed + w "
					+ "and, from torch 1.9.0, NumPy with _generate_state(base_seed, w). numWorkers 0 is a 400: the "
					+ "main process loads and seeds nothing per worker, the rank's processSeed applies. epoch is "
					+ "capped at " + MAX_EPOCH + " because each epoch costs one more draw.")
	WorkerSeedsResponse workers(
			@Parameter(description = "The experiment's id",
					example = "3f2b6c1e-8a4d-4e7f-9b0a-1c2d3e4f5a6b") @PathVariable UUID id,
			@Parameter(description = "Global rank, 0 .. worldSize-1", example = "0") @PathVariable int rank,
			@Parameter(description = "Epoch, the epoch-th iter(loader) counting from 0; at most " + MAX_EPOCH,
					example = "0",
					schema = @Schema(types = "integer", minimum = "0",
							maximum = "" + MAX_EPOCH)) @PathVariable int epoch,
			@Parameter(description = "The loader's num_workers, 1 .. " + MAX_WORKERS, example = "4",
					schema = @Schema(types = "integer", minimum = "1",
							maximum = "" + MAX_WORKERS)) @RequestParam int numWorkers,
			@Parameter(
					description = "The loader's persistent_workers: the first epoch's base seed then serves "
							+ "every epoch",
					example = "false") @RequestParam(defaultValue = "false") boolean persistentWorkers) {
		if (numWorkers == 0) {
			throw ApiException.invalid("numWorkers", "must be at least 1: with num_workers=0 the main process loads "
					+ "the data and no worker is seeded; the rank's processSeed is what applies");
		}
		if (numWorkers < 0 || numWorkers > MAX_WORKERS) {
			throw ApiException.invalid("numWorkers", "must be between 1 and " + MAX_WORKERS);
		}
		if (epoch < 0 || epoch > MAX_EPOCH) {
			throw ApiException.invalid("epoch", "must be between 0 and " + MAX_EPOCH);
		}
		ExperimentSnapshot experiment = this.experiments.get(id);
		RankSeeds seeds = rankSeeds(experiment, rank);
		TorchVersion torch = experiment.torch();
		EpochWorkerSeeds workers;
		if (experiment.sampler() instanceof RandomSpec random && random.dataLoader()) {
			// The loader and its RandomSampler share one generator: every epoch's sampler
			// draws move the next base seed, and persistent workers keep the first one.
			workers = WorkerSeeds.forShufflingLoader(seeds.loaderSeed(), epoch, numWorkers, persistentWorkers,
					random.datasetSize(), random.replacement(), random.numSamples(), torch);
		}
		else {
			workers = WorkerSeeds.forEpoch(seeds.loaderSeed(), epoch, numWorkers, persistentWorkers, torch.release());
		}
		if (experiment.seedWorkers()) {
			workers = LightningWorkerSeeds.afterWorkerInit(workers, rank,
					ReleaseVersion.parse(experiment.frameworkVersion()));
		}
		return WorkerSeedsResponse.of(id.toString(), rank, workers);
	}

	private static RankSeeds rankSeeds(ExperimentSnapshot experiment, int rank) {
		SeedRequest request = ExperimentSeeds.request(experiment);
		return ofRecord(experiment, request, SeedManifests.forRank(experiment.id().toString(), request,
				experiment.shuffle(), experiment.dropLast(), rank));
	}

	/**
	 * The distributed seeds of a rank, as the record's sampler kind and workers use them.
	 */
	private static RankSeeds ofRecord(ExperimentSnapshot experiment, SeedRequest request, RankSeeds seeds) {
		RankSeeds ofKind = SamplerCalls.of(seeds, experiment.sampler(), experiment.effectiveDataSeed());
		return experiment.seedWorkers() ? SeedManifests.seedingWorkers(ofKind, request) : ofKind;
	}

}
